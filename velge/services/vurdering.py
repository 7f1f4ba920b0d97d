"""A member's scores of a note on the meeting's agenda."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from konseptnotat.models import Konseptnotat, Status
from portefolje import hurtigbuffer
from velge import permissions, selectors
from velge.beregning import SKALA
from velge.models import Agendapunkt, Beslutning, Mote, Vurdering

# The refusal of a change to a final score or comment (the form says the same).
ENDELIG = gettext_lazy(
    "You have seen the other members' scores, so your own can no longer be changed. If you "
    "have changed your mind, say so in the meeting: the chair records it with the decision."
)

# The refusal of a score from a member disqualified on the note (velge.selectors.habilitet).
INHABIL = gettext_lazy(
    "You are disqualified on this note: you neither score it nor take part in the decision."
)


def vurdering_lagre(
    *, mote: Mote, notat: Konseptnotat, medlem, poeng: dict[int, tuple[int, str]]
) -> list[Vurdering]:
    """Save a member's scores of one note: `poeng` maps criterion id to (score 1–5, comment).

    Upsert with INSERT … ON CONFLICT DO UPDATE on the unique (member, note, criterion): many
    members scoring at once, or one member in two tabs, never lose a score or hit the
    constraint. A score outside the scale or a foreign criterion is refused, nothing saved.

    The scoring rule (velge.selectors.synlighet.endelige): once the member has seen the
    others' scores, every score and comment they have given on the note is final. A change to
    one is refused (nothing saved); a criterion they have not scored can still be scored.
    A member disqualified on the note (owner, co-author, declared) is refused.
    """
    portefolje = mote.portefolje
    if not permissions.kan_vurdere(medlem, portefolje):
        raise PermissionDenied
    _sjekk_at_notatet_kan_vurderes(mote=mote, notat=notat, medlem=medlem)
    kriterier = {k.pk: k for k in selectors.aktive_kriterier(portefolje)}
    _sjekk_poeng(poeng, kriterier)
    with transaction.atomic():
        # The member's own rows, locked, so two tabs cannot both pass the rule below.
        mine = {
            kid: (verdi, kommentar, endelig)
            for kid, verdi, kommentar, endelig in Vurdering.objects.select_for_update()
            .filter(medlem=medlem, notat=notat, kriterium__in=list(kriterier))
            .values_list("kriterium_id", "poeng", "kommentar", "endelig")
        }
        avslort = selectors.avslort_na(notat=notat, portefolje=portefolje)
        endelige = selectors.endelige(
            mine={kid: rad[2] for kid, rad in mine.items()}, aktive=set(kriterier), avslort=avslort
        )
        if any(mine[kid][:2] != tuple(poeng[kid]) for kid in endelige & set(poeng)):
            raise ValidationError(ENDELIG)
        rader = [
            Vurdering(
                kriterium=kriterier[kid],
                notat=notat,
                medlem=medlem,
                poeng=verdi,
                kommentar=kommentar,
            )
            # Always the same order, so two tabs of one member lock rows in the same order.
            for kid, (verdi, kommentar) in sorted(poeng.items())
            if kid not in endelige
        ]
        lagret = Vurdering.objects.bulk_create(
            rader,
            update_conflicts=True,
            unique_fields=["medlem", "notat", "kriterium"],
            update_fields=["poeng", "kommentar", "endret"],
        )
        if avslort or set(kriterier) <= set(mine) | set(poeng):
            # The member sees the others' scores now: what they have given is final from here,
            # also if the chair adds a criterion later.
            Vurdering.objects.filter(
                medlem=medlem, notat=notat, kriterium__in=list(kriterier), endelig=False
            ).update(endelig=True)
        hurtigbuffer.endret()  # bulk_create sends no signal: the cached averages are stale
        return lagret


def _sjekk_at_notatet_kan_vurderes(*, mote: Mote, notat: Konseptnotat, medlem) -> None:
    """Refuse a note off the meeting's agenda, one that has been decided, and a member who is
    disqualified on it."""
    if not Agendapunkt.objects.filter(mote=mote, notat=notat).exists():
        raise ValidationError(_("The note is not on this meeting's agenda."))
    if (
        notat.status != Status.KLAR
        or notat.portefolje_id != mote.portefolje_id
        or Beslutning.objects.filter(mote=mote, notat=notat).exists()
    ):
        raise ValidationError(_("The note has been decided and can no longer be scored."))
    if selectors.er_inhabil(bruker=medlem, notat=notat):
        raise ValidationError(INHABIL)


def _sjekk_poeng(poeng: dict, kriterier: dict) -> None:
    """Refuse a criterion of another portfolio, or a score outside the scale."""
    for kriterium_id, (verdi, _kommentar) in poeng.items():
        if kriterium_id not in kriterier:
            raise ValidationError(_("Unknown criterion for this portfolio."))
        if verdi not in SKALA:
            raise ValidationError(_("A score must be a whole number from 1 to 5."))
