"""Read-side queries for Begrunne: what the screens and the start page show, one place each.

Views ask here and decide nothing about how rows are fetched; the query counts the tests pin
(the list at two sizes, the start page's one query per block) are set by these functions.
"""

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Window
from django.db.models.functions import Coalesce

from ideer.models import Innspill
from ideer.models import Status as InnspillStatus
from konseptnotat.models import Kommentar, Konseptnotat, KonseptnotatVersjon, Status

ANTALL_PA_STARTSIDEN = 5


def notater_med_detaljer() -> QuerySet:
    """Notes with what every note screen shows beside the text (people, places, co-authors)."""
    return Konseptnotat.objects.select_related(
        "eier", "veileder", "seksjon", "portefolje"
    ).prefetch_related("medforfattere", "berorte_seksjoner")


def notatliste(bruker) -> QuerySet:
    """The notes `bruker` may see, newest change first, each with its open comments counted.

    Counted per row in a subquery, not by GROUP BY over every note: then a page of 25 comes
    straight from the index on (endret, id) and only those are counted.
    """
    apne = (
        Kommentar.objects.filter(notat=OuterRef("pk"), lost__isnull=True)
        .order_by()
        .values("notat")
        .annotate(antall=Count("pk"))
        .values("antall")
    )
    return (
        Konseptnotat.objects.synlige_for(bruker)
        .select_related("eier", "seksjon", "portefolje", "veileder")
        .annotate(apne_kommentarer=Coalesce(Subquery(apne, output_field=IntegerField()), 0))
        .order_by("-endret", "-id")
    )


def kommentarer(notat: Konseptnotat) -> QuerySet:
    return Kommentar.objects.filter(notat=notat).select_related("forfatter", "lost_av")


def versjoner(notat: Konseptnotat) -> list[KonseptnotatVersjon]:
    """Every saved version, newest first, with who saved it."""
    return list(notat.versjoner.select_related("lagret_av").order_by("-nummer"))


def frosne_versjoner(notat: Konseptnotat) -> list[KonseptnotatVersjon]:
    """The versions frozen for a meeting, newest first."""
    return list(notat.versjoner.filter(frosset=True).order_by("-nummer"))


def versjon(notat: Konseptnotat, nummer: int) -> KonseptnotatVersjon | None:
    return notat.versjoner.filter(nummer=nummer).first()


def innhold_i_versjon(notat: Konseptnotat, nummer: int) -> dict | None:
    """The answers as saved in version `nummer`, or None if there is no such version."""
    return notat.versjoner.filter(nummer=nummer).values_list("innhold", flat=True).first()


def innspill(pk: int) -> QuerySet:
    """The input a new note may start from (the caller checks who may)."""
    return Innspill.objects.filter(pk=pk)


def bestilte_innspill(bruker) -> list[Innspill]:
    """Inputs whose concept note was ordered from `bruker` and not yet started. One query."""
    return list(
        Innspill.objects.filter(
            initiativtaker=bruker,
            status=InnspillStatus.KONSEPTNOTAT_BESTILT,
            konseptnotater__isnull=True,
        ).order_by("-endret")[:ANTALL_PA_STARTSIDEN]
    )


def mine_pagaende(bruker) -> list[Konseptnotat]:
    """`bruker`'s notes not yet decided, newest change first. One query."""
    return list(
        Konseptnotat.objects.mine(bruker)
        .exclude(status=Status.BEHANDLET)
        .order_by("-endret", "-id")[:ANTALL_PA_STARTSIDEN]
    )


def innsendte() -> list[Konseptnotat]:
    """Submitted notes waiting for guidance or assessment, newest first. One query; each has
    `i_alt`, how many are waiting in all (a window, counted before LIMIT)."""
    return list(
        Konseptnotat.objects.filter(status=Status.INNSENDT)
        .annotate(i_alt=Window(Count("pk")))
        .order_by("-innsendt", "-id")[:ANTALL_PA_STARTSIDEN]
    )
