"""Benchmark volume for KLG's page (`demo_data --size large`): notes awaiting decision with
scores, and a long decision history. Only the missing ones are made."""

from datetime import timedelta
from decimal import Decimal

from konseptnotat.models import Konseptnotat, KonseptnotatVersjon, Status
from velge.models import Agendapunkt, Beslutning, Mote, Utfall, Vurdering

VOLUM_NOTATER = 400
VOLUM_BESLUTNINGER = 2000
PREFIKS = "Volumnotat"


def opprett(klg, kriterier, brukere, idag, faktor: int) -> None:
    """`faktor` times VOLUM_NOTATER notes awaiting decision and VOLUM_BESLUTNINGER decisions."""
    finnes = set(
        Konseptnotat.objects.filter(tittel__startswith=PREFIKS).values_list("tittel", flat=True)
    )
    _ventende(klg, kriterier, brukere, antall=VOLUM_NOTATER * faktor, finnes=finnes)
    _historikk(klg, brukere, idag, antall=VOLUM_BESLUTNINGER * faktor, finnes=finnes)


def _ventende(klg, kriterier, brukere, *, antall: int, finnes: set) -> None:
    """Notes ready for decision, each scored by four members on every criterion."""
    eier = brukere["initiativtaker"]
    medlemmer = [
        brukere[n] for n in ("helseleder", "oppvekstleder", "samfunnsleder", "okonomisjef")
    ]
    ventende = Konseptnotat.objects.bulk_create(
        Konseptnotat(tittel=f"{PREFIKS} {i:04d}", eier=eier, portefolje=klg, status=Status.KLAR)
        for i in range(antall)
        if f"{PREFIKS} {i:04d}" not in finnes
    )
    Vurdering.objects.bulk_create(
        Vurdering(kriterium=k, notat=n, medlem=m, poeng=1 + (n.pk * 7 + k.pk * 3 + m.pk) % 5)
        for n in ventende
        for k in kriterier
        for m in medlemmer
    )


def _historikk(klg, brukere, idag, *, antall: int, finnes: set) -> None:
    """Decided notes on one old meeting's agenda, each with its frozen version and decision."""
    arkiv = Mote.objects.filter(portefolje=klg, tittel="Volummøte").first() or Mote.objects.create(
        portefolje=klg, dato=idag - timedelta(days=400), tittel="Volummøte"
    )
    forste = arkiv.agendapunkter.count()
    besluttede = Konseptnotat.objects.bulk_create(
        Konseptnotat(
            tittel=f"{PREFIKS} B{i:04d}",
            eier=brukere["initiativtaker"],
            portefolje=klg,
            status=Status.BEHANDLET,
        )
        for i in range(antall)
        if f"{PREFIKS} B{i:04d}" not in finnes
    )
    versjoner = KonseptnotatVersjon.objects.bulk_create(
        KonseptnotatVersjon(notat=n, nummer=1, innhold={"tittel": n.tittel}, frosset=True)
        for n in besluttede
    )
    Agendapunkt.objects.bulk_create(
        Agendapunkt(mote=arkiv, notat=n, rekkefolge=forste + i, versjon=v)
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
