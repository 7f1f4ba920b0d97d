import django.contrib.postgres.search
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

import ideer.models

# PostgreSQL-only search indexes: full-text (GIN on the stored vector) and trigram similarity.
# On SQLite (the try-it-out default) these steps do nothing; search falls back to substring
# matching there (InnspillQuerySet.sok) and duplicate suggestions to word overlap.
INDEKSER = [
    # The list's ?q= search (InnspillQuerySet.sok).
    ("innspill_sokevektor_gin", "USING gin (sokevektor)"),
    # Suggested duplicates by title similarity (ideer.selectors.foreslatte_duplikater).
    ("innspill_tittel_trgm", "USING gin (tittel gin_trgm_ops)"),
]


def lag_indekser(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for navn, bruk in INDEKSER:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {navn} ON ideer_innspill {bruk}")


def fjern_indekser(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for navn, _bruk in INDEKSER:
        schema_editor.execute(f"DROP INDEX IF EXISTS {navn}")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("portefolje", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Innspill",
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
                        choices=[("ide", "Idea or input"), ("bestilling", "Order")],
                        default="ide",
                        max_length=20,
                        verbose_name="kind",
                    ),
                ),
                ("tittel", models.CharField(max_length=200, verbose_name="title")),
                ("beskrivelse", models.TextField(max_length=10000, verbose_name="need or problem")),
                (
                    "losningsforslag",
                    models.TextField(
                        blank=True, max_length=10000, verbose_name="suggested solution"
                    ),
                ),
                (
                    "forventet_gevinst",
                    models.TextField(blank=True, max_length=10000, verbose_name="expected benefit"),
                ),
                (
                    "opphav",
                    models.CharField(
                        choices=[
                            ("politisk", "Political"),
                            ("administrativ", "Administrative"),
                            ("tilskudd", "Grant"),
                            ("uforutsett_hendelse", "Unforeseen event"),
                            ("kommunestyret", "The municipal council"),
                            ("ledergruppa", "The leadership group"),
                            ("ledere", "Leaders"),
                            ("medarbeidere", "Employees"),
                            ("naeringsliv", "Businesses"),
                            ("innbyggere", "Citizens"),
                        ],
                        max_length=30,
                        verbose_name="source",
                    ),
                ),
                (
                    "kanal",
                    models.CharField(
                        choices=[
                            ("portal", "The portal's form"),
                            ("offentlig_skjema", "The public form"),
                            ("sammenskapervi", "sammenskapervi.no"),
                            ("slikskapervi", "slikskapervi.no"),
                            ("vedtak", "Decision (vedtak)"),
                            ("strategi", "Strategy"),
                            ("plan", "Plan"),
                            ("annet", "Other"),
                        ],
                        max_length=30,
                        verbose_name="channel",
                    ),
                ),
                (
                    "referanse",
                    models.CharField(
                        blank=True,
                        help_text="A case number such as «PS 45/26», a plan's name or a link.",
                        max_length=300,
                        verbose_name="reference",
                    ),
                ),
                (
                    "innsender_navn",
                    models.CharField(blank=True, max_length=200, verbose_name="submitter's name"),
                ),
                (
                    "innsender_epost",
                    models.EmailField(
                        blank=True, max_length=254, verbose_name="submitter's e-mail"
                    ),
                ),
                (
                    "samtykke_epost",
                    models.BooleanField(default=False, verbose_name="consents to e-mail updates"),
                ),
                (
                    "palagt",
                    models.BooleanField(
                        default=False,
                        help_text="Can be rejected only by KLG, not by triage.",
                        verbose_name="imposed by law or political decision",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("ny", "New"),
                            ("under_vurdering", "Under consideration"),
                            ("konseptnotat_bestilt", "Concept note ordered"),
                            ("besvart", "Answered"),
                            ("avvist", "Rejected"),
                            ("slatt_sammen", "Merged"),
                            ("parkert", "Parked"),
                        ],
                        default="ny",
                        max_length=30,
                        verbose_name="status",
                    ),
                ),
                (
                    "avvisningsgrunn",
                    models.TextField(blank=True, verbose_name="reason for rejection"),
                ),
                (
                    "parkert_til",
                    models.DateField(blank=True, null=True, verbose_name="parked until"),
                ),
                ("offentlig_svar", models.TextField(blank=True, verbose_name="public answer")),
                (
                    "kode",
                    models.CharField(
                        default=ideer.models.ny_kvitteringskode,
                        editable=False,
                        max_length=20,
                        unique=True,
                        verbose_name="receipt code",
                    ),
                ),
                (
                    "ekstern_id",
                    models.CharField(
                        blank=True,
                        help_text="The id in the imported export.",
                        max_length=100,
                        verbose_name="external id",
                    ),
                ),
                (
                    "opprettet",
                    models.DateTimeField(auto_now_add=True, db_index=True, verbose_name="created"),
                ),
                ("endret", models.DateTimeField(auto_now=True, verbose_name="changed")),
                ("lukket", models.DateTimeField(blank=True, null=True, verbose_name="closed")),
                (
                    "anonymisert",
                    models.DateTimeField(
                        blank=True, null=True, verbose_name="personal data removed"
                    ),
                ),
                (
                    "versjon",
                    models.PositiveIntegerField(default=1, editable=False, verbose_name="version"),
                ),
                (
                    "sokevektor",
                    django.contrib.postgres.search.SearchVectorField(
                        blank=True, editable=False, null=True
                    ),
                ),
                (
                    "initiativtaker",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="bestilte_konseptnotater",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="initiator asked for a concept note",
                    ),
                ),
                (
                    "innsender",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="innspill",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="submitted by",
                    ),
                ),
                (
                    "portefolje",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="innspill",
                        to="portefolje.portefolje",
                        verbose_name="portfolio",
                    ),
                ),
                (
                    "seksjoner",
                    models.ManyToManyField(
                        blank=True,
                        related_name="innspill",
                        to="portefolje.seksjon",
                        verbose_name="sections affected",
                    ),
                ),
                (
                    "slatt_sammen_med",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="sammenslatte",
                        to="ideer.innspill",
                        verbose_name="merged into",
                    ),
                ),
            ],
            options={
                "verbose_name": "input",
                "verbose_name_plural": "inputs",
                "ordering": ["-opprettet", "-id"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalInnspill",
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
                        choices=[("ide", "Idea or input"), ("bestilling", "Order")],
                        default="ide",
                        max_length=20,
                        verbose_name="kind",
                    ),
                ),
                ("tittel", models.CharField(max_length=200, verbose_name="title")),
                ("beskrivelse", models.TextField(max_length=10000, verbose_name="need or problem")),
                (
                    "losningsforslag",
                    models.TextField(
                        blank=True, max_length=10000, verbose_name="suggested solution"
                    ),
                ),
                (
                    "forventet_gevinst",
                    models.TextField(blank=True, max_length=10000, verbose_name="expected benefit"),
                ),
                (
                    "opphav",
                    models.CharField(
                        choices=[
                            ("politisk", "Political"),
                            ("administrativ", "Administrative"),
                            ("tilskudd", "Grant"),
                            ("uforutsett_hendelse", "Unforeseen event"),
                            ("kommunestyret", "The municipal council"),
                            ("ledergruppa", "The leadership group"),
                            ("ledere", "Leaders"),
                            ("medarbeidere", "Employees"),
                            ("naeringsliv", "Businesses"),
                            ("innbyggere", "Citizens"),
                        ],
                        max_length=30,
                        verbose_name="source",
                    ),
                ),
                (
                    "kanal",
                    models.CharField(
                        choices=[
                            ("portal", "The portal's form"),
                            ("offentlig_skjema", "The public form"),
                            ("sammenskapervi", "sammenskapervi.no"),
                            ("slikskapervi", "slikskapervi.no"),
                            ("vedtak", "Decision (vedtak)"),
                            ("strategi", "Strategy"),
                            ("plan", "Plan"),
                            ("annet", "Other"),
                        ],
                        max_length=30,
                        verbose_name="channel",
                    ),
                ),
                (
                    "referanse",
                    models.CharField(
                        blank=True,
                        help_text="A case number such as «PS 45/26», a plan's name or a link.",
                        max_length=300,
                        verbose_name="reference",
                    ),
                ),
                (
                    "innsender_navn",
                    models.CharField(blank=True, max_length=200, verbose_name="submitter's name"),
                ),
                (
                    "innsender_epost",
                    models.EmailField(
                        blank=True, max_length=254, verbose_name="submitter's e-mail"
                    ),
                ),
                (
                    "samtykke_epost",
                    models.BooleanField(default=False, verbose_name="consents to e-mail updates"),
                ),
                (
                    "palagt",
                    models.BooleanField(
                        default=False,
                        help_text="Can be rejected only by KLG, not by triage.",
                        verbose_name="imposed by law or political decision",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("ny", "New"),
                            ("under_vurdering", "Under consideration"),
                            ("konseptnotat_bestilt", "Concept note ordered"),
                            ("besvart", "Answered"),
                            ("avvist", "Rejected"),
                            ("slatt_sammen", "Merged"),
                            ("parkert", "Parked"),
                        ],
                        default="ny",
                        max_length=30,
                        verbose_name="status",
                    ),
                ),
                (
                    "avvisningsgrunn",
                    models.TextField(blank=True, verbose_name="reason for rejection"),
                ),
                (
                    "parkert_til",
                    models.DateField(blank=True, null=True, verbose_name="parked until"),
                ),
                ("offentlig_svar", models.TextField(blank=True, verbose_name="public answer")),
                (
                    "kode",
                    models.CharField(
                        db_index=True,
                        default=ideer.models.ny_kvitteringskode,
                        editable=False,
                        max_length=20,
                        verbose_name="receipt code",
                    ),
                ),
                (
                    "ekstern_id",
                    models.CharField(
                        blank=True,
                        help_text="The id in the imported export.",
                        max_length=100,
                        verbose_name="external id",
                    ),
                ),
                (
                    "opprettet",
                    models.DateTimeField(
                        blank=True, db_index=True, editable=False, verbose_name="created"
                    ),
                ),
                (
                    "endret",
                    models.DateTimeField(blank=True, editable=False, verbose_name="changed"),
                ),
                ("lukket", models.DateTimeField(blank=True, null=True, verbose_name="closed")),
                (
                    "anonymisert",
                    models.DateTimeField(
                        blank=True, null=True, verbose_name="personal data removed"
                    ),
                ),
                (
                    "versjon",
                    models.PositiveIntegerField(default=1, editable=False, verbose_name="version"),
                ),
                (
                    "sokevektor",
                    django.contrib.postgres.search.SearchVectorField(
                        blank=True, editable=False, null=True
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
                    "initiativtaker",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="initiator asked for a concept note",
                    ),
                ),
                (
                    "innsender",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="submitted by",
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
                    "slatt_sammen_med",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="ideer.innspill",
                        verbose_name="merged into",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical input",
                "verbose_name_plural": "historical inputs",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="StatusEndring",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "fra_status",
                    models.CharField(
                        choices=[
                            ("ny", "New"),
                            ("under_vurdering", "Under consideration"),
                            ("konseptnotat_bestilt", "Concept note ordered"),
                            ("besvart", "Answered"),
                            ("avvist", "Rejected"),
                            ("slatt_sammen", "Merged"),
                            ("parkert", "Parked"),
                        ],
                        max_length=30,
                        verbose_name="from status",
                    ),
                ),
                (
                    "til_status",
                    models.CharField(
                        choices=[
                            ("ny", "New"),
                            ("under_vurdering", "Under consideration"),
                            ("konseptnotat_bestilt", "Concept note ordered"),
                            ("besvart", "Answered"),
                            ("avvist", "Rejected"),
                            ("slatt_sammen", "Merged"),
                            ("parkert", "Parked"),
                        ],
                        max_length=30,
                        verbose_name="to status",
                    ),
                ),
                ("tidspunkt", models.DateTimeField(auto_now_add=True, verbose_name="time")),
                (
                    "kommentar",
                    models.TextField(blank=True, max_length=2000, verbose_name="comment"),
                ),
                (
                    "endret_av",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="changed by",
                    ),
                ),
                (
                    "innspill",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="statushistorikk",
                        to="ideer.innspill",
                        verbose_name="input",
                    ),
                ),
            ],
            options={
                "verbose_name": "status change",
                "verbose_name_plural": "status history",
                "ordering": ["tidspunkt", "id"],
            },
        ),
        migrations.CreateModel(
            name="Vedlegg",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "fil",
                    models.FileField(
                        max_length=200, upload_to=ideer.models.vedlegg_sti, verbose_name="file"
                    ),
                ),
                ("filnavn", models.CharField(max_length=200, verbose_name="file name")),
                (
                    "filtype",
                    models.CharField(
                        choices=[
                            ("pdf", "PDF"),
                            ("docx", "Word (docx)"),
                            ("xlsx", "Excel (xlsx)"),
                            ("png", "PNG"),
                            ("jpg", "JPEG"),
                        ],
                        max_length=10,
                        verbose_name="file type",
                    ),
                ),
                ("storrelse", models.PositiveIntegerField(verbose_name="size in bytes")),
                ("opprettet", models.DateTimeField(auto_now_add=True, verbose_name="uploaded")),
                (
                    "innspill",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="vedlegg",
                        to="ideer.innspill",
                        verbose_name="input",
                    ),
                ),
                (
                    "lastet_opp_av",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="uploaded by",
                    ),
                ),
            ],
            options={
                "verbose_name": "attachment",
                "verbose_name_plural": "attachments",
                "ordering": ["opprettet", "id"],
            },
        ),
        migrations.AddIndex(
            model_name="innspill",
            index=models.Index(
                condition=models.Q(("status", "ny")), fields=["-opprettet"], name="innspill_ny_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="innspill",
            index=models.Index(
                condition=models.Q(("anonymisert__isnull", True), ("lukket__isnull", False)),
                fields=["lukket"],
                name="innspill_til_anonymisering_idx",
            ),
        ),
        migrations.AddConstraint(
            model_name="innspill",
            constraint=models.CheckConstraint(
                condition=models.Q(("type__in", ["ide", "bestilling"])), name="innspill_type_gyldig"
            ),
        ),
        migrations.AddConstraint(
            model_name="innspill",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "opphav__in",
                        [
                            "politisk",
                            "administrativ",
                            "tilskudd",
                            "uforutsett_hendelse",
                            "kommunestyret",
                            "ledergruppa",
                            "ledere",
                            "medarbeidere",
                            "naeringsliv",
                            "innbyggere",
                        ],
                    )
                ),
                name="innspill_opphav_gyldig",
            ),
        ),
        migrations.AddConstraint(
            model_name="innspill",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "kanal__in",
                        [
                            "portal",
                            "offentlig_skjema",
                            "sammenskapervi",
                            "slikskapervi",
                            "vedtak",
                            "strategi",
                            "plan",
                            "annet",
                        ],
                    )
                ),
                name="innspill_kanal_gyldig",
            ),
        ),
        migrations.AddConstraint(
            model_name="innspill",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "status__in",
                        [
                            "ny",
                            "under_vurdering",
                            "konseptnotat_bestilt",
                            "besvart",
                            "avvist",
                            "slatt_sammen",
                            "parkert",
                        ],
                    )
                ),
                name="innspill_status_gyldig",
            ),
        ),
        migrations.AddConstraint(
            model_name="innspill",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("status", "avvist"), _negated=True),
                    models.Q(("avvisningsgrunn", ""), _negated=True),
                    _connector="OR",
                ),
                name="avvist_innspill_har_grunn",
            ),
        ),
        migrations.AddConstraint(
            model_name="innspill",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("status", "slatt_sammen"), _negated=True),
                    ("slatt_sammen_med__isnull", False),
                    _connector="OR",
                ),
                name="sammenslatt_innspill_peker_videre",
            ),
        ),
        migrations.AddConstraint(
            model_name="innspill",
            constraint=models.UniqueConstraint(
                condition=models.Q(("ekstern_id", ""), _negated=True),
                fields=("kanal", "ekstern_id"),
                name="ett_innspill_per_ekstern_id",
            ),
        ),
        migrations.AddConstraint(
            model_name="statusendring",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "fra_status__in",
                        [
                            "ny",
                            "under_vurdering",
                            "konseptnotat_bestilt",
                            "besvart",
                            "avvist",
                            "slatt_sammen",
                            "parkert",
                        ],
                    ),
                    (
                        "til_status__in",
                        [
                            "ny",
                            "under_vurdering",
                            "konseptnotat_bestilt",
                            "besvart",
                            "avvist",
                            "slatt_sammen",
                            "parkert",
                        ],
                    ),
                ),
                name="statusendring_status_gyldig",
            ),
        ),
        migrations.AddConstraint(
            model_name="vedlegg",
            constraint=models.CheckConstraint(
                condition=models.Q(("filtype__in", ["pdf", "docx", "xlsx", "png", "jpg"])),
                name="vedlegg_filtype_gyldig",
            ),
        ),
        TrigramExtension(),
        migrations.RunPython(lag_indekser, fjern_indekser),
    ]
