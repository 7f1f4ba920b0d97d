"""Portfolio reports: ordered by a person, made by a Celery task, kept for download."""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from portefolje.revisjon import logg_hendelse
from rapporter import portefoljerapport as dokument
from rapporter.models import Portefoljerapport, Rapportstatus
from rapporter.permissions import kan_bestille_portefoljerapport

logger = logging.getLogger("rapporter")


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
        portefolje=portefolje, fra=fra, til=til, bestilt_av=aktor
    )
    logg_hendelse(
        aktor=aktor,
        objekt=rapport,
        handling="bestilt",
        beskrivelse=_("Portfolio report ordered for %(portefolje)s.")
        % {"portefolje": portefolje.navn},
        data={"fra": fra.isoformat(), "til": til.isoformat()},
    )
    from rapporter.tasks import lag_portefoljerapport

    transaction.on_commit(lambda: lag_portefoljerapport.delay(rapport.pk))
    return rapport


def _sett(rapport, **felt):
    Portefoljerapport.objects.filter(pk=rapport.pk).update(**felt)
    for navn, verdi in felt.items():
        setattr(rapport, navn, verdi)


def portefoljerapport_lag(*, rapport: Portefoljerapport) -> Portefoljerapport:
    """Make the PDF and the Word document, writing progress as it goes.

    Refuses (does nothing to) a report already made or being made by another worker: the
    claim is a conditional update, so a task delivered twice makes the report once. A failure
    is logged and recorded on the report for the page to show (the person orders again).
    """
    tatt = Portefoljerapport.objects.filter(pk=rapport.pk, status=Rapportstatus.VENTER).update(
        status=Rapportstatus.LAGES, fremdrift=1
    )
    if not tatt:
        rapport.refresh_from_db()
        return rapport
    rapport.refresh_from_db()
    try:
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
        rapport.status = Rapportstatus.FERDIG
        rapport.fremdrift = 100
        rapport.antall_prosjekter = len(innhold.deler)
        rapport.ferdig = timezone.now()
        rapport.save(
            update_fields=["pdf", "docx", "status", "fremdrift", "antall_prosjekter", "ferdig"]
        )
    except Exception as feil:
        logger.exception("Porteføljerapport %s feilet", rapport.pk)
        _sett(
            rapport,
            status=Rapportstatus.FEILET,
            feilmelding=f"{type(feil).__name__}: {feil}"[:300],
            ferdig=timezone.now(),
        )
    return rapport
