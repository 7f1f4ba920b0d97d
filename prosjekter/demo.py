"""Demo content for Styre: about twelve projects of Øvre Eiker across phases and states.

Status history (one project overdue for its report, one red), deliverables, benefits with
measurements, allocations (Pia Prosjektleder overbooked for some weeks) and risks. Idempotent:
projects are looked up by number, their parts by title. `large` adds 1 000 projects with five
years of monthly reports for benchmarks, in bulk (`xlarge` twice that).
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils import timezone

from ideer.models import Innspill
from portefolje import demodata
from portefolje.models import Portefolje, Seksjon
from prosjekter import demo_program
from prosjekter.beregning import add_maneder
from prosjekter.models import (
    Gevinst,
    Indikator,
    Kapasitet,
    Leveranse,
    Maling,
    Prosjekt,
    Ressursallokering,
    Ressursbehov,
    Statusrapport,
    Styringsbeslutning,
    Usikkerhet,
)
from prosjekter.oyeblikksbilde import bilde_lag
from prosjekter.paminnelser.frister import legg_til_maneder
from prosjekter.selectors.status import publiserte_rapporter


@dataclass(frozen=True)
class DemoProsjekt:
    nummer: str
    tittel: str
    portefolje: str
    seksjon: str | None
    type: str
    fase: str
    tilstand: str
    eier: str
    maal: str
    budsjett: int
    start_mnd_siden: int | None  # months ago the project started; None for not started
    varighet_mnd: int
    # (months ago, fremdrift, okonomi, kvalitet, risiko, gevinst) per published report, oldest first
    rapporter: tuple = ()
    # Days from today to the next report's due date (negative: overdue), so `send_reminders`
    # has reports due soon, overdue and escalated at once; None: the reports' own dates.
    rapportfrist_om_dager: int | None = None


PROSJEKTER = [DemoProsjekt(**d) for d in demodata.les("prosjekter", "prosjekter")]


# The project that has not reported for too long: its last report is four months old.
def _dato(mnd_siden: int, idag: datetime.date) -> datetime.date:
    return add_maneder(idag, -mnd_siden)


def opprett(*, storrelse: str, logg) -> None:
    User = get_user_model()
    brukere = {
        u.username: u
        for u in User.objects.filter(
            username__in=[
                "klg",
                "helseleder",
                "prosjektleder",
                "initiativtaker",
                "ansatt",
                "omsorgsleder",
                "utvikler",
                "okonomisjef",
            ]
        )
    }
    portefoljer = {p.slug: p for p in Portefolje.objects.all()}
    seksjoner = {s.slug: s for s in Seksjon.objects.all()}
    pia = brukere["prosjektleder"]
    idag = timezone.localdate()
    nye = 0
    nye_prosjekter = []
    for d in PROSJEKTER:
        start = _dato(d.start_mnd_siden, idag) if d.start_mnd_siden is not None else None
        prosjekt, ny = Prosjekt.objects.get_or_create(
            nummer=d.nummer,
            defaults={
                "tittel": d.tittel,
                "malsetting": d.maal,
                "portefolje": portefoljer[d.portefolje],
                "tjenesteomrade": seksjoner.get(d.seksjon),
                "type": d.type,
                "fase": d.fase,
                "tilstand": d.tilstand,
                "prosjekteier": brukere[d.eier],
                "prosjektleder": pia,
                "gevinstansvarlig": brukere.get("omsorgsleder")
                if d.portefolje == "helse-og-omsorg"
                else brukere[d.eier],
                "startdato": start,
                "sluttdato": add_maneder(start, d.varighet_mnd) if start else None,
                "budsjett": d.budsjett,
                "arkivreferanse": f"{d.nummer[2:6]}/{100 + int(d.nummer[-3:])}",
            },
        )
        if not ny:
            continue
        nye += 1
        _rapporter(prosjekt, d, pia, idag)
        _deler(prosjekt, d, brukere, idag)
        nye_prosjekter.append(prosjekt)
    _allokeringer(brukere, idag)
    _oyeblikksbilder(nye_prosjekter)
    _startplan(portefoljer, idag)
    _offentlighet()
    demo_program.opprett(idag=idag, logg=logg)
    logg(f"Styre: {nye} nye demoprosjekter ({len(PROSJEKTER)} i alt)")
    if faktor := demodata.volumfaktor(storrelse):
        _stort_volum(portefoljer, pia, idag, logg, faktor)


def _oyeblikksbilder(prosjekter):
    """The latest report of each new project keeps a snapshot, as publishing makes one; the
    older demo reports are from before snapshots were kept, and their pages say so."""
    for prosjekt in prosjekter:
        siste = publiserte_rapporter(prosjekt).first()
        if siste is not None:
            siste.oyeblikksbilde = bilde_lag(prosjekt=prosjekt)
            siste.save(update_fields=["oyeblikksbilde"])


def _rapporter(prosjekt, d, pia, idag):
    forskyvning = datetime.timedelta(0)
    if d.rapporter and d.rapportfrist_om_dager is not None:
        # Move every report so that the last one makes the next due date fall where wanted.
        siste = legg_til_maneder(
            idag + datetime.timedelta(days=d.rapportfrist_om_dager), -prosjekt.rapportfrekvens_mnd
        )
        forskyvning = siste - (idag - datetime.timedelta(days=30 * d.rapporter[-1][0] + 3))
    for mnd_siden, fremdrift, okonomi, kvalitet, risiko, gevinst in d.rapporter:
        publisert = timezone.now() - datetime.timedelta(days=30 * mnd_siden + 3) + forskyvning
        rapport = Statusrapport(
            prosjekt=prosjekt,
            tilstand="publisert",
            publisert=publisert,
            skrevet_av=pia,
            oppnadd="Gjennomført planlagte aktiviteter for perioden.",
            neste="Fortsette etter planen; neste milepæl er brukertest.",
            utfordringer="Tilgang på nøkkelpersoner i linjen." if fremdrift != "pa_plan" else "",
            fremdrift=fremdrift,
            okonomi=okonomi,
            kvalitet=kvalitet,
            risiko=risiko,
            gevinstoppnaelse=gevinst,
            fremdrift_kommentar="Leverandøren er forsinket med integrasjonen."
            if fremdrift == "forsinket"
            else "",
            okonomi_kommentar="Tilleggsbestillinger fra leverandør."
            if okonomi == "over_budsjett"
            else "",
            budsjett=prosjekt.budsjett,
            kostnad_hittil=int(prosjekt.budsjett * 0.4),
            prognose=int(prosjekt.budsjett * (1.15 if okonomi == "over_budsjett" else 1.0)),
        )
        rapport.farge = rapport.beregn_farge()
        rapport.save()


def _deler(prosjekt, d, brukere, idag):
    """A started project's deliverables, benefits with measurements, risks, and the steering
    decision that put it where it stands."""
    if prosjekt.tilstand == "ikke_startet":
        return
    _leveranser(prosjekt, d, brukere)
    # Each project its own benefits and risks: a demo is how a municipality judges the portal.
    innhold = demodata.les("prosjekter", "gevinster_og_usikkerheter").get(d.nummer, {})
    _gevinster(prosjekt, innhold.get("gevinster", []), idag)
    _usikkerheter(prosjekt, innhold.get("usikkerheter", []), brukere)
    if d.tilstand in ("pa_vent", "stoppet", "avsluttet"):
        _styringsbeslutning(prosjekt, d, brukere)


def _leveranser(prosjekt, d, brukere):
    start = prosjekt.startdato
    for i, (tittel, status) in enumerate(
        [
            ("Behovsanalyse og kravspesifikasjon", "godkjent"),
            ("Anskaffelse", "ihht_plan"),
            ("Pilot og opplæring", "sma_avvik" if d.tilstand == "aktiv" else "ihht_plan"),
        ]
    ):
        Leveranse.objects.create(
            prosjekt=prosjekt,
            tittel=tittel,
            startdato=add_maneder(start, i * 4),
            sluttdato=add_maneder(start, i * 4 + 4) - datetime.timedelta(days=1),
            akseptkriterier="Godkjent av prosjekteier.",
            ansvarlig=brukere["prosjektleder"],
            status=status,
            godkjent_dato=add_maneder(start, 4) if status == "godkjent" else None,
        )


def _gevinster(prosjekt, gevinster, idag):
    for g in gevinster:
        gevinst = Gevinst.objects.create(
            prosjekt=prosjekt,
            tittel=g["tittel"],
            type=g["type"],
            ansvarlig=prosjekt.gevinstansvarlig,
            eier=prosjekt.prosjekteier,
            realiseringsdato=prosjekt.sluttdato,
        )
        for i in g["indikatorer"]:
            indikator = Indikator.objects.create(
                gevinst=gevinst,
                navn=i["navn"],
                enhet=i["enhet"],
                nullpunkt=i["nullpunkt"],
                malverdi=i["malverdi"],
            )
            for mnd_siden, verdi in zip([6, 4, 2, 0], i["malinger"], strict=True):
                Maling.objects.create(indikator=indikator, dato=_dato(mnd_siden, idag), verdi=verdi)


def _usikkerheter(prosjekt, usikkerheter, brukere):
    for tittel, type_, s, k, strategi, tiltak in usikkerheter:
        Usikkerhet.objects.create(
            prosjekt=prosjekt,
            tittel=tittel,
            type=type_,
            sannsynlighet=s,
            konsekvens=k,
            tiltak=tiltak,
            ansvarlig=brukere["prosjektleder"],
            strategi=strategi,
            sannsynlighet_etter=max(1, s - 1),
            konsekvens_etter=k,
        )


def _styringsbeslutning(prosjekt, d, brukere):
    """The decision that put a project on hold, stopped or closed it."""
    type_ = {"pa_vent": "pa_vent", "stoppet": "stopp", "avsluttet": "avslutt"}[d.tilstand]
    Styringsbeslutning.objects.create(
        prosjekt=prosjekt,
        type=type_,
        begrunnelse={
            "pa_vent": "Venter på fylkeskommunens reguleringsvedtak.",
            "stopp": "Gevinstene forsvarer ikke kostnadene.",
            "avslutt": "Leveransene er godkjent og overlevert til drift.",
        }[type_],
        fra_tilstand="aktiv",
        til_tilstand=d.tilstand,
        fra_fase=d.fase,
        til_fase=d.fase,
        besluttet_av=brukere[d.eier] if d.eier != "helseleder" else brukere["helseleder"],
    )


def _offentlighet():
    """The ideas some projects came from (so a receipt leads on to the project and its measured
    benefit), and one project the chair has exempted from public access, with its legal basis."""
    innhold = demodata.les("prosjekter", "offentlighet")
    for nummer, titler in innhold["innspill"].items():
        prosjekt = Prosjekt.objects.filter(nummer=nummer).first()
        if prosjekt is not None:
            prosjekt.innspill.add(*Innspill.objects.filter(tittel__in=titler))
    for nummer, hjemmel in innhold["unntatt"].items():
        Prosjekt.objects.filter(nummer=nummer, unntatt_offentlighet=False).update(
            unntatt_offentlighet=True, hjemmel=hjemmel
        )


def _allokeringer(brukere, idag):
    """Pia leads several projects: 60 % + 50 % overlap makes her overbooked for some weeks."""
    mandag = idag - datetime.timedelta(days=idag.weekday())
    plan = [
        ("P-2025-001", "prosjektleder", "Prosjektleder", 60, 0, 20),
        ("P-2025-002", "prosjektleder", "Prosjektleder", 50, 2, 8),
        ("P-2025-003", "prosjektleder", "Prosjektleder", 20, 0, 26),
        ("P-2025-001", "omsorgsleder", "Fagansvarlig", 30, 0, 26),
        ("P-2025-002", "okonomisjef", "Arkivleder", 40, 0, 12),
        ("P-2025-004", None, "Byggeleder", 100, 4, 40),
    ]
    prosjekter = {p.nummer: p for p in Prosjekt.objects.filter(nummer__in=[r[0] for r in plan])}
    for nummer, brukernavn, rolle, last, fra_uke, uker in plan:
        person = brukere.get(brukernavn) if brukernavn else None
        Ressursallokering.objects.get_or_create(
            prosjekt=prosjekter[nummer],
            person=person,
            rolle=rolle,
            defaults={
                "belastning": last,
                "fra": mandag + datetime.timedelta(weeks=fra_uke),
                "til": mandag + datetime.timedelta(weeks=fra_uke + uker, days=-1),
                "status": "tildelt",
            },
        )
    Ressursallokering.objects.get_or_create(
        type="fravaer",
        person=brukere["prosjektleder"],
        rolle="Ferie",
        prosjekt=None,
        defaults={
            "belastning": 100,
            "fra": mandag + datetime.timedelta(weeks=10),
            "til": mandag + datetime.timedelta(weeks=11, days=-1),
            "status": "tildelt",
        },
    )


def _startplan(portefoljer, idag):
    helse = portefoljer["helse-og-omsorg"]
    Kapasitet.objects.get_or_create(
        portefolje=helse, fra_maned=idag.replace(day=1), defaults={"personprosent": 250}
    )
    Kapasitet.objects.get_or_create(
        portefolje=portefoljer["klg"],
        fra_maned=idag.replace(day=1),
        defaults={"personprosent": 400},
    )
    for nummer, behov in [
        ("P-2026-101", [50, 100, 100, 100, 50]),
        ("P-2026-102", [100, 100, 80, 50]),
        ("P-2026-103", [50, 50, 50]),
    ]:
        prosjekt = Prosjekt.objects.filter(nummer=nummer).first()
        if prosjekt and not prosjekt.ressursbehov.exists():
            Ressursbehov.objects.bulk_create(
                Ressursbehov(prosjekt=prosjekt, maned_nr=i, personprosent=v)
                for i, v in enumerate(behov, start=1)
            )


VOLUM_PROSJEKTER = 1000
VOLUM_RAPPORTMANEDER = 60  # five years of monthly status reports per project


def _stort_volum(portefoljer, pia, idag, logg, faktor: int):
    """VOLUM_PROSJEKTER × `faktor` projects with five years of monthly reports each, for the
    overviews' benchmarks. Idempotent: only projects (and their reports) not there are made."""
    finnes = set(Prosjekt.objects.filter(nummer__startswith="B-").values_list("nummer", flat=True))
    liste = list(portefoljer.values())
    fases = ["konsept", "planlegge", "gjennomfore", "avslutte", "realisere"]
    tilstander = ["aktiv"] * 6 + ["ikke_startet", "pa_vent", "stoppet", "avsluttet"]
    Prosjekt.objects.bulk_create(
        Prosjekt(
            nummer=f"B-{i:05d}",
            tittel=f"Benchmarkprosjekt {i}",
            portefolje=liste[i % len(liste)],
            fase=fases[i % 5],
            tilstand=tilstander[i % 10],
            prosjektleder=pia,
            budsjett=100_000 + i * 1000,
            startdato=_dato(VOLUM_RAPPORTMANEDER + i % 24, idag),
        )
        for i in range(VOLUM_PROSJEKTER * faktor)
        if f"B-{i:05d}" not in finnes
    )
    ider = list(
        Prosjekt.objects.filter(nummer__startswith="B-")
        .exclude(nummer__in=finnes)
        .values_list("pk", flat=True)
    )
    verdier = ["pa_plan", "mindre_forsinkelser", "forsinket"]
    farger = ["gronn", "gul", "rod"]
    rapporter = []
    for n, pk in enumerate(ider):
        for mnd in range(VOLUM_RAPPORTMANEDER):
            publisert = timezone.make_aware(
                datetime.datetime.combine(_dato(mnd, idag), datetime.time(9))
            )
            rapporter.append(
                Statusrapport(
                    prosjekt_id=pk,
                    tilstand="publisert",
                    publisert=publisert,
                    fremdrift=verdier[(n + mnd) % 3],
                    farge=farger[(n + mnd) % 3],
                    budsjett=100_000,
                    kostnad_hittil=40_000,
                    prognose=110_000,
                )
            )
    demodata.masseinnsett(Statusrapport, rapporter)
    logg(f"Styre: {len(ider)} benchmarkprosjekter med {len(rapporter)} statusrapporter")
