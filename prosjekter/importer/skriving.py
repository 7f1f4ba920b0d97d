"""Writing one planned row, the way the screens do: elements through Styre's services (version,
field history, audit trail), a new project numbered from the year's series, and a status report
as published history with its own date."""

import datetime
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.translation import gettext as _

from portefolje.revisjon import logg_hendelse
from prosjekter.models import (
    Fase,
    Gevinst,
    Indikator,
    Leveranse,
    Maling,
    Prosjekt,
    Rapporttilstand,
    Statusrapport,
    Tilstand,
    Usikkerhet,
)
from prosjekter.services import (
    gevinst_lagre,
    indikator_lagre,
    leveranse_lagre,
    maling_lagre,
    prosjekt_lagre,
    prosjektnummer_neste,
    usikkerhet_lagre,
)

MODELLER = {
    "prosjekt": Prosjekt,
    "leveranse": Leveranse,
    "statusrapport": Statusrapport,
    "usikkerhet": Usikkerhet,
    "gevinst": Gevinst,
    "indikator": Indikator,
    "maling": Maling,
}
# The field that ties a row to its parent.
FORELDERFELT = {"indikator": "gevinst", "maling": "indikator"}


def _tidspunkt(dato: datetime.date) -> datetime.datetime:
    # A report exported with its date only: noon, so the local date is the same everywhere.
    return timezone.make_aware(datetime.datetime.combine(dato, datetime.time(12)))


def endrede_felt(objekt, data: dict) -> dict:
    """The fields in `data` whose value differs from the object's."""
    if isinstance(objekt, Statusrapport) and "publisert" in data:
        data = {**data, "publisert": _tidspunkt(data["publisert"])}
    return {felt: verdi for felt, verdi in data.items() if getattr(objekt, felt) != verdi}


def for_endring(objekt, felt: list[str]) -> dict:
    """The fields' values as stored (ids for people), to put back if the batch is undone."""
    verdier = {}
    for navn in felt:
        attname = objekt._meta.get_field(navn).attname
        verdier[attname] = getattr(objekt, attname)
    return json.loads(json.dumps(verdier, cls=DjangoJSONEncoder))


def _prosjekt_ny(*, data: dict, portefolje, aktor) -> Prosjekt:
    start = data.get("startdato") or timezone.localdate()
    prosjekt = Prosjekt(
        portefolje=portefolje,
        nummer=prosjektnummer_neste(ar=start.year),
        fase=Fase.GJENNOMFORE,
        tilstand=Tilstand.AKTIV,
        **data,
    )
    prosjekt._history_user = aktor
    prosjekt.save()
    logg_hendelse(
        aktor=aktor,
        objekt=prosjekt,
        handling="importert",
        beskrivelse=_("The project %(nummer)s was imported.") % {"nummer": prosjekt.nummer},
    )
    return prosjekt


def _statusrapport_lagre(*, prosjekt, rapport, data: dict, aktor) -> Statusrapport:
    data = {**data, "publisert": _tidspunkt(data["publisert"])} if "publisert" in data else data
    if rapport is None:
        rapport = Statusrapport(
            prosjekt=prosjekt, tilstand=Rapporttilstand.PUBLISERT, skrevet_av=aktor
        )
    else:
        rapport.versjon += 1
    for felt, verdi in data.items():
        setattr(rapport, felt, verdi)
    rapport.farge = rapport.beregn_farge()
    rapport._history_user = aktor
    rapport.save()
    logg_hendelse(
        aktor=aktor,
        objekt=rapport,
        handling="importert",
        beskrivelse=_("Status report of %(dato)s imported for %(nummer)s.")
        % {"dato": f"{rapport.publisert:%d.%m.%Y}", "nummer": prosjekt.nummer},
        data={"farge": rapport.farge},
    )
    return rapport


def rad_skriv(*, art: str, objekt, forelder, data: dict, portefolje, aktor):
    """Create (`objekt` None) or update one object from a planned row's `data`; the services
    refuse what the screens refuse (a deliverable outside the project's period)."""
    ny = objekt is None
    versjon = None if ny else objekt.versjon
    if art == "prosjekt":
        if ny:
            return _prosjekt_ny(data=data, portefolje=portefolje, aktor=aktor)
        return prosjekt_lagre(prosjekt=objekt, data=data, versjon=versjon, aktor=aktor)
    if art == "statusrapport":
        return _statusrapport_lagre(prosjekt=forelder, rapport=objekt, data=data, aktor=aktor)
    if art in FORELDERFELT:
        if ny:
            data = {**data, FORELDERFELT[art]: forelder}
        lagre = indikator_lagre if art == "indikator" else maling_lagre
        return lagre(**{art: objekt}, data=data, versjon=versjon, aktor=aktor)
    lagre = {"leveranse": leveranse_lagre, "usikkerhet": usikkerhet_lagre}.get(art, gevinst_lagre)
    return lagre(prosjekt=forelder, **{art: objekt}, data=data, versjon=versjon, aktor=aktor)
