import django.core.validators
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("konseptnotat", "0001_initial"),
        ("portefolje", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Agendapunkt",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("rekkefolge", models.PositiveIntegerField(default=0, verbose_name="order")),
                (
                    "notat",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="agendapunkter",
                        to="konseptnotat.konseptnotat",
                    ),
                ),
                (
                    "versjon",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="agendapunkter",
                        to="konseptnotat.konseptnotatversjon",
                        verbose_name="version on the agenda",
                    ),
                ),
            ],
            options={
                "verbose_name": "agenda item",
                "verbose_name_plural": "agenda items",
                "ordering": ["mote", "rekkefolge", "id"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalKriterium",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("navn", models.CharField(max_length=120, verbose_name="name")),
                ("beskrivelse", models.TextField(blank=True, verbose_name="description")),
                ("vekt", models.PositiveIntegerField(default=1, verbose_name="weight")),
                (
                    "retning",
                    models.CharField(
                        choices=[
                            ("hoy_er_bra", "Higher is better"),
                            ("lav_er_bra", "Lower is better (5 means low)"),
                        ],
                        default="hoy_er_bra",
                        max_length=20,
                        verbose_name="direction",
                    ),
                ),
                ("skala_1", models.CharField(blank=True, max_length=300, verbose_name="1 means")),
                ("skala_2", models.CharField(blank=True, max_length=300, verbose_name="2 means")),
                ("skala_3", models.CharField(blank=True, max_length=300, verbose_name="3 means")),
                ("skala_4", models.CharField(blank=True, max_length=300, verbose_name="4 means")),
                ("skala_5", models.CharField(blank=True, max_length=300, verbose_name="5 means")),
                ("rekkefolge", models.PositiveIntegerField(default=0, verbose_name="order")),
                ("aktiv", models.BooleanField(default=True, verbose_name="active")),
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
                "verbose_name": "historical criterion",
                "verbose_name_plural": "historical criteria",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Kriterium",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("navn", models.CharField(max_length=120, verbose_name="name")),
                ("beskrivelse", models.TextField(blank=True, verbose_name="description")),
                ("vekt", models.PositiveIntegerField(default=1, verbose_name="weight")),
                (
                    "retning",
                    models.CharField(
                        choices=[
                            ("hoy_er_bra", "Higher is better"),
                            ("lav_er_bra", "Lower is better (5 means low)"),
                        ],
                        default="hoy_er_bra",
                        max_length=20,
                        verbose_name="direction",
                    ),
                ),
                ("skala_1", models.CharField(blank=True, max_length=300, verbose_name="1 means")),
                ("skala_2", models.CharField(blank=True, max_length=300, verbose_name="2 means")),
                ("skala_3", models.CharField(blank=True, max_length=300, verbose_name="3 means")),
                ("skala_4", models.CharField(blank=True, max_length=300, verbose_name="4 means")),
                ("skala_5", models.CharField(blank=True, max_length=300, verbose_name="5 means")),
                ("rekkefolge", models.PositiveIntegerField(default=0, verbose_name="order")),
                ("aktiv", models.BooleanField(default=True, verbose_name="active")),
                (
                    "portefolje",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="kriterier",
                        to="portefolje.portefolje",
                        verbose_name="portfolio",
                    ),
                ),
            ],
            options={
                "verbose_name": "criterion",
                "verbose_name_plural": "criteria",
                "ordering": ["portefolje", "rekkefolge", "id"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalVurdering",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "poeng",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(5),
                        ],
                        verbose_name="score",
                    ),
                ),
                ("kommentar", models.TextField(blank=True, verbose_name="comment")),
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
                    "medlem",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="member",
                    ),
                ),
                (
                    "notat",
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
                    "kriterium",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="velge.kriterium",
                        verbose_name="criterion",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical score",
                "verbose_name_plural": "historical scores",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Mote",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("dato", models.DateField(verbose_name="date")),
                ("tittel", models.CharField(blank=True, max_length=200, verbose_name="title")),
                ("sted", models.CharField(blank=True, max_length=200, verbose_name="place")),
                (
                    "vurderinger_synlige",
                    models.BooleanField(
                        default=False,
                        help_text="Set by the chair: everyone sees all scores, also before scoring.",
                        verbose_name="scores revealed",
                    ),
                ),
                (
                    "agenda",
                    models.ManyToManyField(
                        related_name="moter",
                        through="velge.Agendapunkt",
                        to="konseptnotat.konseptnotat",
                        verbose_name="agenda",
                    ),
                ),
                (
                    "portefolje",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="moter",
                        to="portefolje.portefolje",
                        verbose_name="portfolio",
                    ),
                ),
            ],
            options={
                "verbose_name": "meeting",
                "verbose_name_plural": "meetings",
                "ordering": ["-dato", "-id"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalBeslutning",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "utfall",
                    models.CharField(
                        choices=[
                            ("godkjent", "Approved as project"),
                            ("avvist", "Rejected"),
                            ("parkert", "Parked"),
                            ("til_revisjon", "Sent back for revision"),
                            ("loftet_til_klg", "Lifted to KLG"),
                        ],
                        max_length=20,
                        verbose_name="outcome",
                    ),
                ),
                ("begrunnelse", models.TextField(verbose_name="rationale")),
                (
                    "parkert_til",
                    models.DateField(blank=True, null=True, verbose_name="parked until"),
                ),
                (
                    "besluttet",
                    models.DateTimeField(blank=True, editable=False, verbose_name="decided"),
                ),
                (
                    "vektet_score",
                    models.DecimalField(
                        blank=True,
                        decimal_places=1,
                        max_digits=5,
                        null=True,
                        verbose_name="weighted score (0–100)",
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
                    "notat",
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
                    "versjon",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="konseptnotat.konseptnotatversjon",
                        verbose_name="version decided on",
                    ),
                ),
                (
                    "mote",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="velge.mote",
                        verbose_name="meeting",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical decision",
                "verbose_name_plural": "historical decisions",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Beslutning",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "utfall",
                    models.CharField(
                        choices=[
                            ("godkjent", "Approved as project"),
                            ("avvist", "Rejected"),
                            ("parkert", "Parked"),
                            ("til_revisjon", "Sent back for revision"),
                            ("loftet_til_klg", "Lifted to KLG"),
                        ],
                        max_length=20,
                        verbose_name="outcome",
                    ),
                ),
                ("begrunnelse", models.TextField(verbose_name="rationale")),
                (
                    "parkert_til",
                    models.DateField(blank=True, null=True, verbose_name="parked until"),
                ),
                ("besluttet", models.DateTimeField(auto_now_add=True, verbose_name="decided")),
                (
                    "vektet_score",
                    models.DecimalField(
                        blank=True,
                        decimal_places=1,
                        max_digits=5,
                        null=True,
                        verbose_name="weighted score (0–100)",
                    ),
                ),
                (
                    "besluttet_av",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="beslutninger",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="decided by",
                    ),
                ),
                (
                    "notat",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="beslutninger",
                        to="konseptnotat.konseptnotat",
                        verbose_name="concept note",
                    ),
                ),
                (
                    "portefolje",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="beslutninger",
                        to="portefolje.portefolje",
                        verbose_name="portfolio",
                    ),
                ),
                (
                    "versjon",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="beslutninger",
                        to="konseptnotat.konseptnotatversjon",
                        verbose_name="version decided on",
                    ),
                ),
                (
                    "mote",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="beslutninger",
                        to="velge.mote",
                        verbose_name="meeting",
                    ),
                ),
            ],
            options={
                "verbose_name": "decision",
                "verbose_name_plural": "decisions",
                "ordering": ["-besluttet", "-id"],
            },
        ),
        migrations.AddField(
            model_name="agendapunkt",
            name="mote",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="agendapunkter",
                to="velge.mote",
            ),
        ),
        migrations.CreateModel(
            name="Vurdering",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "poeng",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(5),
                        ],
                        verbose_name="score",
                    ),
                ),
                ("kommentar", models.TextField(blank=True, verbose_name="comment")),
                ("endret", models.DateTimeField(auto_now=True, verbose_name="changed")),
                (
                    "kriterium",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="vurderinger",
                        to="velge.kriterium",
                        verbose_name="criterion",
                    ),
                ),
                (
                    "medlem",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="vurderinger",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="member",
                    ),
                ),
                (
                    "notat",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="vurderinger",
                        to="konseptnotat.konseptnotat",
                        verbose_name="concept note",
                    ),
                ),
            ],
            options={
                "verbose_name": "score",
                "verbose_name_plural": "scores",
            },
        ),
        migrations.AddConstraint(
            model_name="kriterium",
            constraint=models.UniqueConstraint(
                fields=("portefolje", "navn"), name="unikt_kriterienavn"
            ),
        ),
        migrations.AddConstraint(
            model_name="kriterium",
            constraint=models.CheckConstraint(
                condition=models.Q(("retning__in", ["hoy_er_bra", "lav_er_bra"])),
                name="kriterium_retning_gyldig",
            ),
        ),
        migrations.AddIndex(
            model_name="mote",
            index=models.Index(fields=["portefolje", "dato"], name="mote_portefolje_dato"),
        ),
        migrations.AddIndex(
            model_name="beslutning",
            index=models.Index(fields=["portefolje", "-besluttet"], name="beslutning_historikk"),
        ),
        migrations.AddConstraint(
            model_name="beslutning",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "utfall__in",
                        ["godkjent", "avvist", "parkert", "til_revisjon", "loftet_til_klg"],
                    )
                ),
                name="beslutning_utfall_gyldig",
            ),
        ),
        migrations.AddConstraint(
            model_name="beslutning",
            constraint=models.CheckConstraint(
                condition=models.Q(("begrunnelse", ""), _negated=True),
                name="beslutning_har_begrunnelse",
            ),
        ),
        migrations.AddConstraint(
            model_name="beslutning",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("utfall", "parkert"), _negated=True),
                    ("parkert_til__isnull", False),
                    _connector="OR",
                ),
                name="parkert_beslutning_har_dato",
            ),
        ),
        migrations.AddConstraint(
            model_name="beslutning",
            constraint=models.UniqueConstraint(
                condition=models.Q(("mote__isnull", False)),
                fields=("mote", "notat"),
                name="en_beslutning_per_notat_per_mote",
            ),
        ),
        migrations.AddConstraint(
            model_name="beslutning",
            constraint=models.UniqueConstraint(
                condition=models.Q(("utfall__in", ["godkjent", "avvist"])),
                fields=("notat",),
                name="en_endelig_beslutning_per_notat",
            ),
        ),
        migrations.AddConstraint(
            model_name="agendapunkt",
            constraint=models.UniqueConstraint(
                fields=("mote", "notat"), name="notat_en_gang_per_mote"
            ),
        ),
        migrations.AddConstraint(
            model_name="vurdering",
            constraint=models.UniqueConstraint(
                fields=("medlem", "notat", "kriterium"),
                name="en_vurdering_per_medlem_notat_kriterium",
            ),
        ),
        migrations.AddConstraint(
            model_name="vurdering",
            constraint=models.CheckConstraint(
                condition=models.Q(("poeng__gte", 1), ("poeng__lte", 5)),
                name="vurdering_poeng_1_til_5",
            ),
        ),
    ]
