"""Impartiality (habilitet, forvaltningsloven § 6) and the quorum: the rule, in one place.

A member is disqualified on a note when they own it, co-author it, or have declared themselves
disqualified on it (`velge.models.Inhabilitet`, with a reason). A disqualified member's scores do
not count anywhere (`tellende`: the averages, the weighted totals, the ranking and its
sensitivity, the API), they are not offered the note to score, and they neither decide on it
nor chair it: when the chair is disqualified, the portfolio's deputy (`stedfortreder`) does.

The quorum counts the eligible members (those who score, less the disqualified) who have scored
every active criterion, against the portfolio's rule (`velge.models.Kvorum`).
"""

from dataclasses import dataclass, field

from django.db.models import Exists, F, OuterRef, QuerySet
from django.utils.translation import gettext as _

from konseptnotat.models import Konseptnotat
from portefolje.models import Medlemskap, Rolle
from velge.models import Beslutningsregel, Inhabilitet, Kriterium, Kvorum, Vurdering

STEMMEBERETTIGEDE = [Rolle.LEDER, Rolle.MEDLEM]
_MEDFORFATTERE = Konseptnotat.medforfattere.through


def tellende(vurderinger: QuerySet) -> QuerySet:
    """The scores in `vurderinger` that count: none by a member disqualified on the note."""
    medforfatter = _MEDFORFATTERE.objects.filter(
        konseptnotat_id=OuterRef("notat_id"), user_id=OuterRef("medlem_id")
    )
    erklart = Inhabilitet.objects.filter(
        notat_id=OuterRef("notat_id"), medlem_id=OuterRef("medlem_id")
    )
    return (
        vurderinger.exclude(medlem_id=F("notat__eier_id"))
        .exclude(Exists(medforfatter))
        .exclude(Exists(erklart))
    )


def uten_inhabile(agendapunkter: QuerySet, bruker) -> QuerySet:
    """The agenda items in `agendapunkter` whose note `bruker` is not disqualified on."""
    return (
        agendapunkter.exclude(notat__eier=bruker)
        .exclude(
            Exists(_MEDFORFATTERE.objects.filter(konseptnotat_id=OuterRef("notat_id"), user=bruker))
        )
        .exclude(Exists(Inhabilitet.objects.filter(notat_id=OuterRef("notat_id"), medlem=bruker)))
    )


@dataclass(frozen=True)
class Inhabil:
    """A member disqualified on a note, and why."""

    bruker: object
    grunn: str
    erklart: bool  # declared by the member (else: owner or co-author)


def inhabile_for(*, notater, portefolje) -> dict[int, list[Inhabil]]:
    """Per note (id): the portfolio's chair and members disqualified on it, and why. Three
    queries however many notes."""
    notater = list(notater)
    medlemmer = {
        m.bruker_id: m.bruker
        for m in Medlemskap.objects.filter(
            portefolje=portefolje, rolle__in=STEMMEBERETTIGEDE
        ).select_related("bruker")
    }
    medforfattere = _MEDFORFATTERE.objects.filter(
        konseptnotat_id__in=[n.pk for n in notater], user_id__in=list(medlemmer)
    ).values_list("konseptnotat_id", "user_id")
    erklarte = Inhabilitet.objects.filter(notat__in=notater, medlem_id__in=list(medlemmer))
    svar: dict[int, list[Inhabil]] = {n.pk: [] for n in notater}
    for n in notater:
        if n.eier_id in medlemmer:
            svar[n.pk].append(Inhabil(medlemmer[n.eier_id], _("owner of the note"), False))
    for notat_id, bruker_id in medforfattere:
        svar[notat_id].append(Inhabil(medlemmer[bruker_id], _("co-author of the note"), False))
    for i in erklarte:
        if all(x.bruker.pk != i.medlem_id for x in svar[i.notat_id]):
            svar[i.notat_id].append(Inhabil(medlemmer[i.medlem_id], i.grunn, True))
    return svar


def inhabile_par(notater) -> set[tuple[int, int]]:
    """(member id, note id) for everyone disqualified on one of `notater` (two queries): for
    lists over many portfolios, such as the reminders."""
    notater = list(notater)
    par = {(n.eier_id, n.pk) for n in notater if n.eier_id}
    ider = [n.pk for n in notater]
    par |= {
        (bruker_id, notat_id)
        for notat_id, bruker_id in _MEDFORFATTERE.objects.filter(
            konseptnotat_id__in=ider
        ).values_list("konseptnotat_id", "user_id")
    }
    par |= set(Inhabilitet.objects.filter(notat_id__in=ider).values_list("medlem_id", "notat_id"))
    return par


def er_inhabil(*, bruker, notat) -> bool:
    """Whether `bruker` is disqualified on `notat` (at most two queries)."""
    if not getattr(bruker, "is_authenticated", False):
        return False
    if notat.eier_id == bruker.pk:
        return True
    return (
        notat.medforfattere.filter(pk=bruker.pk).exists()
        or Inhabilitet.objects.filter(notat=notat, medlem=bruker).exists()
    )


def regel_for(portefolje) -> Beslutningsregel:
    """The portfolio's decision rule; the defaults (unsaved) when it has set none."""
    regel = Beslutningsregel.objects.filter(portefolje=portefolje).first()
    return regel or Beslutningsregel(portefolje=portefolje)


def _ledere(portefolje) -> set[int]:
    return set(
        Medlemskap.objects.filter(portefolje=portefolje, rolle=Rolle.LEDER).values_list(
            "bruker_id", flat=True
        )
    )


def _leder_av_saken(*, ledere: set[int], stedfortreder, inhabile):
    inhabil = {i.bruker.pk for i in inhabile}
    if not ledere & inhabil:
        return None
    if stedfortreder is None or stedfortreder.pk in inhabil:
        return False
    return stedfortreder


def moteleder_for(*, portefolje, notat, inhabile=None):
    """Who chairs the item: None when the chair does (not disqualified), else the deputy, or
    False when there is none who is not disqualified (nobody may decide until the portfolio
    names one)."""
    if inhabile is None:
        inhabile = inhabile_for(notater=[notat], portefolje=portefolje)[notat.pk]
    return _leder_av_saken(
        ledere=_ledere(portefolje),
        stedfortreder=regel_for(portefolje).stedfortreder,
        inhabile=inhabile,
    )


def merk_saker(resultater, *, bruker, portefolje) -> None:
    """On each of a meeting's Notatresultat (`extra`): its disqualified members (`inhabile`),
    whether `bruker` is one (`inhabil_meg`), the deputy chairing it when the chair is
    disqualified (`stedfortreder`: None when the chair chairs, False when nobody may), and
    whether `bruker` may decide on it (`kan_beslutte`). Five queries for the meeting."""
    inhabile = inhabile_for(notater=[r.notat for r in resultater], portefolje=portefolje)
    ledere, stedfortreder = _ledere(portefolje), regel_for(portefolje).stedfortreder
    for r in resultater:
        saken = inhabile[r.notat.pk]
        leder = _leder_av_saken(ledere=ledere, stedfortreder=stedfortreder, inhabile=saken)
        r.extra["inhabile"] = saken
        r.extra["inhabil_meg"] = any(i.bruker.pk == bruker.pk for i in saken)
        r.extra["stedfortreder"] = leder
        r.extra["kan_beslutte"] = (
            bruker.pk in ledere if leder is None else bool(leder) and leder.pk == bruker.pk
        )


@dataclass(frozen=True)
class Vurderer:
    """An eligible member who has scored a note, on how many of the active criteria."""

    bruker: object
    antall: int
    alle: bool


@dataclass
class Kvorumstatus:
    """Who has scored a note, against the portfolio's rule: the one account of it that the
    decision page, the meeting pack and the decision form read. The disqualified are apart: their
    scores do not count, and they are not counted among the eligible."""

    regel: str
    stemmeberettigede: int
    vurdert: int
    ikke_ferdig: list = field(default_factory=list)  # eligible members not done
    mangler: list = field(default_factory=list)  # (criterion, members missing it)
    vurderere: list[Vurderer] = field(default_factory=list)  # eligible members who scored
    inhabile: list[Inhabil] = field(default_factory=list)
    antall_kriterier: int = 0

    @property
    def oppfylt(self) -> bool:
        n, v = self.stemmeberettigede, self.vurdert
        if self.regel == Kvorum.ALLE:
            return n > 0 and v == n
        if self.regel == Kvorum.TO_TREDJEDELER:
            return n > 0 and 3 * v >= 2 * n
        return 2 * v > n

    @property
    def regel_tekst(self) -> str:
        return Kvorum(self.regel).label

    @property
    def ikke_begynt(self) -> list:
        """Eligible members who have scored nothing on the note yet."""
        har = {v.bruker.pk for v in self.vurderere}
        return [m for m in self.ikke_ferdig if m.pk not in har]


def kvorum_for(*, portefolje, notat, inhabile=None) -> Kvorumstatus:
    """The quorum on `notat` in `portefolje` now (four queries)."""
    if inhabile is None:
        inhabile = inhabile_for(notater=[notat], portefolje=portefolje)[notat.pk]
    return kvorum_for_notater(
        portefolje=portefolje, notater=[notat], inhabile={notat.pk: inhabile}
    )[notat.pk]


def kvorum_for_notater(
    *, portefolje, notater, inhabile: dict[int, list[Inhabil]], kriterier=None
) -> dict[int, Kvorumstatus]:
    """Per note (id): who has scored it, who has not, who is disqualified, against the rule.
    `inhabile` as from `inhabile_for`; `kriterier` the active criteria when the caller has
    them. Four queries (three with `kriterier`) however many notes."""
    notater = list(notater)
    medlemmer = [
        m.bruker
        for m in Medlemskap.objects.filter(portefolje=portefolje, rolle__in=STEMMEBERETTIGEDE)
        .select_related("bruker")
        .order_by("bruker__first_name", "bruker__last_name", "bruker__username")
    ]
    if kriterier is None:
        kriterier = Kriterium.objects.filter(portefolje=portefolje, aktiv=True)
    kriterier = list(kriterier)
    gitt = set(
        Vurdering.objects.filter(
            notat__in=notater, kriterium__in=kriterier, medlem__in=medlemmer
        ).values_list("notat_id", "medlem_id", "kriterium_id")
    )
    regel = regel_for(portefolje).kvorum
    svar = {}
    for notat in notater:
        saken = inhabile.get(notat.pk, [])
        inhabil = {i.bruker.pk for i in saken}
        berettiget = [m for m in medlemmer if m.pk not in inhabil]
        antall = {m.pk: sum((notat.pk, m.pk, k.pk) in gitt for k in kriterier) for m in berettiget}
        ikke_ferdig = [m for m in berettiget if antall[m.pk] < len(kriterier)]
        svar[notat.pk] = Kvorumstatus(
            regel=regel,
            stemmeberettigede=len(berettiget),
            vurdert=len(berettiget) - len(ikke_ferdig),
            ikke_ferdig=ikke_ferdig,
            mangler=[
                (k, n)
                for k in kriterier
                if (n := sum((notat.pk, m.pk, k.pk) not in gitt for m in berettiget))
            ],
            vurderere=[
                Vurderer(m, antall[m.pk], antall[m.pk] >= len(kriterier))
                for m in berettiget
                if antall[m.pk]
            ],
            inhabile=saken,
            antall_kriterier=len(kriterier),
        )
    return svar
