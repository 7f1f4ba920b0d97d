import factory

from ideer.models import Innspill, Kanal, Opphav, Type


class InnspillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Innspill
        skip_postgeneration_save = True

    type = Type.IDE
    tittel = factory.Sequence(lambda n: f"Innspill nummer {n}")
    beskrivelse = "Et behov som trenger en løsning."
    opphav = Opphav.MEDARBEIDERE
    kanal = Kanal.PORTAL

    @factory.post_generation
    def sok(obj, create, extracted, **kwargs):
        if create:
            Innspill.objects.filter(pk=obj.pk).oppdater_sokevektor()


class InnbyggerInnspillFactory(InnspillFactory):
    opphav = Opphav.INNBYGGERE
    kanal = Kanal.OFFENTLIG_SKJEMA
    innsender_navn = "Kari Nordmann"
    innsender_epost = "kari@example.no"
    samtykke_epost = True
