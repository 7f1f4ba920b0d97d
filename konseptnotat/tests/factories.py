import factory
from django.contrib.auth import get_user_model

from konseptnotat.models import Konseptnotat, Status
from konseptnotat.services import versjon_lagre

KOMPLETT = {
    "bakgrunn_og_behov": "Hjemmetjenesten bruker mye tid på kjøring.",
    "mal": "Halvere kjøretiden innen 2028.",
    "forventede_gevinster": "Frigjort tid til brukerne.",
    "alternativer": "Nullalternativet: fortsette som i dag.",
    "kostnader": "Tilbud fra to leverandører.",
    "investering": 500_000,
    "arlig_driftskostnad": 100_000,
    "interne_timer": 300,
    "risiko": "Forsinket leveranse.",
    "forankring": "Kommuneplanens samfunnsdel.",
    "interessenter": "Ansatte og brukere.",
    "tidsplan": "Oppstart våren 2027.",
}


class BrukerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"person{n}")


class KonseptnotatFactory(factory.django.DjangoModelFactory):
    """A draft with only a title and a background; `komplett=True` fills every required answer."""

    class Meta:
        model = Konseptnotat
        skip_postgeneration_save = True

    class Params:
        komplett = factory.Trait(**KOMPLETT)

    tittel = factory.Sequence(lambda n: f"Konseptnotat {n}")
    eier = factory.SubFactory(BrukerFactory)
    status = Status.UTKAST
    bakgrunn_og_behov = "Et behov."

    @factory.post_generation
    def versjon1(obj, create, extracted, **kwargs):
        if create:
            obj.refresh_from_db()  # numbers as the database returns them (Decimal)
            versjon_lagre(notat=obj, aktor=obj.eier)
