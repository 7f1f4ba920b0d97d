"""manage.py importer_innspill <fil> --kanal sammenskapervi|slikskapervi"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ideer.importer import IMPORT_KANALER, ImportFeil, innspill_importer


class Command(BaseCommand):
    help = (
        "Importerer innspill fra en CSV- eller XLSX-eksport. Alt eller ingenting: har én rad feil, "
        "importeres ingen, og alle feil rader listes. Rader som er importert før (samme id), "
        "hoppes over."
    )

    def add_arguments(self, parser):
        parser.add_argument("fil", type=Path)
        parser.add_argument("--kanal", required=True, choices=[k.value for k in IMPORT_KANALER])

    def handle(self, *args, fil: Path, kanal: str, **options):
        try:
            innhold = fil.read_bytes()
        except OSError as feil:
            raise CommandError(f"Kan ikke lese {fil}: {feil.strerror}") from None
        try:
            resultat = innspill_importer(innhold=innhold, kanal=kanal)
        except ImportFeil as feil:
            raise CommandError(str(feil)) from None
        if not resultat.ok:
            linjer = [f"Rad {radnr}: {melding}" for radnr, melding in resultat.feil]
            raise CommandError("Ingenting ble importert. Rett disse radene:\n" + "\n".join(linjer))
        self.stdout.write(
            self.style.SUCCESS(
                f"Importerte {resultat.opprettet} nye innspill; "
                f"{resultat.fantes} var importert før."
            )
        )
