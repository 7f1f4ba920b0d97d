import django.core.validators
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("ideer", "0001_initial"),
        ("konseptnotat", "0001_initial"),
        ("portefolje", "0001_initial"),
        ("velge", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Nummerserie",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("ar", models.PositiveSmallIntegerField(unique=True, verbose_name="year")),
                ("siste", models.PositiveIntegerField(default=0, verbose_name="last number")),
            ],
            options={
                "verbose_name": "number series",
                "verbose_name_plural": "number series",
            },
        ),
        migrations.CreateModel(
            name="Gevinst",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("tittel", models.CharField(max_length=200, verbose_name="title")),
                ("beskrivelse", models.TextField(blank=True, verbose_name="description")),
                (
                    "type",
                    models.CharField(
                        choices=[
                            ("okonomisk", "Financial (NOK)"),
                            ("tid_spart", "Time saved"),
                            ("kvalitativ", "Qualitative"),
                        ],
                        max_length=20,
                        verbose_name="type",
                    ),
                ),
                (
                    "realiseringsdato",
                    models.DateField(blank=True, null=True, verbose_name="realisation date"),
                ),
                ("arkivert", models.BooleanField(default=False, verbose_name="archived")),
                ("versjon", models.PositiveIntegerField(default=1, verbose_name="version")),
                (
                    "ansvarlig",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="responsible",
                    ),
                ),
                (
                    "eier",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="owner",
                    ),
                ),
            ],
            options={
                "verbose_name": "benefit",
                "verbose_name_plural": "benefits",
                "ordering": ["prosjekt", "tittel"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalIndikator",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("navn", models.CharField(max_length=200, verbose_name="name")),
                (
                    "enhet",
                    models.CharField(
                        choices=[
                            ("antall", "count"),
                            ("kroner", "NOK"),
                            ("prosent", "percent"),
                            ("timer", "hours"),
                        ],
                        max_length=20,
                        verbose_name="unit",
                    ),
                ),
                (
                    "nullpunkt",
                    models.DecimalField(decimal_places=2, max_digits=14, verbose_name="baseline"),
                ),
                (
                    "malverdi",
                    models.DecimalField(decimal_places=2, max_digits=14, verbose_name="target"),
                ),
                ("arkivert", models.BooleanField(default=False, verbose_name="archived")),
                ("versjon", models.PositiveIntegerField(default=1, verbose_name="version")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "gevinst",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="prosjekter.gevinst",
                        verbose_name="benefit",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical indicator",
                "verbose_name_plural": "historical indicators",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalKapasitet",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "fra_maned",
                    models.DateField(
                        help_text="The first day of a month.", verbose_name="from month"
                    ),
                ),
                (
                    "personprosent",
                    models.PositiveIntegerField(
                        help_text="E.g. 400 means four full-time persons.",
                        verbose_name="capacity (person-percent per month)",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "portefolje",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="portefolje.portefolje",
                        verbose_name="portfolio",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical capacity",
                "verbose_name_plural": "historical capacities",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalProsjekt",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("tittel", models.CharField(max_length=200, verbose_name="title")),
                (
                    "nummer",
                    models.CharField(db_index=True, max_length=30, verbose_name="project number"),
                ),
                ("malsetting", models.TextField(blank=True, verbose_name="goal")),
                (
                    "type",
                    models.CharField(
                        choices=[
                            ("ikt", "IT"),
                            ("organisasjonsutvikling", "Organisational development"),
                            ("bygg", "Building"),
                            ("anlegg", "Civil works"),
                            ("annet", "Other"),
                        ],
                        default="annet",
                        max_length=30,
                        verbose_name="type",
                    ),
                ),
                (
                    "fase",
                    models.CharField(
                        choices=[
                            ("konsept", "Concept"),
                            ("planlegge", "Plan"),
                            ("gjennomfore", "Execute"),
                            ("avslutte", "Close"),
                            ("realisere", "Realise"),
                        ],
                        default="konsept",
                        max_length=20,
                        verbose_name="phase",
                    ),
                ),
                (
                    "tilstand",
                    models.CharField(
                        choices=[
                            ("ikke_startet", "Not started"),
                            ("aktiv", "Active"),
                            ("pa_vent", "On hold"),
                            ("stoppet", "Stopped"),
                            ("avsluttet", "Closed"),
                        ],
                        default="ikke_startet",
                        max_length=20,
                        verbose_name="state",
                    ),
                ),
                ("startdato", models.DateField(blank=True, null=True, verbose_name="start date")),
                ("sluttdato", models.DateField(blank=True, null=True, verbose_name="end date")),
                (
                    "budsjett",
                    models.DecimalField(
                        blank=True,
                        decimal_places=0,
                        max_digits=14,
                        null=True,
                        verbose_name="budget (NOK)",
                    ),
                ),
                (
                    "arkivreferanse",
                    models.CharField(
                        blank=True, max_length=100, verbose_name="case/archive reference"
                    ),
                ),
                (
                    "rapportfrekvens_mnd",
                    models.PositiveSmallIntegerField(
                        default=1, verbose_name="status report every (months)"
                    ),
                ),
                (
                    "opprettet",
                    models.DateTimeField(blank=True, editable=False, verbose_name="created"),
                ),
                (
                    "endret",
                    models.DateTimeField(blank=True, editable=False, verbose_name="changed"),
                ),
                ("versjon", models.PositiveIntegerField(default=1, verbose_name="version")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "beslutning",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="velge.beslutning",
                        verbose_name="decision",
                    ),
                ),
                (
                    "gevinstansvarlig",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="benefits owner",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "konseptnotat",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="konseptnotat.konseptnotat",
                        verbose_name="concept note",
                    ),
                ),
                (
                    "portefolje",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="portefolje.portefolje",
                        verbose_name="portfolio",
                    ),
                ),
                (
                    "prosjekteier",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="project owner",
                    ),
                ),
                (
                    "prosjektleder",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="project manager",
                    ),
                ),
                (
                    "tjenesteomrade",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="portefolje.seksjon",
                        verbose_name="service area",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical project",
                "verbose_name_plural": "historical projects",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Indikator",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("navn", models.CharField(max_length=200, verbose_name="name")),
                (
                    "enhet",
                    models.CharField(
                        choices=[
                            ("antall", "count"),
                            ("kroner", "NOK"),
                            ("prosent", "percent"),
                            ("timer", "hours"),
                        ],
                        max_length=20,
                        verbose_name="unit",
                    ),
                ),
                (
                    "nullpunkt",
                    models.DecimalField(decimal_places=2, max_digits=14, verbose_name="baseline"),
                ),
                (
                    "malverdi",
                    models.DecimalField(decimal_places=2, max_digits=14, verbose_name="target"),
                ),
                ("arkivert", models.BooleanField(default=False, verbose_name="archived")),
                ("versjon", models.PositiveIntegerField(default=1, verbose_name="version")),
                (
                    "gevinst",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="indikatorer",
                        to="prosjekter.gevinst",
                        verbose_name="benefit",
                    ),
                ),
            ],
            options={
                "verbose_name": "indicator",
                "verbose_name_plural": "indicators",
                "ordering": ["gevinst", "navn"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalMaling",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("dato", models.DateField(verbose_name="date")),
                (
                    "verdi",
                    models.DecimalField(decimal_places=2, max_digits=14, verbose_name="value"),
                ),
                ("kommentar", models.TextField(blank=True, verbose_name="comment")),
                (
                    "registrert",
                    models.DateTimeField(blank=True, editable=False, verbose_name="registered"),
                ),
                ("versjon", models.PositiveIntegerField(default=1, verbose_name="version")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "registrert_av",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="registered by",
                    ),
                ),
                (
                    "indikator",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="prosjekter.indikator",
                        verbose_name="indicator",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical measurement",
                "verbose_name_plural": "historical measurements",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Kapasitet",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "fra_maned",
                    models.DateField(
                        help_text="The first day of a month.", verbose_name="from month"
                    ),
                ),
                (
                    "personprosent",
                    models.PositiveIntegerField(
                        help_text="E.g. 400 means four full-time persons.",
                        verbose_name="capacity (person-percent per month)",
                    ),
                ),
                (
                    "portefolje",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="kapasitet",
                        to="portefolje.portefolje",
                        verbose_name="portfolio",
                    ),
                ),
            ],
            options={
                "verbose_name": "capacity",
                "verbose_name_plural": "capacities",
                "ordering": ["portefolje", "fra_maned"],
            },
        ),
        migrations.CreateModel(
            name="Maling",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("dato", models.DateField(verbose_name="date")),
                (
                    "verdi",
                    models.DecimalField(decimal_places=2, max_digits=14, verbose_name="value"),
                ),
                ("kommentar", models.TextField(blank=True, verbose_name="comment")),
                ("registrert", models.DateTimeField(auto_now_add=True, verbose_name="registered")),
                ("versjon", models.PositiveIntegerField(default=1, verbose_name="version")),
                (
                    "indikator",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="malinger",
                        to="prosjekter.indikator",
                        verbose_name="indicator",
                    ),
                ),
                (
                    "registrert_av",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="registered by",
                    ),
                ),
            ],
            options={
                "verbose_name": "measurement",
                "verbose_name_plural": "measurements",
                "ordering": ["indikator", "dato", "id"],
            },
        ),
        migrations.CreateModel(
            name="Prosjekt",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("tittel", models.CharField(max_length=200, verbose_name="title")),
                (
                    "nummer",
                    models.CharField(max_length=30, unique=True, verbose_name="project number"),
                ),
                ("malsetting", models.TextField(blank=True, verbose_name="goal")),
                (
                    "type",
                    models.CharField(
                        choices=[
                            ("ikt", "IT"),
                            ("organisasjonsutvikling", "Organisational development"),
                            ("bygg", "Building"),
                            ("anlegg", "Civil works"),
                            ("annet", "Other"),
                        ],
                        default="annet",
                        max_length=30,
                        verbose_name="type",
                    ),
                ),
                (
                    "fase",
                    models.CharField(
                        choices=[
                            ("konsept", "Concept"),
                            ("planlegge", "Plan"),
                            ("gjennomfore", "Execute"),
                            ("avslutte", "Close"),
                            ("realisere", "Realise"),
                        ],
                        default="konsept",
                        max_length=20,
                        verbose_name="phase",
                    ),
                ),
                (
                    "tilstand",
                    models.CharField(
                        choices=[
                            ("ikke_startet", "Not started"),
                            ("aktiv", "Active"),
                            ("pa_vent", "On hold"),
                            ("stoppet", "Stopped"),
                            ("avsluttet", "Closed"),
                        ],
                        default="ikke_startet",
                        max_length=20,
                        verbose_name="state",
                    ),
                ),
                ("startdato", models.DateField(blank=True, null=True, verbose_name="start date")),
                ("sluttdato", models.DateField(blank=True, null=True, verbose_name="end date")),
                (
                    "budsjett",
                    models.DecimalField(
                        blank=True,
                        decimal_places=0,
                        max_digits=14,
                        null=True,
                        verbose_name="budget (NOK)",
                    ),
                ),
                (
                    "arkivreferanse",
                    models.CharField(
                        blank=True, max_length=100, verbose_name="case/archive reference"
                    ),
                ),
                (
                    "rapportfrekvens_mnd",
                    models.PositiveSmallIntegerField(
                        default=1, verbose_name="status report every (months)"
                    ),
                ),
                ("opprettet", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("endret", models.DateTimeField(auto_now=True, verbose_name="changed")),
                ("versjon", models.PositiveIntegerField(default=1, verbose_name="version")),
                (
                    "beslutning",
                    models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="prosjekt",
                        to="velge.beslutning",
                        verbose_name="decision",
                    ),
                ),
                (
                    "gevinstansvarlig",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="gevinstansvar",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="benefits owner",
                    ),
                ),
                (
                    "innspill",
                    models.ManyToManyField(
                        blank=True,
                        related_name="prosjekter",
                        to="ideer.innspill",
                        verbose_name="inputs",
                    ),
                ),
                (
                    "konseptnotat",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="prosjekter",
                        to="konseptnotat.konseptnotat",
                        verbose_name="concept note",
                    ),
                ),
                (
                    "portefolje",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="prosjekter",
                        to="portefolje.portefolje",
                        verbose_name="portfolio",
                    ),
                ),
                (
                    "prosjekteier",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="eide_prosjekter",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="project owner",
                    ),
                ),
                (
                    "prosjektleder",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="ledede_prosjekter",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="project manager",
                    ),
                ),
                (
                    "tjenesteomrade",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="prosjekter",
                        to="portefolje.seksjon",
                        verbose_name="service area",
                    ),
                ),
            ],
            options={
                "verbose_name": "project",
                "verbose_name_plural": "projects",
                "ordering": ["nummer"],
            },
        ),
        migrations.CreateModel(
            name="Leveranse",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("tittel", models.CharField(max_length=200, verbose_name="title")),
                ("beskrivelse", models.TextField(blank=True, verbose_name="description")),
                ("startdato", models.DateField(blank=True, null=True, verbose_name="start")),
                ("sluttdato", models.DateField(blank=True, null=True, verbose_name="end")),
                (
                    "akseptkriterier",
                    models.TextField(blank=True, verbose_name="acceptance criteria"),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("ihht_plan", "According to plan"),
                            ("sma_avvik", "Small deviations"),
                            ("store_avvik", "Large deviations"),
                            ("godkjent", "Approved"),
                        ],
                        default="ihht_plan",
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                (
                    "godkjent_dato",
                    models.DateField(blank=True, null=True, verbose_name="approved date"),
                ),
                ("arkivert", models.BooleanField(default=False, verbose_name="archived")),
                ("versjon", models.PositiveIntegerField(default=1, verbose_name="version")),
                (
                    "ansvarlig",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="responsible",
                    ),
                ),
                (
                    "prosjekt",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="leveranser",
                        to="prosjekter.prosjekt",
                        verbose_name="project",
                    ),
                ),
            ],
            options={
                "verbose_name": "deliverable",
                "verbose_name_plural": "deliverables",
                "ordering": ["prosjekt", "sluttdato", "id"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalUsikkerhet",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("tittel", models.CharField(max_length=200, verbose_name="title")),
                ("beskrivelse", models.TextField(blank=True, verbose_name="description")),
                (
                    "type",
                    models.CharField(
                        choices=[("risiko", "Risk"), ("mulighet", "Opportunity")],
                        default="risiko",
                        max_length=20,
                        verbose_name="kind",
                    ),
                ),
                (
                    "sannsynlighet",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(5),
                        ],
                        verbose_name="probability (1–5)",
                    ),
                ),
                (
                    "konsekvens",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(5),
                        ],
                        verbose_name="consequence (1–5)",
                    ),
                ),
                ("tiltak", models.TextField(blank=True, verbose_name="measures")),
                (
                    "strategi",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("unnga", "Avoid"),
                            ("redusere", "Reduce"),
                            ("overfore", "Transfer"),
                            ("akseptere", "Accept"),
                            ("utnytte", "Exploit"),
                            ("forsterke", "Enhance"),
                        ],
                        max_length=20,
                        verbose_name="strategy",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("apen", "Open"),
                            ("under_handtering", "Being handled"),
                            ("lukket", "Closed"),
                        ],
                        default="apen",
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                (
                    "sannsynlighet_etter",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(5),
                        ],
                        verbose_name="probability after measures",
                    ),
                ),
                (
                    "konsekvens_etter",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(5),
                        ],
                        verbose_name="consequence after measures",
                    ),
                ),
                ("arkivert", models.BooleanField(default=False, verbose_name="archived")),
                ("versjon", models.PositiveIntegerField(default=1, verbose_name="version")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "ansvarlig",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="responsible",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "prosjekt",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="prosjekter.prosjekt",
                        verbose_name="project",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical uncertainty",
                "verbose_name_plural": "historical uncertainties",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalStyringsbeslutning",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "type",
                    models.CharField(
                        choices=[
                            ("fortsett", "Continue"),
                            ("pa_vent", "Put on hold"),
                            ("stopp", "Stop"),
                            ("endre_fase", "Change phase"),
                            ("avslutt", "Close"),
                        ],
                        max_length=20,
                        verbose_name="decision",
                    ),
                ),
                ("begrunnelse", models.TextField(verbose_name="rationale")),
                (
                    "fra_tilstand",
                    models.CharField(
                        choices=[
                            ("ikke_startet", "Not started"),
                            ("aktiv", "Active"),
                            ("pa_vent", "On hold"),
                            ("stoppet", "Stopped"),
                            ("avsluttet", "Closed"),
                        ],
                        max_length=20,
                        verbose_name="state before",
                    ),
                ),
                (
                    "til_tilstand",
                    models.CharField(
                        choices=[
                            ("ikke_startet", "Not started"),
                            ("aktiv", "Active"),
                            ("pa_vent", "On hold"),
                            ("stoppet", "Stopped"),
                            ("avsluttet", "Closed"),
                        ],
                        max_length=20,
                        verbose_name="state after",
                    ),
                ),
                (
                    "fra_fase",
                    models.CharField(
                        choices=[
                            ("konsept", "Concept"),
                            ("planlegge", "Plan"),
                            ("gjennomfore", "Execute"),
                            ("avslutte", "Close"),
                            ("realisere", "Realise"),
                        ],
                        max_length=20,
                        verbose_name="phase before",
                    ),
                ),
                (
                    "til_fase",
                    models.CharField(
                        choices=[
                            ("konsept", "Concept"),
                            ("planlegge", "Plan"),
                            ("gjennomfore", "Execute"),
                            ("avslutte", "Close"),
                            ("realisere", "Realise"),
                        ],
                        max_length=20,
                        verbose_name="phase after",
                    ),
                ),
                (
                    "sjekkliste",
                    models.JSONField(blank=True, default=list, verbose_name="checklist confirmed"),
                ),
                (
                    "besluttet",
                    models.DateTimeField(blank=True, editable=False, verbose_name="decided"),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "besluttet_av",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="decided by",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "prosjekt",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="prosjekter.prosjekt",
                        verbose_name="project",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical steering decision",
                "verbose_name_plural": "historical steering decisions",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalStatusrapport",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "tilstand",
                    models.CharField(
                        choices=[("utkast", "Draft"), ("publisert", "Published")],
                        default="utkast",
                        max_length=20,
                        verbose_name="state",
                    ),
                ),
                (
                    "publisert",
                    models.DateTimeField(blank=True, null=True, verbose_name="published"),
                ),
                (
                    "oppnadd",
                    models.TextField(blank=True, verbose_name="achieved since the last report"),
                ),
                ("neste", models.TextField(blank=True, verbose_name="what comes next")),
                ("utfordringer", models.TextField(blank=True, verbose_name="challenges")),
                (
                    "fremdrift",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("foran_plan", "Ahead of plan"),
                            ("pa_plan", "On plan"),
                            ("mindre_forsinkelser", "Minor delays"),
                            ("forsinket", "Delayed"),
                        ],
                        max_length=30,
                        verbose_name="progress",
                    ),
                ),
                (
                    "fremdrift_kommentar",
                    models.TextField(blank=True, verbose_name="comment on progress"),
                ),
                (
                    "okonomi",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("under_budsjett", "Under budget"),
                            ("pa_budsjett", "On budget"),
                            ("mindre_overskridelser", "Minor overruns"),
                            ("vet_ikke", "Don't know"),
                            ("over_budsjett", "Over budget"),
                        ],
                        max_length=30,
                        verbose_name="finances",
                    ),
                ),
                (
                    "okonomi_kommentar",
                    models.TextField(blank=True, verbose_name="comment on finances"),
                ),
                (
                    "kvalitet",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("ihht_plan", "According to plan"),
                            ("sma_avvik", "Small deviations"),
                            ("store_avvik", "Large deviations"),
                        ],
                        max_length=30,
                        verbose_name="quality",
                    ),
                ),
                (
                    "kvalitet_kommentar",
                    models.TextField(blank=True, verbose_name="comment on quality"),
                ),
                (
                    "risiko",
                    models.CharField(
                        blank=True,
                        choices=[("lav", "Low"), ("medium", "Medium"), ("hoy", "High")],
                        max_length=30,
                        verbose_name="risk",
                    ),
                ),
                ("risiko_kommentar", models.TextField(blank=True, verbose_name="comment on risk")),
                (
                    "gevinstoppnaelse",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("forventes_oppnadd", "Expected to be achieved"),
                            ("usikker", "Uncertain"),
                            ("forventes_ikke", "Not expected to be achieved"),
                        ],
                        max_length=30,
                        verbose_name="benefits realisation",
                    ),
                ),
                (
                    "gevinstoppnaelse_kommentar",
                    models.TextField(blank=True, verbose_name="comment on benefits realisation"),
                ),
                (
                    "budsjett",
                    models.DecimalField(
                        blank=True,
                        decimal_places=0,
                        max_digits=14,
                        null=True,
                        verbose_name="budget (NOK)",
                    ),
                ),
                (
                    "kostnad_hittil",
                    models.DecimalField(
                        blank=True,
                        decimal_places=0,
                        max_digits=14,
                        null=True,
                        verbose_name="cost to date (NOK)",
                    ),
                ),
                (
                    "prognose",
                    models.DecimalField(
                        blank=True,
                        decimal_places=0,
                        max_digits=14,
                        null=True,
                        verbose_name="forecast (NOK)",
                    ),
                ),
                (
                    "farge",
                    models.CharField(
                        choices=[
                            ("gronn", "Green"),
                            ("gul", "Yellow"),
                            ("rod", "Red"),
                            ("gra", "Not set"),
                        ],
                        default="gra",
                        max_length=10,
                        verbose_name="overall colour",
                    ),
                ),
                ("versjon", models.PositiveIntegerField(default=1, verbose_name="version")),
                (
                    "opprettet",
                    models.DateTimeField(blank=True, editable=False, verbose_name="created"),
                ),
                (
                    "endret",
                    models.DateTimeField(blank=True, editable=False, verbose_name="changed"),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "skrevet_av",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="written by",
                    ),
                ),
                (
                    "prosjekt",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="prosjekter.prosjekt",
                        verbose_name="project",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical status report",
                "verbose_name_plural": "historical status reports",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalStartvedtak",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "foreslatt_start",
                    models.DateField(blank=True, null=True, verbose_name="proposed start month"),
                ),
                ("vedtatt_start", models.DateField(verbose_name="decided start month")),
                ("begrunnelse", models.TextField(verbose_name="rationale")),
                (
                    "besluttet",
                    models.DateTimeField(blank=True, editable=False, verbose_name="decided"),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "besluttet_av",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="decided by",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "prosjekt",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="prosjekter.prosjekt",
                        verbose_name="project",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical start decision",
                "verbose_name_plural": "historical start decisions",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalRessursallokering",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "type",
                    models.CharField(
                        choices=[
                            ("prosjekt", "Project"),
                            ("linje", "Line duties"),
                            ("fravaer", "Absence"),
                        ],
                        default="prosjekt",
                        max_length=20,
                        verbose_name="kind",
                    ),
                ),
                ("rolle", models.CharField(blank=True, max_length=120, verbose_name="role")),
                (
                    "belastning",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(0),
                            django.core.validators.MaxValueValidator(100),
                        ],
                        verbose_name="load (%)",
                    ),
                ),
                ("fra", models.DateField(verbose_name="from")),
                ("til", models.DateField(verbose_name="to")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("forespurt", "Requested"),
                            ("tildelt", "Assigned"),
                            ("avvist", "Rejected"),
                        ],
                        default="forespurt",
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                ("kommentar", models.CharField(blank=True, max_length=300, verbose_name="comment")),
                ("arkivert", models.BooleanField(default=False, verbose_name="archived")),
                ("versjon", models.PositiveIntegerField(default=1, verbose_name="version")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Leave empty when only the role is known.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="person",
                    ),
                ),
                (
                    "prosjekt",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="prosjekter.prosjekt",
                        verbose_name="project",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical resource allocation",
                "verbose_name_plural": "historical resource allocations",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalLeveranse",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("tittel", models.CharField(max_length=200, verbose_name="title")),
                ("beskrivelse", models.TextField(blank=True, verbose_name="description")),
                ("startdato", models.DateField(blank=True, null=True, verbose_name="start")),
                ("sluttdato", models.DateField(blank=True, null=True, verbose_name="end")),
                (
                    "akseptkriterier",
                    models.TextField(blank=True, verbose_name="acceptance criteria"),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("ihht_plan", "According to plan"),
                            ("sma_avvik", "Small deviations"),
                            ("store_avvik", "Large deviations"),
                            ("godkjent", "Approved"),
                        ],
                        default="ihht_plan",
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                (
                    "godkjent_dato",
                    models.DateField(blank=True, null=True, verbose_name="approved date"),
                ),
                ("arkivert", models.BooleanField(default=False, verbose_name="archived")),
                ("versjon", models.PositiveIntegerField(default=1, verbose_name="version")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "ansvarlig",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="responsible",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "prosjekt",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="prosjekter.prosjekt",
                        verbose_name="project",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical deliverable",
                "verbose_name_plural": "historical deliverables",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalGevinst",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("tittel", models.CharField(max_length=200, verbose_name="title")),
                ("beskrivelse", models.TextField(blank=True, verbose_name="description")),
                (
                    "type",
                    models.CharField(
                        choices=[
                            ("okonomisk", "Financial (NOK)"),
                            ("tid_spart", "Time saved"),
                            ("kvalitativ", "Qualitative"),
                        ],
                        max_length=20,
                        verbose_name="type",
                    ),
                ),
                (
                    "realiseringsdato",
                    models.DateField(blank=True, null=True, verbose_name="realisation date"),
                ),
                ("arkivert", models.BooleanField(default=False, verbose_name="archived")),
                ("versjon", models.PositiveIntegerField(default=1, verbose_name="version")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "ansvarlig",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="responsible",
                    ),
                ),
                (
                    "eier",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="owner",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "prosjekt",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="prosjekter.prosjekt",
                        verbose_name="project",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical benefit",
                "verbose_name_plural": "historical benefits",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name="gevinst",
            name="prosjekt",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="gevinster",
                to="prosjekter.prosjekt",
                verbose_name="project",
            ),
        ),
        migrations.CreateModel(
            name="Ressursallokering",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "type",
                    models.CharField(
                        choices=[
                            ("prosjekt", "Project"),
                            ("linje", "Line duties"),
                            ("fravaer", "Absence"),
                        ],
                        default="prosjekt",
                        max_length=20,
                        verbose_name="kind",
                    ),
                ),
                ("rolle", models.CharField(blank=True, max_length=120, verbose_name="role")),
                (
                    "belastning",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(0),
                            django.core.validators.MaxValueValidator(100),
                        ],
                        verbose_name="load (%)",
                    ),
                ),
                ("fra", models.DateField(verbose_name="from")),
                ("til", models.DateField(verbose_name="to")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("forespurt", "Requested"),
                            ("tildelt", "Assigned"),
                            ("avvist", "Rejected"),
                        ],
                        default="forespurt",
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                ("kommentar", models.CharField(blank=True, max_length=300, verbose_name="comment")),
                ("arkivert", models.BooleanField(default=False, verbose_name="archived")),
                ("versjon", models.PositiveIntegerField(default=1, verbose_name="version")),
                (
                    "person",
                    models.ForeignKey(
                        blank=True,
                        help_text="Leave empty when only the role is known.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="allokeringer",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="person",
                    ),
                ),
                (
                    "prosjekt",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="allokeringer",
                        to="prosjekter.prosjekt",
                        verbose_name="project",
                    ),
                ),
            ],
            options={
                "verbose_name": "resource allocation",
                "verbose_name_plural": "resource allocations",
                "ordering": ["fra", "id"],
            },
        ),
        migrations.CreateModel(
            name="Ressursbehov",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "maned_nr",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(120),
                        ],
                        verbose_name="project month",
                    ),
                ),
                (
                    "personprosent",
                    models.PositiveIntegerField(
                        help_text="100 means one full-time person for the month.",
                        verbose_name="person-percent",
                    ),
                ),
                (
                    "prosjekt",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="ressursbehov",
                        to="prosjekter.prosjekt",
                        verbose_name="project",
                    ),
                ),
            ],
            options={
                "verbose_name": "resource need",
                "verbose_name_plural": "resource needs",
                "ordering": ["prosjekt", "maned_nr"],
            },
        ),
        migrations.CreateModel(
            name="Startvedtak",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "foreslatt_start",
                    models.DateField(blank=True, null=True, verbose_name="proposed start month"),
                ),
                ("vedtatt_start", models.DateField(verbose_name="decided start month")),
                ("begrunnelse", models.TextField(verbose_name="rationale")),
                ("besluttet", models.DateTimeField(auto_now_add=True, verbose_name="decided")),
                (
                    "besluttet_av",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="decided by",
                    ),
                ),
                (
                    "prosjekt",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="startvedtak",
                        to="prosjekter.prosjekt",
                        verbose_name="project",
                    ),
                ),
            ],
            options={
                "verbose_name": "start decision",
                "verbose_name_plural": "start decisions",
                "ordering": ["-besluttet", "-id"],
            },
        ),
        migrations.CreateModel(
            name="Statusrapport",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "tilstand",
                    models.CharField(
                        choices=[("utkast", "Draft"), ("publisert", "Published")],
                        default="utkast",
                        max_length=20,
                        verbose_name="state",
                    ),
                ),
                (
                    "publisert",
                    models.DateTimeField(blank=True, null=True, verbose_name="published"),
                ),
                (
                    "oppnadd",
                    models.TextField(blank=True, verbose_name="achieved since the last report"),
                ),
                ("neste", models.TextField(blank=True, verbose_name="what comes next")),
                ("utfordringer", models.TextField(blank=True, verbose_name="challenges")),
                (
                    "fremdrift",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("foran_plan", "Ahead of plan"),
                            ("pa_plan", "On plan"),
                            ("mindre_forsinkelser", "Minor delays"),
                            ("forsinket", "Delayed"),
                        ],
                        max_length=30,
                        verbose_name="progress",
                    ),
                ),
                (
                    "fremdrift_kommentar",
                    models.TextField(blank=True, verbose_name="comment on progress"),
                ),
                (
                    "okonomi",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("under_budsjett", "Under budget"),
                            ("pa_budsjett", "On budget"),
                            ("mindre_overskridelser", "Minor overruns"),
                            ("vet_ikke", "Don't know"),
                            ("over_budsjett", "Over budget"),
                        ],
                        max_length=30,
                        verbose_name="finances",
                    ),
                ),
                (
                    "okonomi_kommentar",
                    models.TextField(blank=True, verbose_name="comment on finances"),
                ),
                (
                    "kvalitet",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("ihht_plan", "According to plan"),
                            ("sma_avvik", "Small deviations"),
                            ("store_avvik", "Large deviations"),
                        ],
                        max_length=30,
                        verbose_name="quality",
                    ),
                ),
                (
                    "kvalitet_kommentar",
                    models.TextField(blank=True, verbose_name="comment on quality"),
                ),
                (
                    "risiko",
                    models.CharField(
                        blank=True,
                        choices=[("lav", "Low"), ("medium", "Medium"), ("hoy", "High")],
                        max_length=30,
                        verbose_name="risk",
                    ),
                ),
                ("risiko_kommentar", models.TextField(blank=True, verbose_name="comment on risk")),
                (
                    "gevinstoppnaelse",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("forventes_oppnadd", "Expected to be achieved"),
                            ("usikker", "Uncertain"),
                            ("forventes_ikke", "Not expected to be achieved"),
                        ],
                        max_length=30,
                        verbose_name="benefits realisation",
                    ),
                ),
                (
                    "gevinstoppnaelse_kommentar",
                    models.TextField(blank=True, verbose_name="comment on benefits realisation"),
                ),
                (
                    "budsjett",
                    models.DecimalField(
                        blank=True,
                        decimal_places=0,
                        max_digits=14,
                        null=True,
                        verbose_name="budget (NOK)",
                    ),
                ),
                (
                    "kostnad_hittil",
                    models.DecimalField(
                        blank=True,
                        decimal_places=0,
                        max_digits=14,
                        null=True,
                        verbose_name="cost to date (NOK)",
                    ),
                ),
                (
                    "prognose",
                    models.DecimalField(
                        blank=True,
                        decimal_places=0,
                        max_digits=14,
                        null=True,
                        verbose_name="forecast (NOK)",
                    ),
                ),
                (
                    "farge",
                    models.CharField(
                        choices=[
                            ("gronn", "Green"),
                            ("gul", "Yellow"),
                            ("rod", "Red"),
                            ("gra", "Not set"),
                        ],
                        default="gra",
                        max_length=10,
                        verbose_name="overall colour",
                    ),
                ),
                ("versjon", models.PositiveIntegerField(default=1, verbose_name="version")),
                ("opprettet", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("endret", models.DateTimeField(auto_now=True, verbose_name="changed")),
                (
                    "prosjekt",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="statusrapporter",
                        to="prosjekter.prosjekt",
                        verbose_name="project",
                    ),
                ),
                (
                    "skrevet_av",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="written by",
                    ),
                ),
            ],
            options={
                "verbose_name": "status report",
                "verbose_name_plural": "status reports",
                "ordering": ["prosjekt", "-publisert", "-opprettet"],
            },
        ),
        migrations.CreateModel(
            name="Styringsbeslutning",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "type",
                    models.CharField(
                        choices=[
                            ("fortsett", "Continue"),
                            ("pa_vent", "Put on hold"),
                            ("stopp", "Stop"),
                            ("endre_fase", "Change phase"),
                            ("avslutt", "Close"),
                        ],
                        max_length=20,
                        verbose_name="decision",
                    ),
                ),
                ("begrunnelse", models.TextField(verbose_name="rationale")),
                (
                    "fra_tilstand",
                    models.CharField(
                        choices=[
                            ("ikke_startet", "Not started"),
                            ("aktiv", "Active"),
                            ("pa_vent", "On hold"),
                            ("stoppet", "Stopped"),
                            ("avsluttet", "Closed"),
                        ],
                        max_length=20,
                        verbose_name="state before",
                    ),
                ),
                (
                    "til_tilstand",
                    models.CharField(
                        choices=[
                            ("ikke_startet", "Not started"),
                            ("aktiv", "Active"),
                            ("pa_vent", "On hold"),
                            ("stoppet", "Stopped"),
                            ("avsluttet", "Closed"),
                        ],
                        max_length=20,
                        verbose_name="state after",
                    ),
                ),
                (
                    "fra_fase",
                    models.CharField(
                        choices=[
                            ("konsept", "Concept"),
                            ("planlegge", "Plan"),
                            ("gjennomfore", "Execute"),
                            ("avslutte", "Close"),
                            ("realisere", "Realise"),
                        ],
                        max_length=20,
                        verbose_name="phase before",
                    ),
                ),
                (
                    "til_fase",
                    models.CharField(
                        choices=[
                            ("konsept", "Concept"),
                            ("planlegge", "Plan"),
                            ("gjennomfore", "Execute"),
                            ("avslutte", "Close"),
                            ("realisere", "Realise"),
                        ],
                        max_length=20,
                        verbose_name="phase after",
                    ),
                ),
                (
                    "sjekkliste",
                    models.JSONField(blank=True, default=list, verbose_name="checklist confirmed"),
                ),
                ("besluttet", models.DateTimeField(auto_now_add=True, verbose_name="decided")),
                (
                    "besluttet_av",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="styringsbeslutninger",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="decided by",
                    ),
                ),
                (
                    "prosjekt",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="styringsbeslutninger",
                        to="prosjekter.prosjekt",
                        verbose_name="project",
                    ),
                ),
            ],
            options={
                "verbose_name": "steering decision",
                "verbose_name_plural": "steering decisions",
                "ordering": ["-besluttet", "-id"],
            },
        ),
        migrations.CreateModel(
            name="Usikkerhet",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("tittel", models.CharField(max_length=200, verbose_name="title")),
                ("beskrivelse", models.TextField(blank=True, verbose_name="description")),
                (
                    "type",
                    models.CharField(
                        choices=[("risiko", "Risk"), ("mulighet", "Opportunity")],
                        default="risiko",
                        max_length=20,
                        verbose_name="kind",
                    ),
                ),
                (
                    "sannsynlighet",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(5),
                        ],
                        verbose_name="probability (1–5)",
                    ),
                ),
                (
                    "konsekvens",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(5),
                        ],
                        verbose_name="consequence (1–5)",
                    ),
                ),
                ("tiltak", models.TextField(blank=True, verbose_name="measures")),
                (
                    "strategi",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("unnga", "Avoid"),
                            ("redusere", "Reduce"),
                            ("overfore", "Transfer"),
                            ("akseptere", "Accept"),
                            ("utnytte", "Exploit"),
                            ("forsterke", "Enhance"),
                        ],
                        max_length=20,
                        verbose_name="strategy",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("apen", "Open"),
                            ("under_handtering", "Being handled"),
                            ("lukket", "Closed"),
                        ],
                        default="apen",
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                (
                    "sannsynlighet_etter",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(5),
                        ],
                        verbose_name="probability after measures",
                    ),
                ),
                (
                    "konsekvens_etter",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(5),
                        ],
                        verbose_name="consequence after measures",
                    ),
                ),
                ("arkivert", models.BooleanField(default=False, verbose_name="archived")),
                ("versjon", models.PositiveIntegerField(default=1, verbose_name="version")),
                (
                    "ansvarlig",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="responsible",
                    ),
                ),
                (
                    "prosjekt",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="usikkerheter",
                        to="prosjekter.prosjekt",
                        verbose_name="project",
                    ),
                ),
            ],
            options={
                "verbose_name": "uncertainty",
                "verbose_name_plural": "uncertainties",
                "ordering": ["prosjekt", "-sannsynlighet", "-konsekvens", "id"],
            },
        ),
        migrations.AddConstraint(
            model_name="indikator",
            constraint=models.CheckConstraint(
                condition=models.Q(("enhet__in", ["antall", "kroner", "prosent", "timer"])),
                name="indikator_enhet_gyldig",
            ),
        ),
        migrations.AddConstraint(
            model_name="kapasitet",
            constraint=models.UniqueConstraint(
                fields=("portefolje", "fra_maned"), name="en_kapasitet_per_portefolje_maned"
            ),
        ),
        migrations.AddConstraint(
            model_name="prosjekt",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("type__in", ["ikt", "organisasjonsutvikling", "bygg", "anlegg", "annet"])
                ),
                name="prosjekt_type_gyldig",
            ),
        ),
        migrations.AddConstraint(
            model_name="prosjekt",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("fase__in", ["konsept", "planlegge", "gjennomfore", "avslutte", "realisere"])
                ),
                name="prosjekt_fase_gyldig",
            ),
        ),
        migrations.AddConstraint(
            model_name="prosjekt",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("tilstand__in", ["ikke_startet", "aktiv", "pa_vent", "stoppet", "avsluttet"])
                ),
                name="prosjekt_tilstand_gyldig",
            ),
        ),
        migrations.AddConstraint(
            model_name="prosjekt",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("sluttdato__isnull", True),
                    ("startdato__isnull", True),
                    ("sluttdato__gte", models.F("startdato")),
                    _connector="OR",
                ),
                name="prosjekt_slutt_etter_start",
            ),
        ),
        migrations.AddConstraint(
            model_name="prosjekt",
            constraint=models.CheckConstraint(
                condition=models.Q(("rapportfrekvens_mnd__gte", 1)),
                name="prosjekt_rapportfrekvens_positiv",
            ),
        ),
        migrations.AddConstraint(
            model_name="leveranse",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("status__in", ["ihht_plan", "sma_avvik", "store_avvik", "godkjent"])
                ),
                name="leveranse_status_gyldig",
            ),
        ),
        migrations.AddConstraint(
            model_name="leveranse",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("sluttdato__isnull", True),
                    ("startdato__isnull", True),
                    ("sluttdato__gte", models.F("startdato")),
                    _connector="OR",
                ),
                name="leveranse_slutt_etter_start",
            ),
        ),
        migrations.AddConstraint(
            model_name="gevinst",
            constraint=models.CheckConstraint(
                condition=models.Q(("type__in", ["okonomisk", "tid_spart", "kvalitativ"])),
                name="gevinst_type_gyldig",
            ),
        ),
        migrations.AddIndex(
            model_name="ressursallokering",
            index=models.Index(
                condition=models.Q(("arkivert", False)),
                fields=["person", "fra", "til"],
                name="allokering_person_idx",
            ),
        ),
        migrations.AddConstraint(
            model_name="ressursallokering",
            constraint=models.CheckConstraint(
                condition=models.Q(("type__in", ["prosjekt", "linje", "fravaer"])),
                name="allokering_type_gyldig",
            ),
        ),
        migrations.AddConstraint(
            model_name="ressursallokering",
            constraint=models.CheckConstraint(
                condition=models.Q(("status__in", ["forespurt", "tildelt", "avvist"])),
                name="allokering_status_gyldig",
            ),
        ),
        migrations.AddConstraint(
            model_name="ressursallokering",
            constraint=models.CheckConstraint(
                condition=models.Q(("belastning__gte", 0), ("belastning__lte", 100)),
                name="allokering_belastning_0_til_100",
            ),
        ),
        migrations.AddConstraint(
            model_name="ressursallokering",
            constraint=models.CheckConstraint(
                condition=models.Q(("til__gte", models.F("fra"))), name="allokering_til_etter_fra"
            ),
        ),
        migrations.AddConstraint(
            model_name="ressursallokering",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("type", "prosjekt"), _negated=True),
                    ("prosjekt__isnull", False),
                    _connector="OR",
                ),
                name="prosjektallokering_har_prosjekt",
            ),
        ),
        migrations.AddConstraint(
            model_name="ressursallokering",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("person__isnull", False),
                    models.Q(("rolle", ""), _negated=True),
                    _connector="OR",
                ),
                name="allokering_har_person_eller_rolle",
            ),
        ),
        migrations.AddConstraint(
            model_name="ressursbehov",
            constraint=models.UniqueConstraint(
                fields=("prosjekt", "maned_nr"), name="ett_ressursbehov_per_prosjektmaned"
            ),
        ),
        migrations.AddConstraint(
            model_name="ressursbehov",
            constraint=models.CheckConstraint(
                condition=models.Q(("maned_nr__gte", 1)), name="ressursbehov_maned_fra_1"
            ),
        ),
        migrations.AddConstraint(
            model_name="startvedtak",
            constraint=models.CheckConstraint(
                condition=models.Q(("begrunnelse", ""), _negated=True),
                name="startvedtak_har_begrunnelse",
            ),
        ),
        migrations.AddIndex(
            model_name="statusrapport",
            index=models.Index(
                condition=models.Q(("tilstand", "publisert")),
                fields=["prosjekt", "-publisert"],
                name="statusrapport_publisert_idx",
            ),
        ),
        migrations.AddConstraint(
            model_name="statusrapport",
            constraint=models.CheckConstraint(
                condition=models.Q(("tilstand__in", ["utkast", "publisert"])),
                name="statusrapport_tilstand_gyldig",
            ),
        ),
        migrations.AddConstraint(
            model_name="statusrapport",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("tilstand", "utkast"), ("publisert__isnull", False), _connector="OR"
                ),
                name="publisert_rapport_har_tidspunkt",
            ),
        ),
        migrations.AddConstraint(
            model_name="statusrapport",
            constraint=models.CheckConstraint(
                condition=models.Q(("farge__in", ["gronn", "gul", "rod", "gra"])),
                name="statusrapport_farge_gyldig",
            ),
        ),
        migrations.AddConstraint(
            model_name="statusrapport",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "fremdrift__in",
                        ["foran_plan", "pa_plan", "mindre_forsinkelser", "forsinket", ""],
                    )
                ),
                name="statusrapport_fremdrift_gyldig",
            ),
        ),
        migrations.AddConstraint(
            model_name="statusrapport",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "okonomi__in",
                        [
                            "under_budsjett",
                            "pa_budsjett",
                            "mindre_overskridelser",
                            "vet_ikke",
                            "over_budsjett",
                            "",
                        ],
                    )
                ),
                name="statusrapport_okonomi_gyldig",
            ),
        ),
        migrations.AddConstraint(
            model_name="statusrapport",
            constraint=models.CheckConstraint(
                condition=models.Q(("kvalitet__in", ["ihht_plan", "sma_avvik", "store_avvik", ""])),
                name="statusrapport_kvalitet_gyldig",
            ),
        ),
        migrations.AddConstraint(
            model_name="statusrapport",
            constraint=models.CheckConstraint(
                condition=models.Q(("risiko__in", ["lav", "medium", "hoy", ""])),
                name="statusrapport_risiko_gyldig",
            ),
        ),
        migrations.AddConstraint(
            model_name="statusrapport",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("gevinstoppnaelse__in", ["forventes_oppnadd", "usikker", "forventes_ikke", ""])
                ),
                name="statusrapport_gevinst_gyldig",
            ),
        ),
        migrations.AddConstraint(
            model_name="statusrapport",
            constraint=models.UniqueConstraint(
                condition=models.Q(("tilstand", "utkast")),
                fields=("prosjekt",),
                name="ett_utkast_per_prosjekt",
            ),
        ),
        migrations.AddConstraint(
            model_name="styringsbeslutning",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("type__in", ["fortsett", "pa_vent", "stopp", "endre_fase", "avslutt"])
                ),
                name="styringsbeslutning_type_gyldig",
            ),
        ),
        migrations.AddConstraint(
            model_name="styringsbeslutning",
            constraint=models.CheckConstraint(
                condition=models.Q(("begrunnelse", ""), _negated=True),
                name="styringsbeslutning_har_begrunnelse",
            ),
        ),
        migrations.AddConstraint(
            model_name="usikkerhet",
            constraint=models.CheckConstraint(
                condition=models.Q(("type__in", ["risiko", "mulighet"])),
                name="usikkerhet_type_gyldig",
            ),
        ),
        migrations.AddConstraint(
            model_name="usikkerhet",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "strategi__in",
                        ["unnga", "redusere", "overfore", "akseptere", "utnytte", "forsterke", ""],
                    )
                ),
                name="usikkerhet_strategi_gyldig",
            ),
        ),
        migrations.AddConstraint(
            model_name="usikkerhet",
            constraint=models.CheckConstraint(
                condition=models.Q(("status__in", ["apen", "under_handtering", "lukket"])),
                name="usikkerhet_status_gyldig",
            ),
        ),
        migrations.AddConstraint(
            model_name="usikkerhet",
            constraint=models.CheckConstraint(
                condition=models.Q(("sannsynlighet__gte", 1), ("sannsynlighet__lte", 5)),
                name="usikkerhet_sannsynlighet_1_til_5",
            ),
        ),
        migrations.AddConstraint(
            model_name="usikkerhet",
            constraint=models.CheckConstraint(
                condition=models.Q(("konsekvens__gte", 1), ("konsekvens__lte", 5)),
                name="usikkerhet_konsekvens_1_til_5",
            ),
        ),
        migrations.AddConstraint(
            model_name="usikkerhet",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("sannsynlighet_etter__isnull", True),
                    models.Q(("sannsynlighet_etter__gte", 1), ("sannsynlighet_etter__lte", 5)),
                    _connector="OR",
                ),
                name="usikkerhet_sannsynlighet_etter_1_til_5",
            ),
        ),
        migrations.AddConstraint(
            model_name="usikkerhet",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("konsekvens_etter__isnull", True),
                    models.Q(("konsekvens_etter__gte", 1), ("konsekvens_etter__lte", 5)),
                    _connector="OR",
                ),
                name="usikkerhet_konsekvens_etter_1_til_5",
            ),
        ),
    ]
