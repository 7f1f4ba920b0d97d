"""Demo årshjul for KLG and Helse og omsorg: this year's cycle around the Velge demo's coming
meeting (its deadline for notes inside the reminder window, so `send_reminders` has something
to say), and next year's full cycle with named points. Made through the service, as the chair
would; idempotent (a year that has a cycle is left alone)."""

from datetime import date, timedelta

from django.utils import timezone

from portefolje import demodata
from portefolje.models import Portefolje
from velge.models import FASTE_PUNKTER, Arshjul, Mote
from velge.services.arshjul import arshjul_lagre, arshjulpunkt_legg_til

ARSHJUL = demodata.les("velge", "arshjul")


def _dag(ar: int, mm_dd: str) -> date:
    maned, dag = (int(x) for x in mm_dd.split("-"))
    return date(ar, maned, dag)


def opprett(*, logg) -> None:
    idag = timezone.localdate()
    nye = 0
    for slug, oppsett in ARSHJUL["i_ar"].items():
        portefolje = Portefolje.objects.filter(slug=slug).first()
        if portefolje is None or portefolje.leder is None:
            continue
        mote = (
            Mote.objects.filter(portefolje=portefolje, dato__gt=idag, agendapunkter__isnull=False)
            .order_by("dato")
            .first()
        )
        if (
            mote is not None
            and not Arshjul.objects.filter(portefolje=portefolje, ar=mote.dato.year).exists()
        ):
            ar = mote.dato.year
            datoer = {
                "notatfrist": mote.dato - timedelta(days=oppsett["notatfrist_dager_for_mote"]),
                "vurderingsmote": mote.dato,
                "beslutningsmote": mote.dato,
                "budsjettforslag": mote.dato
                + timedelta(days=oppsett["budsjettforslag_dager_etter_mote"]),
            }
            # Near new year a date may fall outside the year: then it is simply not set.
            datoer = {k: (d if d.year == ar else None) for k, d in datoer.items()}
            arshjul_lagre(
                portefolje=portefolje, ar=ar, datoer=datoer, versjon=0, aktor=portefolje.leder
            )
            nye += 1
        neste = idag.year + 1
        plan = ARSHJUL["neste_ar"][slug]
        if not Arshjul.objects.filter(portefolje=portefolje, ar=neste).exists():
            arshjul_lagre(
                portefolje=portefolje,
                ar=neste,
                datoer={felt: _dag(neste, plan[felt]) for felt, _navn in FASTE_PUNKTER},
                versjon=0,
                aktor=portefolje.leder,
            )
            for navn, mm_dd in plan["punkter"]:
                arshjulpunkt_legg_til(
                    portefolje=portefolje,
                    ar=neste,
                    navn=navn,
                    dato=_dag(neste, mm_dd),
                    aktor=portefolje.leder,
                )
            nye += 1
    logg(f"Velge: {nye} nye årshjul")
