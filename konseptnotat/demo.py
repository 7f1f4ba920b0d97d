"""Demo concept notes for Øvre Eiker: about 15 notes in every state, some from demo inputs.

Idempotent: notes are looked up by title, inputs by title; a second run changes no row.
`storrelse == "large"` adds a few thousand plain notes for the benchmarks (bulk_create).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model

from ideer.models import Innspill, Kanal, Opphav
from ideer.models import Status as InnspillStatus
from konseptnotat import services
from konseptnotat.mal import INNHOLDSFELTER
from konseptnotat.models import Konseptnotat, KonseptnotatVersjon, Status
from portefolje.models import Portefolje, Seksjon
from portefolje.models.organisasjon import KLG_SLUG

LARGE_ANTALL = 3000
LARGE_PREFIKS = "Ytelsestest: konseptnotat"


@dataclass
class DemoNotat:
    tittel: str
    status: str
    eier: str
    seksjon: str
    bakgrunn: str
    mal: str
    gevinst: str
    investering: int | None
    drift: int | None
    timer: int | None
    berorte: tuple[str, ...] = ()
    innspill: str = ""  # the title of a demo input to start from
    portefolje: str = ""  # for klar/behandlet
    medforfattere: tuple[str, ...] = ()
    kommentarer: tuple[tuple[str, str], ...] = ()  # (section key, text) from the guide
    revisjon: str = ""  # the development team's comment when sent back
    ekstra: dict = field(default_factory=dict)


NOTATER = [
    DemoNotat(
        "Velferdsteknologi: digitalt tilsyn på natt",
        Status.KLAR,
        "initiativtaker",
        "helse-og-omsorg",
        "Hjemmetjenesten gjør i dag rundt 60 nattlige tilsynsbesøk som ofte vekker brukeren. "
        "Mange av besøkene kunne vært erstattet av sensorer og kamera med samtykke.",
        "Halvere antall fysiske nattbesøk innen to år, uten flere uønskede hendelser.",
        "Færre kjørte kilometer og frigjort tid for nattevaktene; bedre søvn for brukerne.",
        900_000,
        250_000,
        600,
        innspill="Digitalt tilsyn om natten i hjemmetjenesten",
        portefolje="helse-og-omsorg",
        kommentarer=(("gevinster", "Kan du anslå hvor mange timer per uke som frigjøres?"),),
    ),
    DemoNotat(
        "Felles system for rusomsorg og psykisk helse",
        Status.KLAR,
        "initiativtaker",
        "helse-og-omsorg",
        "Rus- og psykiatritjenesten bruker tre ulike fagsystemer, og journalinformasjon må "
        "overføres manuelt mellom dem.",
        "Ett fagsystem for hele tjenesten i løpet av 2027.",
        "Mindre dobbeltregistrering og tryggere overganger for brukerne.",
        1_500_000,
        300_000,
        1200,
        portefolje="helse-og-omsorg",
    ),
    DemoNotat(
        "Ny skoleadministrasjon for grunnskolene",
        Status.KLAR,
        "initiativtaker",
        "oppvekst-og-kultur",
        "Dagens skoleadministrative system går ut av support i 2027. Alle 12 grunnskoler og "
        "SFO berøres, og økonomi må tilpasse fakturering.",
        "Et nytt system i drift før skolestart høsten 2027.",
        "Sikker drift, enklere kommunikasjon med foresatte og mindre manuell fakturering.",
        4_000_000,
        800_000,
        3000,
        berorte=("organisasjon-og-okonomi",),
        portefolje=KLG_SLUG,
        medforfattere=("ansatt",),
    ),
    DemoNotat(
        "Digital byggesaksbehandling med eByggesak",
        Status.KLAR,
        "ansatt",
        "samfunnsutvikling",
        "Byggesaker kommer i dag delvis på papir, og saksbehandlingstiden er i snitt 9 uker.",
        "Alle byggesøknader digitalt, og snittid under 5 uker.",
        "Raskere svar til innbyggere og næringsliv, og mindre skanning.",
        2_500_000,
        400_000,
        1500,
        portefolje=KLG_SLUG,
        innspill="Søke byggetillatelse digitalt",
    ),
    DemoNotat(
        "Rekrutteringskampanje for sykepleiere",
        Status.INNSENDT,
        "initiativtaker",
        "helse-og-omsorg",
        "Kommunen har 14 ubesatte sykepleierstillinger, og bruken av vikarbyrå øker.",
        "Redusere vikarbruken med 30 prosent innen utgangen av 2027.",
        "Lavere kostnader til vikarbyrå og mer stabile tjenester.",
        300_000,
        0,
        400,
        innspill="Heltidskultur og rekruttering av sykepleiere",
    ),
    DemoNotat(
        "Bookingløsning for kommunale lokaler",
        Status.INNSENDT,
        "ansatt",
        "oppvekst-og-kultur",
        "Utleie av gymsaler og møterom skjer på e-post og telefon, og dobbeltbookinger skjer "
        "flere ganger i måneden.",
        "Innbyggere og lag booker selv på nett.",
        "Mindre merkantil tid og bedre utnyttelse av lokalene.",
        150_000,
        60_000,
        200,
    ),
    DemoNotat(
        "Automatisert fakturakontroll",
        Status.INNSENDT,
        "initiativtaker",
        "organisasjon-og-okonomi",
        "Regnskap kontrollerer 40 000 inngående fakturaer i året manuelt.",
        "Automatisk kontroll av 70 prosent av fakturaene.",
        "Om lag ett årsverk frigjort til analyse.",
        500_000,
        120_000,
        700,
        kommentarer=(("risiko", "Husk risikoen ved feil i leverandørregisteret."),),
    ),
    DemoNotat(
        "Kartlegging av overvannshåndtering",
        Status.TIL_REVISJON,
        "ansatt",
        "samfunnsutvikling",
        "Kraftig nedbør har gitt oversvømmelser i Hokksund sentrum tre ganger siden 2023.",
        "En samlet plan for overvann i sentrumsområdene.",
        "Færre skader på eiendom og infrastruktur.",
        800_000,
        50_000,
        900,
        revisjon="Alternativene mangler nullalternativet, og tidsplanen er svært grov.",
    ),
    DemoNotat(
        "Ungdomsråd på nett",
        Status.TIL_REVISJON,
        "initiativtaker",
        "oppvekst-og-kultur",
        "Ungdomsrådet møtes sjelden, og mange unge deltar ikke i høringer.",
        "Flere unge deltar i kommunens høringer.",
        "Bedre beslutninger gjennom medvirkning.",
        80_000,
        20_000,
        150,
        revisjon="Beskriv gjerne hvordan gevinsten skal måles.",
        kommentarer=(("gevinster", "Hvordan vil dere måle økt deltakelse?"),),
    ),
    DemoNotat(
        "Elektronisk medisinstell på sykehjem",
        Status.UTKAST,
        "initiativtaker",
        "helse-og-omsorg",
        "Medisinstell på sykehjemmene dokumenteres på papir, og avvik oppdages sent.",
        "Elektronisk medisinstell på alle sykehjem.",
        "Færre legemiddelavvik.",
        None,
        None,
        None,
        innspill="Elektronisk medisinstell",
        kommentarer=(("kostnader", "Vi kan hjelpe deg med kostnadsanslaget – ta kontakt."),),
    ),
    DemoNotat(
        "Gjenbruk av IKT-utstyr",
        Status.UTKAST,
        "ansatt",
        "organisasjon-og-okonomi",
        "Brukte PC-er og telefoner kastes, selv om mange kunne vært brukt videre i skolene.",
        "",
        "",
        None,
        None,
        None,
    ),
    DemoNotat(
        "Ladeinfrastruktur for kommunens biler",
        Status.UTKAST,
        "initiativtaker",
        "samfunnsutvikling",
        "Kommunen skal elektrifisere bilparken innen 2028, men har for få ladepunkter.",
        "Ladepunkter ved alle kommunale tjenestebygg.",
        "Lavere drivstoffkostnader og utslipp.",
        1_200_000,
        90_000,
        300,
        berorte=("helse-og-omsorg", "organisasjon-og-okonomi"),
    ),
    DemoNotat(
        "Trygghetsalarmer med mobil oppfølging",
        Status.BEHANDLET,
        "initiativtaker",
        "helse-og-omsorg",
        "De analoge trygghetsalarmene fases ut når telenettet legges om.",
        "Alle brukere har digitale trygghetsalarmer.",
        "Sikrere varsling og færre falske alarmer.",
        600_000,
        200_000,
        500,
        portefolje="helse-og-omsorg",
    ),
    DemoNotat(
        "Felles kundesenter (servicetorg)",
        Status.BEHANDLET,
        "ansatt",
        "organisasjon-og-okonomi",
        "Innbyggere blir satt over mellom mange avdelinger før de får svar.",
        "Åtte av ti henvendelser løses i første kontakt.",
        "Bedre service og mindre avbrytelser i fagavdelingene.",
        3_500_000,
        1_000_000,
        4000,
        berorte=("helse-og-omsorg", "oppvekst-og-kultur", "samfunnsutvikling"),
        portefolje=KLG_SLUG,
    ),
    DemoNotat(
        "Digitale skjema for søknad om SFO-plass",
        Status.INNSENDT,
        "ansatt",
        "oppvekst-og-kultur",
        "Søknad om SFO-plass skjer på papir, og opptaket tar uker å registrere.",
        "Alle søknader digitalt fra opptaket 2027.",
        "Raskere svar til foresatte.",
        100_000,
        30_000,
        120,
        innspill="Digital søknad om SFO-plass",
    ),
]

INNSPILL_TEKST = {
    "Digitalt tilsyn om natten i hjemmetjenesten": (
        "Nattlige tilsyn vekker brukerne og binder opp nattevaktene.",
        "Sensorer eller kamera med samtykke i stedet for fysiske tilsyn der det passer.",
        "Bedre søvn for brukerne og frigjort tid i hjemmetjenesten.",
        "helse-og-omsorg",
    ),
    "Søke byggetillatelse digitalt": (
        "Det er tungvint å søke byggetillatelse; papir og PDF-er må sendes på e-post.",
        "En digital søknadsløsning som henter data fra kartet.",
        "Kortere saksbehandlingstid.",
        "samfunnsutvikling",
    ),
    "Heltidskultur og rekruttering av sykepleiere": (
        "Mange deltidsstillinger gjør det vanskelig å rekruttere sykepleiere.",
        "En målrettet kampanje og flere hele stillinger.",
        "Mindre vikarbruk.",
        "helse-og-omsorg",
    ),
    "Elektronisk medisinstell": (
        "Papirbasert medisinstell gir avvik som oppdages for sent.",
        "Elektronisk medisinstell koblet til fagsystemet.",
        "Færre legemiddelavvik.",
        "helse-og-omsorg",
    ),
    "Digital søknad om SFO-plass": (
        "Foresatte må levere papirskjema for å søke SFO-plass.",
        "Et digitalt skjema koblet til skoleadministrasjonen.",
        "Raskere opptak.",
        "oppvekst-og-kultur",
    ),
}


def _innspill(tittel, brukere, seksjoner):
    funnet = Innspill.objects.filter(tittel=tittel).order_by("pk").first()
    if funnet is not None:
        return funnet
    behov, forslag, gevinst, seksjon = INNSPILL_TEKST[tittel]
    innspill = Innspill.objects.create(
        tittel=tittel,
        beskrivelse=behov,
        losningsforslag=forslag,
        forventet_gevinst=gevinst,
        opphav=Opphav.MEDARBEIDERE,
        kanal=Kanal.PORTAL,
        innsender=brukere["initiativtaker"],
        initiativtaker=brukere["initiativtaker"],
        status=InnspillStatus.KONSEPTNOTAT_BESTILT,
    )
    innspill.seksjoner.add(seksjoner[seksjon])
    return innspill


def _data(spec: DemoNotat, seksjoner, *, komplett: bool) -> dict:
    data = {
        "tittel": spec.tittel,
        "seksjon": seksjoner[spec.seksjon],
        "bakgrunn_og_behov": spec.bakgrunn,
        "mal": spec.mal,
        "forventede_gevinster": spec.gevinst,
        "gevinst_tid_spart": True,
        "gevinst_kvalitativ": True,
        "gevinst_okonomisk": bool(spec.investering and spec.investering > 500_000),
        "investering": Decimal(spec.investering) if spec.investering is not None else None,
        "arlig_driftskostnad": Decimal(spec.drift) if spec.drift is not None else None,
        "interne_timer": spec.timer,
        "berorte_seksjoner": [seksjoner[s] for s in (spec.seksjon, *spec.berorte)],
    }
    if komplett:
        data.update(
            {
                "alternativer": "Nullalternativet: fortsette som i dag, med økende kostnader. "
                "Alternativ 2: kjøpe en ferdig løsning sammen med nabokommunene.",
                "kostnader": "Anslaget bygger på tilbud fra to leverandører og erfaringer fra "
                "Drammen og Kongsberg.",
                "risiko": "Forsinket leveranse og for lite tid til opplæring. Tiltak: "
                "prosjektleder i 50 prosent stilling og superbrukere i hver enhet.",
                "forankring": "Kommuneplanens samfunnsdel 2023–2035 og digitaliseringsstrategien.",
                "interessenter": "Ansatte i tjenesten, tillitsvalgte, brukere og pårørende.",
                "avhengigheter": "Avhenger av ny nettverksløsning i kommunens bygg.",
                "tidsplan": "Anskaffelse våren 2027, innføring høsten 2027, gevinster fra 2028.",
            }
        )
    return data


def _opprett_notat(spec: DemoNotat, brukere, seksjoner, portefoljer):
    eier = brukere[spec.eier]
    utvikler = brukere["utvikler"]
    innspill = [_innspill(spec.innspill, brukere, seksjoner)] if spec.innspill else []
    # Version 1: a first draft with the background only; version 2: the full text.
    forste = _data(spec, seksjoner, komplett=False)
    forste.update({"mal": "", "forventede_gevinster": "", "investering": None})
    notat = services.notat_opprett(
        eier=eier,
        data=forste,
        innspill=innspill,
        medforfattere=[brukere[m] for m in spec.medforfattere],
    )
    services.notat_sett_veileder(notat=notat, veileder=utvikler, aktor=utvikler)
    komplett = spec.status != Status.UTKAST or spec.investering is not None
    notat = services.notat_lagre(
        notat=notat,
        data=_data(spec, seksjoner, komplett=komplett),
        fra_versjon=notat.versjon,
        aktor=eier,
    )
    for nokkel, tekst in spec.kommentarer:
        services.kommentar_opprett(notat=notat, seksjon=nokkel, tekst=tekst, aktor=utvikler)
    if spec.status == Status.UTKAST:
        return
    services.notat_send_inn(notat=notat, aktor=eier)
    if spec.status == Status.INNSENDT:
        return
    if spec.status == Status.TIL_REVISJON:
        services.notat_send_til_revisjon(notat=notat, aktor=utvikler, kommentar=spec.revisjon)
        return
    services.notat_merk_klar(notat=notat, portefolje=portefoljer[spec.portefolje], aktor=utvikler)
    if spec.status == Status.BEHANDLET:
        services.versjon_frys(notat=notat, aktor=utvikler)
        services.notat_sett_behandlet(notat=notat, aktor=brukere["klg"])


def opprett(*, storrelse: str, logg) -> None:
    User = get_user_model()
    brukere = {
        u.username: u
        for u in User.objects.filter(username__in=["initiativtaker", "ansatt", "utvikler", "klg"])
    }
    seksjoner = {s.slug: s for s in Seksjon.objects.all()}
    portefoljer = {p.slug: p for p in Portefolje.objects.all()}
    finnes = set(
        Konseptnotat.objects.filter(tittel__in=[n.tittel for n in NOTATER]).values_list(
            "tittel", flat=True
        )
    )
    nye = 0
    for spec in NOTATER:
        if spec.tittel not in finnes:
            _opprett_notat(spec, brukere, seksjoner, portefoljer)
            nye += 1
    logg(f"Konseptnotater: {len(NOTATER)} demonotater ({nye} nye)")
    if storrelse == "large":
        _opprett_mange(brukere, seksjoner, portefoljer, logg)


def _opprett_mange(brukere, seksjoner, portefoljer, logg):
    if Konseptnotat.objects.filter(tittel__startswith=LARGE_PREFIKS).exists():
        logg("Konseptnotater: ytelsestestnotatene finnes alt")
        return
    statuser = [Status.UTKAST, Status.INNSENDT, Status.TIL_REVISJON, Status.KLAR, Status.BEHANDLET]
    eiere = [brukere["initiativtaker"], brukere["ansatt"]]
    seksjonsliste = list(seksjoner.values())
    notater = []
    for i in range(LARGE_ANTALL):
        status = statuser[i % len(statuser)]
        seksjon = seksjonsliste[i % len(seksjonsliste)]
        notater.append(
            Konseptnotat(
                tittel=f"{LARGE_PREFIKS} {i + 1:05d}",
                eier=eiere[i % 2],
                veileder=brukere["utvikler"],
                seksjon=seksjon,
                portefolje=portefoljer.get(seksjon.slug)
                if status in (Status.KLAR, Status.BEHANDLET)
                else None,
                status=status,
                bakgrunn_og_behov=f"Behov nummer {i + 1} i {seksjon.navn}.",
                mal="Bedre tjenester.",
                investering=Decimal(100_000 + (i % 40) * 50_000),
                arlig_driftskostnad=Decimal(20_000),
                interne_timer=100,
            )
        )
    notater = Konseptnotat.objects.bulk_create(notater, batch_size=1000)
    KonseptnotatVersjon.objects.bulk_create(
        [
            KonseptnotatVersjon(
                notat=n,
                nummer=1,
                lagret_av=n.eier,
                innhold={
                    f: [] if f == "berorte_seksjoner" else services._som_json(getattr(n, f))
                    for f in INNHOLDSFELTER
                },
            )
            for n in notater
        ],
        batch_size=1000,
    )
    logg(f"Konseptnotater: {len(notater)} ytelsestestnotater")
