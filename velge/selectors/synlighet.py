"""Who sees the scores, and when a member's own scores are final: the scoring rule, in one place.

Members score alone first. The others' scores, the per-criterion averages, the weighted totals
and the ranking built from them are one thing: a person who may not see one learns it from the
others, so every page (the scoring page, the meeting's result board, the portfolio page, what
fits, the scenarios) and the API decide with the functions here.

Decided for the time before the chair reveals a note's scores (`er_avslort`):

- the chair and the members, who score, see them for a note once they have scored it on every
  active criterion; before that they see none of it, not even the averages;
- the portfolio's secretary, who does not score, sees them as they come in: the secretary
  prepares the meeting and writes the minutes, as before;
- everyone else (employees outside the portfolio's leader group, the development team, anyone
  not logged in) sees none of it: they must not learn what a member who has not scored cannot.

After the reveal everyone who may open the page sees them.

The budget work (what fits in the frames, the scenarios) is prepared before the meeting: the
chair and the secretary see it on the current averages before the reveal, marked as
preliminary (`budsjettvisning`); a member sees it by the rule above. And once a member has seen the
others' scores, the scores and comments that member has given on the note are final
(`endelige`): a criterion added afterwards can still be scored, nothing given earlier changes.
"""

from enum import Enum

from django.db.models import Exists

from portefolje import permissions
from velge.models import Agendapunkt, Kriterium, Vurdering


def _avsloringer(*, notat, portefolje):
    return Agendapunkt.objects.filter(
        notat=notat, mote__portefolje=portefolje, mote__vurderinger_synlige=True
    )


def er_avslort(*, notat, portefolje) -> Exists:
    """The scoring rule's «the chair has shown the scores»: some meeting of `portefolje` with
    `notat` on its agenda has them shown. Either may be an OuterRef (the API filters scores with
    it, the portfolio page annotates notes)."""
    return Exists(_avsloringer(notat=notat, portefolje=portefolje))


def avslort_na(*, notat, portefolje) -> bool:
    """`er_avslort` for one note, asked now (one query)."""
    return _avsloringer(notat=notat, portefolje=portefolje).exists()


class Innsyn(Enum):
    """How a person stands to a portfolio's scores before they are revealed."""

    VURDERER = "vurderer"  # chair or member: sees a note's scores once they have scored it
    SEKRETAER = "sekretaer"  # sees them as they come in
    UTENFOR = "utenfor"  # sees them only once revealed


def innsyn_for(bruker, portefolje) -> Innsyn:
    """`bruker`'s standing to the scores of `portefolje` (no query once the roles are read)."""
    if permissions.kan_vurdere(bruker, portefolje):
        return Innsyn.VURDERER
    if permissions.er_medlem(bruker, portefolje):
        return Innsyn.SEKRETAER
    return Innsyn.UTENFOR


def ser_vurderingene(*, innsyn: Innsyn, ferdig_vurdert: bool, avslort: bool) -> bool:
    """Whether a person sees a note's scores, averages and weighted total (the decision above):
    `ferdig_vurdert`, they have scored it on every active criterion; `avslort`, the chair has
    revealed its scores."""
    if avslort or innsyn is Innsyn.SEKRETAER:
        return True
    return innsyn is Innsyn.VURDERER and ferdig_vurdert


def forbereder_budsjett(bruker, portefolje) -> bool:
    """The chair and the secretary prepare the budget discussion before the meeting: they see
    what fits and the scenarios on the averages as they stand, before the reveal."""
    return permissions.er_leder(bruker, portefolje) or permissions.er_sekretaer(bruker, portefolje)


def budsjettvisning(*, resultater, bruker, portefolje, avslort_alle=False) -> tuple[bool, bool]:
    """(hidden, preliminary) for what fits and the scenarios computed from these results.

    Hidden: a viewer who may not see every scored note's scores (the rule above) sees none of
    it, unless they prepare the budget (`forbereder_budsjett`). Preliminary: what is shown
    builds on scores not yet revealed in a meeting (`avslort_alle`, or a note's own `avslort`
    annotation), so the page says so. No queries once the roles are read."""
    scoret = [r for r in resultater if r.vektet is not None]
    return budsjettvisning_fra(
        skjult=any(not r.synlig for r in scoret),
        uavslorte=not avslort_alle and any(not getattr(r.notat, "avslort", False) for r in scoret),
        bruker=bruker,
        portefolje=portefolje,
    )


def budsjettvisning_fra(*, skjult: bool, uavslorte: bool, bruker, portefolje) -> tuple[bool, bool]:
    """`budsjettvisning` from what it reads of the scored notes: whether the viewer may not see
    one of them (`skjult`), and whether one is not yet revealed (`uavslorte`). The portfolio
    page counts these over hundreds of notes without building a result for each."""
    if skjult and forbereder_budsjett(bruker, portefolje):
        skjult = False
    return skjult, not skjult and uavslorte


def endelige(*, mine: dict[int, bool], aktive: set[int], avslort: bool) -> set[int]:
    """The criteria (ids) whose score and comment a member can no longer change on a note.

    `mine` maps each criterion the member has scored to whether the score is marked as given
    after seeing the others (`Vurdering.endelig`); `aktive` are the portfolio's active criteria.
    The member has seen the others' scores when the chair has revealed them, when they have
    scored every active criterion (the page then shows the others), or when they did so before
    (the mark, kept when the chair adds a criterion later). From then on every score they have
    given is final; a criterion they have not scored can still be scored.
    """
    har_sett = avslort or any(mine.values()) or (bool(aktive) and aktive <= set(mine))
    return set(mine) if har_sett else set()


def endelige_for(*, medlem, notat, portefolje) -> set[int]:
    """`endelige` read from the database, for the scoring form (three queries)."""
    mine = dict(
        Vurdering.objects.filter(
            medlem=medlem, notat=notat, kriterium__portefolje=portefolje, kriterium__aktiv=True
        ).values_list("kriterium_id", "endelig")
    )
    aktive = set(
        Kriterium.objects.filter(portefolje=portefolje, aktiv=True).values_list("pk", flat=True)
    )
    avslort = avslort_na(notat=notat, portefolje=portefolje)
    return endelige(mine=mine, aktive=aktive, avslort=avslort)
