"""Demo content for Samle: about 40 ideas and orders from every road in, in every status.

Idempotent: each input is looked up by its title; only missing ones are made, and only a newly
made one is moved through triage (through the services, so history and audit trail are real).
`storrelse == "large"` adds 20 000 imported inputs for benchmarks (bulk_create).
"""

import random
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from ideer import services
from ideer.models import Innspill, Kanal, Opphav, Status, StatusEndring, Type, Vedlegg
from portefolje.models import Portefolje, Seksjon

STORT_ANTALL = 20_000
STORT_PREFIKS = "demo-stor-"


@dataclass
class Demo:
    tittel: str
    beskrivelse: str
    opphav: str
    kanal: str
    type: str = Type.IDE
    innsender: str | None = None  # username
    navn: str = ""
    epost: str = ""
    referanse: str = ""
    seksjoner: list[str] = field(default_factory=list)
    palagt: bool = False
    losning: str = ""
    gevinst: str = ""
    ekstern_id: str = ""
    # What triage has done with it: (status, detail) – detail is an answer, a reason, a date,
    # the title merged into, or the initiator's username.
    triage: tuple[str, object] | None = None


B = Type.BESTILLING
K = Kanal

INNSPILL = [
    Demo(
        "Digital innbyggerdialog for reguleringsplaner",
        "Høringer om reguleringsplaner når få. Innbyggere ønsker å se planene i kart og gi innspill digitalt, ikke bare på folkemøter i Hokksund.",
        Opphav.INNBYGGERE,
        K.SAMMENSKAPERVI,
        navn="Marit Solberg",
        epost="marit.solberg@eksempel.example",
        seksjoner=["samfunnsutvikling"],
        ekstern_id="SKV-1041",
        losning="Kartbasert høringsløsning med kommentarer.",
        triage=(Status.UNDER_VURDERING, ""),
    ),
    Demo(
        "Digital dialog om reguleringsplaner i kart",
        "Det er vanskelig å forstå plankartene. Kunne vi kommentert rett i kartet på nett?",
        Opphav.INNBYGGERE,
        K.OFFENTLIG_SKJEMA,
        navn="Per Haugen",
        epost="per.haugen@eksempel.example",
        triage=(Status.SLATT_SAMMEN, "Digital innbyggerdialog for reguleringsplaner"),
    ),
    Demo(
        "Velferdsteknologi: digitalt tilsyn på natt",
        "Nattevakter i hjemmetjenesten bruker mye tid på å kjøre til brukere for tilsyn som kunne vært gjort digitalt med samtykke.",
        Opphav.MEDARBEIDERE,
        K.SLIKSKAPERVI,
        innsender="initiativtaker",
        seksjoner=["helse-og-omsorg"],
        ekstern_id="SLV-220",
        gevinst="Færre kjøreturer om natten og bedre søvn for brukerne.",
        triage=(Status.KONSEPTNOTAT_BESTILT, "initiativtaker"),
    ),
    Demo(
        "Digitalt nattilsyn i hjemmetjenesten",
        "Kamera/sensor i stedet for fysisk tilsyn om natten for brukere som ønsker det.",
        Opphav.LEDERE,
        K.PORTAL,
        innsender="ansatt",
        seksjoner=["helse-og-omsorg"],
        triage=(Status.SLATT_SAMMEN, "Velferdsteknologi: digitalt tilsyn på natt"),
    ),
    Demo(
        "Bestilling: Ny skolestruktur i Hokksund (PS 45/26)",
        "Kommunestyret ber kommunedirektøren utrede ny skolestruktur i Hokksund, med kapasitet, kostnader og skolevei.",
        Opphav.POLITISK,
        K.VEDTAK,
        type=B,
        innsender="utvikler",
        referanse="PS 45/26",
        seksjoner=["oppvekst-og-kultur"],
        palagt=True,
        triage=(Status.KONSEPTNOTAT_BESTILT, "initiativtaker"),
    ),
    Demo(
        "Bestilling: Handlingsplan for klimatilpasning (PS 12/26)",
        "Vedtatt at kommunen skal ha en handlingsplan for klimatilpasning, med overvann og flom i Eikervassdraget.",
        Opphav.POLITISK,
        K.VEDTAK,
        type=B,
        innsender="utvikler",
        referanse="PS 12/26",
        seksjoner=["samfunnsutvikling"],
        palagt=True,
        triage=(Status.UNDER_VURDERING, ""),
    ),
    Demo(
        "Bestilling: Innføre nytt sak- og arkivsystem",
        "Dagens sak- og arkivsystem går ut av support i 2027. Leverandørbytte må planlegges.",
        Opphav.ADMINISTRATIV,
        K.ANNET,
        type=B,
        innsender="utvikler",
        seksjoner=["organisasjon-og-okonomi"],
    ),
    Demo(
        "Tilskudd: Statsforvalterens skjønnsmidler til fornying",
        "Kommunen har fått tilsagn om skjønnsmidler til et prosjekt om digital hjemmeoppfølging.",
        Opphav.TILSKUDD,
        K.ANNET,
        type=B,
        innsender="utvikler",
        referanse="Tilsagnsbrev 2026/1187",
        seksjoner=["helse-og-omsorg"],
    ),
    Demo(
        "Flomsikring etter høstflommen",
        "Høstflommen skadet kommunal vei og to pumpestasjoner i Vestfossen. Tiltak må prioriteres.",
        Opphav.UFORUTSETT_HENDELSE,
        K.ANNET,
        type=B,
        innsender="utvikler",
        seksjoner=["samfunnsutvikling"],
    ),
    Demo(
        "Strategi: Digitaliseringsstrategi 2026–2030, tiltak 4",
        "Strategien sier at alle søknadsskjema skal være digitale innen 2028.",
        Opphav.LEDERGRUPPA,
        K.STRATEGI,
        type=B,
        innsender="utvikler",
        referanse="Digitaliseringsstrategi 2026–2030",
        seksjoner=["organisasjon-og-okonomi"],
    ),
    Demo(
        "Plan: Boligsosial handlingsplan – flere utleieboliger",
        "Planen peker på behov for 20 nye kommunale utleieboliger innen 2030.",
        Opphav.KOMMUNESTYRET,
        K.PLAN,
        type=B,
        innsender="utvikler",
        referanse="Boligsosial handlingsplan 2025–2029",
        seksjoner=["samfunnsutvikling", "helse-og-omsorg"],
    ),
    Demo(
        "Felles vikarpool for barnehagene",
        "Barnehagene bruker mye tid på å skaffe vikarer. En felles pool kan gi raskere og tryggere vikardekning.",
        Opphav.LEDERE,
        K.SLIKSKAPERVI,
        innsender="ansatt",
        seksjoner=["oppvekst-og-kultur"],
        ekstern_id="SLV-231",
        triage=(Status.UNDER_VURDERING, ""),
    ),
    Demo(
        "Vikarpool i barnehage",
        "Forslag om felles vikarer for alle kommunale barnehager.",
        Opphav.MEDARBEIDERE,
        K.SLIKSKAPERVI,
        ekstern_id="SLV-245",
        seksjoner=["oppvekst-og-kultur"],
    ),
    Demo(
        "Bedre belysning på gangveien til Vestfossen skole",
        "Gangveien langs Vestfossen skole er mørk om vinteren. Barna føler seg utrygge.",
        Opphav.INNBYGGERE,
        K.OFFENTLIG_SKJEMA,
        navn="Anne Berg",
        epost="anne.berg@eksempel.example",
        triage=(
            Status.BESVART,
            "Takk for innspillet! Belysningen er tatt inn i driftsbudsjettet for vei, og lysene settes opp i løpet av vinteren.",
        ),
    ),
    Demo(
        "Lading av elbil ved rådhuset",
        "Ansatte og besøkende etterlyser ladepunkter ved rådhuset i Hokksund.",
        Opphav.MEDARBEIDERE,
        K.PORTAL,
        innsender="ansatt",
        triage=(Status.PARKERT, date(2027, 3, 1)),
    ),
    Demo(
        "Åpne skolegårder for lek i helgene",
        "Skolegårdene er stengt i helgene, men er de beste lekeplassene i bygda.",
        Opphav.INNBYGGERE,
        K.SAMMENSKAPERVI,
        navn="Jonas Lie",
        ekstern_id="SKV-1077",
        seksjoner=["oppvekst-og-kultur"],
    ),
    Demo(
        "Gratis parkering i sentrum i julehandelen",
        "Næringsdrivende i Hokksund ønsker gratis parkering i desember for å styrke handelen.",
        Opphav.NAERINGSLIV,
        K.OFFENTLIG_SKJEMA,
        navn="Hokksund Handelsstand v/ Siv Moen",
        epost="post@handelsstand.example",
        triage=(
            Status.AVVIST,
            "Parkeringsavgiften er fastsatt i gebyrregulativet. Forslaget kan tas opp i budsjettbehandlingen.",
        ),
    ),
    Demo(
        "Chatbot for byggesaker",
        "Mange ringer med de samme spørsmålene om byggesøknader. En chatbot kan svare døgnet rundt.",
        Opphav.MEDARBEIDERE,
        K.SLIKSKAPERVI,
        ekstern_id="SLV-260",
        seksjoner=["samfunnsutvikling"],
    ),
    Demo(
        "Digital byggesaksveileder",
        "Byggesaksavdelingen får samme spørsmål hver dag; en digital veileder kan avlaste.",
        Opphav.LEDERE,
        K.PORTAL,
        innsender="initiativtaker",
        seksjoner=["samfunnsutvikling"],
    ),
    Demo(
        "Felles innkjøp av IKT-utstyr i skolene",
        "Skolene kjøper PC-er hver for seg. Felles avtale kan gi lavere pris og enklere drift.",
        Opphav.LEDERGRUPPA,
        K.PORTAL,
        innsender="ansatt",
        seksjoner=["oppvekst-og-kultur", "organisasjon-og-okonomi"],
    ),
    Demo(
        "Robotstøvsugere i sykehjemmene",
        "Renholderne bruker mye tid på gulv; roboter kan frigjøre tid til grundigere renhold.",
        Opphav.MEDARBEIDERE,
        K.SLIKSKAPERVI,
        ekstern_id="SLV-271",
        seksjoner=["helse-og-omsorg"],
        triage=(Status.AVVIST, "Prøvd i 2024 uten god effekt på grunn av møblering og terskler."),
    ),
    Demo(
        "Medisinroboter for hjemmeboende",
        "Digitale medisindispensere kan redusere antall besøk og feilmedisinering.",
        Opphav.LEDERE,
        K.PORTAL,
        innsender="initiativtaker",
        seksjoner=["helse-og-omsorg"],
        triage=(Status.UNDER_VURDERING, ""),
    ),
    Demo(
        "Kulturkort for ungdom",
        "Ungdom i Øvre Eiker bør få et kulturkort med rabatt på kino, konserter og bibliotekarrangementer.",
        Opphav.INNBYGGERE,
        K.SAMMENSKAPERVI,
        navn="Emma Dahl",
        epost="emma.dahl@eksempel.example",
        ekstern_id="SKV-1102",
        seksjoner=["oppvekst-og-kultur"],
    ),
    Demo(
        "Sommerjobb for ungdom i kommunen",
        "Flere kommuner tilbyr sommerjobb til 15-åringer. Kan Øvre Eiker gjøre det samme?",
        Opphav.INNBYGGERE,
        K.OFFENTLIG_SKJEMA,
        navn="Ola Nilsen",
        triage=(Status.BESVART, "Ordningen videreføres i 2027, og påmelding åpner i mars."),
    ),
    Demo(
        "Bysykler mellom Hokksund stasjon og Vestfossen",
        "Bysykler kan gjøre det enklere å pendle uten bil.",
        Opphav.INNBYGGERE,
        K.SAMMENSKAPERVI,
        ekstern_id="SKV-1120",
        seksjoner=["samfunnsutvikling"],
    ),
    Demo(
        "Digital timebestilling på helsestasjonen",
        "Foreldre ønsker å bestille og flytte timer selv på nett.",
        Opphav.INNBYGGERE,
        K.OFFENTLIG_SKJEMA,
        navn="Lise Strand",
        epost="lise.strand@eksempel.example",
        seksjoner=["helse-og-omsorg"],
        triage=(Status.UNDER_VURDERING, ""),
    ),
    Demo(
        "Automatisert fakturabehandling",
        "Regnskap bruker mye tid på å kontere inngående fakturaer manuelt. Maskinlæring kan foreslå kontering.",
        Opphav.MEDARBEIDERE,
        K.PORTAL,
        innsender="ansatt",
        seksjoner=["organisasjon-og-okonomi"],
    ),
    Demo(
        "Felles ressursplanlegging i hjemmetjenesten",
        "Turnus og ruter planlegges i tre ulike verktøy. Ett verktøy gir bedre oversikt.",
        Opphav.LEDERE,
        K.SLIKSKAPERVI,
        ekstern_id="SLV-288",
        seksjoner=["helse-og-omsorg"],
    ),
    Demo(
        "Bestilling: Ny brannstasjon – tomtevalg (PS 88/25)",
        "Kommunestyret har bedt om en vurdering av tomt for ny brannstasjon sammen med nabokommunene.",
        Opphav.POLITISK,
        K.VEDTAK,
        type=B,
        innsender="utvikler",
        referanse="PS 88/25",
        seksjoner=["samfunnsutvikling"],
        palagt=True,
    ),
    Demo(
        "Bestilling: Tilpasning til ny lov om kommunal beredskapsplikt",
        "Endret forskrift krever oppdatert helhetlig ROS-analyse innen utgangen av 2027.",
        Opphav.ADMINISTRATIV,
        K.ANNET,
        type=B,
        innsender="utvikler",
        seksjoner=["organisasjon-og-okonomi"],
        palagt=True,
    ),
    Demo(
        "Flere benker langs Drammenselva",
        "Eldre ønsker flere benker å hvile på langs turveien ved elva.",
        Opphav.INNBYGGERE,
        K.SAMMENSKAPERVI,
        navn="Knut Aas",
        ekstern_id="SKV-1133",
        triage=(Status.BESVART, "Fem nye benker settes opp til våren."),
    ),
    Demo(
        "Benker ved elvepromenaden i Hokksund",
        "Det mangler sitteplasser langs elvepromenaden.",
        Opphav.INNBYGGERE,
        K.OFFENTLIG_SKJEMA,
        triage=(Status.SLATT_SAMMEN, "Flere benker langs Drammenselva"),
    ),
    Demo(
        "Samlokalisering av NAV og flyktningtjenesten",
        "Brukerne må ofte til begge kontorene. Samlokalisering kan gi bedre tjenester.",
        Opphav.LEDERGRUPPA,
        K.PORTAL,
        innsender="ansatt",
        seksjoner=["helse-og-omsorg", "samfunnsutvikling"],
    ),
    Demo(
        "Digital læringsplattform for ansatte",
        "Opplæring skjer i dag på papir og i møter. En felles læringsplattform gir oversikt over kompetanse.",
        Opphav.MEDARBEIDERE,
        K.SLIKSKAPERVI,
        ekstern_id="SLV-301",
        seksjoner=["organisasjon-og-okonomi"],
    ),
    Demo(
        "Solceller på kommunale bygg",
        "Takene på skoler og sykehjem kan produsere strøm og redusere energikostnadene.",
        Opphav.NAERINGSLIV,
        K.SAMMENSKAPERVI,
        navn="Eiker Energi AS v/ Tor Hansen",
        epost="tor@eikerenergi.example",
        ekstern_id="SKV-1150",
        seksjoner=["samfunnsutvikling", "organisasjon-og-okonomi"],
        triage=(Status.UNDER_VURDERING, ""),
    ),
    Demo(
        "Leksehjelp på biblioteket",
        "Frivillige kan tilby leksehjelp på biblioteket to ettermiddager i uka.",
        Opphav.INNBYGGERE,
        K.OFFENTLIG_SKJEMA,
        navn="Ingrid Vik",
        epost="ingrid.vik@eksempel.example",
        seksjoner=["oppvekst-og-kultur"],
    ),
    Demo(
        "Ventelister i kulturskolen",
        "Ventelistene i kulturskolen er lange; digital påmelding og oversikt kan hjelpe.",
        Opphav.KOMMUNESTYRET,
        K.ANNET,
        innsender="utvikler",
        referanse="Interpellasjon 3/26",
        seksjoner=["oppvekst-og-kultur"],
    ),
    Demo(
        "Trygghetsalarmer med GPS",
        "Personer med demens kan få mer frihet med GPS-alarm.",
        Opphav.LEDERE,
        K.PORTAL,
        innsender="initiativtaker",
        seksjoner=["helse-og-omsorg"],
        triage=(Status.PARKERT, date(2027, 1, 15)),
    ),
    Demo(
        "Stengte veier: varsling på SMS",
        "Innbyggere vil få SMS når veien deres stenges for arbeid.",
        Opphav.INNBYGGERE,
        K.SAMMENSKAPERVI,
        ekstern_id="SKV-1168",
        seksjoner=["samfunnsutvikling"],
    ),
    Demo(
        "Færre skjema for tilskudd til lag og foreninger",
        "Frivilligheten bruker mye tid på søknader. Ett felles skjema for alle tilskudd.",
        Opphav.NAERINGSLIV,
        K.OFFENTLIG_SKJEMA,
        navn="Eiker Idrettsråd",
        epost="post@eikeridrett.example",
        seksjoner=["oppvekst-og-kultur"],
    ),
]


def _bruker(brukere, navn):
    return brukere.get(navn) if navn else None


def _lag(demo: Demo, brukere, seksjoner) -> tuple[Innspill, bool]:
    eksisterende = Innspill.objects.filter(tittel=demo.tittel).first()
    if eksisterende:
        return eksisterende, False
    innsender = _bruker(brukere, demo.innsender)
    innspill, _ny = services.innspill_opprett(
        data={
            "type": demo.type,
            "tittel": demo.tittel,
            "beskrivelse": demo.beskrivelse,
            "losningsforslag": demo.losning,
            "forventet_gevinst": demo.gevinst,
            "opphav": demo.opphav,
            "referanse": demo.referanse,
            "palagt": demo.palagt,
            "ekstern_id": demo.ekstern_id,
            "innsender_navn": "" if innsender else demo.navn,
            "innsender_epost": "" if innsender else demo.epost,
            "samtykke_epost": bool(demo.epost) and not innsender,
        },
        kanal=demo.kanal,
        aktor=innsender,
        innsender=innsender,
        seksjoner=[seksjoner[s] for s in demo.seksjoner if s in seksjoner],
    )
    return innspill, True


def _triager(innspill: Innspill, demo: Demo, utvikler, brukere) -> None:
    if not demo.triage:
        return
    status, detalj = demo.triage
    if status == Status.UNDER_VURDERING:
        services.innspill_endre_status(innspill=innspill, status=status, aktor=utvikler)
    elif status == Status.PARKERT:
        services.innspill_endre_status(
            innspill=innspill, status=status, parkert_til=detalj, aktor=utvikler
        )
    elif status == Status.BESVART:
        services.innspill_besvar(innspill=innspill, svar=detalj, lukk=True, aktor=utvikler)
    elif status == Status.AVVIST:
        services.innspill_avvis(innspill=innspill, grunn=detalj, aktor=utvikler)
    elif status == Status.SLATT_SAMMEN:
        beholdt = Innspill.objects.get(tittel=detalj)
        services.innspill_slaa_sammen(innspill=innspill, inn_i=beholdt, aktor=utvikler)
    elif status == Status.KONSEPTNOTAT_BESTILT:
        services.innspill_bestill_konseptnotat(
            innspill=innspill, initiativtaker=brukere[detalj], aktor=utvikler
        )


# The smallest valid PDF we need: one empty page. Enough to show a permission-checked download.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def _stort_volum(logg) -> None:
    finnes = set(
        Innspill.objects.filter(
            kanal=Kanal.SAMMENSKAPERVI, ekstern_id__startswith=STORT_PREFIKS
        ).values_list("ekstern_id", flat=True)
    )
    tilfeldig = random.Random(2026)  # same content every run
    maler = [d for d in INNSPILL if d.type == Type.IDE]
    statuser = [Status.NY, Status.UNDER_VURDERING, Status.BESVART, Status.PARKERT]
    nye = []
    for n in range(STORT_ANTALL):
        ekstern_id = f"{STORT_PREFIKS}{n:05d}"
        if ekstern_id in finnes:
            continue
        mal = maler[n % len(maler)]
        status = statuser[n % len(statuser)]
        nye.append(
            Innspill(
                tittel=f"{mal.tittel} ({n})",
                beskrivelse=mal.beskrivelse,
                opphav=tilfeldig.choice([Opphav.INNBYGGERE, Opphav.NAERINGSLIV]),
                kanal=Kanal.SAMMENSKAPERVI,
                status=status,
                parkert_til=date(2027, 6, 1) if status == Status.PARKERT else None,
                offentlig_svar="Takk, vi har sett på forslaget."
                if status == Status.BESVART
                else "",
                ekstern_id=ekstern_id,
            )
        )
    opprettet = Innspill.objects.bulk_create(nye, batch_size=2000)
    StatusEndring.objects.bulk_create(
        [StatusEndring(innspill=i, fra_status=Status.NY, til_status=i.status) for i in opprettet],
        batch_size=2000,
    )
    Innspill.objects.filter(pk__in=[i.pk for i in opprettet]).oppdater_sokevektor()
    logg(f"Samle (stor): {len(opprettet)} nye importerte innspill")


def opprett(*, storrelse: str, logg) -> None:
    User = get_user_model()
    brukere = {
        u.username: u
        for u in User.objects.filter(username__in=["ansatt", "initiativtaker", "utvikler"])
    }
    utvikler = brukere["utvikler"]
    seksjoner = {s.slug: s for s in Seksjon.objects.all()}
    portefoljer = {p.slug: p for p in Portefolje.objects.all()}

    nye = 0
    for demo in INNSPILL:
        innspill, ny = _lag(demo, brukere, seksjoner)
        if not ny:
            continue
        nye += 1
        if demo.seksjoner and demo.seksjoner[0] in portefoljer and demo.triage:
            services.innspill_tildel(
                innspill=innspill,
                seksjoner=list(innspill.seksjoner.all()),
                portefolje=portefoljer[demo.seksjoner[0]],
                aktor=utvikler,
            )
        _triager(innspill, demo, utvikler, brukere)

    # One attachment, to show the permission-checked download.
    forste = Innspill.objects.filter(tittel=INNSPILL[0].tittel).first()
    if forste and not Vedlegg.objects.filter(innspill=forste).exists():
        services.innspill_legg_ved(
            innspill=forste,
            fil=ContentFile(DEMO_PDF, name="skisse-planinnsyn.pdf"),
            filtype="pdf",
        )
    logg(f"Samle: {nye} nye innspill og bestillinger ({len(INNSPILL)} i alt i demoen)")

    if storrelse == "large":
        _stort_volum(logg)
