"""Factories for Styre's tests (factory_boy)."""

import datetime
import itertools

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from konseptnotat.models import Konseptnotat, KonseptnotatVersjon
from portefolje.models import Portefolje
from prosjekter.models import (
    Gevinst,
    Indikator,
    Leveranse,
    Maling,
    Prosjekt,
    Ressursallokering,
    Statusrapport,
    Usikkerhet,
)
from velge.models import Beslutning, Utfall

_nummer = itertools.count(1)


class BrukerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"person{n}")
    first_name = factory.Sequence(lambda n: f"Person{n}")
    last_name = "Testesen"


class PortefoljeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Portefolje

    navn = factory.Sequence(lambda n: f"Portefølje {n}")
    slug = factory.Sequence(lambda n: f"portefolje-{n}")


class ProsjektFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Prosjekt

    tittel = factory.Sequence(lambda n: f"Prosjekt {n}")
    nummer = factory.LazyFunction(lambda: f"T-{next(_nummer):05d}")
    portefolje = factory.SubFactory(PortefoljeFactory)
    tilstand = "aktiv"
    fase = "gjennomfore"


class StatusrapportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Statusrapport

    prosjekt = factory.SubFactory(ProsjektFactory)
    tilstand = "publisert"
    publisert = factory.LazyFunction(
        lambda: datetime.datetime(2026, 10, 1, 12, tzinfo=datetime.UTC)
    )
    fremdrift = "pa_plan"
    okonomi = "pa_budsjett"
    farge = "gronn"


class LeveranseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Leveranse

    prosjekt = factory.SubFactory(ProsjektFactory)
    tittel = factory.Sequence(lambda n: f"Leveranse {n}")


class GevinstFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gevinst

    prosjekt = factory.SubFactory(ProsjektFactory)
    tittel = factory.Sequence(lambda n: f"Gevinst {n}")
    type = "tid_spart"


class IndikatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indikator

    gevinst = factory.SubFactory(GevinstFactory)
    navn = factory.Sequence(lambda n: f"Indikator {n}")
    enhet = "timer"
    nullpunkt = 100
    malverdi = 60


class MalingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Maling

    indikator = factory.SubFactory(IndikatorFactory)
    dato = datetime.date(2026, 9, 1)
    verdi = 80


class AllokeringFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ressursallokering

    prosjekt = factory.SubFactory(ProsjektFactory)
    person = factory.SubFactory(BrukerFactory)
    belastning = 50
    fra = datetime.date(2026, 11, 2)
    til = datetime.date(2027, 3, 31)
    status = "tildelt"


class UsikkerhetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Usikkerhet

    prosjekt = factory.SubFactory(ProsjektFactory)
    tittel = factory.Sequence(lambda n: f"Risiko {n}")
    sannsynlighet = 3
    konsekvens = 4


def lag_beslutning(*, portefolje, eier, besluttet_av, innspill=(), score=None, **notatfelt):
    """An approved Velge decision on a concept note, as Velge would have made it."""
    notat = Konseptnotat.objects.create(
        tittel=notatfelt.pop("tittel", "Velferdsteknologi i hjemmetjenesten"),
        eier=eier,
        portefolje=portefolje,
        status="behandlet",
        **notatfelt,
    )
    notat.innspill.set(innspill)
    versjon = KonseptnotatVersjon.objects.create(notat=notat, nummer=1, innhold={}, frosset=True)
    return Beslutning.objects.create(
        notat=notat,
        portefolje=portefolje,
        utfall=Utfall.GODKJENT,
        begrunnelse="Godt begrunnet behov.",
        besluttet_av=besluttet_av,
        versjon=versjon,
        vektet_score=score,
        # On the public record, as after the minutes are approved.
        publisert=timezone.now(),
    )
