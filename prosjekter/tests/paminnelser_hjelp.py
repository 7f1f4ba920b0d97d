"""Small builders for the reminder tests (kept apart from Styre's factories.py)."""

from datetime import date

from django.utils import timezone

from ideer.models import Innspill, Kanal, Opphav
from konseptnotat.models import Konseptnotat
from prosjekter.models import Prosjekt, Rapporttilstand, Statusrapport, Tilstand

_teller = iter(range(1, 10_000))


def lag_prosjekt(portefolje, *, startdato: date, leder=None, eier=None, **felt) -> Prosjekt:
    n = next(_teller)
    return Prosjekt.objects.create(
        tittel=felt.pop("tittel", f"Prosjekt {n}"),
        nummer=f"T-{n}",
        portefolje=portefolje,
        prosjektleder=leder,
        prosjekteier=eier,
        startdato=startdato,
        tilstand=felt.pop("tilstand", Tilstand.AKTIV),
        **felt,
    )


def publiser_rapport(prosjekt, *, dato: date) -> Statusrapport:
    tidspunkt = timezone.make_aware(timezone.datetime(dato.year, dato.month, dato.day, 12))
    return Statusrapport.objects.create(
        prosjekt=prosjekt, tilstand=Rapporttilstand.PUBLISERT, publisert=tidspunkt
    )


def lag_notat(eier, **felt) -> Konseptnotat:
    return Konseptnotat.objects.create(
        tittel=felt.pop("tittel", f"Notat {next(_teller)}"), eier=eier, **felt
    )


def lag_innspill(**felt) -> Innspill:
    return Innspill.objects.create(
        tittel=felt.pop("tittel", f"Innspill {next(_teller)}"),
        beskrivelse="Et behov",
        opphav=Opphav.MEDARBEIDERE,
        kanal=Kanal.PORTAL,
        **felt,
    )
