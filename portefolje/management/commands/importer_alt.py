"""manage.py importer_alt KILDE.zip: a full export into an empty installation."""

from django.core.management.base import BaseCommand, CommandError

from portefolje.flytting.inn import FlyttingFeil, alt_importer


class Command(BaseCommand):
    help = (
        "Leser en zip fra «eksporter_alt» inn i en tom installasjon, alt eller ingenting. "
        "Nekter hvis porteføljetabellene allerede har innhold."
    )

    def add_arguments(self, parser):
        parser.add_argument("kilde", metavar="KILDE.zip", help="Zip-filen fra eksporter_alt.")

    def handle(self, *args, kilde, **options):
        try:
            with open(kilde, "rb") as fil:
                resultat = alt_importer(kilde=fil)
        except FileNotFoundError as feil:
            raise CommandError(f"Finner ikke {kilde}.") from feil
        except FlyttingFeil as feil:
            raise CommandError(str(feil)) from feil
        self.stdout.write(
            self.style.SUCCESS(
                f"Importerte {sum(resultat.rader.values())} rader i {len(resultat.rader)} "
                f"tabeller og {resultat.filer} vedlegg. Personene som er nye her, har ikke "
                "passord: de logger inn med Entra ID eller ber om et nytt."
            )
        )
