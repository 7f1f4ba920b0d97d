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
from portefolje import demodata
from portefolje.models import Portefolje, Seksjon

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


NOTATER = [DemoNotat(**d) for d in demodata.les("konseptnotat", "notater")]

INNSPILL_TEKST = demodata.les("konseptnotat", "innspill_tekst")


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
    if faktor := demodata.volumfaktor(storrelse):
        _opprett_mange(brukere, seksjoner, portefoljer, logg, faktor)


def _opprett_mange(brukere, seksjoner, portefoljer, logg, faktor: int):
    """LARGE_ANTALL × `faktor` plain notes; only the missing ones are made (idempotent)."""
    finnes = set(
        Konseptnotat.objects.filter(tittel__startswith=LARGE_PREFIKS).values_list(
            "tittel", flat=True
        )
    )
    statuser = [Status.UTKAST, Status.INNSENDT, Status.TIL_REVISJON, Status.KLAR, Status.BEHANDLET]
    eiere = [brukere["initiativtaker"], brukere["ansatt"]]
    seksjonsliste = list(seksjoner.values())
    notater = []
    for i in range(LARGE_ANTALL * faktor):
        if f"{LARGE_PREFIKS} {i + 1:05d}" in finnes:
            continue
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
