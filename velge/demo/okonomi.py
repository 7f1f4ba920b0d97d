"""Demo frames for KLG and Helse og omsorg, and two saved scenarios for KLG."""

from decimal import Decimal

from konseptnotat import arsbelop
from konseptnotat.models import Konseptnotat, Status
from velge import services
from velge.models import Ramme


def opprett(portefoljer, idag, logg) -> None:
    """Frames at about half of what the waiting notes need next year, so the line falls inside
    the ranking; KLG's scenarios. A portfolio that has frames, or scenarios, is left alone."""
    ar = arsbelop.planar(idag)
    for portefolje in portefoljer.values():
        if not Ramme.objects.filter(portefolje=portefolje).exists():
            _rammer(portefolje, ar)
    klg = portefoljer["klg"]
    if not klg.scenarioer.exists():
        _scenarioer(klg)
        logg("Velge: rammer for KLG og Helse og omsorg, to scenarioer for KLG")


def _behov_neste_ar(portefolje, ar) -> dict:
    """What the portfolio's notes awaiting decision need in the first plan year after this."""
    behov = {"investering": 0, "drift": 0, "personmaneder": 0}
    for notat in Konseptnotat.objects.filter(portefolje=portefolje, status=Status.KLAR):
        for rad in notat.arsbelop or []:
            if rad["ar"] == ar[1]:
                for d in behov:
                    behov[d] += rad.get(d) or 0
    return behov


def _rammer(portefolje, ar) -> None:
    behov = _behov_neste_ar(portefolje, ar)
    for a in ar:
        Ramme.objects.create(
            portefolje=portefolje,
            ar=a,
            investering=Decimal(round(behov["investering"] * 0.55, -5)),
            drift=Decimal(round(max(behov["drift"], 100_000) * 1.5, -4)),
            personmaneder=Decimal(str(round(max(behov["personmaneder"], 1) * 0.8, 1))),
        )


def _scenarioer(klg) -> None:
    kriterier = list(klg.kriterier.filter(aktiv=True))
    rammer = {
        r.ar: {"investering": r.investering, "drift": r.drift, "personmaneder": r.personmaneder}
        for r in Ramme.objects.filter(portefolje=klg)
    }
    strammere = {
        a: {**v, "investering": int(v["investering"] * Decimal("0.6"))} for a, v in rammer.items()
    }
    services.scenario_lagre(
        portefolje=klg,
        aktor=klg.leder,
        navn="Stram investeringsramme",
        beskrivelse="Investeringsrammen kuttet med 40 % i alle år, som i rådmannens forslag.",
        rammer=strammere,
    )
    services.scenario_lagre(
        portefolje=klg,
        aktor=klg.leder,
        navn="Gevinst først",
        beskrivelse="Det første kriteriet veier dobbelt; dagens rammer.",
        vekter={k.pk: k.vekt * (2 if i == 0 else 1) for i, k in enumerate(kriterier)},
        rammer=rammer,
    )
