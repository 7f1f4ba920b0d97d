"""The meetings' reads: the live scoreboard, what is left to score, and the next meetings.
Each a fixed number of queries."""

from datetime import date

from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Q,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from konseptnotat.models import Status
from velge import hooks
from velge.models import Agendapunkt, Beslutning, Kriterium, Mote, Vurdering
from velge.selectors.habilitet import STEMMEBERETTIGEDE, uten_inhabile
from velge.selectors.resultater import Notatresultat, aktive_kriterier, notatresultater


def moteresultat(*, mote, bruker, kriterier=None) -> list[Notatresultat]:
    """The live scoreboard of a meeting: every agenda note with its scores and decision.
    `kriterier`: the portfolio's active criteria, when the caller has them already."""
    punkter = list(
        mote.agendapunkter.select_related("notat", "notat__eier", "versjon").order_by(
            "rekkefolge", "id"
        )
    )
    if kriterier is None:
        kriterier = aktive_kriterier(mote.portefolje)
    beslutninger = {b.notat_id: b for b in mote.beslutninger.select_related("besluttet_av")}
    resultater = notatresultater(
        notater=[p.notat for p in punkter],
        kriterier=kriterier,
        bruker=bruker,
        portefolje=mote.portefolje,
        avslort_alle=mote.vurderinger_synlige,
        tell_vurderere=True,
    )
    # What an approval became downstream (the project), through Styre's registered lookup.
    lenker = hooks.lenker_for(beslutninger=list(beslutninger.values()), bruker=bruker)
    for punkt, resultat in zip(punkter, resultater, strict=True):
        resultat.agendapunkt = punkt
        resultat.beslutning = beslutninger.get(punkt.notat_id)
        if resultat.beslutning is not None:
            resultat.lenke = lenker.get(resultat.beslutning.pk)
    return resultater


def neste_a_vurdere(*, mote, notat, bruker, kriterier) -> Agendapunkt | None:
    """The next agenda item after `notat` (wrapping round) that is undecided, that `bruker`
    has not scored on every criterion and is not disqualified on. One query."""
    mine = (
        Vurdering.objects.filter(
            notat=OuterRef("notat"), medlem=bruker, kriterium__in=[k.pk for k in kriterier]
        )
        .values("notat")
        .annotate(n=Count("id"))
        .values("n")
    )
    punkter = list(
        uten_inhabile(mote.agendapunkter.all(), bruker)
        .exclude(Exists(Beslutning.objects.filter(mote=OuterRef("mote"), notat=OuterRef("notat"))))
        .annotate(mine=Coalesce(Subquery(mine), 0))
        .select_related("notat")
        .order_by("rekkefolge", "id")
    )
    gjenstar = [p for p in punkter if p.mine < len(kriterier) or p.notat_id == notat.pk]
    ider = [p.notat_id for p in gjenstar]
    if notat.pk in ider:
        i = ider.index(notat.pk)
        gjenstar = gjenstar[i + 1 :] + gjenstar[:i]
    return gjenstar[0] if gjenstar else None


def antall_stemmeberettigede(portefolje) -> int:
    return portefolje.medlemskap.filter(rolle__in=STEMMEBERETTIGEDE).count()


def venter_pa_vurdering(bruker, idag: date | None = None):
    """Agenda items on upcoming meetings of the user's portfolios that the user has not fully
    scored, is not disqualified on, and that are not decided yet (one query; used by the start
    page)."""
    idag = idag or timezone.localdate()
    antall_kriterier = (
        Kriterium.objects.filter(portefolje=OuterRef("mote__portefolje"), aktiv=True)
        .values("portefolje")
        .annotate(n=Count("id"))
        .values("n")
    )
    mine = (
        Vurdering.objects.filter(
            notat=OuterRef("notat"),
            medlem=bruker,
            kriterium__portefolje=OuterRef("mote__portefolje"),
            kriterium__aktiv=True,
        )
        .values("notat")
        .annotate(n=Count("id"))
        .values("n")
    )
    return (
        uten_inhabile(Agendapunkt.objects.all(), bruker)
        .filter(
            mote__dato__gte=idag,
            mote__portefolje__medlemskap__bruker=bruker,
            mote__portefolje__medlemskap__rolle__in=STEMMEBERETTIGEDE,
            notat__status=Status.KLAR,
        )
        .exclude(Exists(Beslutning.objects.filter(mote=OuterRef("mote"), notat=OuterRef("notat"))))
        .annotate(antall_kriterier=Subquery(antall_kriterier), mine=Subquery(mine))
        .filter(antall_kriterier__gt=0)
        .filter(Q(mine__isnull=True) | Q(mine__lt=Subquery(antall_kriterier)))
        .select_related("mote", "mote__portefolje", "notat")
        .order_by("mote__dato", "rekkefolge", "id")
    )


def neste_moter(bruker, idag: date | None = None):
    idag = idag or timezone.localdate()
    return (
        Mote.objects.filter(dato__gte=idag, portefolje__medlemskap__bruker=bruker)
        .select_related("portefolje")
        .order_by("dato", "id")
        .distinct()
    )


def moter_rundt(mote) -> tuple[Mote | None, Mote | None]:
    """(the portfolio's meeting before `mote`, the one after), by date and then creation: the
    minutes of one are approved in the next when the portfolio's rule says so (two queries)."""
    alle = Mote.objects.filter(portefolje_id=mote.portefolje_id)
    for_ = Q(dato__lt=mote.dato) | Q(dato=mote.dato, pk__lt=mote.pk)
    etter = Q(dato__gt=mote.dato) | Q(dato=mote.dato, pk__gt=mote.pk)
    return (
        alle.filter(for_).order_by("-dato", "-pk").first(),
        alle.filter(etter).order_by("dato", "pk").first(),
    )
