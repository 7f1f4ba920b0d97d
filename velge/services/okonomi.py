"""Velge's money: the chair's frames per year, and saved scenarios.

Like the other Velge services: each service checks who acts first, refuses bad input with a
ValidationError (nothing changed), writes in one transaction and records it in the audit trail.
"""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from konseptnotat import arsbelop
from portefolje.revisjon import logg_hendelse
from portefolje.samtidighet import Konflikt, laas_versjon, lagre_versjon
from velge import permissions
from velge.models import Ramme, Scenario


def _sjekk_belop(verdier: dict, prefiks: str = "") -> dict:
    """{field: amount} checked as in the concept note's costs; errors per field."""
    feil, ut = {}, {}
    for felt in arsbelop.DIMENSJONER:
        try:
            ut[felt] = arsbelop.tall(verdier.get(felt), dimensjon=felt)
        except arsbelop.Belopsfeil as e:
            feil[f"{prefiks}{felt}"] = str(e)
    if feil:
        raise ValidationError(feil)
    return ut


@transaction.atomic
def rammer_lagre(*, portefolje, aktor, rammer: dict[int, dict], versjoner: dict[int, int]):
    """Set the portfolio's frames, {year: {investering, drift, personmaneder}} (empty: none).

    Refuses (nothing changed): anyone but the chair; a year before the current one (a past
    year's frame is history, not a plan); negative or absurd amounts; and a frame someone else
    saved after the form was opened (Konflikt).
    """
    if not permissions.kan_sette_rammer(aktor, portefolje):
        raise PermissionDenied
    i_ar = timezone.localdate().year
    feil = {}
    rene = {}
    for ar, verdier in rammer.items():
        if ar < i_ar:
            feil[f"{ar}_investering"] = _(
                "%(ar)s has passed: frames are set for this year and later."
            ) % {"ar": ar}
            continue
        try:
            rene[ar] = _sjekk_belop(verdier, prefiks=f"{ar}_")
        except ValidationError as e:
            feil.update(e.message_dict)
    if feil:
        raise ValidationError(feil)
    endret = []
    for ar, verdier in sorted(rene.items()):
        eksisterende = Ramme.objects.filter(portefolje=portefolje, ar=ar).first()
        nye = {f: (None if v is None else Decimal(str(v))) for f, v in verdier.items()}
        if eksisterende is None:
            if all(v is None for v in nye.values()):
                continue
            if versjoner.get(ar) not in (None, 0):
                raise Konflikt(None)
            try:
                with transaction.atomic():
                    Ramme.objects.create(portefolje=portefolje, ar=ar, **nye)
            except IntegrityError as e:
                raise Konflikt(None) from e
            endret.append(ar)
            continue
        ramme = laas_versjon(Ramme, pk=eksisterende.pk, versjon=versjoner.get(ar))
        if all(getattr(ramme, f) == v for f, v in nye.items()):
            continue
        for f, v in nye.items():
            setattr(ramme, f, v)
        lagre_versjon(ramme)
        endret.append(ar)
    if endret:
        logg_hendelse(
            aktor=aktor,
            objekt=portefolje,
            handling="rammer_endret",
            beskrivelse=_("The frames for %(ar)s are changed.")
            % {"ar": ", ".join(str(a) for a in endret)},
            data={"ar": endret},
        )
    return endret


def _feil_i_scenarioet(*, portefolje, navn: str, inn: list, ut: list, vekter: dict) -> dict:
    """What is wrong with a scenario's name, forced notes and weights, per field."""
    feil = {}
    if not navn:
        feil["navn"] = _("Give the scenario a name.")
    elif Scenario.objects.filter(portefolje=portefolje, navn__iexact=navn).exists():
        feil["navn"] = _("This portfolio already has a scenario with that name.")
    if {n.pk for n in inn} & {n.pk for n in ut}:
        feil["tvunget_ut"] = _("A note cannot be both forced in and forced out.")
    if any(n.portefolje_id != portefolje.pk for n in [*inn, *ut]):
        feil["tvunget_inn"] = _("Only notes awaiting decision in this portfolio can be chosen.")
    if any(v < 0 for v in vekter.values()):
        feil["vekter"] = _("A weight cannot be negative.")
    elif vekter and sum(vekter.values()) <= 0:
        feil["vekter"] = _("The weights must not sum to zero.")
    return feil


@transaction.atomic
def scenario_lagre(
    *,
    portefolje,
    aktor,
    navn: str,
    beskrivelse: str = "",
    tvunget_inn=(),
    tvunget_ut=(),
    vekter: dict | None = None,
    rammer: dict | None = None,
) -> Scenario:
    """Save a named scenario for the portfolio.

    Refuses (nothing saved): anyone but the chair or the secretary; an empty or taken name; a
    note both forced in and out; a note not in this portfolio; negative weights or all weights
    zero; negative or absurd frame amounts. A scenario that forces in more than its frames is
    allowed: the comparison flags it.
    """
    if not permissions.kan_lagre_scenario(aktor, portefolje):
        raise PermissionDenied
    navn = (navn or "").strip()
    inn, ut = list(tvunget_inn), list(tvunget_ut)
    vekter = {str(k): int(v) for k, v in (vekter or {}).items()}
    feil = _feil_i_scenarioet(portefolje=portefolje, navn=navn, inn=inn, ut=ut, vekter=vekter)
    rene_rammer = {}
    for ar, verdier in (rammer or {}).items():
        try:
            rene_rammer[str(ar)] = _sjekk_belop(verdier, prefiks=f"{ar}_")
        except ValidationError as e:
            feil.update(e.message_dict)
    if feil:
        raise ValidationError(feil)
    scenario = Scenario.objects.create(
        portefolje=portefolje,
        navn=navn,
        beskrivelse=(beskrivelse or "").strip(),
        vekter=vekter,
        rammer=rene_rammer,
        opprettet_av=aktor,
    )
    scenario.tvunget_inn.set(inn)
    scenario.tvunget_ut.set(ut)
    logg_hendelse(
        aktor=aktor,
        objekt=scenario,
        handling="scenario_lagret",
        beskrivelse=_("Scenario «%(navn)s» is saved for %(portefolje)s.")
        % {"navn": navn, "portefolje": portefolje},
        data={"tvunget_inn": [n.pk for n in inn], "tvunget_ut": [n.pk for n in ut]},
    )
    return scenario
