"""The chair's decision on a note, and whether a decision is public."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
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
from velge.models import Agendapunkt, Beslutning, Mote, Utfall
from velge.services.moter import agenda_sett_inn
from velge.services.protokoll import protokoll_kan_endres
from velge.services.varsling import beslutning_varsle


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
    under_kvorum_grunn: str = "",
    interne_notater: str = "",
    prosjekteier=None,
    prosjektleder=None,
) -> Beslutning:
    """The chair's decision on a note on the meeting's agenda, with its rationale.

    Records meeting, time, who, the frozen version and the weighted score, then carries it out:
    approved → the registered downstream handlers (Styre creates the project, with the owner
    and manager named here; the owner defaults to the note's) in this transaction; rejected or
    parked → the note is decided; sent back → to its owner; lifted → to KLG's next meeting, with
    the section's scores kept. The rationale is the public justification, published with the
    approved minutes; `interne_notater` never are. Everyone concerned is notified.
    Refusals (ValidationError, nothing changed): no rationale, park without a future date,
    a note not on the agenda or already decided, an imposed order rejected by anyone but KLG,
    lifting from KLG itself, another portfolio's scenario, approved minutes, and a decision
    below the quorum without `under_kvorum_grunn` (the reason, kept for the minutes).
    The chair decides, or the deputy when the chair is disqualified on the note
    (velge.permissions.kan_beslutte_om); anyone else is refused (PermissionDenied).
    """
    portefolje = mote.portefolje
    begrunnelse = (begrunnelse or "").strip()
    _sjekk_beslutningen(
        aktor=aktor,
        portefolje=portefolje,
        notat=notat,
        utfall=utfall,
        begrunnelse=begrunnelse,
        parkert_til=parkert_til,
        scenario=scenario,
    )
    notat, under_kvorum_grunn = _las_og_sjekk_notatet(
        mote=mote, notat=notat, utfall=utfall, under_kvorum_grunn=under_kvorum_grunn
    )
    beslutning = _beslutning_registrer(
        mote=mote,
        notat=notat,
        utfall=utfall,
        begrunnelse=begrunnelse,
        aktor=aktor,
        parkert_til=parkert_til,
        scenario=scenario,
        interne_notater=(interne_notater or "").strip(),
        prosjekteier=(prosjekteier or notat.eier) if utfall == Utfall.GODKJENT else None,
        prosjektleder=prosjektleder if utfall == Utfall.GODKJENT else None,
    )
    _grunn_under_kvorum_lagre(beslutning, under_kvorum_grunn)
    beslutning.neste_mote = _gjennomfor(beslutning=beslutning, aktor=aktor)
    _logg_beslutning(beslutning=beslutning, aktor=aktor)
    beslutning_varsle(beslutning=beslutning)
    return beslutning


def _grunn_under_kvorum_lagre(beslutning, grunn: str) -> None:
    """The reason the chair decided below the quorum, kept on the decision for the minutes."""
    if grunn:
        beslutning.under_kvorum_grunn = grunn
        beslutning.save(update_fields=["under_kvorum_grunn"])


def _sjekk_beslutningen(*, aktor, portefolje, notat, utfall, begrunnelse, parkert_til, scenario):
    """Who may decide, and whether the form's values make a decision; refuses before any lock."""
    if not permissions.kan_beslutte_om(aktor, portefolje, notat):
        raise PermissionDenied
    if feil := _feil_i_beslutningen(
        portefolje=portefolje,
        utfall=utfall,
        begrunnelse=begrunnelse,
        parkert_til=parkert_til,
        scenario=scenario,
    ):
        raise ValidationError(feil)


def _las_og_sjekk_notatet(*, mote, notat, utfall, under_kvorum_grunn):
    """The note locked (a second decision on it waits and then sees the first), checked against
    the agenda, the minutes and the quorum; with the reason for deciding below the quorum."""
    notat = Konseptnotat.objects.select_for_update().get(pk=notat.pk)
    _sjekk_at_notatet_kan_besluttes(mote=mote, notat=notat, utfall=utfall)
    protokoll_kan_endres(mote=mote)
    grunn = _grunn_under_kvorum(portefolje=mote.portefolje, notat=notat, grunn=under_kvorum_grunn)
    return notat, grunn


def _feil_i_beslutningen(*, portefolje, utfall, begrunnelse, parkert_til, scenario) -> dict:
    """What is wrong with the chair's input, per field, before anything is read or locked."""
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
    return feil


def _sjekk_at_notatet_kan_besluttes(*, mote: Mote, notat: Konseptnotat, utfall: str) -> None:
    """Refuse a note off the agenda, one already decided, and an imposed order rejected by
    anyone but KLG. `notat` is locked by the caller."""
    portefolje = mote.portefolje
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


def _grunn_under_kvorum(*, portefolje, notat, grunn: str) -> str:
    """The reason to keep for deciding below the quorum: empty when the quorum is met; refused
    (ValidationError) when it is not met and no reason is given."""
    if selectors.kvorum_for(portefolje=portefolje, notat=notat).oppfylt:
        return ""
    grunn = (grunn or "").strip()
    if not grunn:
        raise ValidationError(
            {
                "under_kvorum_grunn": _(
                    "Fewer members than the portfolio's rule requires have scored the note. "
                    "Say why the decision cannot wait."
                )
            }
        )
    return grunn


def _beslutning_registrer(
    *, mote, notat, utfall, begrunnelse, aktor, parkert_til, scenario, **protokollfelt
) -> Beslutning:
    """The decision's row, with the note's version frozen and its weighted score now."""
    score = selectors.vektet_score_for(notat=notat, portefolje=mote.portefolje)
    return Beslutning.objects.create(
        notat=notat,
        portefolje=mote.portefolje,
        mote=mote,
        utfall=utfall,
        begrunnelse=begrunnelse,
        parkert_til=parkert_til if utfall == Utfall.PARKERT else None,
        besluttet_av=aktor,
        versjon=versjon_frys(notat=notat, aktor=aktor),
        vektet_score=None if score is None else Decimal(str(round(score, 1))),
        scenario=scenario,
        **protokollfelt,
    )


def _gjennomfor(*, beslutning: Beslutning, aktor) -> Mote | None:
    """Carry the decision out on the note. Returns KLG's meeting a lifted note was put on."""
    notat, utfall = beslutning.notat, beslutning.utfall
    if utfall == Utfall.GODKJENT:
        notat_sett_behandlet(notat=notat, aktor=aktor)
        hooks.kjor_ved_godkjenning(beslutning=beslutning)
    elif utfall in (Utfall.AVVIST, Utfall.PARKERT):
        notat_sett_behandlet(notat=notat, aktor=aktor)
    elif utfall == Utfall.TIL_REVISJON:
        notat_send_til_revisjon(notat=notat, aktor=aktor, kommentar=beslutning.begrunnelse)
    elif utfall == Utfall.LOFTET_TIL_KLG:
        return _loft_til_klg(notat=notat, fra_mote=beslutning.mote, aktor=aktor)
    return None


def _loft_til_klg(*, notat: Konseptnotat, fra_mote: Mote, aktor) -> Mote | None:
    """Move the note to KLG and onto KLG's next meeting (none yet: it waits in KLG's
    portfolio). The section's scores stay with the note."""
    klg = Portefolje.objects.klg()
    notat_flytt_til_portefolje(notat=notat, portefolje=klg, aktor=aktor)
    neste_mote = (
        Mote.objects.select_for_update()
        .filter(portefolje=klg, dato__gte=max(fra_mote.dato, timezone.localdate()))
        .order_by("dato", "id")
        .first()
    )
    if neste_mote is not None:
        agenda_sett_inn(mote=neste_mote, notat=notat, aktor=aktor)
    return neste_mote


def _logg_beslutning(*, beslutning: Beslutning, aktor) -> None:
    neste_mote, scenario = beslutning.neste_mote, beslutning.scenario
    score = beslutning.vektet_score
    logg_hendelse(
        aktor=aktor,
        objekt=beslutning,
        handling=f"beslutning_{beslutning.utfall}",
        beskrivelse=_("%(utfall)s: «%(notat)s» in %(portefolje)s. %(begrunnelse)s")
        % {
            "utfall": beslutning.get_utfall_display(),
            "notat": beslutning.notat,
            "portefolje": beslutning.portefolje,
            "begrunnelse": beslutning.begrunnelse,
        },
        data={
            "notat_id": beslutning.notat_id,
            "mote_id": beslutning.mote_id,
            "versjon": beslutning.versjon.nummer,
            "vektet_score": None if score is None else float(score),
            "klg_mote_id": neste_mote.pk if neste_mote else None,
            "scenario_id": scenario.pk if scenario else None,
        },
    )


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
