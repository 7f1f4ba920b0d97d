"""The timeline's PDF: ordered from the timeline page, made by a Celery task, kept for download.

The same pattern as the portfolio reports (`rapporter.services`): the status moves only as
`prosjekter.overganger.TIDSLINJEFIL` declares, each move a conditional update on the status and
the attempt it was read at; the work is queued after commit through `portefolje.koe`, by the
task's name; with the broker down, or a worker dead in the middle, the sweep queues the file
again, and after the last attempt marks it failed with a message and a «Try again» button.
The limits are the portfolio reports' (RAPPORTER in the settings).

The file is drawn with what the person who ordered it may see (`prosjekter.tidslinjeside`), so
it is theirs alone. An order for the same selection at the same data version finds the file
already ordered (made, or still being made) instead of making another.
"""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from redis.exceptions import RedisError

from portefolje import hurtigbuffer
from portefolje.eksport import filnavn
from portefolje.koe import oppgave_koe
from portefolje.pdf import PdfUtilgjengelig, html_til_pdf
from prosjekter.models import Filstatus, Tidslinjefil
from prosjekter.overganger import TIDSLINJEFIL
from prosjekter.tidslinjeside import innhold, utvalg_fra

logger = logging.getLogger("prosjekter")

LAG_OPPGAVE = "prosjekter.tasks.lag_tidslinjefil"
# A file is a download for one meeting, not a record (the decisions are filed in the archive):
# the sweep removes it, and its file, when it is this old.
BEHOLDES = timedelta(days=7)
STILARK = ["css/farger.css", "css/tidslinje.css"]


def _koe(fil: Tidslinjefil) -> None:
    oppgave_koe(
        LAG_OPPGAVE,
        fil.pk,
        ved_feil="feiingen av tidslinje-PDF-er (prosjekter.tasks) legger den i kø igjen",
    )


def _flytt(fil: Tidslinjefil, til: str, *, aktor=None, **felt) -> bool:
    return TIDSLINJEFIL.flytt(
        fil, til, aktor, vakt=("forsok",), status_endret=timezone.now(), **felt
    )


def _dataversjon() -> str:
    try:
        return hurtigbuffer.versjon()
    except RedisError:
        # Without the cache nobody can tell whether the data changed: every order is new.
        return f"uten-buffer-{timezone.now().timestamp()}"


@transaction.atomic
def tidslinjefil_bestill(*, get, aktor) -> tuple[Tidslinjefil, bool]:
    """The PDF of the timeline `aktor` sees with the query string `get`: the one already ordered
    for the same selection and data version (not failed), or a new order queued once saved.
    Returns (file, new)."""
    utvalg, dataversjon = utvalg_fra(get), _dataversjon()
    fil = (
        Tidslinjefil.objects.filter(bestilt_av=aktor, utvalg=utvalg, dataversjon=dataversjon)
        .exclude(status=Filstatus.FEILET)
        .first()
    )
    if fil is not None:
        return fil, False
    fil = Tidslinjefil.objects.create(
        bestilt_av=aktor, utvalg=utvalg, dataversjon=dataversjon, forsok=1
    )
    _koe(fil)
    return fil, True


@transaction.atomic
def tidslinjefil_prov_igjen(*, fil: Tidslinjefil, aktor) -> Tidslinjefil:
    """Queue a failed file again, from its first attempt (the page's «Try again»). Refuses
    (UlovligOvergang) a file that has not failed, and anyone but the person who ordered it."""
    if _flytt(fil, Filstatus.VENTER, aktor=aktor, forsok=1, feilmelding=""):
        _koe(fil)
    return fil


def _lag_pdf(fil: Tidslinjefil) -> dict:
    side, status = innhold(QueryDict(fil.utvalg), fil.bestilt_av)
    if status != 200:
        raise ValueError(_("The filter is no longer one you may use."))
    html = render_to_string("prosjekter/tidslinje_pdf.html", side)
    pdf = html_til_pdf(html, stilark=STILARK)
    navn = filnavn("tidslinje", timezone.localdate(), fil.pk)
    fil.pdf.save(f"{navn}.pdf", ContentFile(pdf), save=False)
    return {"pdf": fil.pdf.name, "ferdig": timezone.now()}


def _feilmelding(feil: Exception) -> str:
    if isinstance(feil, PdfUtilgjengelig):
        return _("PDF is not available on this server. Use the print view and «Save as PDF».")
    return f"{type(feil).__name__}: {feil}"[:300]


def tidslinjefil_lag(*, fil: Tidslinjefil) -> Tidslinjefil:
    """Make the PDF. Does nothing to a file already made or being made by another worker (the
    claim is a conditional update); a failure is logged and recorded for the page to show."""
    fil.refresh_from_db()
    if fil.status != Filstatus.VENTER or not _flytt(fil, Filstatus.LAGES):
        return fil
    try:
        ferdig = _lag_pdf(fil)
    except Exception as feil:
        logger.exception("Tidslinje-PDF %s feilet", fil.pk)
        _flytt(fil, Filstatus.FEILET, feilmelding=_feilmelding(feil), ferdig=timezone.now())
        return fil
    if not _flytt(fil, Filstatus.FERDIG, **ferdig):
        logger.warning("Tidslinje-PDF %s: laget, men et nytt forsøk har tatt over", fil.pk)
    return fil


def _slett_gamle(naa: datetime) -> int:
    """Remove the files ordered more than BEHOLDES ago, with their PDFs."""
    gamle = list(Tidslinjefil.objects.filter(bestilt__lt=naa - BEHOLDES))
    for fil in gamle:
        if fil.pdf:
            fil.pdf.delete(save=False)
        fil.delete()
    return len(gamle)


def tidslinjefiler_feie(*, naa: datetime | None = None) -> dict:
    """Remove the files older than BEHOLDES. Queue again each file left waiting or being made
    for longer than RAPPORTER["KOE_IGJEN_ETTER_MINUTTER"]; after RAPPORTER["MAKS_FORSOK"]
    attempts, mark it failed with a message instead. Safe to run twice at once: each move is
    conditional."""
    naa = naa or timezone.now()
    innstillinger = settings.RAPPORTER
    grense = naa - timedelta(minutes=innstillinger["KOE_IGJEN_ETTER_MINUTTER"])
    resultat = {"koet_igjen": 0, "gitt_opp": 0, "slettet": _slett_gamle(naa)}
    gamle = Tidslinjefil.objects.filter(
        status__in=[Filstatus.VENTER, Filstatus.LAGES], status_endret__lt=grense
    )
    for fil in gamle:
        if fil.forsok >= innstillinger["MAKS_FORSOK"]:
            melding = _(
                "The PDF was not made after %(antall)d attempts. Try again; if it fails again, "
                "tell the development team."
            ) % {"antall": fil.forsok}
            if _flytt(fil, Filstatus.FEILET, feilmelding=melding, ferdig=naa):
                logger.warning("Tidslinje-PDF %s gitt opp etter %s forsøk", fil.pk, fil.forsok)
                resultat["gitt_opp"] += 1
        elif _flytt(fil, Filstatus.VENTER, forsok=fil.forsok + 1):
            logger.warning("Tidslinje-PDF %s legges i kø igjen (forsøk %s)", fil.pk, fil.forsok)
            _koe(fil)
            resultat["koet_igjen"] += 1
    return resultat
