"""Demo objects for reminders, so `send_reminders` on a fresh demo database has work to do.

Runs after `portefolje.demo` (which makes the demo users and portfolios); call it from
`prosjekter.demo.opprett` after Styre's own demo. Idempotent: looked up by project number,
title or (portfolio, title); a second run changes no row. Dates are relative to the first run.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext

from ideer.models import Innspill, Kanal, Opphav
from ideer.models import Status as InnspillStatus
from konseptnotat.models import Konseptnotat
from konseptnotat.models import Status as NotatStatus
from portefolje.models import Portefolje
from portefolje.revisjon import logg_hendelse
from prosjekter.models import Fase, Prosjekt, Tilstand
from prosjekter.paminnelser.frister import legg_til_maneder
from velge.models import Agendapunkt, Kriterium, Mote


def _prosjekt(nummer, *, tittel, portefolje, leder, eier, startdato, frekvens=1):
    prosjekt, _ = Prosjekt.objects.get_or_create(
        nummer=nummer,
        defaults={
            "tittel": tittel,
            "portefolje": portefolje,
            "prosjektleder": leder,
            "prosjekteier": eier,
            "startdato": startdato,
            "rapportfrekvens_mnd": frekvens,
            "tilstand": Tilstand.AKTIV,
            "fase": Fase.GJENNOMFORE,
            "malsetting": "Demoprosjekt for påminnelser om statusrapport.",
        },
    )
    return prosjekt


def _notat(tittel, *, eier, veileder, portefolje, status, **felt):
    notat, ny = Konseptnotat.objects.get_or_create(
        tittel=tittel,
        defaults={
            "eier": eier,
            "veileder": veileder,
            "portefolje": portefolje,
            "status": status,
            **felt,
        },
    )
    return notat, ny


def opprett(*, storrelse: str, logg) -> None:
    idag = timezone.localdate()
    brukere = {
        b.username: b
        for b in get_user_model().objects.filter(
            username__in=["prosjektleder", "helseleder", "klg", "initiativtaker", "utvikler"]
        )
    }
    helse = Portefolje.objects.get(slug="helse-og-omsorg")
    leder, eier = brukere["prosjektleder"], brukere["helseleder"]

    # Status reports: one due in three days, one ten days overdue, one escalated (20 days).
    _prosjekt(
        "PAM-2026-01",
        tittel="Trygghetsteknologi på Eikertun bo- og behandlingssenter",
        portefolje=helse,
        leder=leder,
        eier=eier,
        startdato=legg_til_maneder(idag + timedelta(days=3), -1),
    )
    _prosjekt(
        "PAM-2026-02",
        tittel="Digitalt tilsyn om natten",
        portefolje=helse,
        leder=leder,
        eier=eier,
        startdato=legg_til_maneder(idag - timedelta(days=10), -1),
    )
    _prosjekt(
        "PAM-2026-03",
        tittel="Felles kjernejournal i legevakten",
        portefolje=helse,
        leder=leder,
        eier=brukere["klg"],
        startdato=legg_til_maneder(idag - timedelta(days=20), -2),
        frekvens=2,
    )

    # A meeting in two days: one note ready but unscored, one still not ready.
    mote, _ = Mote.objects.get_or_create(
        portefolje=helse,
        tittel="Ekstraordinært porteføljemøte helse og omsorg",
        defaults={"dato": idag + timedelta(days=2), "sted": "Rådhuset, møterom Eiker"},
    )
    klar, _ = _notat(
        "Responssenter for trygghetsalarmer",
        eier=brukere["initiativtaker"],
        veileder=brukere["utvikler"],
        portefolje=helse,
        status=NotatStatus.KLAR,
        bakgrunn_og_behov="Alarmene i dag går til tre ulike mottak; responstiden varierer.",
    )
    ikke_klar, _ = _notat(
        "Digital medisindispenser for hjemmeboende",
        eier=brukere["initiativtaker"],
        veileder=brukere["utvikler"],
        portefolje=helse,
        status=NotatStatus.INNSENDT,
        bakgrunn_og_behov="Mange besøk i hjemmetjenesten gjelder bare medisinutdeling.",
    )
    for rekkefolge, notat in enumerate([klar, ikke_klar]):
        Agendapunkt.objects.get_or_create(
            mote=mote, notat=notat, defaults={"rekkefolge": rekkefolge}
        )
    if not Kriterium.objects.filter(portefolje=helse, aktiv=True).exists():
        Kriterium.objects.create(
            portefolje=helse,
            navn="Gevinst for brukerne",
            vekt=3,
            skala_1="Ingen merkbar gevinst",
            skala_5="Stor gevinst for mange brukere",
        )

    # A note sent back with comments.
    revisjon, ny = _notat(
        "Aktivitetstilbud for eldre med demens",
        eier=brukere["initiativtaker"],
        veileder=brukere["utvikler"],
        portefolje=helse,
        status=NotatStatus.TIL_REVISJON,
    )
    if ny:
        logg_hendelse(
            aktor=brukere["utvikler"],
            objekt=revisjon,
            handling="til_revisjon",
            beskrivelse=gettext("Sent back for revision: %(kommentar)s")
            % {"kommentar": "Beskriv nullalternativet og kostnadene."},
        )

    # A parked input whose date has come.
    Innspill.objects.get_or_create(
        tittel="Sansehage ved Hokksund sykehjem",
        defaults={
            "beskrivelse": "Beboerne trenger et trygt uteområde med planter og sittegrupper.",
            "opphav": Opphav.MEDARBEIDERE,
            "kanal": Kanal.PORTAL,
            "status": InnspillStatus.PARKERT,
            "parkert_til": idag - timedelta(days=1),
            "portefolje": helse,
        },
    )
    logg("Påminnelser: 3 prosjekter med rapportfrist, 1 møte, 3 konseptnotater, 1 parkert innspill")
