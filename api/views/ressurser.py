"""The API's resources, in the flow's order. See api/views/base.py for how to add one."""

from api import filtre, serializers, synlighet
from api.views.base import Lesevisning, dokumenter
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

PROSJEKTETS = "prosjekt__portefolje"


@dokumenter
class PortefoljeVisning(Lesevisning):
    """Porteføljene (KLG og seksjonenes)."""

    synlige = staticmethod(synlighet.portefoljer)
    serializer_class = serializers.PortefoljeSerializer
    filterset_class = filtre.lag_filtersett(Portefolje, seksjon="seksjon", ja_nei=("aktiv",))
    filnavn = "portefoljer"


@dokumenter
class KriteriumVisning(Lesevisning):
    """Aktive kriterier med vekt og skala."""

    synlige = staticmethod(synlighet.kriterier)
    serializer_class = serializers.KriteriumSerializer
    filterset_class = filtre.lag_filtersett(Kriterium, portefolje="portefolje")
    filnavn = "kriterier"


@dokumenter
class InnspillVisning(Lesevisning):
    """Innspill og bestillinger. Innbyggeres navn og e-post bare for utviklingsteamet."""

    synlige = staticmethod(synlighet.innspill)
    serializer_class = serializers.InnspillSerializer
    utelat = ("sokevektor",)
    filterset_class = filtre.lag_filtersett(
        Innspill,
        portefolje="portefolje",
        seksjon="seksjoner",
        valg=("status", "type", "opphav", "kanal"),
        dato="opprettet",
        dato_er_tidspunkt=True,
    )
    forhand = ("seksjoner",)
    filnavn = "innspill"


@dokumenter
class KonseptnotatVisning(Lesevisning):
    """Konseptnotater: innsendte for alle, utkast for forfatterne og utviklingsteamet."""

    synlige = staticmethod(synlighet.konseptnotater)
    serializer_class = serializers.KonseptnotatSerializer
    filterset_class = filtre.lag_filtersett(
        Konseptnotat,
        portefolje="portefolje",
        seksjon="seksjon",
        valg=("status",),
        dato="innsendt",
        dato_er_tidspunkt=True,
    )
    forhand = ("berorte_seksjoner", "medforfattere")
    filnavn = "konseptnotater"


@dokumenter
class KonseptnotatVersjonVisning(Lesevisning):
    """Frosne versjoner av konseptnotater (det møtet leste og beslutningen gjelder)."""

    synlige = staticmethod(synlighet.konseptnotatversjoner)
    serializer_class = serializers.KonseptnotatVersjonSerializer
    filterset_class = filtre.lag_filtersett(
        KonseptnotatVersjon,
        portefolje="notat__portefolje",
        dato="lagret",
        dato_er_tidspunkt=True,
        id_felt=("notat",),
    )
    filnavn = "konseptnotatversjoner"


@dokumenter
class MoteVisning(Lesevisning):
    """Møter i porteføljene."""

    synlige = staticmethod(synlighet.moter)
    serializer_class = serializers.MoteSerializer
    filterset_class = filtre.lag_filtersett(Mote, portefolje="portefolje", dato="dato")
    filnavn = "moter"


@dokumenter
class VurderingVisning(Lesevisning):
    """Enkeltvurderinger, der vurderingssiden viser dem."""

    synlige = staticmethod(synlighet.vurderinger)
    serializer_class = serializers.VurderingSerializer
    filterset_class = filtre.lag_filtersett(
        Vurdering, portefolje="kriterium__portefolje", id_felt=("notat", "kriterium")
    )
    relatert = ("kriterium",)
    filnavn = "vurderinger"


@dokumenter
class BeslutningVisning(Lesevisning):
    """Porteføljenes beslutninger om konseptnotater, med begrunnelse."""

    synlige = staticmethod(synlighet.beslutninger)
    serializer_class = serializers.BeslutningSerializer
    filterset_class = filtre.lag_filtersett(
        Beslutning,
        portefolje="portefolje",
        valg=("utfall",),
        dato="besluttet",
        dato_er_tidspunkt=True,
        id_felt=("notat",),
    )
    filnavn = "beslutninger"


@dokumenter
class ProsjektVisning(Lesevisning):
    """Prosjekter hvis side du kan åpne."""

    synlige = staticmethod(synlighet.prosjekter)
    serializer_class = serializers.ProsjektSerializer
    filterset_class = filtre.lag_filtersett(
        Prosjekt,
        portefolje="portefolje",
        seksjon="tjenesteomrade",
        valg=("fase", "tilstand", "type"),
        dato="startdato",
    )
    relatert = ("prosjektleder", "prosjekteier", "programtilknytning")
    filnavn = "prosjekter"


@dokumenter
class ProgramVisning(Lesevisning):
    """Programmer: prosjekter gruppert med eier, mål og periode (et prosjekt i høyst ett)."""

    synlige = staticmethod(synlighet.programmer)
    serializer_class = serializers.ProgramSerializer
    filterset_class = filtre.lag_filtersett(
        Program, portefolje="portefolje", ja_nei=("arkivert",), dato="startdato"
    )
    forhand = ("tilknytninger",)
    filnavn = "programmer"


@dokumenter
class StatusrapportVisning(Lesevisning):
    """Publiserte statusrapporter; utkast for dem som kan redigere prosjektet."""

    synlige = staticmethod(synlighet.statusrapporter)
    serializer_class = serializers.StatusrapportSerializer
    utelat = ("oyeblikksbilde",)
    filterset_class = filtre.lag_filtersett(
        Statusrapport,
        portefolje=PROSJEKTETS,
        valg=("tilstand",),
        dato="publisert",
        dato_er_tidspunkt=True,
        id_felt=("prosjekt",),
    )
    filnavn = "statusrapporter"


@dokumenter
class LeveranseVisning(Lesevisning):
    """Prosjektenes leveranser."""

    synlige = staticmethod(synlighet.leveranser)
    serializer_class = serializers.LeveranseSerializer
    filterset_class = filtre.lag_filtersett(
        Leveranse,
        portefolje=PROSJEKTETS,
        valg=("status",),
        dato="sluttdato",
        id_felt=("prosjekt",),
    )
    filnavn = "leveranser"


@dokumenter
class GevinstVisning(Lesevisning):
    """Prosjektenes gevinster."""

    synlige = staticmethod(synlighet.gevinster)
    serializer_class = serializers.GevinstSerializer
    filterset_class = filtre.lag_filtersett(
        Gevinst,
        portefolje=PROSJEKTETS,
        valg=("type",),
        dato="realiseringsdato",
        id_felt=("prosjekt",),
    )
    filnavn = "gevinster"


@dokumenter
class IndikatorVisning(Lesevisning):
    """Gevinstenes indikatorer, med nullpunkt og målverdi."""

    synlige = staticmethod(synlighet.indikatorer)
    serializer_class = serializers.IndikatorSerializer
    filterset_class = filtre.lag_filtersett(
        Indikator,
        portefolje="gevinst__prosjekt__portefolje",
        id_felt=("gevinst", "gevinst__prosjekt"),
    )
    relatert = ("gevinst",)
    filnavn = "indikatorer"


@dokumenter
class MalingVisning(Lesevisning):
    """Målinger av indikatorene."""

    synlige = staticmethod(synlighet.malinger)
    serializer_class = serializers.MalingSerializer
    filterset_class = filtre.lag_filtersett(
        Maling,
        portefolje="indikator__gevinst__prosjekt__portefolje",
        dato="dato",
        id_felt=("indikator", "indikator__gevinst__prosjekt"),
    )
    filnavn = "malinger"


@dokumenter
class RessursallokeringVisning(Lesevisning):
    """Ressursallokeringer per person og periode."""

    synlige = staticmethod(synlighet.allokeringer)
    serializer_class = serializers.RessursallokeringSerializer
    filterset_class = filtre.lag_filtersett(
        Ressursallokering,
        portefolje=PROSJEKTETS,
        valg=("status", "type"),
        dato="fra",
        id_felt=("prosjekt",),
    )
    filnavn = "allokeringer"


@dokumenter
class UsikkerhetVisning(Lesevisning):
    """Usikkerheter (risikoer og muligheter)."""

    synlige = staticmethod(synlighet.usikkerheter)
    serializer_class = serializers.UsikkerhetSerializer
    filterset_class = filtre.lag_filtersett(
        Usikkerhet,
        portefolje=PROSJEKTETS,
        valg=("type", "status"),
        id_felt=("prosjekt",),
    )
    filnavn = "usikkerheter"


@dokumenter
class StyringsbeslutningVisning(Lesevisning):
    """Styringsbeslutninger: fortsett, sett på vent, stopp, endre fase, avslutt."""

    synlige = staticmethod(synlighet.styringsbeslutninger)
    serializer_class = serializers.StyringsbeslutningSerializer
    filterset_class = filtre.lag_filtersett(
        Styringsbeslutning,
        portefolje=PROSJEKTETS,
        valg=("type",),
        dato="besluttet",
        dato_er_tidspunkt=True,
        id_felt=("prosjekt",),
    )
    filnavn = "styringsbeslutninger"


# URL prefix → view, in the order the schema and the docs list them. A new resource goes here.
RESSURSER = {
    "portefoljer": PortefoljeVisning,
    "kriterier": KriteriumVisning,
    "innspill": InnspillVisning,
    "konseptnotater": KonseptnotatVisning,
    "konseptnotatversjoner": KonseptnotatVersjonVisning,
    "moter": MoteVisning,
    "vurderinger": VurderingVisning,
    "beslutninger": BeslutningVisning,
    "prosjekter": ProsjektVisning,
    "programmer": ProgramVisning,
    "statusrapporter": StatusrapportVisning,
    "leveranser": LeveranseVisning,
    "gevinster": GevinstVisning,
    "indikatorer": IndikatorVisning,
    "malinger": MalingVisning,
    "allokeringer": RessursallokeringVisning,
    "usikkerheter": UsikkerhetVisning,
    "styringsbeslutninger": StyringsbeslutningVisning,
}
