"""The reminder pass: run every rule, claim each reminder once, send its e-mail after the claim.

Exactly once, step by step:
1. Claim: `varsel_opprett` inserts the `Varsel` row in its own transaction; the unique constraint
   on (recipient, kind, object, period) lets only one pass, in any process, win. The loser gets
   None and sends nothing.
2. Send: after the claim commits, the e-mail task is queued (`transaction.on_commit`), or run
   in-process when the pass is synchronous (`manage.py send_reminders`). The task locks the row
   and sends only if `epost_sendt` is empty, setting it in the same transaction.
3. Recover: each pass queues again the claimed e-mails still unsent after a few minutes (the
   worker died, the broker was down, the mail server kept failing), until they are sent or too
   old (then they are logged and left: the portal notification remains).
"""

import logging
import smtplib
from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from portefolje.models import Varsel, VarselInnstilling
from portefolje.models.varsler import epost_pa
from portefolje.varsler import varsel_opprett
from prosjekter.paminnelser import epost
from prosjekter.paminnelser.regler import REGLER

logger = logging.getLogger("prosjekter.paminnelser")


@dataclass
class Resultat:
    """What one pass did; printed by send_reminders and logged by the task."""

    nye: int = 0
    allerede: int = 0
    uten_epost: int = 0
    epost_koet: int = 0
    epost_sendt: int = 0
    epost_feilet: int = 0
    ettersendt: int = 0

    def som_dict(self) -> dict:
        return asdict(self)


def epost_koe(varsel_id: int) -> bool:
    """Queue one notification's e-mail. Never raises: with the broker down the claim stays
    unsent and the next pass queues it again (step 3), so nothing is lost and nothing loops."""
    from prosjekter.tasks import send_varsel_epost

    try:
        send_varsel_epost.delay(varsel_id)
    except Exception:
        logger.exception(
            "Kunne ikke legge e-post for varsel %s i køen; neste påminnelsesrunde prøver igjen",
            varsel_id,
        )
        return False
    return True


def _send(varsel_id: int, *, synkron: bool, resultat: Resultat) -> None:
    if not synkron:
        transaction.on_commit(lambda: epost_koe(varsel_id))
        resultat.epost_koet += 1
        return
    try:
        utfall = epost.varsel_epost_send(varsel_id=varsel_id)
    except (OSError, smtplib.SMTPException):
        logger.exception("E-post for varsel %s feilet; neste runde prøver igjen", varsel_id)
        resultat.epost_feilet += 1
        return
    if utfall == epost.SENDT:
        resultat.epost_sendt += 1


def _ettersend(*, synkron: bool, resultat: Resultat) -> None:
    """Step 3: claimed e-mails still unsent after ETTERSEND_ETTER_MINUTTER."""
    naa = timezone.now()
    innstillinger = settings.PAMINNELSER
    ventende = Varsel.objects.epost_venter()
    for varsel_id in ventende.filter(
        opprettet__lt=naa - timedelta(minutes=innstillinger["ETTERSEND_ETTER_MINUTTER"]),
        opprettet__gte=naa - timedelta(hours=innstillinger["GI_OPP_ETTER_TIMER"]),
    ).values_list("pk", flat=True):
        logger.info("Varsel %s: e-posten er ikke sendt ennå, legges i kø igjen", varsel_id)
        resultat.ettersendt += 1
        _send(varsel_id, synkron=synkron, resultat=resultat)


def _nokkel(kandidat) -> tuple:
    return (
        kandidat.mottaker.pk,
        str(kandidat.type),
        kandidat.objekt._meta.label_lower,
        kandidat.objekt.pk,
        kandidat.periode,
    )


def _allerede_krevd(kandidater) -> set[tuple]:
    """Claim keys among `kandidater` that exist already: one query per kind and object type,
    so an hourly pass over thousands of overdue projects does not try thousands of inserts.
    Only a shortcut: the insert (the claim) still decides for everything not found here."""
    grupper = defaultdict(set)
    for k in kandidater:
        grupper[(str(k.type), k.objekt._meta.label_lower)].add(k.objekt.pk)
    kjente = set()
    for (type, objekt_type), ider in grupper.items():
        kjente.update(
            Varsel.objects.filter(
                type=type, objekt_type=objekt_type, objekt_id__in=ider
            ).values_list("mottaker_id", "type", "objekt_type", "objekt_id", "periode")
        )
    return kjente


def paminnelser_kjor(*, idag: date | None = None, synkron: bool = False) -> Resultat:
    """Run one reminder pass for `idag` (default: today in Oslo).

    Asynchronous (the Celery beat task): e-mails are queued to workers after each claim
    commits. Synchronous (`send_reminders`): e-mails are sent in this process. Safe to run
    concurrently and repeatedly: see the module docstring.
    """
    idag = idag or timezone.localdate()
    resultat = Resultat()
    innstillinger = {
        (b, t): e for b, t, e in VarselInnstilling.objects.values_list("bruker_id", "type", "epost")
    }
    with translation.override(settings.LANGUAGE_CODE):
        for regel in REGLER:
            kandidater = list(regel(idag=idag))
            kjente = _allerede_krevd(kandidater)
            for kandidat in kandidater:
                if _nokkel(kandidat) in kjente:
                    resultat.allerede += 1
                    continue
                mottaker = kandidat.mottaker
                har_adresse = bool(mottaker.email)
                vil_ha_epost = har_adresse and epost_pa(innstillinger, mottaker.pk, kandidat.type)
                varsel = varsel_opprett(
                    mottaker=mottaker,
                    type=kandidat.type,
                    objekt=kandidat.objekt,
                    periode=kandidat.periode,
                    tittel=kandidat.tittel,
                    tekst=kandidat.tekst,
                    lenke=kandidat.lenke,
                    epost=vil_ha_epost,
                )
                if varsel is None:
                    resultat.allerede += 1
                    continue
                resultat.nye += 1
                logger.info(
                    "Varsel %s (%s, %s) til %s",
                    varsel.pk,
                    kandidat.type,
                    kandidat.periode,
                    mottaker.username,
                )
                if not har_adresse:
                    resultat.uten_epost += 1
                    logger.warning(
                        "%s har ingen e-postadresse; varsel %s bare i portalen",
                        mottaker.username,
                        varsel.pk,
                    )
                if vil_ha_epost:
                    _send(varsel.pk, synkron=synkron, resultat=resultat)
        _ettersend(synkron=synkron, resultat=resultat)
    logger.info("Påminnelsesrunde %s: %s", idag.isoformat(), resultat.som_dict())
    return resultat
