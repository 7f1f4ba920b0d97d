"""manage.py anonymiser_innspill: the retention pass, run synchronously (as the daily task)."""

from django.core.management.base import BaseCommand

from ideer.services import innspill_anonymiser_utlopte


class Command(BaseCommand):
    help = (
        "Fjerner navn og e-post fra innbyggeres innspill som har vært lukket lenger enn "
        "oppbevaringstiden."
    )

    def handle(self, *args, **options):
        antall = innspill_anonymiser_utlopte()
        self.stdout.write(self.style.SUCCESS(f"Anonymiserte {antall} innspill."))
