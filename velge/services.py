"""Velge's workflows: criteria, meetings and agendas, scores and decisions.

Each service checks who acts before it reads or writes, refuses bad input with a ValidationError
(nothing changed), writes inside one transaction and records decisions in the audit trail.
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from konseptnotat.models import Konseptnotat, Status
from konseptnotat.services import (
    notat_flytt_til_portefolje,
    notat_send_til_revisjon,
    notat_sett_behandlet,
    versjon_frys,
)
from portefolje.models import Portefolje
from portefolje.revisjon import logg_hendelse
from velge import hooks, permissions, selectors
from velge.beregning import SKALA
from velge.models import Agendapunkt, Beslutning, Kriterium, Mote, Utfall, Vurdering

# --- criteria ---------------------------------------------------------------------------------


@transaction.atomic
def kriterier_lagre(*, portefolje: Portefolje, aktor, skjemaer) -> list[Kriterium]:
    """Save the chair's edits of the criteria (model forms, already valid) for one portfolio.

    Refuses if the active weights would sum to zero: no share of the total could be computed.
    The portfolio row is locked so two chairs' tabs cannot interleave their edits.
    """
    if not permissions.kan_redigere_kriterier(aktor, portefolje):
        raise PermissionDenied
    Portefolje.objects.select_for_update().get(pk=portefolje.pk)
    lagret = []
    for skjema in skjemaer:
        kriterium = skjema.save(commit=False)
        kriterium.portefolje = portefolje
        kriterium.save()
        lagret.append(kriterium)
    if (
        sum(
            Kriterium.objects.filter(portefolje=portefolje, aktiv=True).values_list(
                "vekt", flat=True
            )
        )
        <= 0
    ):
        # The exception rolls back what was saved above: a refusal, nothing changed.
        raise ValidationError(_("The weights of the active criteria must not sum to zero."))
    logg_hendelse(
        aktor=aktor,
        objekt=portefolje,
        handling="kriterier_endret",
        beskrivelse=_("Criteria and weights changed."),
        data={k.navn: k.vekt for k in lagret},
    )
    return lagret


# --- meetings and agendas ---------------------------------------------------------------------


@transaction.atomic
def mote_opprett(*, portefolje: Portefolje, aktor, dato: date, tittel: str = "", sted: str = ""):
    """Create a portfolio meeting (secretary, chair or development team)."""
    if not permissions.kan_redigere_agenda(aktor, portefolje):
        raise PermissionDenied
    mote = Mote.objects.create(portefolje=portefolje, dato=dato, tittel=tittel, sted=sted)
    logg_hendelse(
        aktor=aktor,
        objekt=mote,
        handling="mote_opprettet",
        beskrivelse=_("Meeting %(mote)s created.") % {"mote": mote},
    )
    return mote


def _legg_til(*, mote: Mote, notat: Konseptnotat, aktor) -> Agendapunkt:
    if notat.status != Status.KLAR or notat.portefolje_id != mote.portefolje_id:
        raise ValidationError(
            _("Only notes that are ready for decision in this portfolio can go on the agenda.")
        )
    if Agendapunkt.objects.filter(mote=mote, notat=notat).exists():
        raise ValidationError(_("The note is already on this meeting's agenda."))
    versjon = versjon_frys(notat=notat, aktor=aktor)
    neste = (mote.agendapunkter.aggregate(m=Max("rekkefolge"))["m"] or 0) + 1
    return Agendapunkt.objects.create(mote=mote, notat=notat, rekkefolge=neste, versjon=versjon)


@transaction.atomic
def agenda_legg_til(*, mote: Mote, notat: Konseptnotat, aktor) -> Agendapunkt:
    """Put a ready note on the agenda; the version members will read is frozen now."""
    if not permissions.kan_redigere_agenda(aktor, mote.portefolje):
        raise PermissionDenied
    Mote.objects.select_for_update().get(pk=mote.pk)  # one agenda edit at a time
    notat = Konseptnotat.objects.select_for_update().get(pk=notat.pk)
    punkt = _legg_til(mote=mote, notat=notat, aktor=aktor)
    logg_hendelse(
        aktor=aktor,
        objekt=mote,
        handling="agenda_lagt_til",
        beskrivelse=_("«%(notat)s» put on the agenda.") % {"notat": notat},
        data={"notat_id": notat.pk},
    )
    return punkt


@transaction.atomic
def agenda_fjern(*, mote: Mote, notat: Konseptnotat, aktor) -> None:
    """Take an undecided note off the agenda (the note itself is untouched)."""
    if not permissions.kan_redigere_agenda(aktor, mote.portefolje):
        raise PermissionDenied
    Mote.objects.select_for_update().get(pk=mote.pk)
    if Beslutning.objects.filter(mote=mote, notat=notat).exists():
        raise ValidationError(
            _("The note has been decided in this meeting and stays on its agenda.")
        )
    slettet, _antall = Agendapunkt.objects.filter(mote=mote, notat=notat).delete()
    if not slettet:
        raise ValidationError(_("The note is not on this meeting's agenda."))
    logg_hendelse(
        aktor=aktor,
        objekt=mote,
        handling="agenda_fjernet",
        beskrivelse=_("«%(notat)s» taken off the agenda.") % {"notat": notat},
        data={"notat_id": notat.pk},
    )


@transaction.atomic
def mote_vis_vurderinger(*, mote: Mote, aktor) -> None:
    """The chair reveals every member's scores in this meeting, also to those yet to score."""
    if not permissions.kan_avslore(aktor, mote.portefolje):
        raise PermissionDenied
    Mote.objects.filter(pk=mote.pk).update(vurderinger_synlige=True)
    mote.vurderinger_synlige = True
    logg_hendelse(
        aktor=aktor,
        objekt=mote,
        handling="vurderinger_vist",
        beskrivelse=_("The chair revealed all scores."),
    )


# --- scoring ----------------------------------------------------------------------------------


def vurdering_lagre(
    *, mote: Mote, notat: Konseptnotat, medlem, poeng: dict[int, tuple[int, str]]
) -> list[Vurdering]:
    """Save a member's scores of one note: `poeng` maps criterion id to (score 1–5, comment).

    Upsert with INSERT … ON CONFLICT DO UPDATE on the unique (member, note, criterion): many
    members scoring at once, or one member in two tabs, never lose a score or hit the
    constraint. A score outside the scale or a foreign criterion is refused, nothing saved.
    """
    portefolje = mote.portefolje
    if not permissions.kan_vurdere(medlem, portefolje):
        raise PermissionDenied
    if not Agendapunkt.objects.filter(mote=mote, notat=notat).exists():
        raise ValidationError(_("The note is not on this meeting's agenda."))
    if notat.status != Status.KLAR or notat.portefolje_id != portefolje.pk:
        raise ValidationError(_("The note has been decided and can no longer be scored."))
    if Beslutning.objects.filter(mote=mote, notat=notat).exists():
        raise ValidationError(_("The note has been decided and can no longer be scored."))
    kriterier = {k.pk: k for k in selectors.aktive_kriterier(portefolje)}
    for kriterium_id, (verdi, _kommentar) in poeng.items():
        if kriterium_id not in kriterier:
            raise ValidationError(_("Unknown criterion for this portfolio."))
        if verdi not in SKALA:
            raise ValidationError(_("A score must be a whole number from 1 to 5."))
    rader = [
        Vurdering(
            kriterium=kriterier[kid], notat=notat, medlem=medlem, poeng=verdi, kommentar=kommentar
        )
        # Always the same order, so two tabs of one member lock rows in the same order.
        for kid, (verdi, kommentar) in sorted(poeng.items())
    ]
    with transaction.atomic():
        # The member's own rows, locked, so two tabs cannot both pass the check below.
        mine = dict(
            Vurdering.objects.select_for_update()
            .filter(medlem=medlem, notat=notat, kriterium__in=list(kriterier))
            .values_list("kriterium_id", "poeng")
        )
        endret = [kid for kid, (verdi, _k) in poeng.items() if kid in mine and mine[kid] != verdi]
        if endret and _andres_vurderinger_synlige(
            mote=mote, notat=notat, mine=mine, kriterier=kriterier
        ):
            raise ValidationError(
                _(
                    "You have seen the other members' scores, so your own can no longer be "
                    "changed. If you have changed your mind, say so in the meeting: the chair "
                    "records it with the decision."
                )
            )
        return Vurdering.objects.bulk_create(
            rader,
            update_conflicts=True,
            unique_fields=["medlem", "notat", "kriterium"],
            update_fields=["poeng", "kommentar", "endret"],
        )


def _andres_vurderinger_synlige(*, mote: Mote, notat: Konseptnotat, mine, kriterier) -> bool:
    """The same rule the scoring page uses to show the others' scores (selectors)."""
    if set(kriterier) <= set(mine):
        return True  # scored every criterion: the page shows everyone's scores
    return Agendapunkt.objects.filter(
        notat=notat, mote__portefolje_id=mote.portefolje_id, mote__vurderinger_synlige=True
    ).exists()


# --- decisions --------------------------------------------------------------------------------


@transaction.atomic
def beslutning_fatt(
    *,
    mote: Mote,
    notat: Konseptnotat,
    utfall: str,
    begrunnelse: str,
    aktor,
    parkert_til: date | None = None,
    scenario=None,
) -> Beslutning:
    """The chair's decision on a note on the meeting's agenda, with its rationale.

    Records meeting, time, who, the frozen version and the weighted score, then carries it out:
    approved → the registered downstream handlers (Styre creates the project) in this
    transaction; rejected or parked → the note is decided; sent back → the note goes to its
    owner; lifted → the note moves to KLG and onto KLG's next meeting, with the section's scores
    kept. Refusals (ValidationError, nothing changed): no rationale, park without a future date,
    a note not on the agenda, a note already decided, an imposed order rejected by anyone but
    KLG, lifting from KLG itself, citing another portfolio's scenario.
    """
    portefolje = mote.portefolje
    if not permissions.kan_beslutte(aktor, portefolje):
        raise PermissionDenied
    begrunnelse = (begrunnelse or "").strip()
    feil = {}
    if utfall not in Utfall.values:
        feil["utfall"] = _("Choose one of the outcomes.")
    if not begrunnelse:
        feil["begrunnelse"] = _("A decision needs a rationale.")
    if utfall == Utfall.PARKERT and (parkert_til is None or parkert_til <= timezone.localdate()):
        feil["parkert_til"] = _("A parked note needs a date in the future.")
    if utfall == Utfall.LOFTET_TIL_KLG and portefolje.er_klg:
        feil["utfall"] = _("KLG cannot lift a note to itself.")
    if scenario is not None and scenario.portefolje_id != portefolje.pk:
        feil["scenario"] = _("Choose one of this portfolio's scenarios.")
    if feil:
        raise ValidationError(feil)

    # Locking the note serialises two decisions on it: the second sees the first's result.
    notat = Konseptnotat.objects.select_for_update().get(pk=notat.pk)
    if not Agendapunkt.objects.filter(mote=mote, notat=notat).exists():
        raise ValidationError(_("The note is not on this meeting's agenda."))
    if (
        notat.status != Status.KLAR
        or notat.portefolje_id != portefolje.pk
        or Beslutning.objects.filter(mote=mote, notat=notat).exists()
    ):
        raise ValidationError(_("The note has already been decided."))
    if utfall == Utfall.AVVIST and not portefolje.er_klg and selectors.notat_er_palagt(notat):
        raise ValidationError(
            {
                "utfall": _(
                    "This note answers an order imposed by law or political decision. Only KLG "
                    "can reject it: lift it to KLG instead."
                )
            }
        )

    score = selectors.vektet_score_for(notat=notat, portefolje=portefolje)
    versjon = versjon_frys(notat=notat, aktor=aktor)
    beslutning = Beslutning.objects.create(
        notat=notat,
        portefolje=portefolje,
        mote=mote,
        utfall=utfall,
        begrunnelse=begrunnelse,
        parkert_til=parkert_til if utfall == Utfall.PARKERT else None,
        besluttet_av=aktor,
        versjon=versjon,
        vektet_score=None if score is None else Decimal(str(round(score, 1))),
        scenario=scenario,
    )
    neste_mote = None
    if utfall == Utfall.GODKJENT:
        notat_sett_behandlet(notat=notat, aktor=aktor)
        hooks.kjor_ved_godkjenning(beslutning=beslutning)
    elif utfall in (Utfall.AVVIST, Utfall.PARKERT):
        notat_sett_behandlet(notat=notat, aktor=aktor)
    elif utfall == Utfall.TIL_REVISJON:
        notat_send_til_revisjon(notat=notat, aktor=aktor, kommentar=begrunnelse)
    elif utfall == Utfall.LOFTET_TIL_KLG:
        klg = Portefolje.objects.klg()
        notat_flytt_til_portefolje(notat=notat, portefolje=klg, aktor=aktor)
        neste_mote = (
            Mote.objects.select_for_update()
            .filter(portefolje=klg, dato__gte=max(mote.dato, timezone.localdate()))
            .order_by("dato", "id")
            .first()
        )
        if neste_mote is not None:
            _legg_til(mote=neste_mote, notat=notat, aktor=aktor)
    logg_hendelse(
        aktor=aktor,
        objekt=beslutning,
        handling=f"beslutning_{utfall}",
        beskrivelse=_("%(utfall)s: «%(notat)s» in %(portefolje)s. %(begrunnelse)s")
        % {
            "utfall": beslutning.get_utfall_display(),
            "notat": notat,
            "portefolje": portefolje,
            "begrunnelse": begrunnelse,
        },
        data={
            "notat_id": notat.pk,
            "mote_id": mote.pk,
            "versjon": versjon.nummer,
            "vektet_score": None if score is None else round(score, 1),
            "klg_mote_id": neste_mote.pk if neste_mote else None,
            "scenario_id": scenario.pk if scenario else None,
        },
    )
    beslutning.neste_mote = neste_mote
    return beslutning


# --- public access ----------------------------------------------------------------------------


def hjemmel_for_unntak(*, unntatt: bool, hjemmel: str) -> str:
    """The legal basis to store with a public-access choice (decisions here, projects in Styre):
    whitespace tidied, empty when public. Refuses (ValidationError) an exemption without one."""
    hjemmel = " ".join((hjemmel or "").split())
    if unntatt and not hjemmel:
        raise ValidationError(
            {"hjemmel": _("Name the legal basis for the exemption, e.g. «Offl. § 14».")}
        )
    return hjemmel if unntatt else ""


@transaction.atomic
def beslutning_sett_offentlighet(
    *, beslutning: Beslutning, unntatt: bool, hjemmel: str, aktor
) -> Beslutning:
    """The chair marks a decision as exempt from public access (with its legal basis), or public.

    Decisions are public by default. Refuses (PermissionDenied) anyone but the chair of the
    decision's portfolio, and (ValidationError, nothing changed) an exemption without a legal
    basis. The same choice sent again changes and logs nothing.
    """
    if not permissions.kan_merke_offentlighet(aktor, beslutning.portefolje):
        raise PermissionDenied
    hjemmel = hjemmel_for_unntak(unntatt=unntatt, hjemmel=hjemmel)
    laast = Beslutning.objects.select_for_update().get(pk=beslutning.pk)
    if (laast.unntatt_offentlighet, laast.hjemmel) == (unntatt, hjemmel):
        return laast
    laast.unntatt_offentlighet, laast.hjemmel = unntatt, hjemmel
    laast._history_user = aktor
    laast.save(update_fields=["unntatt_offentlighet", "hjemmel"])
    logg_hendelse(
        aktor=aktor,
        objekt=laast,
        handling="beslutning_unntatt_offentlighet" if unntatt else "beslutning_offentlig",
        beskrivelse=(
            _("The decision on «%(notat)s» is exempt from public access (%(hjemmel)s).")
            if unntatt
            else _("The decision on «%(notat)s» is public.")
        )
        % {"notat": laast.notat, "hjemmel": hjemmel},
        data={"unntatt": unntatt, "hjemmel": hjemmel},
    )
    return laast
