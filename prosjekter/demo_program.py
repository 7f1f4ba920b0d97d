"""Demo steps for programmes and dependencies (called from `prosjekter.demo`): one programme of
three projects in «Helse og omsorg», a dependency that is already late (so the flags show at
once), and a phase gate so the timeline has phase segments. Idempotent: looked up by name."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from portefolje import demodata
from portefolje.models import Portefolje
from prosjekter.beregning import add_maneder
from prosjekter.models import Avhengighet, Program, Programprosjekt, Prosjekt, Styringsbeslutning


def opprett(*, idag: datetime.date, logg) -> None:
    innhold = demodata.les("prosjekter", "program")
    d = innhold["program"]
    eier = get_user_model().objects.filter(username=d["eier"]).first()
    start = add_maneder(idag, -d["start_mnd_siden"])
    program, ny = Program.objects.get_or_create(
        navn=d["navn"],
        defaults={
            "portefolje": Portefolje.objects.get(slug=d["portefolje"]),
            "eier": eier,
            "mal": d["mal"],
            "startdato": start,
            "sluttdato": add_maneder(start, d["varighet_mnd"]),
        },
    )
    prosjekter = {p.nummer: p for p in Prosjekt.objects.filter(nummer__in=innhold["prosjekter"])}
    for nummer in innhold["prosjekter"]:
        if nummer in prosjekter:
            Programprosjekt.objects.get_or_create(
                prosjekt=prosjekter[nummer], defaults={"program": program}
            )
    a = innhold["avhengighet"]
    if a["prosjekt"] in prosjekter and a["avhenger_av"] in prosjekter:
        Avhengighet.objects.get_or_create(
            prosjekt=prosjekter[a["prosjekt"]],
            avhenger_av=prosjekter[a["avhenger_av"]],
            leveranse=None,
            arkivert=False,
            defaults={
                "trengs_dato": add_maneder(idag, a["trengs_om_mnd"]),
                "notat": a["notat"],
            },
        )
    f = innhold["faseport"]
    prosjekt = Prosjekt.objects.filter(nummer=f["prosjekt"]).select_related("portefolje").first()
    if prosjekt and not prosjekt.styringsbeslutninger.filter(type="endre_fase").exists():
        leder = prosjekt.portefolje.leder
        if leder is not None:
            port = Styringsbeslutning.objects.create(
                prosjekt=prosjekt,
                type="endre_fase",
                begrunnelse=f["begrunnelse"],
                fra_tilstand=prosjekt.tilstand,
                til_tilstand=prosjekt.tilstand,
                fra_fase=f["fra_fase"],
                til_fase=f["til_fase"],
                besluttet_av=leder,
            )
            # `besluttet` is set when saved; the demo's gate lies months back.
            Styringsbeslutning.objects.filter(pk=port.pk).update(
                besluttet=timezone.now() - datetime.timedelta(days=30 * f["mnd_siden"])
            )
    if ny:
        logg(f"Styre: programmet «{program.navn}» med {len(prosjekter)} prosjekter")
