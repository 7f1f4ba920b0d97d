"""Demo criteria, concept notes and meetings: a past meeting with scores and decisions, and
upcoming meetings with notes waiting for scores from `klg` and `helseleder`.

Everything goes through the Velge services, as in a real meeting; the words are in
velge/demodata/*.json.
"""

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from ideer.models import Innspill, Kanal, Opphav, Type
from konseptnotat import arsbelop
from konseptnotat.models import Konseptnotat, Status
from portefolje import demodata
from velge import selectors, services
from velge.demo import habilitet
from velge.models import Agendapunkt, Akse, Beslutning, Kriterium, Mote, Utfall, Vurdering

# (name, description, weight, direction, anchors 1–5)
KRITERIER = demodata.les("velge", "kriterier")

# Concept notes: title -> (portfolio, investment, yearly cost, background, goals); the fields
# every demo note shares are in `notatmal`.
NOTATER = demodata.les("velge", "notater")
NOTATMAL = demodata.les("velge", "notatmal")

# An order imposed by political decision, behind the archive note: only KLG could reject it.
PALAGT = demodata.les("velge", "palagt")

# A note on the coming meeting's agenda that is not ready: (meeting, note).
IKKE_KLART_PA_AGENDAEN = (1, "Rekrutteringskampanje for sykepleiere")

# (portfolio, days from today, title)
MOTER = demodata.les("velge", "moter")

# A member's scores on the six criteria, in the order above.
S = demodata.les("velge", "poeng")

# (meeting index, note, [(member, scores)], decision or None, rationale)
SAKER = demodata.les("velge", "saker")


# The portfolio matrix: risk and cost make the feasibility axis, the benefits and need the value.
GJENNOMFORBARHET = {"Risiko og gjennomførbarhet", "Kostnad"}


def kriterier_opprett(portefolje) -> list[Kriterium]:
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
                "akse": Akse.GJENNOMFORBARHET if navn in GJENNOMFORBARHET else Akse.VERDI,
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
            **NOTATMAL,
            "eier": eier,
            "seksjon": seksjon if slug != "klg" else None,
            "portefolje": portefoljer[slug],
            "status": Status.KLAR,
            "bakgrunn_og_behov": bakgrunn,
            "mal": mal,
            "gevinst_kvalitativ": True,
            "gevinst_okonomisk": investering > 1_000_000,
            "investering": Decimal(investering),
            "arlig_driftskostnad": Decimal(drift),
            "interne_timer": investering // 2000,
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


def moter_opprett(portefoljer, idag) -> list[Mote]:
    """The demo's meetings, past and coming, dated from today."""
    return [
        Mote.objects.get_or_create(
            portefolje=portefoljer[slug],
            tittel=tittel,
            defaults={"dato": idag + timedelta(days=dager), "sted": "Rådhuset, Hokksund"},
        )[0]
        for slug, dager, tittel in MOTER
    ]


def _palagt_innspill(klg) -> Innspill:
    innspill, _ = Innspill.objects.get_or_create(
        tittel=PALAGT["tittel"],
        defaults={
            "type": Type.BESTILLING,
            "beskrivelse": PALAGT["beskrivelse"],
            "opphav": Opphav.POLITISK,
            "kanal": Kanal.VEDTAK,
            "referanse": PALAGT["referanse"],
            "palagt": True,
            "portefolje": klg,
        },
    )
    return innspill


def saker_opprett(*, moter, portefoljer, kriterier, brukere, idag) -> int:
    """Each case of SAKER on its meeting's agenda, scored, and decided where it says so.
    Returns how many decisions were made now."""
    innspill = _palagt_innspill(portefoljer["klg"])
    seksjon = portefoljer["helse-og-omsorg"].seksjon
    antall_beslutninger = 0
    for mote_nr, tittel, vurderinger, utfall, begrunnelse in SAKER:
        mote = moter[mote_nr]
        notat = _notat(tittel, portefoljer, brukere["initiativtaker"], seksjon)
        if tittel == PALAGT["notat"]:
            notat.innspill.add(innspill)
        if notat.status != Status.KLAR or notat.portefolje_id != mote.portefolje_id:
            continue  # decided or moved on an earlier run
        if not Agendapunkt.objects.filter(mote=mote, notat=notat).exists():
            services.agenda_legg_til(mote=mote, notat=notat, aktor=brukere["utvikler"])
        habilitet.erklaer(mote=mote, notat=notat, brukere=brukere)
        _vurder(mote, notat, vurderinger, kriterier[mote.portefolje.slug], brukere)
        if utfall and not Beslutning.objects.filter(mote=mote, notat=notat).exists():
            _beslutt(mote, notat, utfall, begrunnelse, idag, nummer=antall_beslutninger)
            antall_beslutninger += 1
    return antall_beslutninger


def _vurder(mote, notat, vurderinger, kriterier, brukere) -> None:
    """The members' scores by profile (`S`); a member who has scored, or is disqualified on the
    note (its owner, say), is left alone."""
    for brukernavn, profil in vurderinger:
        medlem = brukere[brukernavn]
        if Vurdering.objects.filter(medlem=medlem, notat=notat).exists() or selectors.er_inhabil(
            bruker=medlem, notat=notat
        ):
            continue
        services.vurdering_lagre(
            mote=mote,
            notat=notat,
            medlem=medlem,
            poeng={k.pk: (p, "") for k, p in zip(kriterier, S[profil], strict=True)},
        )


def _beslutt(mote, notat, utfall, begrunnelse, idag, *, nummer: int) -> None:
    beslutning = services.beslutning_fatt(
        mote=mote,
        notat=notat,
        utfall=utfall,
        begrunnelse=begrunnelse,
        aktor=mote.portefolje.leder,
        parkert_til=idag + timedelta(days=120) if utfall == Utfall.PARKERT else None,
        under_kvorum_grunn=habilitet.under_kvorum_grunn(mote=mote, notat=notat),
    )
    if mote.dato < idag:
        # Demo only: date the decision to its meeting, as if it had been made there.
        Beslutning.objects.filter(pk=beslutning.pk).update(
            besluttet=timezone.make_aware(datetime.combine(mote.dato, time(hour=10, minute=nummer)))
        )


def ikke_klart_pa_agendaen(moter) -> None:
    """The secretary put a note on the coming meeting's agenda before it was ready: the
    reminders ask its owner to finish it."""
    mote_nr, tittel = IKKE_KLART_PA_AGENDAEN
    for notat in Konseptnotat.objects.filter(tittel=tittel).exclude(status=Status.KLAR):
        Agendapunkt.objects.get_or_create(
            mote=moter[mote_nr], notat=notat, defaults={"rekkefolge": len(SAKER)}
        )
