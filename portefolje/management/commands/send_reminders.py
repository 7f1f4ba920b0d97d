"""manage.py send_reminders: one reminder pass, synchronously, for cron, tests and support."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from portefolje.paminnelser import paminnelser_kjor


class Command(BaseCommand):
    help = (
        "Kjører én påminnelsesrunde nå: krever varslene og sender e-postene i denne prosessen. "
        "Trygt å kjøre flere ganger; ingen påminnelse sendes to ganger."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dato",
            help="Kjør som om dagen var denne (ÅÅÅÅ-MM-DD), f.eks. for å prøve ut fristene.",
        )

    def handle(self, *args, dato=None, **options):
        idag = None
        if dato:
            try:
                idag = date.fromisoformat(dato)
            except ValueError as feil:
                raise CommandError(f"Ugyldig dato «{dato}»: bruk ÅÅÅÅ-MM-DD.") from feil
        r = paminnelser_kjor(idag=idag, synkron=True)
        self.stdout.write(
            f"Påminnelser: {r.nye} nye varsler, {r.allerede} allerede sendt før, "
            f"{r.epost_sendt} e-poster sendt, {r.uten_epost} mottakere uten e-postadresse, "
            f"{r.epost_feilet} e-poster feilet (prøves igjen), {r.ettersendt} ettersendt."
        )
