"""Velge's reminder rules, registered with the core's reminder pass (portefolje.paminnelser):
before a meeting (notes not ready, members who have not scored), before the yearly cycle's
deadline for concept notes, and parked notes whose date has come. Rules only read; the pass
claims.

Årshjulet feeds two of them: its deadline is `arshjul_notatfrist`'s date, and its scoring and
decision meetings are real meetings (velge/services/arshjul.py puts them in the calendar), so
«members who have not scored» is the meeting rule below, never a second rule for the same thing.
"""

import logging
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from ideer.paminnelser import PARKERT_FRIST, utviklingsteamet
from konseptnotat.models import Konseptnotat
from konseptnotat.models import Status as NotatStatus
from portefolje.models import Medlemskap, PaminnelsesInnstilling, Rolle
from portefolje.models.varsler import dager_for, standard_dager
from portefolje.paminnelser import Kandidat, dato_tekst, er_aktiv, regel_registrer
from portefolje.varsler import varseltype_registrer
from velge import selectors
from velge.models import Agendapunkt, Arshjul, Beslutning, Kriterium, Mote, Utfall, Vurdering

logger = logging.getLogger("velge.paminnelser")

MOTE_NOTAT_IKKE_KLART = varseltype_registrer(
    "mote_notat_ikke_klart",
    navn=gettext_lazy("Note on a meeting's agenda not ready"),
    beskrivelse=gettext_lazy("To a note's owner and guide, some days before the meeting."),
)
ARSHJUL_NOTATFRIST = varseltype_registrer(
    "arshjul_notatfrist",
    navn=gettext_lazy("Concept note not ready before the deadline"),
    beskrivelse=gettext_lazy(
        "To a note's authors and the development team, some days before the deadline for "
        "concept notes in the portfolio's yearly cycle."
    ),
)
MOTE_IKKE_VURDERT = varseltype_registrer(
    "mote_ikke_vurdert",
    navn=gettext_lazy("Notes not yet scored before a meeting"),
    beskrivelse=gettext_lazy("To the portfolio's members who have not scored every note yet."),
)


# --- before a meeting -------------------------------------------------------------------------


def _lengste_vindu(felt: str) -> int:
    """The most days ahead any portfolio looks for `felt` (its own setting, or the default):
    what to fetch before each portfolio's own window is applied (one query)."""
    return max(
        [
            standard_dager(felt),
            *PaminnelsesInnstilling.objects.exclude(**{f"{felt}__isnull": True}).values_list(
                felt, flat=True
            ),
        ]
    )


def _kommende_moter(idag: date, felt: str) -> list:
    """Meetings from today that are within their portfolio's window for `felt`."""
    lengst = _lengste_vindu(felt)
    moter = (
        Mote.objects.filter(dato__gte=idag, dato__lte=idag + timedelta(days=lengst))
        .select_related("portefolje", "portefolje__paminnelsesinnstilling")
        .order_by("dato", "pk")
    )
    return [m for m in moter if (m.dato - idag).days <= dager_for(m.portefolje, felt)]


@regel_registrer
def mote_notater_ikke_klare(*, idag: date) -> Iterator[Kandidat]:
    """Notes on an upcoming meeting's agenda that are not ready, to their owners and guides."""
    moter = _kommende_moter(idag, "dager_for_mote_notater")
    punkter = (
        Agendapunkt.objects.filter(mote__in=moter)
        .exclude(notat__status__in=[NotatStatus.KLAR, NotatStatus.BEHANDLET])
        .select_related("mote", "mote__portefolje", "notat", "notat__eier", "notat__veileder")
        .order_by("mote__dato", "pk")
    )
    for punkt in punkter:
        notat, mote = punkt.notat, punkt.mote
        mottakere = {b.pk: b for b in (notat.eier, notat.veileder) if er_aktiv(b)}
        for mottaker in mottakere.values():
            yield Kandidat(
                mottaker=mottaker,
                type=MOTE_NOTAT_IKKE_KLART,
                objekt=notat,
                periode=f"mote-{mote.pk}",
                tittel=_("«%(notat)s» is on the agenda %(dato)s but is not ready")
                % {"notat": notat.tittel, "dato": dato_tekst(mote.dato)},
                tekst=_(
                    "The concept note «%(notat)s» is on the agenda of «%(mote)s» on %(dato)s, "
                    "but it is not marked ready for decision. Finish it before the meeting."
                )
                % {"notat": notat.tittel, "mote": str(mote), "dato": dato_tekst(mote.dato)},
                lenke=notat.get_absolute_url(),
            )


@regel_registrer
def mote_ikke_vurdert(*, idag: date) -> Iterator[Kandidat]:
    """Members (chair and members, who score) who have not scored every note on an upcoming
    meeting's agenda on every active criterion: one reminder per member and meeting."""
    moter = _kommende_moter(idag, "dager_for_mote_vurdering")
    if not moter:
        return
    notater_per_mote = _notater_per_mote(moter)
    portefoljer = {m.portefolje_id for m in moter}
    kriterier = _antall_kriterier(portefoljer)
    medlemmer = _stemmeberettigede(portefoljer)
    vurdert = _vurdert(
        notater={n.pk for notater in notater_per_mote.values() for n in notater},
        portefoljer=portefoljer,
    )
    # Nobody is reminded to score a note they are disqualified on (velge.selectors.habilitet).
    inhabile = selectors.inhabile_par({n for notater in notater_per_mote.values() for n in notater})
    for mote in moter:
        antall_kriterier = kriterier.get(mote.portefolje_id, 0)
        notater = notater_per_mote.get(mote.pk, [])
        if not antall_kriterier or not notater:
            continue
        for medlem in medlemmer[mote.portefolje_id]:
            mangler = [
                n
                for n in notater
                if vurdert.get((medlem.pk, n.pk, mote.portefolje_id), 0) < antall_kriterier
                and (medlem.pk, n.pk) not in inhabile
            ]
            if mangler:
                yield _ikke_vurdert(medlem=medlem, mote=mote, mangler=mangler)


def _notater_per_mote(moter) -> dict[int, list]:
    """The undecided notes on each meeting's agenda, in agenda order."""
    notater_per_mote = defaultdict(list)
    for punkt in (
        Agendapunkt.objects.filter(mote__in=moter)
        .exclude(notat__status=NotatStatus.BEHANDLET)
        .select_related("notat")
        .order_by("rekkefolge", "pk")
    ):
        notater_per_mote[punkt.mote_id].append(punkt.notat)
    return notater_per_mote


def _antall_kriterier(portefoljer) -> dict[int, int]:
    """How many active criteria each portfolio scores on."""
    return dict(
        Kriterium.objects.filter(portefolje__in=portefoljer, aktiv=True)
        .values("portefolje_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("portefolje_id", "n")
    )


def _stemmeberettigede(portefoljer) -> dict[int, list]:
    """Each portfolio's active chair and members: those who score."""
    medlemmer = defaultdict(list)
    for medlemskap in Medlemskap.objects.filter(
        portefolje__in=portefoljer, rolle__in=[Rolle.LEDER, Rolle.MEDLEM], bruker__is_active=True
    ).select_related("bruker"):
        medlemmer[medlemskap.portefolje_id].append(medlemskap.bruker)
    return medlemmer


def _vurdert(*, notater, portefoljer) -> dict[tuple[int, int, int], int]:
    """(member, note, portfolio) → how many of the portfolio's active criteria are scored."""
    return {
        (rad["medlem_id"], rad["notat_id"], rad["kriterium__portefolje_id"]): rad["antall"]
        for rad in Vurdering.objects.filter(
            notat__in=notater, kriterium__aktiv=True, kriterium__portefolje__in=portefoljer
        )
        .values("medlem_id", "notat_id", "kriterium__portefolje_id")
        .annotate(antall=Count("kriterium", distinct=True))
    }


def _ikke_vurdert(*, medlem, mote, mangler) -> Kandidat:
    return Kandidat(
        mottaker=medlem,
        type=MOTE_IKKE_VURDERT,
        objekt=mote,
        periode="",
        tittel=ngettext(
            "%(antall)d note to score before the meeting %(dato)s",
            "%(antall)d notes to score before the meeting %(dato)s",
            len(mangler),
        )
        % {"antall": len(mangler), "dato": dato_tekst(mote.dato)},
        tekst=_("You have not scored these notes on every criterion yet:")
        + "\n"
        + "\n".join(f"– {n.tittel}" for n in mangler),
        lenke=mote.portefolje.get_absolute_url(),
    )


# --- the yearly cycle's deadline for concept notes --------------------------------------------

# Notes still being written or checked: not «ready for decision» yet.
IKKE_KLARE = [NotatStatus.UTKAST, NotatStatus.INNSENDT, NotatStatus.TIL_REVISJON]


@regel_registrer
def arshjul_notatfrist(*, idag: date) -> Iterator[Kandidat]:
    """Concept notes of a portfolio (its own, or its section's not yet placed) that are not
    ready for decision as the yearly cycle's deadline comes near: one reminder per note to each
    author (owner and co-authors), and one per deadline to each member of the development
    team listing them. The window is the portfolio's «days before a meeting: notes ready»; the
    period is the deadline, so a moved deadline is a new event, and the same one is never sent
    twice."""
    hjul_liste = _hjul_med_frist_snart(idag)
    if not hjul_liste:
        return
    notater_per_hjul = _ikke_klare_notater(hjul_liste)
    team = utviklingsteamet()
    for hjul in hjul_liste:
        notater = notater_per_hjul.get(hjul.pk)
        if not notater:
            continue
        for notat in notater:
            yield from _til_forfatterne(hjul=hjul, notat=notat)
        for mottaker in team:
            yield _til_utviklingsteamet(hjul=hjul, notater=notater, mottaker=mottaker)


def _frist(hjul) -> tuple[str, str]:
    """(the deadline as people read it, the reminder's period)."""
    return dato_tekst(hjul.notatfrist), f"notatfrist-{hjul.notatfrist.isoformat()}"


def _hjul_med_frist_snart(idag: date) -> list[Arshjul]:
    """The cycles whose deadline for notes is within their portfolio's window."""
    felt = "dager_for_mote_notater"
    lengst = _lengste_vindu(felt)
    return [
        h
        for h in Arshjul.objects.filter(
            notatfrist__gte=idag, notatfrist__lte=idag + timedelta(days=lengst)
        )
        .select_related("portefolje", "portefolje__paminnelsesinnstilling")
        .order_by("notatfrist", "pk")
        if (h.notatfrist - idag).days <= dager_for(h.portefolje, felt)
    ]


def _ikke_klare_notater(hjul_liste) -> dict[int, list]:
    """Per cycle, its portfolio's notes not ready yet, and its section's not yet placed."""
    per_portefolje = {h.portefolje_id: h for h in hjul_liste}
    seksjoner = {h.portefolje.seksjon_id: h for h in hjul_liste if h.portefolje.seksjon_id}
    notater_per_hjul = defaultdict(list)
    for notat in (
        Konseptnotat.objects.filter(status__in=IKKE_KLARE)
        .filter(
            Q(portefolje__in=per_portefolje)
            | Q(portefolje__isnull=True, seksjon__in=list(seksjoner))
        )
        .select_related("eier")
        .prefetch_related(Prefetch("medforfattere", to_attr="medforfatterliste"))
        .order_by("tittel", "pk")
    ):
        hjul = per_portefolje.get(notat.portefolje_id) or seksjoner.get(notat.seksjon_id)
        if hjul is not None:
            notater_per_hjul[hjul.pk].append(notat)
    return notater_per_hjul


def _til_forfatterne(*, hjul, notat) -> Iterator[Kandidat]:
    frist, periode = _frist(hjul)
    forfattere = {b.pk: b for b in [notat.eier, *notat.medforfatterliste] if er_aktiv(b)}
    for mottaker in forfattere.values():
        yield Kandidat(
            mottaker=mottaker,
            type=ARSHJUL_NOTATFRIST,
            objekt=notat,
            periode=periode,
            tittel=_("«%(notat)s» must be ready by %(dato)s")
            % {"notat": notat.tittel, "dato": frist},
            tekst=_(
                "The deadline for concept notes to %(portefolje)s is %(dato)s, and "
                "«%(notat)s» is not ready for decision yet (%(status)s). Finish it and "
                "send it in, so the development team can mark it ready before the "
                "deadline."
            )
            % {
                "portefolje": hjul.portefolje.navn,
                "dato": frist,
                "notat": notat.tittel,
                "status": notat.get_status_display(),
            },
            lenke=notat.get_absolute_url(),
        )


def _til_utviklingsteamet(*, hjul, notater, mottaker) -> Kandidat:
    frist, periode = _frist(hjul)
    return Kandidat(
        mottaker=mottaker,
        type=ARSHJUL_NOTATFRIST,
        objekt=hjul,
        periode=periode,
        tittel=ngettext(
            "%(antall)d concept note to %(portefolje)s not ready by %(dato)s",
            "%(antall)d concept notes to %(portefolje)s not ready by %(dato)s",
            len(notater),
        )
        % {"antall": len(notater), "portefolje": hjul.portefolje.navn, "dato": frist},
        tekst=_("Not ready for decision yet:")
        + "\n"
        + "\n".join(f"– {n.tittel} ({n.get_status_display()})" for n in notater),
        lenke=reverse("velge:arshjul", args=[hjul.portefolje.slug, hjul.ar]),
    )


# --- parked notes -----------------------------------------------------------------------------


@regel_registrer
def parkert_notat(*, idag: date) -> Iterator[Kandidat]:
    """Concept notes the portfolio parked, whose «parked until» date has come, to the
    development team (unless a later decision or a new submission took over). The period is
    that date: parked again to a later date gives a new reminder then."""
    nyere = Beslutning.objects.filter(notat=OuterRef("notat"), besluttet__gt=OuterRef("besluttet"))
    beslutninger = list(
        Beslutning.objects.filter(utfall=Utfall.PARKERT, parkert_til__lte=idag)
        .exclude(Q(notat__status__in=[NotatStatus.KLAR, NotatStatus.INNSENDT]))
        .annotate(har_nyere=Subquery(nyere.values("pk")[:1]))
        .filter(har_nyere__isnull=True)
        .select_related("notat")
        .order_by("pk")
    )
    if not beslutninger:
        return
    team = utviklingsteamet()
    if not team:
        logger.warning("Ingen i utviklingsteamet å minne om parkerte konseptnotater")
    for beslutning in beslutninger:
        notat = beslutning.notat
        for mottaker in team:
            yield Kandidat(
                mottaker=mottaker,
                type=PARKERT_FRIST,
                objekt=notat,
                periode=beslutning.parkert_til.isoformat(),
                tittel=_("Parked concept note «%(tittel)s» is due for a new look")
                % {"tittel": notat.tittel},
                tekst=_(
                    "The portfolio parked the note until %(dato)s. Bring it to a meeting again "
                    "or close it."
                )
                % {"dato": dato_tekst(beslutning.parkert_til)},
                lenke=notat.get_absolute_url(),
            )
