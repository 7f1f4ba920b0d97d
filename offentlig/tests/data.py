"""Test data for the public pages: one idea's whole trail, with a unique marker in every field
that is not public, so a test can look for each of them on every public page.

`lag_kjede()` builds: a citizen's idea → a concept note → a section's decision to lift it to KLG
→ KLG's approval → the project with a published status report, a newer draft, a benefit with
an indicator and two measurements; beside it the internal parts (scores, comments, risks,
deliverables, allocations, steering decisions) and one exempt project and one exempt decision.
"""

import datetime
import itertools
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import models
from django.utils import timezone

from ideer.models import Innspill, Kanal, Opphav
from konseptnotat.models import Kommentar, Konseptnotat, KonseptnotatVersjon
from offentlig.felt import OFFENTLIGE_FELT
from portefolje.models import Profil
from prosjekter.models import (
    Gevinst,
    Indikator,
    Leveranse,
    Maling,
    Prosjekt,
    Ressursallokering,
    Statusrapport,
    Styringsbeslutning,
    Usikkerhet,
)
from velge.models import Beslutning, Kriterium, Mote, Utfall, Vurdering

_teller = itertools.count(1)


@dataclass
class Markorer:
    """Every marker planted, with where it was planted: {marker: "model.field"}."""

    steder: dict[str, str] = field(default_factory=dict)

    def ny(self, sted: str) -> str:
        markor = f"ZQX{next(_teller):04d}QZ"
        self.steder[markor] = sted
        return markor

    def plant(self, obj, *, offentlige=(), lagre=True):
        """A marker in every text field of `obj` outside `offentlige` (choices, keys and
        non-editable fields left alone), then save."""
        for f in obj._meta.concrete_fields:
            if not isinstance(f, models.CharField | models.TextField):
                continue
            if f.choices or not f.editable or f.name in offentlige or f.unique:
                continue
            if isinstance(f, models.SlugField):
                continue
            markor = self.ny(f"{obj._meta.label}.{f.name}")
            if isinstance(f, models.EmailField):
                markor = f"{markor.lower()}@example.no"
            setattr(obj, f.name, markor[: f.max_length] if f.max_length else markor)
        if lagre:
            obj.save()
        return obj

    def funnet_i(self, tekst: str) -> list[str]:
        lav = tekst.lower()
        return [f"{m} ({sted})" for m, sted in self.steder.items() if m.lower() in lav]


def offentlige(label: str) -> set[str]:
    return OFFENTLIGE_FELT.get(label, set())


@dataclass
class Kjede:
    markorer: Markorer
    innspill: Innspill
    notat: Konseptnotat
    loftet: Beslutning
    beslutning: Beslutning
    prosjekt: Prosjekt
    gevinst: Gevinst
    unntatt_prosjekt: Prosjekt
    unntatt_beslutning: Beslutning


def _person(markorer, brukernavn, *, rolle_tittel=None):
    bruker, _ny = get_user_model().objects.get_or_create(username=brukernavn)
    markorer.plant(bruker, offentlige={"username", "password"})
    Profil.objects.update_or_create(
        bruker=bruker,
        defaults={"tittel": rolle_tittel or markorer.ny(f"Profil.tittel ({brukernavn})")},
    )
    return bruker


def lag_kjede(*, portefolje, klg, leder, klg_leder=None, seksjon=None, innspill=None) -> Kjede:
    """The whole trail in `portefolje` (a section's) and KLG, with markers in all internal text.
    `innspill`: an idea already sent (e.g. through the public form); else one is made."""
    m = Markorer()
    leder = _person(m, leder.username)
    klg_leder = _person(m, (klg_leder.username if klg_leder else "klgleder"))
    eier = _person(m, "prosjekteier-offentlig", rolle_tittel="Kommunalsjef helse og omsorg")
    leder_p = _person(m, "prosjektleder-offentlig")
    medlem = _person(m, "medlem-offentlig")

    if innspill is None:
        innspill = Innspill.objects.create(
            tittel="Bedre lys på gangveien til skolen",
            beskrivelse="x",
            opphav=Opphav.INNBYGGERE,
            kanal=Kanal.OFFENTLIG_SKJEMA,
            samtykke_epost=True,
        )
        m.plant(innspill, offentlige={"tittel", "offentlig_svar", "avvisningsgrunn"})

    notat = Konseptnotat.objects.create(
        tittel="Trygg skolevei med lys", eier=eier, portefolje=klg, status="behandlet"
    )
    m.plant(notat, offentlige=offentlige("konseptnotat.Konseptnotat"))
    notat.seksjon = seksjon
    notat.save(update_fields=["seksjon"])
    notat.innspill.add(innspill)
    versjon = KonseptnotatVersjon.objects.create(
        notat=notat, nummer=1, innhold={"bakgrunn_og_behov": m.ny("Versjon.innhold")}, frosset=True
    )
    m.plant(Kommentar(notat=notat, forfatter=medlem, tekst="x"))

    mote_seksjon = m.plant(Mote(portefolje=portefolje, dato=datetime.date(2026, 3, 2)))
    mote_klg = m.plant(Mote(portefolje=klg, dato=datetime.date(2026, 4, 6)))
    kriterium = m.plant(Kriterium(portefolje=klg, navn="Nytte", vekt=1), offentlige={"navn"})
    m.plant(Vurdering(kriterium=kriterium, notat=notat, medlem=medlem, poeng=4))

    loftet = Beslutning.objects.create(
        notat=notat,
        portefolje=portefolje,
        mote=mote_seksjon,
        utfall=Utfall.LOFTET_TIL_KLG,
        begrunnelse="Saken gjelder flere seksjoner og hører hjemme i KLG.",
        besluttet_av=leder,
        versjon=versjon,
        vektet_score=71,
        interne_notater=m.ny("Beslutning.interne_notater"),
        publisert=timezone.now(),
    )
    beslutning = Beslutning.objects.create(
        notat=notat,
        portefolje=klg,
        mote=mote_klg,
        utfall=Utfall.GODKJENT,
        begrunnelse="Tryggere skolevei for mange barn, til lav kostnad.",
        besluttet_av=klg_leder,
        versjon=versjon,
        vektet_score=82,
        interne_notater=m.ny("Beslutning.interne_notater"),
        publisert=timezone.now(),
    )
    prosjekt = Prosjekt.objects.create(
        tittel="Lys på skoleveien",
        nummer="P-2026-900",
        malsetting="Alle barn skal ha en opplyst skolevei om vinteren.",
        portefolje=klg,
        tjenesteomrade=seksjon,
        type="anlegg",
        fase="gjennomfore",
        tilstand="aktiv",
        prosjekteier=eier,
        prosjektleder=leder_p,
        gevinstansvarlig=medlem,
        startdato=datetime.date(2026, 5, 1),
        sluttdato=datetime.date(2027, 4, 30),
        budsjett=1_234_567,
        beslutning=beslutning,
        konseptnotat=notat,
    )
    m.plant(prosjekt, offentlige=offentlige("prosjekter.Prosjekt"))
    prosjekt.innspill.add(innspill)
    publisert = Statusrapport(
        prosjekt=prosjekt,
        tilstand="publisert",
        publisert=datetime.datetime(2026, 10, 1, 12, tzinfo=datetime.UTC),
        oppnadd="Tretti nye lyktestolper er satt opp.",
        neste="Resten av strekningen før jul.",
        utfordringer="Leveransen av master er forsinket.",
        fremdrift="mindre_forsinkelser",
        okonomi="pa_budsjett",
        farge="gul",
        skrevet_av=leder_p,
    )
    m.plant(publisert, offentlige=offentlige("prosjekter.Statusrapport"))
    m.plant(Statusrapport(prosjekt=prosjekt, tilstand="utkast", skrevet_av=leder_p))
    gevinst = Gevinst.objects.create(
        prosjekt=prosjekt,
        tittel="Flere barn går eller sykler til skolen",
        beskrivelse="Foreldre kjører færre barn.",
        type="kvalitativ",
        ansvarlig=medlem,
        eier=eier,
        realiseringsdato=datetime.date(2027, 12, 31),
    )
    indikator = Indikator.objects.create(
        gevinst=gevinst,
        navn="Barn som går eller sykler",
        enhet="prosent",
        nullpunkt=40,
        malverdi=80,
    )
    for dato, verdi in [(datetime.date(2026, 6, 1), 50), (datetime.date(2026, 9, 1), 60)]:
        m.plant(
            Maling(indikator=indikator, dato=dato, verdi=verdi, registrert_av=leder_p),
            offentlige=offentlige("prosjekter.Maling"),
        )
    arkivert = m.plant(Gevinst(prosjekt=prosjekt, type="tid_spart", arkivert=True))
    m.plant(Indikator(gevinst=gevinst, enhet="antall", nullpunkt=1, malverdi=2, arkivert=True))
    m.plant(Indikator(gevinst=arkivert, enhet="antall", nullpunkt=1, malverdi=2))
    m.plant(Leveranse(prosjekt=prosjekt, ansvarlig=leder_p))
    m.plant(Usikkerhet(prosjekt=prosjekt, sannsynlighet=3, konsekvens=4))
    m.plant(
        Ressursallokering(
            prosjekt=prosjekt,
            person=medlem,
            belastning=50,
            fra=datetime.date(2026, 5, 1),
            til=datetime.date(2026, 12, 31),
        )
    )
    m.plant(
        Styringsbeslutning(
            prosjekt=prosjekt,
            type="fortsett",
            fra_tilstand="aktiv",
            til_tilstand="aktiv",
            fra_fase="gjennomfore",
            til_fase="gjennomfore",
            besluttet_av=klg_leder,
        )
    )

    # Exempt: a project and a decision the chair marked, each with its legal basis.
    unntatt_notat = m.plant(Konseptnotat(eier=eier, portefolje=klg, status="behandlet"))
    unntatt_notat.innspill.add(innspill)
    unntatt_versjon = KonseptnotatVersjon.objects.create(
        notat=unntatt_notat, nummer=1, innhold={}, frosset=True
    )
    unntatt_beslutning = m.plant(
        Beslutning(
            notat=unntatt_notat,
            portefolje=klg,
            mote=mote_klg,
            utfall=Utfall.GODKJENT,
            besluttet_av=klg_leder,
            versjon=unntatt_versjon,
            unntatt_offentlighet=True,
        )
    )
    unntatt_prosjekt = m.plant(
        Prosjekt(
            nummer="P-2026-901",
            portefolje=klg,
            tjenesteomrade=seksjon,
            fase="planlegge",
            tilstand="aktiv",
            beslutning=unntatt_beslutning,
            konseptnotat=unntatt_notat,
            unntatt_offentlighet=True,
        )
    )
    unntatt_prosjekt.innspill.add(innspill)
    m.plant(Gevinst(prosjekt=unntatt_prosjekt, type="kvalitativ"))
    return Kjede(
        markorer=m,
        innspill=innspill,
        notat=notat,
        loftet=loftet,
        beslutning=beslutning,
        prosjekt=prosjekt,
        gevinst=gevinst,
        unntatt_prosjekt=unntatt_prosjekt,
        unntatt_beslutning=unntatt_beslutning,
    )
