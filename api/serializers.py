"""Flat serializers, one per resource: ids for relations (join them in Power BI), each choice
field also as its text in the reader's language (`<felt>_tekst`), labels from the models'
verbose names (the CSV's column headings)."""

from django.utils.encoding import force_str
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from ideer.models import Innspill
from konseptnotat.models import Konseptnotat, KonseptnotatVersjon
from portefolje.models import Portefolje
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
from velge.models import Beslutning, Kriterium, Mote, Vurdering


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
    [
        "id",
        "portefolje",
        "navn",
        "beskrivelse",
        "vekt",
        "retning",
        "skala_1",
        "skala_2",
        "skala_3",
        "skala_4",
        "skala_5",
        "rekkefolge",
    ],
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
    [
        "id",
        "type",
        "tittel",
        "beskrivelse",
        "losningsforslag",
        "forventet_gevinst",
        "opphav",
        "kanal",
        "referanse",
        "portefolje",
        "seksjoner",
        "innsender",
        "innsender_navn",
        "innsender_epost",
        "palagt",
        "status",
        "avvisningsgrunn",
        "slatt_sammen_med",
        "parkert_til",
        "offentlig_svar",
        "initiativtaker",
        "opprettet",
        "endret",
        "lukket",
    ],
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
    [
        "id",
        "tittel",
        "eier",
        "veileder",
        "seksjon",
        "portefolje",
        "status",
        "bakgrunn_og_behov",
        "mal",
        "forventede_gevinster",
        "gevinst_okonomisk",
        "gevinst_tid_spart",
        "gevinst_kvalitativ",
        "alternativer",
        "kostnader",
        "investering",
        "arlig_driftskostnad",
        "interne_timer",
        "risiko",
        "forankring",
        "interessenter",
        "avhengigheter",
        "tidsplan",
        "versjon",
        "opprettet",
        "endret",
        "innsendt",
    ],
)

KonseptnotatVersjonSerializer = lag_serializer(
    KonseptnotatVersjon, ["id", "notat", "nummer", "innhold", "lagret_av", "lagret", "frosset"]
)

MoteSerializer = lag_serializer(
    Mote, ["id", "portefolje", "dato", "tittel", "sted", "vurderinger_synlige"]
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
    [
        "id",
        "nummer",
        "tittel",
        "malsetting",
        "portefolje",
        "tjenesteomrade",
        "type",
        "fase",
        "tilstand",
        "prosjekteier",
        "prosjektleder",
        "gevinstansvarlig",
        "startdato",
        "sluttdato",
        "budsjett",
        "arkivreferanse",
        "rapportfrekvens_mnd",
        "beslutning",
        "konseptnotat",
        "opprettet",
        "endret",
    ],
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
    [
        "id",
        "prosjekt",
        "tilstand",
        "publisert",
        "skrevet_av",
        "farge",
        "oppnadd",
        "neste",
        "utfordringer",
        "fremdrift",
        "fremdrift_kommentar",
        "okonomi",
        "okonomi_kommentar",
        "kvalitet",
        "kvalitet_kommentar",
        "risiko",
        "risiko_kommentar",
        "gevinstoppnaelse",
        "gevinstoppnaelse_kommentar",
        "budsjett",
        "kostnad_hittil",
        "prognose",
        "opprettet",
        "endret",
    ],
)

LeveranseSerializer = lag_serializer(
    Leveranse,
    [
        "id",
        "prosjekt",
        "tittel",
        "beskrivelse",
        "startdato",
        "sluttdato",
        "akseptkriterier",
        "ansvarlig",
        "status",
        "godkjent_dato",
    ],
)

GevinstSerializer = lag_serializer(
    Gevinst,
    [
        "id",
        "prosjekt",
        "tittel",
        "beskrivelse",
        "type",
        "ansvarlig",
        "eier",
        "realiseringsdato",
    ],
)

IndikatorSerializer = lag_serializer(
    Indikator,
    ["id", "gevinst", "navn", "enhet", "nullpunkt", "malverdi"],
    ekstra={
        "prosjekt": serializers.IntegerField(
            source="gevinst.prosjekt_id", read_only=True, label=_("project")
        )
    },
)

MalingSerializer = lag_serializer(
    Maling,
    ["id", "indikator", "dato", "verdi", "kommentar", "registrert_av", "registrert"],
)

RessursallokeringSerializer = lag_serializer(
    Ressursallokering,
    [
        "id",
        "prosjekt",
        "type",
        "person",
        "rolle",
        "belastning",
        "fra",
        "til",
        "status",
        "kommentar",
    ],
)

UsikkerhetSerializer = lag_serializer(
    Usikkerhet,
    [
        "id",
        "prosjekt",
        "tittel",
        "beskrivelse",
        "type",
        "sannsynlighet",
        "konsekvens",
        "tiltak",
        "ansvarlig",
        "strategi",
        "status",
        "sannsynlighet_etter",
        "konsekvens_etter",
    ],
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
    ["id", "navn", "portefolje", "eier", "mal", "startdato", "sluttdato", "arkivert", "opprettet"],
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
