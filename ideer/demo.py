"""Demo content for Samle: about 40 ideas and orders from every road in, in every status.

Idempotent: each input is looked up by its title; only missing ones are made, and only a newly
made one is moved through triage (through the services, so history and audit trail are real).
`storrelse == "large"` adds 20 000 imported inputs for benchmarks (bulk_create).
"""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from ideer import services
from ideer.models import Innspill, Kanal, Opphav, Status, StatusEndring, Type, Vedlegg
from portefolje import demodata
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
    # What triage has done with it: (status, detail) – detail is an answer, a reason, the days
    # from today a parked input waits (negative: the date has come), the title merged into, or
    # the initiator's username.
    triage: tuple[str, object] | None = None
    # Inputs arrive over months, not on one day: the list page and the start page show it.
    mottatt_dager_siden: int = 0


INNSPILL = [Demo(**d) for d in demodata.les("ideer", "innspill")]


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
            innspill=innspill,
            status=status,
            parkert_til=timezone.localdate() + timedelta(days=detalj),
            aktor=utvikler,
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


def _stort_volum(logg, faktor: int) -> None:
    finnes = set(
        Innspill.objects.filter(
            kanal=Kanal.SAMMENSKAPERVI, ekstern_id__startswith=STORT_PREFIKS
        ).values_list("ekstern_id", flat=True)
    )
    tilfeldig = random.Random(2026)  # same content every run
    maler = [d for d in INNSPILL if d.type == Type.IDE]
    statuser = [Status.NY, Status.UNDER_VURDERING, Status.BESVART, Status.PARKERT]
    nye = []
    for n in range(STORT_ANTALL * faktor):
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
    # COPY on PostgreSQL: the inputs, then their status changes (looked up by external id).
    demodata.masseinnsett(Innspill, nye)
    opprettet = Innspill.objects.filter(
        kanal=Kanal.SAMMENSKAPERVI, ekstern_id__in=[i.ekstern_id for i in nye]
    )
    demodata.masseinnsett(
        StatusEndring,
        [
            StatusEndring(innspill_id=pk, fra_status=Status.NY, til_status=status)
            for pk, status in opprettet.values_list("pk", "status")
        ],
    )
    opprettet.oppdater_sokevektor()
    logg(f"Samle (stor): {len(nye)} nye importerte innspill")


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
        # `opprettet` is set on insert; a demo input is dated back to when it came in.
        Innspill.objects.filter(pk=innspill.pk).update(
            opprettet=timezone.now() - timedelta(days=demo.mottatt_dager_siden, hours=nye % 7)
        )
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

    if faktor := demodata.volumfaktor(storrelse):
        _stort_volum(logg, faktor)
