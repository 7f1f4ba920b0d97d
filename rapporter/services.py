"""Portfolio reports: ordered by a person, made by a Celery task, kept for download.

The report's status moves only as rapporter/overganger.py declares, each move a conditional
update on the status and the attempt it was read at: two workers, or a worker and the sweep,
never both move one report. The work is queued after commit through `portefolje.koe`, by the
task's name (the tasks module imports this one, never the other way). With the broker down, or
a worker dead in the middle, the sweep queues the report again, and after the last attempt marks
it failed with a message and a «Try again» button on its page. The task's time limits stop a
live worker before the sweep would take its report (rapporter.tasks); should one still finish
after that (a pool without time limits), its conditional move finds the report moved on and
writes nothing over the attempt that replaced it.
"""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from portefolje.koe import oppgave_koe
from portefolje.revisjon import logg_hendelse
from rapporter import portefoljerapport as dokument
from rapporter.models import Portefoljerapport, Rapportstatus
from rapporter.overganger import STATUS
from rapporter.permissions import kan_bestille_portefoljerapport

logger = logging.getLogger("rapporter")

LAG_OPPGAVE = "rapporter.tasks.lag_portefoljerapport"


def _koe(rapport: Portefoljerapport) -> None:
    oppgave_koe(
        LAG_OPPGAVE,
        rapport.pk,
        ved_feil="feiingen av porteføljerapporter (rapporter.tasks) legger den i kø igjen",
    )


def _flytt(rapport: Portefoljerapport, til: str, *, aktor=None, **felt) -> bool:
    """Move `rapport` to `til` if it still stands where it was read (status and attempt);
    False when someone moved it first. Refuses (UlovligOvergang) a move not declared."""
    return STATUS.flytt(rapport, til, aktor, vakt=("forsok",), status_endret=timezone.now(), **felt)


@transaction.atomic
def portefoljerapport_bestill(*, portefolje, fra, til, aktor) -> Portefoljerapport:
    """Order a report for a portfolio and period; the work is queued once the order is saved.

    Refuses someone outside the portfolio's leader groups and the development team, and a
    period that ends before it starts.
    """
    if not kan_bestille_portefoljerapport(aktor, portefolje):
        raise PermissionDenied
    if til < fra:
        raise ValidationError(_("The period must end on or after its first day."))
    rapport = Portefoljerapport.objects.create(
        portefolje=portefolje, fra=fra, til=til, bestilt_av=aktor, forsok=1
    )
    logg_hendelse(
        aktor=aktor,
        objekt=rapport,
        handling="bestilt",
        beskrivelse=_("Portfolio report ordered for %(portefolje)s.")
        % {"portefolje": portefolje.navn},
        data={"fra": fra.isoformat(), "til": til.isoformat()},
    )
    _koe(rapport)
    return rapport


@transaction.atomic
def portefoljerapport_prov_igjen(*, rapport: Portefoljerapport, aktor) -> Portefoljerapport:
    """Queue a failed report again, from its first attempt (the page's «Try again»).

    Refuses (UlovligOvergang) a report that has not failed, and someone who may not order the
    portfolio's reports. Pressed twice, or by two people, it is queued once.
    """
    if _flytt(rapport, Rapportstatus.VENTER, aktor=aktor, forsok=1, fremdrift=0, feilmelding=""):
        logg_hendelse(
            aktor=aktor,
            objekt=rapport,
            handling="bestilt_igjen",
            beskrivelse=_("Portfolio report ordered again for %(portefolje)s.")
            % {"portefolje": rapport.portefolje.navn},
        )
        _koe(rapport)
    return rapport


def _sett(rapport, **felt):
    Portefoljerapport.objects.filter(pk=rapport.pk).update(**felt)
    for navn, verdi in felt.items():
        setattr(rapport, navn, verdi)


def _lag_filer(rapport: Portefoljerapport) -> dict:
    """Collect the content and write both files; the fields to save when the report is done."""
    innhold = dokument.innhold_lag(
        portefolje=rapport.portefolje,
        fra=rapport.fra,
        til=rapport.til,
        bestilt_av=rapport.bestilt_av,
        # Collecting is most of the work: 1–80 %, then the two files.
        fremdrift=lambda ferdige, totalt: _sett(
            rapport, fremdrift=max(1, 80 * ferdige // max(totalt, 1))
        ),
    )
    navn = (
        f"portefoljerapport-{slugify(rapport.portefolje.slug)}-"
        f"{rapport.fra:%Y-%m-%d}-{rapport.til:%Y-%m-%d}-{rapport.pk}"
    )
    pdf = dokument.som_pdf(innhold)
    _sett(rapport, fremdrift=90)
    docx = dokument.som_docx(innhold)
    rapport.pdf.save(f"{navn}.pdf", ContentFile(pdf), save=False)
    rapport.docx.save(f"{navn}.docx", ContentFile(docx), save=False)
    return {
        "pdf": rapport.pdf.name,
        "docx": rapport.docx.name,
        "fremdrift": 100,
        "antall_prosjekter": len(innhold.deler),
        "ferdig": timezone.now(),
    }


def portefoljerapport_lag(*, rapport: Portefoljerapport) -> Portefoljerapport:
    """Make the PDF and the Word document, writing progress as it goes.

    Refuses (does nothing to) a report already made or being made by another worker: the
    claim is a conditional update, so a task delivered twice makes the report once. Nor does a
    worker the sweep gave up on overwrite the attempt that replaced it. A failure is logged and
    recorded on the report for the page to show, with a button to try again.
    """
    rapport.refresh_from_db()
    if rapport.status != Rapportstatus.VENTER or not _flytt(
        rapport, Rapportstatus.LAGES, fremdrift=1
    ):
        return rapport
    try:
        ferdig = _lag_filer(rapport)
    except Exception as feil:
        logger.exception("Porteføljerapport %s feilet", rapport.pk)
        _flytt(
            rapport,
            Rapportstatus.FEILET,
            feilmelding=f"{type(feil).__name__}: {feil}"[:300],
            ferdig=timezone.now(),
        )
        return rapport
    if not _flytt(rapport, Rapportstatus.FERDIG, **ferdig):
        logger.warning("Porteføljerapport %s: laget, men et nytt forsøk har tatt over", rapport.pk)
    return rapport


def portefoljerapporter_feie(*, naa: datetime | None = None) -> dict:
    """Queue again each report left waiting or being made for longer than
    RAPPORTER["KOE_IGJEN_ETTER_MINUTTER"] (the broker lost the order, the worker died); after
    RAPPORTER["MAKS_FORSOK"] attempts, mark it failed with a message instead. Safe to run twice
    at once: each move is conditional."""
    naa = naa or timezone.now()
    innstillinger = settings.RAPPORTER
    grense = naa - timedelta(minutes=innstillinger["KOE_IGJEN_ETTER_MINUTTER"])
    resultat = {"koet_igjen": 0, "gitt_opp": 0}
    gamle = Portefoljerapport.objects.filter(
        status__in=[Rapportstatus.VENTER, Rapportstatus.LAGES], status_endret__lt=grense
    ).select_related("portefolje")
    for rapport in gamle:
        if rapport.forsok >= innstillinger["MAKS_FORSOK"]:
            melding = _(
                "The report was not made after %(antall)d attempts. Try again; if it fails "
                "again, tell the development team."
            ) % {"antall": rapport.forsok}
            if _flytt(rapport, Rapportstatus.FEILET, feilmelding=melding, ferdig=naa):
                logger.warning(
                    "Porteføljerapport %s gitt opp etter %s forsøk", rapport.pk, rapport.forsok
                )
                resultat["gitt_opp"] += 1
        elif _flytt(rapport, Rapportstatus.VENTER, forsok=rapport.forsok + 1, fremdrift=0):
            logger.warning(
                "Porteføljerapport %s: ikke ferdig etter %s min, legges i kø igjen (forsøk %s)",
                rapport.pk,
                innstillinger["KOE_IGJEN_ETTER_MINUTTER"],
                rapport.forsok,
            )
            _koe(rapport)
            resultat["koet_igjen"] += 1
    return resultat
