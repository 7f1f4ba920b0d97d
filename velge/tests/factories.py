"""Factories for Velge's tests: criteria, concept notes ready for decision, meetings."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from konseptnotat.models import Konseptnotat, Status
from velge.models import Agendapunkt, Kriterium, Mote


class BrukerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = "eier"


class KriteriumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kriterium

    navn = factory.Sequence(lambda n: f"Kriterium {n}")
    vekt = 1
    skala_1 = "Svært dårlig"
    skala_5 = "Svært godt"


class KonseptnotatFactory(factory.django.DjangoModelFactory):
    """A note ready for decision in `portefolje` (pass it)."""

    class Meta:
        model = Konseptnotat

    tittel = factory.Sequence(lambda n: f"Konseptnotat {n}")
    eier = factory.SubFactory(BrukerFactory)
    status = Status.KLAR
    bakgrunn_og_behov = "Et behov i tjenesten."


class MoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mote

    dato = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=7))
    tittel = "Porteføljemøte"


def kriterier_for(portefolje, vekter=(3, 2, 1)):
    return [
        KriteriumFactory(portefolje=portefolje, vekt=v, rekkefolge=i) for i, v in enumerate(vekter)
    ]


def mote_med_notater(portefolje, antall=1, **mote):
    """A meeting of `portefolje` with `antall` ready notes on its agenda."""
    m = MoteFactory(portefolje=portefolje, **mote)
    notater = []
    for i in range(antall):
        notat = KonseptnotatFactory(portefolje=portefolje)
        Agendapunkt.objects.create(mote=m, notat=notat, rekkefolge=i)
        notater.append(notat)
    return m, notater
