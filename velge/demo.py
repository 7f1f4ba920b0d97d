"""Demo content for Velge: criteria, a past meeting with scores and decisions, and upcoming
meetings with notes waiting for scores from `klg` and `helseleder`.

Runs after the konseptnotat demo (see demo_data.py). The criteria need nothing from Begrunne;
the concept notes used here are looked up by title and made if missing. Everything goes through
the Velge services, as in a real meeting, and is idempotent: a second run changes no row.
"""

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from ideer.models import Innspill, Kanal, Opphav, Type
from konseptnotat.models import Konseptnotat, KonseptnotatVersjon, Status
from portefolje.models import Portefolje
from velge import services
from velge.models import Agendapunkt, Beslutning, Kriterium, Mote, Retning, Utfall, Vurdering

# (name, description, weight, direction, anchors 1–5)
KRITERIER = [
    (
        "Strategisk forankring",
        "Hvor godt tiltaket følger opp kommuneplanens samfunnsdel, økonomiplanen og vedtatte strategier.",
        20,
        Retning.HOY_ER_BRA,
        (
            "Ingen kobling til vedtatte planer",
            "Svak, indirekte kobling",
            "Støtter et mål i en plan",
            "Følger opp et konkret tiltak i en vedtatt plan",
            "Sentralt for å nå et hovedmål i kommuneplanen",
        ),
    ),
    (
        "Økonomisk gevinst",
        "Netto innsparing eller økte inntekter over fem år, inkludert frigjort tid regnet i kroner.",
        20,
        Retning.HOY_ER_BRA,
        (
            "Ingen målbar økonomisk gevinst",
            "Under 0,5 mill. kr over fem år",
            "0,5–2 mill. kr over fem år",
            "2–5 mill. kr over fem år",
            "Over 5 mill. kr over fem år",
        ),
    ),
    (
        "Kvalitativ gevinst for innbyggere og ansatte",
        "Bedre tjenester, mer tid til kjerneoppgaver, bedre arbeidsmiljø eller økt trygghet.",
        20,
        Retning.HOY_ER_BRA,
        (
            "Ingen merkbar forbedring",
            "Liten forbedring for en liten gruppe",
            "Tydelig forbedring for én brukergruppe",
            "Tydelig forbedring for flere grupper",
            "Stor forbedring for mange innbyggere og ansatte",
        ),
    ),
    (
        "Lovpålagt eller operasjonelt behov",
        "Om tiltaket er pålagt i lov, forskrift eller politisk vedtak, eller nødvendig for drift.",
        15,
        Retning.HOY_ER_BRA,
        (
            "Ønskelig, men ikke nødvendig",
            "Vil lette driften noe",
            "Viktig for stabil drift",
            "Nødvendig for forsvarlig drift",
            "Pålagt i lov, forskrift eller politisk vedtak med frist",
        ),
    ),
    (
        "Risiko og gjennomførbarhet",
        "Skalaen er snudd: 5 betyr lav risiko og at vi har kompetanse og kapasitet til å gjennomføre.",
        15,
        Retning.LAV_ER_BRA,
        (
            "Svært høy risiko, mangler kompetanse og kapasitet",
            "Høy risiko eller avhengig av usikre forhold",
            "Middels risiko, kjente tiltak",
            "Lav risiko, god erfaring fra andre kommuner",
            "Svært lav risiko, velprøvd løsning og kapasitet på plass",
        ),
    ),
    (
        "Kostnad",
        "Samlet investering og årlig drift. Skalaen er snudd: 5 betyr lav kostnad.",
        10,
        Retning.LAV_ER_BRA,
        (
            "Over 10 mill. kr",
            "5–10 mill. kr",
            "2–5 mill. kr",
            "0,5–2 mill. kr",
            "Under 0,5 mill. kr",
        ),
    ),
]

PORTEFOLJER = ["klg", "helse-og-omsorg"]

# Concept notes: title -> (portfolio, investment, yearly cost, background, goals)
NOTATER = {
    "Digitalt tilsyn i hjemmetjenesten": (
        "helse-og-omsorg",
        850_000,
        220_000,
        "Hjemmetjenesten gjør rundt 900 nattlige tilsynsbesøk i måneden, mange hos brukere som "
        "sover. Besøkene vekker brukerne og binder opp nattpersonellet.",
        "Erstatte halvparten av de nattlige tilsynsbesøkene med digitalt tilsyn innen 2027.",
    ),
    "Felles kalender for dagsentrene": (
        "helse-og-omsorg",
        120_000,
        40_000,
        "Dagsentrene i Hokksund og Vestfossen booker transport og aktiviteter i hver sin kalender.",
        "Én felles kalender for aktiviteter, transport og vakter.",
    ),
    "Medisindispensere for hjemmeboende": (
        "helse-og-omsorg",
        2_400_000,
        600_000,
        "Feil i legemiddelhåndtering er den vanligste avviksårsaken i hjemmetjenesten, og "
        "medisinutdeling står for en firedel av besøkene.",
        "Færre avvik og 6 000 færre besøk i året med elektroniske medisindispensere.",
    ),
    "Ny turnusplanlegging i sykehjemmene": (
        "helse-og-omsorg",
        600_000,
        180_000,
        "Turnusene lages i regneark, og ubesatte vakter fylles med innleie på kort varsel.",
        "Digital turnusplanlegging med ønsketurnus og mindre innleie.",
    ),
    "Sensorbasert fallvarsling i omsorgsboliger": (
        "helse-og-omsorg",
        950_000,
        150_000,
        "Fall er den vanligste årsaken til innleggelse blant beboere i omsorgsboligene.",
        "Varsel til personalet innen ett minutt etter et fall, uten kamera.",
    ),
    "Digital søknad om helse- og omsorgstjenester": (
        "helse-og-omsorg",
        400_000,
        90_000,
        "Søknader kommer på papir og skannes; saksbehandlerne taster dem inn på nytt.",
        "Innbyggerne søker digitalt med ID-porten, og søknaden går rett i fagsystemet.",
    ),
    "Ny sak- og arkivløsning (Noark 5)": (
        "klg",
        4_500_000,
        900_000,
        "Dagens sak- og arkivsystem går ut av support, og kommunestyret har vedtatt at ny "
        "løsning skal være på plass innen utgangen av 2027.",
        "En Noark 5-godkjent løsning med digital arkivering til IKA Kongsberg.",
    ),
    "Innbyggerapp for Øvre Eiker": (
        "klg",
        1_800_000,
        350_000,
        "Innbyggerne må bruke mange ulike nettsider for å melde feil, søke og betale.",
        "Én app for feilmeldinger, søknader, betaling og varsler fra kommunen.",
    ),
    "Felles ressursstyring på tvers av seksjonene": (
        "klg",
        2_100_000,
        400_000,
        "Prosjektressurser planlegges i hver seksjon for seg, og de samme personene overbookes.",
        "Oversikt over kapasitet og bruk av nøkkelpersoner i alle seksjoner.",
    ),
}

# Order imposed by political decision, behind the archive note: only KLG could reject it.
PALAGT_INNSPILL = "Vedtak om ny sak- og arkivløsning (PS 41/26)"

# (portfolio, days from today, title)
MOTER = [
    ("helse-og-omsorg", -21, "Porteføljemøte helse og omsorg, oktober"),
    ("helse-og-omsorg", 7, "Porteføljemøte helse og omsorg, desember"),
    ("klg", -14, "KLG porteføljemøte, november"),
    ("klg", 14, "KLG porteføljemøte, desember"),
]

# A member's scores on the six criteria, in the order above.
S = {
    "enig_hoy": (5, 4, 5, 4, 4, 3),
    "enig_lav": (2, 2, 2, 1, 3, 4),
    "middels": (3, 3, 4, 3, 3, 3),
    "uenig": (4, 2, 5, 3, 1, 2),
    "skeptisk": (2, 4, 2, 3, 4, 2),
}

# (meeting index, note, [(member, scores)], decision or None, rationale)
SAKER = [
    (
        0,
        "Digitalt tilsyn i hjemmetjenesten",
        [("helseleder", "enig_hoy"), ("omsorgsleder", "enig_hoy"), ("initiativtaker", "middels")],
        Utfall.GODKJENT,
        "God gevinst for brukerne og nattpersonellet, og erfaringer fra Drammen viser at "
        "risikoen er lav. Startes i januar.",
    ),
    (
        0,
        "Felles kalender for dagsentrene",
        [("helseleder", "enig_lav"), ("omsorgsleder", "middels"), ("initiativtaker", "enig_lav")],
        Utfall.AVVIST,
        "Behovet dekkes av kalenderen i Microsoft 365, som dagsentrene allerede har. "
        "Utviklingsteamet hjelper med oppsettet.",
    ),
    (
        0,
        "Medisindispensere for hjemmeboende",
        [("helseleder", "enig_hoy"), ("omsorgsleder", "uenig"), ("initiativtaker", "enig_hoy")],
        Utfall.LOFTET_TIL_KLG,
        "Kostnaden er over seksjonens terskel, og løsningen berører også fastlegene og "
        "legevakten. Løftes til KLG.",
    ),
    (
        0,
        "Ny turnusplanlegging i sykehjemmene",
        [("helseleder", "middels"), ("omsorgsleder", "skeptisk"), ("initiativtaker", "middels")],
        Utfall.PARKERT,
        "Avventer ny avtale om arbeidstid. Tas opp igjen når avtalen er forhandlet.",
    ),
    (
        1,
        "Sensorbasert fallvarsling i omsorgsboliger",
        [("omsorgsleder", "enig_hoy")],
        None,
        "",
    ),
    (
        1,
        "Digital søknad om helse- og omsorgstjenester",
        [("omsorgsleder", "uenig")],
        None,
        "",
    ),
    (
        2,
        "Ny sak- og arkivløsning (Noark 5)",
        [("klg", "enig_hoy"), ("okonomisjef", "middels"), ("samfunnsleder", "enig_hoy")],
        Utfall.GODKJENT,
        "Pålagt gjennom kommunestyrets vedtak PS 41/26 og nødvendig for forsvarlig arkivering.",
    ),
    (
        3,
        "Innbyggerapp for Øvre Eiker",
        [("okonomisjef", "skeptisk"), ("samfunnsleder", "uenig"), ("oppvekstleder", "enig_hoy")],
        None,
        "",
    ),
    (
        3,
        "Felles ressursstyring på tvers av seksjonene",
        [("okonomisjef", "enig_hoy"), ("oppvekstleder", "middels")],
        None,
        "",
    ),
]


def _kriterier(portefolje) -> list[Kriterium]:
    kriterier = []
    for nr, (navn, beskrivelse, vekt, retning, skala) in enumerate(KRITERIER, start=1):
        kriterium, _ = Kriterium.objects.get_or_create(
            portefolje=portefolje,
            navn=navn,
            defaults={
                "beskrivelse": beskrivelse,
                "vekt": vekt,
                "retning": retning,
                "rekkefolge": nr,
                **{f"skala_{i}": tekst for i, tekst in enumerate(skala, start=1)},
            },
        )
        kriterier.append(kriterium)
    return kriterier


def _notat(tittel, portefoljer, eier, seksjon) -> Konseptnotat:
    slug, investering, drift, bakgrunn, mal = NOTATER[tittel]
    notat, ny = Konseptnotat.objects.get_or_create(
        tittel=tittel,
        defaults={
            "eier": eier,
            "seksjon": seksjon if slug != "klg" else None,
            "portefolje": portefoljer[slug],
            "status": Status.KLAR,
            "bakgrunn_og_behov": bakgrunn,
            "mal": mal,
            "forventede_gevinster": "Se mål. Gevinstene måles med utgangspunkt i tall fra 2025.",
            "gevinst_kvalitativ": True,
            "gevinst_okonomisk": investering > 1_000_000,
            "alternativer": "Nullalternativet: fortsette som i dag. Alternativ: kjøpe tjenesten.",
            "kostnader": "Anslag fra leverandørdialog og erfaringer fra nabokommuner.",
            "investering": Decimal(investering),
            "arlig_driftskostnad": Decimal(drift),
            "interne_timer": investering // 2000,
            "risiko": "Leveranse fra leverandør, opplæring av ansatte og personvern.",
            "forankring": "Kommuneplanens samfunnsdel 2024–2036, mål om bærekraftige tjenester.",
            "interessenter": "Ansatte, brukere, tillitsvalgte og IKT-avdelingen.",
            "tidsplan": "Oppstart første kvartal, gjennomføring over ett år.",
        },
    )
    if ny:
        notat.innsendt = timezone.now()
        notat.save(update_fields=["innsendt"])
    return notat


def opprett(*, storrelse: str, logg) -> None:
    User = get_user_model()
    brukere = {u.username: u for u in User.objects.all()}
    portefoljer = {p.slug: p for p in Portefolje.objects.filter(slug__in=PORTEFOLJER)}
    kriterier = {slug: _kriterier(p) for slug, p in portefoljer.items()}
    if "utvikler" not in brukere or len(portefoljer) < 2:
        logg("Velge: kriterier laget; møter hoppes over (kjernens demodata mangler)")
        return

    idag = timezone.localdate()
    moter = [
        Mote.objects.get_or_create(
            portefolje=portefoljer[slug],
            tittel=tittel,
            defaults={"dato": idag + timedelta(days=dager), "sted": "Rådhuset, Hokksund"},
        )[0]
        for slug, dager, tittel in MOTER
    ]
    innspill, _ = Innspill.objects.get_or_create(
        tittel=PALAGT_INNSPILL,
        defaults={
            "type": Type.BESTILLING,
            "beskrivelse": "Kommunestyret vedtok i sak PS 41/26 å anskaffe ny sak- og arkivløsning.",
            "opphav": Opphav.POLITISK,
            "kanal": Kanal.VEDTAK,
            "referanse": "PS 41/26",
            "palagt": True,
            "portefolje": portefoljer["klg"],
        },
    )
    seksjon = portefoljer["helse-og-omsorg"].seksjon
    sekretaer = brukere["utvikler"]
    antall_beslutninger = 0
    for mote_nr, tittel, vurderinger, utfall, begrunnelse in SAKER:
        mote = moter[mote_nr]
        notat = _notat(tittel, portefoljer, brukere["initiativtaker"], seksjon)
        if tittel == "Ny sak- og arkivløsning (Noark 5)":
            notat.innspill.add(innspill)
        if notat.status != Status.KLAR or notat.portefolje_id != mote.portefolje_id:
            continue  # decided or moved on an earlier run
        if not Agendapunkt.objects.filter(mote=mote, notat=notat).exists():
            services.agenda_legg_til(mote=mote, notat=notat, aktor=sekretaer)
        for brukernavn, profil in vurderinger:
            medlem = brukere[brukernavn]
            if Vurdering.objects.filter(medlem=medlem, notat=notat).exists():
                continue
            services.vurdering_lagre(
                mote=mote,
                notat=notat,
                medlem=medlem,
                poeng={
                    k.pk: (p, "")
                    for k, p in zip(kriterier[mote.portefolje.slug], S[profil], strict=True)
                },
            )
        if utfall and not Beslutning.objects.filter(mote=mote, notat=notat).exists():
            beslutning = services.beslutning_fatt(
                mote=mote,
                notat=notat,
                utfall=utfall,
                begrunnelse=begrunnelse,
                aktor=mote.portefolje.leder,
                parkert_til=idag + timedelta(days=120) if utfall == Utfall.PARKERT else None,
            )
            if mote.dato < idag:
                # Demo only: date the decision to its meeting, as if it had been made there.
                Beslutning.objects.filter(pk=beslutning.pk).update(
                    besluttet=timezone.make_aware(
                        datetime.combine(mote.dato, time(hour=10, minute=antall_beslutninger))
                    )
                )
            antall_beslutninger += 1
    if storrelse == "large":
        _volum(portefoljer["klg"], kriterier["klg"], brukere, idag)
    logg(
        f"Velge: {sum(len(k) for k in kriterier.values())} kriterier, {len(moter)} møter, "
        f"{antall_beslutninger} nye beslutninger"
    )


VOLUM_NOTATER = 400
VOLUM_BESLUTNINGER = 2000


def _volum(klg, kriterier, brukere, idag) -> None:
    """Benchmark volume for KLG's page: notes awaiting decision with scores, and a long history."""
    prefiks = "Volumnotat"
    if Konseptnotat.objects.filter(tittel__startswith=prefiks).exists():
        return
    eier = brukere["initiativtaker"]
    medlemmer = [
        brukere[n] for n in ("helseleder", "oppvekstleder", "samfunnsleder", "okonomisjef")
    ]
    ventende = Konseptnotat.objects.bulk_create(
        Konseptnotat(tittel=f"{prefiks} {i:04d}", eier=eier, portefolje=klg, status=Status.KLAR)
        for i in range(VOLUM_NOTATER)
    )
    Vurdering.objects.bulk_create(
        Vurdering(kriterium=k, notat=n, medlem=m, poeng=1 + (n.pk * 7 + k.pk * 3 + m.pk) % 5)
        for n in ventende
        for k in kriterier
        for m in medlemmer
    )
    arkiv = Mote.objects.create(portefolje=klg, dato=idag - timedelta(days=400), tittel="Volummøte")
    besluttede = Konseptnotat.objects.bulk_create(
        Konseptnotat(
            tittel=f"{prefiks} B{i:04d}", eier=eier, portefolje=klg, status=Status.BEHANDLET
        )
        for i in range(VOLUM_BESLUTNINGER)
    )
    versjoner = KonseptnotatVersjon.objects.bulk_create(
        KonseptnotatVersjon(notat=n, nummer=1, innhold={"tittel": n.tittel}, frosset=True)
        for n in besluttede
    )
    Agendapunkt.objects.bulk_create(
        Agendapunkt(mote=arkiv, notat=n, rekkefolge=i, versjon=v)
        for i, (n, v) in enumerate(zip(besluttede, versjoner, strict=True))
    )
    utfall = [Utfall.AVVIST, Utfall.PARKERT, Utfall.TIL_REVISJON]
    Beslutning.objects.bulk_create(
        Beslutning(
            notat=n,
            portefolje=klg,
            mote=arkiv,
            utfall=utfall[i % 3],
            begrunnelse="Vurdert opp mot porteføljens kriterier og kapasitet.",
            parkert_til=idag + timedelta(days=90) if utfall[i % 3] == Utfall.PARKERT else None,
            besluttet_av=brukere["klg"],
            versjon=v,
            vektet_score=Decimal(i % 100),
        )
        for i, (n, v) in enumerate(zip(besluttede, versjoner, strict=True))
    )
