"""The reminder pass: run every phase's rules, claim each reminder once, send its e-mail after
the claim, and catch up on any notification's e-mail that was claimed but never sent.

Each phase registers its reminder rules (`regel_registrer`, in its AppConfig.ready()); the core
runs them and owns only the weekly digest. A rule reads the data as it is today and yields
`Kandidat`s; it never writes.

Exactly once, step by step:
1. Claim: `varsel_opprett` inserts the `Varsel` row in its own transaction; the unique constraint
   on (recipient, kind, object, period) lets only one pass, in any process, win. The loser gets
   None and sends nothing.
2. Send: after the claim commits, the e-mail task is queued (`portefolje.koe`), or run
   in-process when the pass is synchronous (`manage.py send_reminders`). The task locks the row
   and sends only if `epost_sendt` is empty, setting it in the same transaction
   (portefolje.epost).
3. Recover: each pass queues again every claimed e-mail still unsent after a few minutes (the
   worker died, the broker was down, the mail server kept failing), whichever phase made it,
   until it is sent or too old (then it is logged and left: the portal notification remains).
"""

import logging
import smtplib
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portefolje import epost, startside
from portefolje.models import Varsel, VarselInnstilling
from portefolje.sprak import sprak_for_brukere
from portefolje.varsler import epost_pa, varsel_opprett, varseltype_registrer

logger = logging.getLogger("portefolje.paminnelser")


@dataclass
class Kandidat:
    """One reminder to one person; (mottaker, type, objekt, periode) is its claim key."""

    mottaker: object
    type: str
    objekt: object
    periode: str
    tittel: str
    tekst: str
    lenke: str


Regel = Callable[..., Iterator[Kandidat]]

_regler: list[Regel] = []


def regel_registrer(regel: Regel) -> Regel:
    """Register a reminder rule `f(*, idag) -> Iterator[Kandidat]`; usable as a decorator.

    A rule must yield the same candidates however often it runs on the same data: that is what
    makes a missed, repeated or concurrent pass harmless (the claim decides)."""
    if regel not in _regler:
        _regler.append(regel)
    return regel


def regler() -> list[Regel]:
    return [*_regler, ukesammendrag]


def dato_tekst(d: date) -> str:
    """A date as reminders write it: «20. november 2026»."""
    return date_format(d, "j. F Y")


def er_aktiv(bruker) -> bool:
    return bruker is not None and bruker.is_active


# --- the core's own rule: the weekly digest ---------------------------------------------------

UKESAMMENDRAG = varseltype_registrer(
    "ukesammendrag",
    navn=gettext_lazy("Weekly digest"),
    beskrivelse=gettext_lazy(
        "Once a week: your unread notifications and what waits for you. Off unless you turn it on."
    ),
    epost_standard=False,
)


def ukesammendrag(*, idag: date) -> Iterator[Kandidat]:
    """The weekly digest, for those who turned it on: unread notifications and what waits for
    them on the start page. Claimed per ISO week, on the configured weekday; none if empty."""
    if idag.weekday() != settings.PAMINNELSER["UKESAMMENDRAG_UKEDAG"]:
        return
    ar, uke, _dag = idag.isocalendar()
    periode = f"{ar}-U{uke:02d}"
    brukere = get_user_model().objects.filter(
        is_active=True,
        varselinnstillinger__type=UKESAMMENDRAG,
        varselinnstillinger__epost=True,
    )
    for bruker in brukere.order_by("pk"):
        uleste = list(
            Varsel.objects.filter(mottaker=bruker).uleste().exclude(type=UKESAMMENDRAG)[:15]
        )
        oppgaver = startside.venter_pa(bruker)[:15]
        if not uleste and not oppgaver:
            continue
        linjer = []
        if uleste:
            linjer.append(_("Unread notifications:"))
            linjer += [f"– {v.tittel}" for v in uleste]
        if oppgaver:
            linjer.append(_("Waiting for you:"))
            linjer += [f"– {o.tekst}" for o in oppgaver]
        yield Kandidat(
            mottaker=bruker,
            type=UKESAMMENDRAG,
            objekt=bruker,
            periode=periode,
            tittel=_("Your week in the portfolio portal (week %(uke)d)") % {"uke": uke},
            tekst="\n".join(linjer),
            lenke=reverse("startside"),
        )


# --- the pass ---------------------------------------------------------------------------------


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


def _send(varsel_id: int, *, synkron: bool, resultat: Resultat) -> None:
    if not synkron:
        epost.epost_koe(varsel_id)  # after this claim commits
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


def epost_ettersend(*, synkron: bool, resultat: Resultat) -> None:
    """Step 3: claimed e-mails still unsent after ETTERSEND_ETTER_MINUTTER, from any phase and
    to citizens too; given up after GI_OPP_ETTER_TIMER."""
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


def _kandidater_paa_mottakernes_sprak(regel, *, idag: date):
    """The rule's candidates, each written in its recipient's language.

    A rule writes its texts in the active language. It runs once in the municipality's default,
    and once more in each other language some recipient chose (at most one more: bokmål and
    nynorsk), and each candidate is taken from the run in its recipient's language. Returns the
    candidates and {user id: language}.
    """
    kandidater = list(regel(idag=idag))
    sprakene = sprak_for_brukere(k.mottaker.pk for k in kandidater)
    andre = set(sprakene.values()) - {translation.get_language()}
    for sprak in sorted(andre):
        with translation.override(sprak):
            paa_sprak = {_nokkel(k): k for k in regel(idag=idag)}
        kandidater = [
            paa_sprak.get(_nokkel(k), k) if sprakene[k.mottaker.pk] == sprak else k
            for k in kandidater
        ]
    return kandidater, sprakene


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
        for regel in regler():
            kandidater, sprakene = _kandidater_paa_mottakernes_sprak(regel, idag=idag)
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
                    koe_epost=False,  # sent or queued below, counted in the result
                    sprak=sprakene[mottaker.pk],
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
        epost_ettersend(synkron=synkron, resultat=resultat)
    logger.info("Påminnelsesrunde %s: %s", idag.isoformat(), resultat.som_dict())
    return resultat
