"""Flat serializers, one per resource: ids for relations (join them in Power BI), each choice
field also as its text in the reader's language (`<felt>_tekst`), labels from the models'
verbose names (the CSV's column headings).

What people type is declared once, in the phase's form (`Meta.fields`, or the list it is built
from: the note's template `MAL_FELTER`, the status report's `RAPPORTFELT`). A serializer takes
that list whole and adds only what no form shows: the id, the relations and states the services
set, the times. A field added to a form is in the API without a line here;
api/tests/test_felt.py fails if a form shows a field the API leaves out.
"""

from django.utils.encoding import force_str
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from ideer.forms import InnspillForm
from ideer.models import Innspill
from konseptnotat.forms import MAL_FELTER
from konseptnotat.models import Konseptnotat, KonseptnotatVersjon
from portefolje.models import Portefolje
from prosjekter.forms import (
    GevinstForm,
    IndikatorForm,
    LeveranseForm,
    MalingForm,
    ProgramForm,
    ProsjektForm,
    RessursallokeringForm,
    UsikkerhetForm,
)
from prosjekter.models import (
    Gevinst,
    Indikator,
    Leveranse,
    Maling,
    Program,
    Prosjekt,
    Ressursallokering,
    Statusrapport,
    Styringsbeslutning,
    Usikkerhet,
)
from prosjekter.services import RAPPORTFELT
from velge.forms import KriteriumForm, MoteForm
from velge.models import Beslutning, Kriterium, Mote, Vurdering

# Fields a form shows that the API leaves out on purpose, with the reason.
UTELATT = {
    # The API lists active criteria only (api.synlighet.kriterier), so «active» says nothing.
    Kriterium: {"aktiv"},
}


def _navn(kilde: str, etikett):
    return serializers.CharField(source=kilde, read_only=True, label=etikett, allow_null=True)


class Valgtekst(serializers.CharField):
    """A choice field's text in the reader's language, as `get_<felt>_display()` gives it, but
    looked up in the field's choices: DRF inspects the signature of a callable source for every
    value it reads, which cost a quarter of the time of a page of a hundred status reports."""

    def __init__(self, modellfelt, **kwargs):
        self.tekster = dict(modellfelt.flatchoices)
        super().__init__(source=modellfelt.name, read_only=True, **kwargs)

    def to_representation(self, verdi):
        return force_str(self.tekster.get(verdi, verdi), strings_only=True)


def skjemaets(skjema) -> list[str]:
    """The model fields a ModelForm shows, in its order, less what the API leaves out."""
    modell = skjema._meta.model
    return [f for f in skjema._meta.fields if f not in UTELATT.get(modell, ())]


def feltliste(*deler) -> list[str]:
    """The API's fields in order, each once: single names and whole declared lists in turn."""
    navn = []
    for del_ in deler:
        for felt in [del_] if isinstance(del_, str) else del_:
            if felt not in navn:
                navn.append(felt)
    return navn


def lag_serializer(modell, felter: list[str], *, ekstra: dict | None = None, base=None):
    """A read-only ModelSerializer of `felter`, with `<felt>_tekst` for each choice field."""
    attrs: dict = dict(ekstra or {})
    alle = list(felter)
    for navn in felter:
        felt = modell._meta.get_field(navn)
        if getattr(felt, "choices", None) and not felt.is_relation:
            attrs[f"{navn}_tekst"] = Valgtekst(
                felt, label=format_lazy(_("{felt} (text)"), felt=felt.verbose_name)
            )
            alle.append(f"{navn}_tekst")
    alle += [n for n in (ekstra or {}) if n not in alle]
    meta = type("Meta", (), {"model": modell, "fields": alle, "read_only_fields": alle})
    attrs["Meta"] = meta
    return type(f"{modell.__name__}Serializer", (base or serializers.ModelSerializer,), attrs)


PortefoljeSerializer = lag_serializer(
    Portefolje,
    ["id", "navn", "slug", "beskrivelse", "seksjon", "forelder", "kostnadsterskel", "aktiv"],
)

KriteriumSerializer = lag_serializer(
    Kriterium,
    feltliste("id", "portefolje", skjemaets(KriteriumForm)),
)


class InnspillBase(serializers.ModelSerializer):
    """Citizens' names and e-mail addresses only for the development team (null for others)."""

    PERSONFELT = ("innsender_navn", "innsender_epost")

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if not self.context.get("personopplysninger"):
            for felt in self.PERSONFELT:
                data[felt] = None
        return data


InnspillSerializer = lag_serializer(
    Innspill,
    feltliste(
        "id",
        skjemaets(InnspillForm),
        "kanal",
        "portefolje",
        "innsender",
        "innsender_navn",
        "innsender_epost",
        "status",
        "avvisningsgrunn",
        "slatt_sammen_med",
        "parkert_til",
        "offentlig_svar",
        "initiativtaker",
        "opprettet",
        "endret",
        "lukket",
    ),
    ekstra={
        "innsender_navn": serializers.CharField(
            read_only=True, allow_null=True, label=_("submitter's name")
        ),
        "innsender_epost": serializers.CharField(
            read_only=True, allow_null=True, label=_("submitter's e-mail")
        ),
    },
    base=InnspillBase,
)

KonseptnotatSerializer = lag_serializer(
    Konseptnotat,
    feltliste(
        "id",
        "tittel",
        "eier",
        "veileder",
        "seksjon",
        "portefolje",
        "status",
        MAL_FELTER,
        "medforfattere",
        "versjon",
        "opprettet",
        "endret",
        "innsendt",
    ),
)

KonseptnotatVersjonSerializer = lag_serializer(
    KonseptnotatVersjon, ["id", "notat", "nummer", "innhold", "lagret_av", "lagret", "frosset"]
)

MoteSerializer = lag_serializer(
    Mote, feltliste("id", "portefolje", skjemaets(MoteForm), "vurderinger_synlige")
)

VurderingSerializer = lag_serializer(
    Vurdering,
    ["id", "kriterium", "notat", "medlem", "poeng", "kommentar", "endret"],
    ekstra={
        "portefolje": serializers.IntegerField(
            source="kriterium.portefolje_id", read_only=True, label=_("portfolio")
        )
    },
)

BeslutningSerializer = lag_serializer(
    Beslutning,
    [
        "id",
        "notat",
        "portefolje",
        "mote",
        "utfall",
        "begrunnelse",
        "parkert_til",
        "besluttet_av",
        "besluttet",
        "versjon",
        "vektet_score",
    ],
)

ProsjektSerializer = lag_serializer(
    Prosjekt,
    feltliste(
        "id",
        "nummer",
        skjemaets(ProsjektForm),
        "portefolje",
        "fase",
        "tilstand",
        "beslutning",
        "konseptnotat",
        "opprettet",
        "endret",
    ),
    ekstra={
        # The programme the project belongs to, if any (a project is in at most one).
        "program": serializers.IntegerField(
            source="programtilknytning.program_id",
            read_only=True,
            allow_null=True,
            label=_("programme"),
        ),
        "prosjektleder_navn": _navn("prosjektleder.get_full_name", _("project manager (name)")),
        "prosjekteier_navn": _navn("prosjekteier.get_full_name", _("project owner (name)")),
    },
)

StatusrapportSerializer = lag_serializer(
    Statusrapport,
    feltliste(
        "id",
        "prosjekt",
        "tilstand",
        "publisert",
        "skrevet_av",
        "farge",
        RAPPORTFELT,
        "opprettet",
        "endret",
    ),
)

LeveranseSerializer = lag_serializer(
    Leveranse,
    feltliste("id", "prosjekt", skjemaets(LeveranseForm)),
)

GevinstSerializer = lag_serializer(
    Gevinst,
    feltliste("id", "prosjekt", skjemaets(GevinstForm)),
)

IndikatorSerializer = lag_serializer(
    Indikator,
    feltliste("id", skjemaets(IndikatorForm)),
    ekstra={
        "prosjekt": serializers.IntegerField(
            source="gevinst.prosjekt_id", read_only=True, label=_("project")
        )
    },
)

MalingSerializer = lag_serializer(
    Maling,
    feltliste("id", skjemaets(MalingForm), "registrert_av", "registrert"),
)

RessursallokeringSerializer = lag_serializer(
    Ressursallokering,
    feltliste("id", "prosjekt", "type", skjemaets(RessursallokeringForm)),
)

UsikkerhetSerializer = lag_serializer(
    Usikkerhet,
    feltliste("id", "prosjekt", skjemaets(UsikkerhetForm)),
)

StyringsbeslutningSerializer = lag_serializer(
    Styringsbeslutning,
    [
        "id",
        "prosjekt",
        "type",
        "begrunnelse",
        "fra_tilstand",
        "til_tilstand",
        "fra_fase",
        "til_fase",
        "sjekkliste",
        "besluttet_av",
        "besluttet",
    ],
)


ProgramSerializer = lag_serializer(
    Program,
    feltliste("id", skjemaets(ProgramForm), "arkivert", "opprettet"),
    ekstra={
        "prosjekter": serializers.SlugRelatedField(
            source="tilknytninger",
            slug_field="prosjekt_id",
            many=True,
            read_only=True,
            label=_("projects"),
        ),
    },
)
