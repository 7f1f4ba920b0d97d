import django.core.validators
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("ideer", "0001_initial"),
        ("portefolje", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalKonseptnotat",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("tittel", models.CharField(max_length=200, verbose_name="title")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("utkast", "Draft"),
                            ("innsendt", "Submitted"),
                            ("til_revisjon", "Sent back for revision"),
                            ("klar", "Ready for decision"),
                            ("behandlet", "Decided"),
                        ],
                        default="utkast",
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                (
                    "bakgrunn_og_behov",
                    models.TextField(
                        blank=True,
                        validators=[
                            django.core.validators.MaxLengthValidator(
                                20000,
                                message="This answer is too long: at most %(limit_value)d characters, and it has %(show_value)d. Shorten it, or summarise and refer to a separate document.",
                            )
                        ],
                        verbose_name="background and need",
                    ),
                ),
                (
                    "mal",
                    models.TextField(
                        blank=True,
                        validators=[
                            django.core.validators.MaxLengthValidator(
                                20000,
                                message="This answer is too long: at most %(limit_value)d characters, and it has %(show_value)d. Shorten it, or summarise and refer to a separate document.",
                            )
                        ],
                        verbose_name="goals",
                    ),
                ),
                (
                    "forventede_gevinster",
                    models.TextField(
                        blank=True,
                        validators=[
                            django.core.validators.MaxLengthValidator(
                                20000,
                                message="This answer is too long: at most %(limit_value)d characters, and it has %(show_value)d. Shorten it, or summarise and refer to a separate document.",
                            )
                        ],
                        verbose_name="expected benefits",
                    ),
                ),
                (
                    "gevinst_okonomisk",
                    models.BooleanField(default=False, verbose_name="financial benefit"),
                ),
                (
                    "gevinst_tid_spart",
                    models.BooleanField(default=False, verbose_name="time saved"),
                ),
                (
                    "gevinst_kvalitativ",
                    models.BooleanField(default=False, verbose_name="qualitative benefit"),
                ),
                (
                    "alternativer",
                    models.TextField(
                        blank=True,
                        validators=[
                            django.core.validators.MaxLengthValidator(
                                20000,
                                message="This answer is too long: at most %(limit_value)d characters, and it has %(show_value)d. Shorten it, or summarise and refer to a separate document.",
                            )
                        ],
                        verbose_name="alternatives, including doing nothing",
                    ),
                ),
                (
                    "kostnader",
                    models.TextField(
                        blank=True,
                        validators=[
                            django.core.validators.MaxLengthValidator(
                                20000,
                                message="This answer is too long: at most %(limit_value)d characters, and it has %(show_value)d. Shorten it, or summarise and refer to a separate document.",
                            )
                        ],
                        verbose_name="costs and resource needs",
                    ),
                ),
                (
                    "investering",
                    models.DecimalField(
                        blank=True,
                        decimal_places=0,
                        max_digits=14,
                        null=True,
                        verbose_name="investment (NOK)",
                    ),
                ),
                (
                    "arlig_driftskostnad",
                    models.DecimalField(
                        blank=True,
                        decimal_places=0,
                        max_digits=14,
                        null=True,
                        verbose_name="yearly running cost (NOK)",
                    ),
                ),
                (
                    "interne_timer",
                    models.PositiveIntegerField(
                        blank=True, null=True, verbose_name="internal hours"
                    ),
                ),
                (
                    "risiko",
                    models.TextField(
                        blank=True,
                        validators=[
                            django.core.validators.MaxLengthValidator(
                                20000,
                                message="This answer is too long: at most %(limit_value)d characters, and it has %(show_value)d. Shorten it, or summarise and refer to a separate document.",
                            )
                        ],
                        verbose_name="risk",
                    ),
                ),
                (
                    "forankring",
                    models.TextField(
                        blank=True,
                        validators=[
                            django.core.validators.MaxLengthValidator(
                                20000,
                                message="This answer is too long: at most %(limit_value)d characters, and it has %(show_value)d. Shorten it, or summarise and refer to a separate document.",
                            )
                        ],
                        verbose_name="anchoring in strategy, plan or decision",
                    ),
                ),
                (
                    "interessenter",
                    models.TextField(
                        blank=True,
                        validators=[
                            django.core.validators.MaxLengthValidator(
                                20000,
                                message="This answer is too long: at most %(limit_value)d characters, and it has %(show_value)d. Shorten it, or summarise and refer to a separate document.",
                            )
                        ],
                        verbose_name="sections and stakeholders affected",
                    ),
                ),
                (
                    "avhengigheter",
                    models.TextField(
                        blank=True,
                        validators=[
                            django.core.validators.MaxLengthValidator(
                                20000,
                                message="This answer is too long: at most %(limit_value)d characters, and it has %(show_value)d. Shorten it, or summarise and refer to a separate document.",
                            )
                        ],
                        verbose_name="dependencies",
                    ),
                ),
                (
                    "tidsplan",
                    models.TextField(
                        blank=True,
                        validators=[
                            django.core.validators.MaxLengthValidator(
                                20000,
                                message="This answer is too long: at most %(limit_value)d characters, and it has %(show_value)d. Shorten it, or summarise and refer to a separate document.",
                            )
                        ],
                        verbose_name="rough schedule",
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
                ("innsendt", models.DateTimeField(blank=True, null=True, verbose_name="submitted")),
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
                    "eier",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="owner (initiator)",
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
                (
                    "seksjon",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="portefolje.seksjon",
                        verbose_name="owning section",
                    ),
                ),
                (
                    "veileder",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="guide (development team)",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical concept note",
                "verbose_name_plural": "historical concept notes",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Konseptnotat",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("tittel", models.CharField(max_length=200, verbose_name="title")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("utkast", "Draft"),
                            ("innsendt", "Submitted"),
                            ("til_revisjon", "Sent back for revision"),
                            ("klar", "Ready for decision"),
                            ("behandlet", "Decided"),
                        ],
                        default="utkast",
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                (
                    "bakgrunn_og_behov",
                    models.TextField(
                        blank=True,
                        validators=[
                            django.core.validators.MaxLengthValidator(
                                20000,
                                message="This answer is too long: at most %(limit_value)d characters, and it has %(show_value)d. Shorten it, or summarise and refer to a separate document.",
                            )
                        ],
                        verbose_name="background and need",
                    ),
                ),
                (
                    "mal",
                    models.TextField(
                        blank=True,
                        validators=[
                            django.core.validators.MaxLengthValidator(
                                20000,
                                message="This answer is too long: at most %(limit_value)d characters, and it has %(show_value)d. Shorten it, or summarise and refer to a separate document.",
                            )
                        ],
                        verbose_name="goals",
                    ),
                ),
                (
                    "forventede_gevinster",
                    models.TextField(
                        blank=True,
                        validators=[
                            django.core.validators.MaxLengthValidator(
                                20000,
                                message="This answer is too long: at most %(limit_value)d characters, and it has %(show_value)d. Shorten it, or summarise and refer to a separate document.",
                            )
                        ],
                        verbose_name="expected benefits",
                    ),
                ),
                (
                    "gevinst_okonomisk",
                    models.BooleanField(default=False, verbose_name="financial benefit"),
                ),
                (
                    "gevinst_tid_spart",
                    models.BooleanField(default=False, verbose_name="time saved"),
                ),
                (
                    "gevinst_kvalitativ",
                    models.BooleanField(default=False, verbose_name="qualitative benefit"),
                ),
                (
                    "alternativer",
                    models.TextField(
                        blank=True,
                        validators=[
                            django.core.validators.MaxLengthValidator(
                                20000,
                                message="This answer is too long: at most %(limit_value)d characters, and it has %(show_value)d. Shorten it, or summarise and refer to a separate document.",
                            )
                        ],
                        verbose_name="alternatives, including doing nothing",
                    ),
                ),
                (
                    "kostnader",
                    models.TextField(
                        blank=True,
                        validators=[
                            django.core.validators.MaxLengthValidator(
                                20000,
                                message="This answer is too long: at most %(limit_value)d characters, and it has %(show_value)d. Shorten it, or summarise and refer to a separate document.",
                            )
                        ],
                        verbose_name="costs and resource needs",
                    ),
                ),
                (
                    "investering",
                    models.DecimalField(
                        blank=True,
                        decimal_places=0,
                        max_digits=14,
                        null=True,
                        verbose_name="investment (NOK)",
                    ),
                ),
                (
                    "arlig_driftskostnad",
                    models.DecimalField(
                        blank=True,
                        decimal_places=0,
                        max_digits=14,
                        null=True,
                        verbose_name="yearly running cost (NOK)",
                    ),
                ),
                (
                    "interne_timer",
                    models.PositiveIntegerField(
                        blank=True, null=True, verbose_name="internal hours"
                    ),
                ),
                (
                    "risiko",
                    models.TextField(
                        blank=True,
                        validators=[
                            django.core.validators.MaxLengthValidator(
                                20000,
                                message="This answer is too long: at most %(limit_value)d characters, and it has %(show_value)d. Shorten it, or summarise and refer to a separate document.",
                            )
                        ],
                        verbose_name="risk",
                    ),
                ),
                (
                    "forankring",
                    models.TextField(
                        blank=True,
                        validators=[
                            django.core.validators.MaxLengthValidator(
                                20000,
                                message="This answer is too long: at most %(limit_value)d characters, and it has %(show_value)d. Shorten it, or summarise and refer to a separate document.",
                            )
                        ],
                        verbose_name="anchoring in strategy, plan or decision",
                    ),
                ),
                (
                    "interessenter",
                    models.TextField(
                        blank=True,
                        validators=[
                            django.core.validators.MaxLengthValidator(
                                20000,
                                message="This answer is too long: at most %(limit_value)d characters, and it has %(show_value)d. Shorten it, or summarise and refer to a separate document.",
                            )
                        ],
                        verbose_name="sections and stakeholders affected",
                    ),
                ),
                (
                    "avhengigheter",
                    models.TextField(
                        blank=True,
                        validators=[
                            django.core.validators.MaxLengthValidator(
                                20000,
                                message="This answer is too long: at most %(limit_value)d characters, and it has %(show_value)d. Shorten it, or summarise and refer to a separate document.",
                            )
                        ],
                        verbose_name="dependencies",
                    ),
                ),
                (
                    "tidsplan",
                    models.TextField(
                        blank=True,
                        validators=[
                            django.core.validators.MaxLengthValidator(
                                20000,
                                message="This answer is too long: at most %(limit_value)d characters, and it has %(show_value)d. Shorten it, or summarise and refer to a separate document.",
                            )
                        ],
                        verbose_name="rough schedule",
                    ),
                ),
                ("versjon", models.PositiveIntegerField(default=1, verbose_name="version")),
                ("opprettet", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("endret", models.DateTimeField(auto_now=True, verbose_name="changed")),
                ("innsendt", models.DateTimeField(blank=True, null=True, verbose_name="submitted")),
                (
                    "berorte_seksjoner",
                    models.ManyToManyField(
                        blank=True,
                        related_name="berort_av_notater",
                        to="portefolje.seksjon",
                        verbose_name="sections affected",
                    ),
                ),
                (
                    "eier",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="konseptnotater",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="owner (initiator)",
                    ),
                ),
                (
                    "innspill",
                    models.ManyToManyField(
                        blank=True,
                        related_name="konseptnotater",
                        to="ideer.innspill",
                        verbose_name="inputs",
                    ),
                ),
                (
                    "medforfattere",
                    models.ManyToManyField(
                        blank=True,
                        related_name="medforfattet_konseptnotater",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="co-authors",
                    ),
                ),
                (
                    "portefolje",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="konseptnotater",
                        to="portefolje.portefolje",
                        verbose_name="portfolio",
                    ),
                ),
                (
                    "seksjon",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="konseptnotater",
                        to="portefolje.seksjon",
                        verbose_name="owning section",
                    ),
                ),
                (
                    "veileder",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="veiledede_konseptnotater",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="guide (development team)",
                    ),
                ),
            ],
            options={
                "verbose_name": "concept note",
                "verbose_name_plural": "concept notes",
                "ordering": ["-endret", "-id"],
            },
        ),
        migrations.CreateModel(
            name="Kommentar",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("seksjon", models.CharField(blank=True, max_length=40, verbose_name="section")),
                ("tekst", models.TextField(max_length=5000, verbose_name="comment")),
                ("versjon", models.PositiveIntegerField(default=1, verbose_name="on version")),
                ("opprettet", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("lost", models.DateTimeField(blank=True, null=True, verbose_name="resolved")),
                (
                    "forfatter",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="author",
                    ),
                ),
                (
                    "lost_av",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="resolved by",
                    ),
                ),
                (
                    "notat",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="kommentarer",
                        to="konseptnotat.konseptnotat",
                        verbose_name="note",
                    ),
                ),
            ],
            options={
                "verbose_name": "comment",
                "verbose_name_plural": "comments",
                "ordering": ["opprettet", "id"],
            },
        ),
        migrations.CreateModel(
            name="KonseptnotatVersjon",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("nummer", models.PositiveIntegerField(verbose_name="version number")),
                ("innhold", models.JSONField(verbose_name="content")),
                ("lagret", models.DateTimeField(auto_now_add=True, verbose_name="saved")),
                (
                    "frosset",
                    models.BooleanField(
                        default=False,
                        help_text="This version went to a portfolio meeting.",
                        verbose_name="frozen",
                    ),
                ),
                (
                    "lagret_av",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="saved by",
                    ),
                ),
                (
                    "notat",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="versjoner",
                        to="konseptnotat.konseptnotat",
                        verbose_name="note",
                    ),
                ),
            ],
            options={
                "verbose_name": "concept note version",
                "verbose_name_plural": "concept note versions",
                "ordering": ["notat", "-nummer"],
            },
        ),
        migrations.AddIndex(
            model_name="konseptnotat",
            index=models.Index(fields=["-endret", "-id"], name="konseptnotat_endret_idx"),
        ),
        migrations.AddIndex(
            model_name="konseptnotat",
            index=models.Index(
                condition=models.Q(("status", "innsendt")),
                fields=["-innsendt"],
                name="konseptnotat_innsendt_idx",
            ),
        ),
        migrations.AddConstraint(
            model_name="konseptnotat",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("status__in", ["utkast", "innsendt", "til_revisjon", "klar", "behandlet"])
                ),
                name="konseptnotat_status_gyldig",
            ),
        ),
        migrations.AddConstraint(
            model_name="konseptnotat",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("investering__gte", 0), ("investering__isnull", True), _connector="OR"
                ),
                name="konseptnotat_investering_ikke_negativ",
            ),
        ),
        migrations.AddConstraint(
            model_name="konseptnotat",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("arlig_driftskostnad__gte", 0),
                    ("arlig_driftskostnad__isnull", True),
                    _connector="OR",
                ),
                name="konseptnotat_drift_ikke_negativ",
            ),
        ),
        migrations.AddIndex(
            model_name="kommentar",
            index=models.Index(
                condition=models.Q(("lost__isnull", True)),
                fields=["notat"],
                name="kommentar_apen_idx",
            ),
        ),
        migrations.AddConstraint(
            model_name="konseptnotatversjon",
            constraint=models.UniqueConstraint(
                fields=("notat", "nummer"), name="ett_versjonsnummer_per_notat"
            ),
        ),
    ]
