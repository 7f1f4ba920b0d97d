"""manage.py importer_prosjekter FIL… --kilde msproject|prosjektportalen [--forhandsvis]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portefolje.models import Portefolje
from prosjekter.importer.batch import importbatch_forhandsvis, importbatch_importer
from prosjekter.models import Importbatch, Importfil, Kilde


class Command(BaseCommand):
    help = (
        "Importerer prosjekter fra Microsoft Projects XML (MSPDI) eller Prosjektportalens "
        "Excel-eksporter. Det som er importert før (samme nøkkel i kilden), oppdateres. Med "
        "--forhandsvis skrives ingenting: du ser hva som ville blitt opprettet og endret."
    )

    def add_arguments(self, parser):
        parser.add_argument("filer", nargs="+", type=Path, metavar="FIL")
        parser.add_argument("--kilde", required=True, choices=Kilde.values)
        parser.add_argument("--forhandsvis", action="store_true")
        parser.add_argument(
            "--portefolje",
            help="Porteføljens kortnavn (slug) for nye prosjekter; uten: KLG.",
        )

    def _portefolje(self, slug: str | None) -> Portefolje:
        try:
            return Portefolje.objects.get(slug=slug) if slug else Portefolje.objects.klg()
        except Portefolje.DoesNotExist:
            raise CommandError(f"Fant ingen portefølje med kortnavnet «{slug}».") from None

    def _batch(self, filer: list[Path], kilde: str, portefolje) -> Importbatch:
        batch = Importbatch.objects.create(kilde=kilde, portefolje=portefolje)
        for fil in filer:
            try:
                innhold = fil.read_bytes()
            except OSError as feil:
                raise CommandError(f"Kan ikke lese {fil}: {feil.strerror}") from None
            Importfil.objects.create(batch=batch, navn=fil.name, innhold=innhold)
        return batch

    def _skriv_plan(self, linjer, plan) -> None:
        for linje in linjer:
            rad = linje["rad"]
            self.stdout.write(f"{linje['handling']:8} {linje['art']}: {rad.tittel}")
        for problem in plan.problemer:
            self.stdout.write(self.style.WARNING(f"{problem.sted}: {problem.melding}"))

    def handle(self, *args, filer, kilde, forhandsvis, portefolje=None, **options):
        with transaction.atomic():
            batch = self._batch(filer, kilde, self._portefolje(portefolje))
            plan, linjer = importbatch_forhandsvis(batch=batch)
            self._skriv_plan(linjer, plan)
            if forhandsvis:
                # The preview's batch is only a vehicle: nothing of it is kept.
                transaction.set_rollback(True)
                self.stdout.write("Forhåndsvisning: ingenting er skrevet.")
                return
            rapport = importbatch_importer(batch=batch, aktor=None)
        self.stdout.write(
            self.style.SUCCESS(
                f"Importert: {rapport['ny']} nye, {rapport['endret']} endret, "
                f"{rapport['uendret']} uendret; {len(rapport['problemer'])} problemer."
            )
        )
