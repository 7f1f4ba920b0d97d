"""manage.py demo_data: realistic Norwegian demo content, made idempotently.

Each app may have a module `<app>/demo.py` with `opprett(*, storrelse, logg)`; they run in the
order of INSTALLED_APPS, which is the order of the flow (core, Samle, Begrunne, Velge, Styre).
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Count, Max, Q

from portefolje import hurtigbuffer
from portefolje.demodata import VOLUMFAKTOR
from portefolje.models import Varsel
from portefolje.varsler import varseltype_navn

STORRELSER = list(VOLUMFAKTOR)


def demo_moduler():
    for app_config in apps.get_app_configs():
        navn = f"{app_config.name}.demo"
        if find_spec(navn) is not None:
            yield import_module(navn)


class Command(BaseCommand):
    help = "Lager demodata (idempotent). Nekter å kjøre med DEBUG av, med mindre --force er gitt."

    def add_arguments(self, parser):
        parser.add_argument(
            "--size",
            choices=STORRELSER,
            default="normal",
            help="«large» gir volum for ytelsesmålinger (bench/), «xlarge» det dobbelte.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Kjør selv om DEBUG er av (f.eks. i en testinstans).",
        )

    def handle(self, *args, size, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG er av, så dette ser ut som produksjon. Demodata blir ikke laget. "
                "Bruk --force hvis du virkelig vil legge demodata i denne databasen."
            )
        for_kjoring = Varsel.objects.aggregate(m=Max("pk"))["m"] or 0
        # All or nothing: a failure halfway leaves the database as it was. The demo's e-mails
        # are queued when it commits, like any other; nothing is printed here but a summary.
        with transaction.atomic():
            for modul in demo_moduler():
                modul.opprett(storrelse=size, logg=self.stdout.write)
            # Rows copied in bulk send no signal: nothing computed before is read again.
            hurtigbuffer.endret()
        self._varsler_oppsummert(etter=for_kjoring)
        self.stdout.write(
            self.style.SUCCESS("Demodata er klare. Alle demobrukere har passordet «demo».")
        )

    def _varsler_oppsummert(self, *, etter: int) -> None:
        """One line: the notifications this run made, counted per kind, and where e-mail goes."""
        per_type = (
            Varsel.objects.filter(pk__gt=etter)
            .values("type")
            .annotate(antall=Count("pk"), epost=Count("pk", filter=Q(epost_onsket=True)))
            .order_by("type")
        )
        rader = list(per_type)
        if not rader:
            self.stdout.write("Varsler: ingen nye")
            return
        deler = ", ".join(f"{varseltype_navn(r['type'])} {r['antall']}" for r in rader)
        epost = sum(r["epost"] for r in rader)
        self.stdout.write(
            f"Varsler: {sum(r['antall'] for r in rader)} nye ({deler}); {epost} e-poster lagt i kø "
            "(med DEBUG på skrives de til .run/epost/ når Celery-arbeideren har sendt dem)"
        )
