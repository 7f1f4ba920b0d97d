"""Demo content for the look-back (Beslutningskvalitet): five projects decided a couple of years
ago, closed since, with benefits measured over time, and the concept notes the decisions froze.

History, not workflow: the decisions and closings happened in the past, so the rows are written
with their past dates (as velge/demo.py's volume does). Idempotent: looked up by project number.
"""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from konseptnotat.models import Konseptnotat, KonseptnotatVersjon, Status
from konseptnotat.services import innhold_av
from portefolje import demodata
from portefolje.models import Portefolje
from prosjekter.beregning import add_maneder
from prosjekter.models import (
    Gevinst,
    Indikator,
    Maling,
    Prosjekt,
    Statusrapport,
    Styringsbeslutning,
)
from velge.models import Beslutning, Utfall

PROSJEKTER = demodata.les("rapporter", "tilbakeblikk")


def _tid(dag: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(dag, datetime.time(10, 0)))


def _notat_og_beslutning(d: dict, *, portefolje, leder, eier, besluttet: datetime.date):
    """The concept note the decision froze, and the portfolio's approval, dated in the past."""
    notat = Konseptnotat.objects.create(
        tittel=d["tittel"],
        eier=eier,
        portefolje=portefolje,
        seksjon=portefolje.seksjon,
        status=Status.BEHANDLET,
        bakgrunn_og_behov="Behovet er beskrevet i seksjonens virksomhetsplan.",
        mal=d["gevinst"] + ".",
        forventede_gevinster=f"{d['gevinst']}: fra {d['indikator'][2]} til "
        f"{d['indikator'][3]} ({d['indikator'][0].lower()}).",
        alternativer="Nullalternativet: fortsette som i dag.",
        kostnader="Anslag fra leverandørdialog.",
        investering=Decimal(d["investering"]),
        arlig_driftskostnad=Decimal(d["drift"]),
        tidsplan=f"Gjennomføring over {d['varighet_mnd']} måneder.",
        **dict.fromkeys(d["gevinster"], True),
    )
    Konseptnotat.objects.filter(pk=notat.pk).update(innsendt=_tid(besluttet))
    versjon = KonseptnotatVersjon.objects.create(
        notat=notat, nummer=1, innhold=innhold_av(notat), frosset=True, lagret_av=eier
    )
    beslutning = Beslutning.objects.create(
        notat=notat,
        portefolje=portefolje,
        utfall=Utfall.GODKJENT,
        begrunnelse="Godt begrunnet behov med målbare gevinster.",
        besluttet_av=leder,
        versjon=versjon,
        vektet_score=Decimal(str(d["skar"])),
    )
    Beslutning.objects.filter(pk=beslutning.pk).update(besluttet=_tid(besluttet))
    return notat, beslutning


def _avsluttet_prosjekt(d: dict, *, notat, beslutning, leder, prosjektleder, start, slutt):
    """The project the decision started, closed on `slutt` by a steering decision."""
    portefolje = notat.portefolje
    prosjekt = Prosjekt.objects.create(
        tittel=d["tittel"],
        nummer=d["nummer"],
        malsetting=d["gevinst"] + ".",
        portefolje=portefolje,
        tjenesteomrade=portefolje.seksjon,
        fase="gjennomfore",
        tilstand="aktiv",
        prosjekteier=leder,
        prosjektleder=prosjektleder,
        gevinstansvarlig=leder,
        startdato=start,
        sluttdato=add_maneder(start, d["varighet_mnd"]),
        budsjett=Decimal(d["investering"]),
        beslutning=beslutning,
        konseptnotat=notat,
    )
    # Closed: the end date becomes the real one (the plan stays in the field history).
    prosjekt.sluttdato = slutt
    prosjekt.fase = "realisere"
    prosjekt.tilstand = "avsluttet"
    prosjekt.save()
    avslutning = Styringsbeslutning.objects.create(
        prosjekt=prosjekt,
        type="avslutt",
        begrunnelse="Leveransene er godkjent; gevinstene følges opp av linjen.",
        fra_tilstand="aktiv",
        til_tilstand="avsluttet",
        fra_fase="gjennomfore",
        til_fase="realisere",
        besluttet_av=leder,
    )
    Styringsbeslutning.objects.filter(pk=avslutning.pk).update(besluttet=_tid(slutt))
    return prosjekt


def _sluttrapport(d: dict, *, prosjekt, skrevet_av, slutt: datetime.date) -> None:
    """The last published status report, with every dimension as the form demands."""
    Statusrapport.objects.create(
        prosjekt=prosjekt,
        tilstand="publisert",
        publisert=_tid(slutt),
        skrevet_av=skrevet_av,
        oppnadd="Prosjektet er levert og avsluttet.",
        fremdrift="pa_plan" if d["forsinkelse_dager"] <= 0 else "forsinket",
        okonomi="pa_budsjett" if d["kostnad"] <= d["investering"] else "over_budsjett",
        kvalitet="ihht_plan",
        risiko="lav",
        gevinstoppnaelse="forventes_oppnadd",
        budsjett=Decimal(d["investering"]),
        kostnad_hittil=Decimal(d["kostnad"]),
        prognose=Decimal(d["kostnad"]),
        farge="gronn",
    )


def _maalt_gevinst(d: dict, *, prosjekt, leder, slutt: datetime.date, idag: datetime.date):
    """The benefit, its indicator and the measurements taken since."""
    gevinst = Gevinst.objects.create(
        prosjekt=prosjekt,
        tittel=d["gevinst"],
        type=d["gevinster"][0].removeprefix("gevinst_"),
        ansvarlig=leder,
        eier=leder,
        realiseringsdato=add_maneder(slutt, 12),
    )
    navn, enhet, nullpunkt, mal = d["indikator"]
    indikator = Indikator.objects.create(
        gevinst=gevinst,
        navn=navn,
        enhet=enhet,
        nullpunkt=Decimal(str(nullpunkt)),
        malverdi=Decimal(str(mal)),
    )
    Maling.objects.bulk_create(
        Maling(
            indikator=indikator,
            dato=add_maneder(idag, -mnd_siden),
            verdi=Decimal(str(verdi)),
            registrert_av=leder,
        )
        for mnd_siden, verdi in d["malinger"]
    )


def _ett_prosjekt(d: dict, *, portefolje, brukere: dict, idag: datetime.date) -> None:
    """One decided, delivered and closed project, from its demo data `d`."""
    leder = portefolje.leder or brukere["prosjektleder"]
    start = add_maneder(idag, -d["start_mnd_siden"])
    slutt = add_maneder(start, d["varighet_mnd"]) + datetime.timedelta(days=d["forsinkelse_dager"])
    notat, beslutning = _notat_og_beslutning(
        d,
        portefolje=portefolje,
        leder=leder,
        eier=brukere["initiativtaker"],
        besluttet=start - datetime.timedelta(days=40),
    )
    prosjekt = _avsluttet_prosjekt(
        d,
        notat=notat,
        beslutning=beslutning,
        leder=leder,
        prosjektleder=brukere["prosjektleder"],
        start=start,
        slutt=slutt,
    )
    _sluttrapport(d, prosjekt=prosjekt, skrevet_av=brukere["prosjektleder"], slutt=slutt)
    _maalt_gevinst(d, prosjekt=prosjekt, leder=leder, slutt=slutt, idag=idag)


def opprett(*, storrelse: str, logg) -> None:
    brukere = {u.username: u for u in get_user_model().objects.all()}
    portefoljer = {p.slug: p for p in Portefolje.objects.all()}
    if not {"initiativtaker", "prosjektleder"} <= set(brukere) or not {
        "klg",
        "helse-og-omsorg",
    } <= set(portefoljer):
        logg("Rapporter: tilbakeblikket hoppes over (kjernens demodata mangler)")
        return
    idag = timezone.localdate()
    nye = 0
    for d in PROSJEKTER:
        if Prosjekt.objects.filter(nummer=d["nummer"]).exists():
            continue
        _ett_prosjekt(d, portefolje=portefoljer[d["portefolje"]], brukere=brukere, idag=idag)
        nye += 1
    logg(
        f"Rapporter: {nye} nye avsluttede prosjekter med målte gevinster ({len(PROSJEKTER)} i alt)"
    )
