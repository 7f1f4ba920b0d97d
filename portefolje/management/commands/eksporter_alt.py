"""manage.py eksporter_alt MÅL.zip: the whole portfolio as a zip (see portefolje.flytting)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portefolje.flytting.ut import alt_eksporter


class Command(BaseCommand):
    help = (
        "Skriver hele porteføljen (alle fasenes tabeller, historikken og vedleggene) til en "
        "zip-fil med JSON Lines, CSV og et beskrevet skjema. Passord og nøkler er ikke med."
    )

    def add_arguments(self, parser):
        parser.add_argument("mal", metavar="MÅL.zip", help="Zip-filen som skal skrives.")

    def handle(self, *args, mal, **options):
        sti = Path(mal)
        if sti.exists():
            raise CommandError(f"{sti} finnes allerede; velg et annet navn eller flytt den først.")
        if not sti.parent.is_dir():
            raise CommandError(f"Mappen {sti.parent} finnes ikke.")
        delvis = sti.with_name(sti.name + ".delvis")
        try:
            with delvis.open("wb") as fil:
                resultat = alt_eksporter(mal=fil)
        except BaseException:
            delvis.unlink(missing_ok=True)
            raise
        # Only a finished export gets the name asked for, so a stopped run leaves no zip that
        # looks whole.
        delvis.rename(sti)
        self.stdout.write(
            self.style.SUCCESS(
                f"Skrev {sti}: {sum(resultat.rader.values())} rader i {len(resultat.rader)} "
                f"tabeller og {resultat.filer} vedlegg."
            )
        )
        for navn in resultat.filer_som_mangler:
            self.stderr.write(f"Mangler i MEDIA_ROOT, ikke med: {navn}")
