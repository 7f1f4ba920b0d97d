"""Archive items: registered by a phase, sent by a task, tried again by the sweep or a person.

The item's status moves only as portefolje/arkiv/overganger.py declares, each move a conditional
update on the status and the attempt it was read at, so the task, the sweep and a person's
button never move one item twice. Sending locks the row (`SKIP LOCKED`) while the package is
built, validated and delivered, and marks it in the same transaction: a task delivered twice
sends once. The package's name is fixed per item, so a package sent again after a crash
replaces its own file rather than adding one.
"""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portefolje.arkiv import register
from portefolje.arkiv.arkivmelding import UgyldigArkivmelding, arkivmelding_lag
from portefolje.arkiv.innhold import Dokument
from portefolje.arkiv.overganger import STATUS
from portefolje.arkiv.transport import Arkivpakke, Transportfeil, transport
from portefolje.eksport import filnavn
from portefolje.koe import oppgave_koe
from portefolje.models import Arkivforsendelse, Arkivstatus
from portefolje.pdf import PdfUtilgjengelig, html_til_pdf
from portefolje.permissions import kan_se_arkiv
from portefolje.revisjon import logg_hendelse

logger = logging.getLogger("portefolje.arkiv")

SEND_OPPGAVE = "portefolje.tasks.send_arkivforsendelse"


def er_paa() -> bool:
    """Filing is on when the drop folder is configured (ARKIV_MAPPE)."""
    return bool(settings.ARKIV_MAPPE)


def _koe(forsendelse: Arkivforsendelse) -> None:
    oppgave_koe(
        SEND_OPPGAVE,
        forsendelse.pk,
        ved_feil="feiingen av arkivforsendelser (portefolje.tasks) legger den i kø igjen",
    )


def _flytt(forsendelse: Arkivforsendelse, til: str, *, aktor=None, **felt) -> bool:
    """Move `forsendelse` to `til` if it still stands where it was read (status and attempt);
    False when someone moved it first. Refuses (UlovligOvergang) a move not declared."""
    return STATUS.flytt(
        forsendelse, til, aktor, vakt=("forsok",), status_endret=timezone.now(), **felt
    )


def arkivforsendelse_registrer(*, art: str, objekt, portefolje, tittel: str):
    """Register `objekt` for filing, and queue its sending once the transaction commits. The
    phase calls it in the transaction that makes the record final (minutes approved, a project
    closed), after it has checked who acts.

    Refuses (LookupError) a kind nobody registered, or an object not of the kind's model. Files
    nothing (None) while filing is off (ARKIV_MAPPE empty). The same object registered twice is
    filed once.
    """
    if not isinstance(objekt, register.art(art).modell):
        raise LookupError(f"{objekt!r} er ikke av arkivarten {art!r}")
    if not er_paa():
        return None
    forsendelse, ny = Arkivforsendelse.objects.get_or_create(
        art=art, objekt_id=objekt.pk, defaults={"portefolje": portefolje, "tittel": tittel[:300]}
    )
    if ny:
        _koe(forsendelse)
    return forsendelse


def dokument_pdf(dokument: Dokument) -> bytes:
    """One document as PDF/A, from the core's own template."""
    html = render_to_string("portefolje/arkiv_dokument.html", {"d": dokument})
    return html_til_pdf(html, stilark=["css/rapport-pdf.css"])


def pakke_lag(forsendelse: Arkivforsendelse) -> Arkivpakke:
    """The package for one item: its documents as PDF/A and the validated arkivmelding."""
    art = register.art(forsendelse.art)
    innhold = art.beskriv(art.modell._default_manager.get(pk=forsendelse.objekt_id))
    filer = [dokument_pdf(d) for d in innhold.registrering.dokumenter]
    navn = filnavn(settings.ARKIV["SYSTEM"], forsendelse.art, forsendelse.objekt_id).lower()
    return Arkivpakke(
        navn=navn,
        arkivmelding=arkivmelding_lag(innhold, filer),
        filer={
            f"{d.navn}.pdf": fil
            for d, fil in zip(innhold.registrering.dokumenter, filer, strict=True)
        },
    )


def _feilmelding(feil: Exception) -> tuple[str, bool]:
    """The failure in plain Norwegian for the secretary, and whether trying again can help."""
    if isinstance(feil, Transportfeil):
        return str(feil), True
    if isinstance(feil, UgyldigArkivmelding):
        return _(
            "The archive message does not follow the Fiks Arkiv schema and was not sent. Tell "
            "the development team."
        ), False
    if isinstance(feil, PdfUtilgjengelig):
        return _("The server cannot make PDF files (Pango is missing). Tell IT operations."), True
    if isinstance(feil, ObjectDoesNotExist):
        return _("What was to be filed no longer exists."), False
    return _("Unexpected error (%(feil)s). Tell IT operations.") % {
        "feil": type(feil).__name__
    }, True


@transaction.atomic
def arkivforsendelse_send(*, forsendelse: Arkivforsendelse) -> int | None:
    """Build, validate and deliver one waiting or failed item, and mark it sent.

    Refuses (does nothing to) an item already sent or received, or being sent by another
    worker. A failure marks it «feilet» with a message in plain Norwegian and returns the
    seconds to wait before the next attempt (1, 2, 4 … minutes); None when it was sent, or after
    the last attempt (ARKIV["MAKS_FORSOK"]), or when trying again cannot help.
    """
    laast = (
        Arkivforsendelse.objects.select_for_update(skip_locked=True)
        .filter(pk=forsendelse.pk, status__in=[Arkivstatus.VENTER, Arkivstatus.FEILET])
        .select_related("portefolje")
        .first()
    )
    if laast is None:
        return None
    try:
        # What the archive keeps is in the municipality's written language, whoever approved.
        with translation.override(settings.LANGUAGE_CODE):
            kvittering = transport().send(pakke_lag(laast))
    except Exception as feil:
        with translation.override(settings.LANGUAGE_CODE):
            melding, kan_hjelpe = _feilmelding(feil)
        logger.warning("Arkivforsendelse %s feilet: %s", laast.pk, feil, exc_info=True)
        forsok = laast.forsok + 1
        _flytt(laast, Arkivstatus.FEILET, forsok=forsok, feilmelding=melding[:500])
        if not kan_hjelpe or forsok >= settings.ARKIV["MAKS_FORSOK"]:
            return None
        return 60 * 2 ** (forsok - 1)
    _flytt(
        laast,
        Arkivstatus.SENDT,
        forsok=laast.forsok + 1,
        feilmelding="",
        sendt=timezone.now(),
        filnavn=kvittering.filnavn,
    )
    return None


@transaction.atomic
def arkivforsendelse_prov_igjen(*, forsendelse: Arkivforsendelse, aktor) -> Arkivforsendelse:
    """Send a failed item again (the archive page's «Try again»), from its first attempt.

    Refuses (PermissionDenied) someone who may not follow the portfolio's archive, and
    (UlovligOvergang) an item that has not failed. Pressed twice, or by two people, it is
    queued once.
    """
    if not kan_se_arkiv(aktor, forsendelse.portefolje):
        raise PermissionDenied
    if _flytt(forsendelse, Arkivstatus.VENTER, aktor=aktor, forsok=0):
        logg_hendelse(
            aktor=aktor,
            objekt=forsendelse,
            handling="arkiv_prov_igjen",
            beskrivelse=_("Sent to the archive again: %(tittel)s") % {"tittel": forsendelse.tittel},
        )
        _koe(forsendelse)
    return forsendelse


def arkivforsendelser_feie(*, naa: datetime | None = None) -> dict:
    """Queue again each item left waiting longer than ARKIV["KOE_IGJEN_ETTER_MINUTTER"] (the
    broker lost it, the worker died), and mark «kvittert» each sent item the archive has taken.
    Safe to run twice at once: each move is conditional."""
    naa = naa or timezone.now()
    grense = naa - timedelta(minutes=settings.ARKIV["KOE_IGJEN_ETTER_MINUTTER"])
    resultat = {"koet_igjen": 0, "kvittert": 0}
    for forsendelse in Arkivforsendelse.objects.filter(
        status=Arkivstatus.VENTER, status_endret__lt=grense
    ):
        if _flytt(forsendelse, Arkivstatus.VENTER):
            logger.warning(
                "Arkivforsendelse %s ventet for lenge; legges i kø igjen", forsendelse.pk
            )
            _koe(forsendelse)
            resultat["koet_igjen"] += 1
    if not er_paa():
        return resultat
    mottaker = transport()
    for forsendelse in Arkivforsendelse.objects.filter(status=Arkivstatus.SENDT):
        if mottaker.mottatt(forsendelse.filnavn) and _flytt(
            forsendelse, Arkivstatus.KVITTERT, kvittert=naa
        ):
            resultat["kvittert"] += 1
    return resultat
