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
from konseptnotat import arsbelop
from konseptnotat.models import Konseptnotat, KonseptnotatVersjon, Status
from portefolje import demodata
from portefolje.models import Portefolje
from velge import demo_arshjul, services, services_okonomi
from velge.models import Agendapunkt, Beslutning, Kriterium, Mote, Ramme, Utfall, Vurdering

# (name, description, weight, direction, anchors 1–5)
KRITERIER = demodata.les("velge", "kriterier")

PORTEFOLJER = ["klg", "helse-og-omsorg"]

# Concept notes: title -> (portfolio, investment, yearly cost, background, goals)
NOTATER = demodata.les("velge", "notater")

# Order imposed by political decision, behind the archive note: only KLG could reject it.
IKKE_KLART_PA_AGENDAEN = (1, "Rekrutteringskampanje for sykepleiere")  # (meeting, note)
PALAGT_INNSPILL = "Vedtak om ny sak- og arkivløsning (PS 41/26)"

# (portfolio, days from today, title)
MOTER = demodata.les("velge", "moter")

# A member's scores on the six criteria, in the order above.
S = demodata.les("velge", "poeng")

# (meeting index, note, [(member, scores)], decision or None, rationale)
SAKER = demodata.les("velge", "saker")


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
            "arsbelop": _arsbelop(tittel, investering, drift),
        },
    )
    if ny:
        notat.innsendt = timezone.now()
        notat.save(update_fields=["innsendt"])
    return notat


# A note whose authors have not given costs per year: the pages show «cost unknown».
UTEN_ARSBELOP = "Felles kalender for dagsentrene"


def _arsbelop(tittel, investering, drift):
    """Costs per year: the investment next year, running cost from then on, and internal
    capacity (person-months) from the hours, mostly in the first year."""
    if tittel == UTEN_ARSBELOP:
        return None
    ar = arsbelop.planar()
    pm = round(investering / 2000 / 150, 1)
    return arsbelop.normaliser(
        [
            {"ar": ar[1], "investering": investering, "drift": drift // 2, "personmaneder": pm},
            {"ar": ar[2], "investering": 0, "drift": drift, "personmaneder": round(pm / 3, 1)},
            {"ar": ar[3], "investering": 0, "drift": drift, "personmaneder": 0},
        ]
    )


def _rammer_og_scenarioer(portefoljer, idag, logg) -> None:
    """Frames for KLG and Helse og omsorg at about half of what the waiting notes need next
    year, so the line falls inside the ranking; two saved scenarios for KLG."""
    ar = arsbelop.planar(idag)
    for portefolje in portefoljer.values():
        if Ramme.objects.filter(portefolje=portefolje).exists():
            continue
        behov = {"investering": 0, "drift": 0, "personmaneder": 0}
        for notat in Konseptnotat.objects.filter(portefolje=portefolje, status=Status.KLAR):
            for rad in notat.arsbelop or []:
                if rad["ar"] == ar[1]:
                    for d in behov:
                        behov[d] += rad.get(d) or 0
        for a in ar:
            Ramme.objects.create(
                portefolje=portefolje,
                ar=a,
                investering=Decimal(round(behov["investering"] * 0.55, -5)),
                drift=Decimal(round(max(behov["drift"], 100_000) * 1.5, -4)),
                personmaneder=Decimal(str(round(max(behov["personmaneder"], 1) * 0.8, 1))),
            )
    klg = portefoljer["klg"]
    if klg.scenarioer.exists():
        return
    leder = klg.leder
    kriterier = list(klg.kriterier.filter(aktiv=True))
    rammer = {
        r.ar: {"investering": r.investering, "drift": r.drift, "personmaneder": r.personmaneder}
        for r in Ramme.objects.filter(portefolje=klg)
    }
    strammere = {
        a: {**v, "investering": int(v["investering"] * Decimal("0.6"))} for a, v in rammer.items()
    }
    services_okonomi.scenario_lagre(
        portefolje=klg,
        aktor=leder,
        navn="Stram investeringsramme",
        beskrivelse="Investeringsrammen kuttet med 40 % i alle år, som i rådmannens forslag.",
        rammer=strammere,
    )
    services_okonomi.scenario_lagre(
        portefolje=klg,
        aktor=leder,
        navn="Gevinst først",
        beskrivelse="Det første kriteriet veier dobbelt; dagens rammer.",
        vekter={k.pk: k.vekt * (2 if i == 0 else 1) for i, k in enumerate(kriterier)},
        rammer=rammer,
    )
    logg("Velge: rammer for KLG og Helse og omsorg, to scenarioer for KLG")


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
    # The secretary put a note on the coming meeting's agenda before it was ready: the reminders
    # ask its owner to finish it.
    mote_nr, tittel = IKKE_KLART_PA_AGENDAEN
    for notat in Konseptnotat.objects.filter(tittel=tittel).exclude(status=Status.KLAR):
        Agendapunkt.objects.get_or_create(
            mote=moter[mote_nr], notat=notat, defaults={"rekkefolge": len(SAKER)}
        )
    _rammer_og_scenarioer(portefoljer, idag, logg)
    if faktor := demodata.volumfaktor(storrelse):
        _volum(portefoljer["klg"], kriterier["klg"], brukere, idag, faktor)
    demo_arshjul.opprett(logg=logg)
    logg(
        f"Velge: {sum(len(k) for k in kriterier.values())} kriterier, {len(moter)} møter, "
        f"{antall_beslutninger} nye beslutninger"
    )


VOLUM_NOTATER = 400
VOLUM_BESLUTNINGER = 2000


def _volum(klg, kriterier, brukere, idag, faktor: int) -> None:
    """Benchmark volume for KLG's page: notes awaiting decision with scores, and a long history.

    `faktor` times VOLUM_NOTATER and VOLUM_BESLUTNINGER; only the missing ones are made.
    """
    prefiks = "Volumnotat"
    finnes = set(
        Konseptnotat.objects.filter(tittel__startswith=prefiks).values_list("tittel", flat=True)
    )
    eier = brukere["initiativtaker"]
    medlemmer = [
        brukere[n] for n in ("helseleder", "oppvekstleder", "samfunnsleder", "okonomisjef")
    ]
    ventende = Konseptnotat.objects.bulk_create(
        Konseptnotat(tittel=f"{prefiks} {i:04d}", eier=eier, portefolje=klg, status=Status.KLAR)
        for i in range(VOLUM_NOTATER * faktor)
        if f"{prefiks} {i:04d}" not in finnes
    )
    Vurdering.objects.bulk_create(
        Vurdering(kriterium=k, notat=n, medlem=m, poeng=1 + (n.pk * 7 + k.pk * 3 + m.pk) % 5)
        for n in ventende
        for k in kriterier
        for m in medlemmer
    )
    arkiv = Mote.objects.filter(portefolje=klg, tittel="Volummøte").first() or Mote.objects.create(
        portefolje=klg, dato=idag - timedelta(days=400), tittel="Volummøte"
    )
    forste = arkiv.agendapunkter.count()
    besluttede = Konseptnotat.objects.bulk_create(
        Konseptnotat(
            tittel=f"{prefiks} B{i:04d}", eier=eier, portefolje=klg, status=Status.BEHANDLET
        )
        for i in range(VOLUM_BESLUTNINGER * faktor)
        if f"{prefiks} B{i:04d}" not in finnes
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
