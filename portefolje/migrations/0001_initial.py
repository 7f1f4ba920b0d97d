from decimal import Decimal

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


def opprett_utviklingsteam_og_klg(apps, schema_editor):
    """Every installation has the development team's group and KLG, the top portfolio (slug
    «klg», part of the public URL contract)."""
    Group = apps.get_model("auth", "Group")
    Portefolje = apps.get_model("portefolje", "Portefolje")
    Group.objects.get_or_create(name="Utviklingsteam")
    Portefolje.objects.get_or_create(
        slug="klg",
        defaults={
            "navn": "Kommunedirektørens ledergruppe (KLG)",
            "beskrivelse": "Store og tverrsektorielle saker løftes hit.",
        },
    )


def fjern_utviklingsteam(apps, schema_editor):
    # Only what this migration made and nothing hangs on; a used KLG is left in place.
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name="Utviklingsteam", user__isnull=True).delete()


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Seksjon",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("navn", models.CharField(max_length=120, unique=True, verbose_name="name")),
                ("slug", models.SlugField(max_length=60, unique=True, verbose_name="short name")),
                ("aktiv", models.BooleanField(default=True, verbose_name="active")),
            ],
            options={
                "verbose_name": "section",
                "verbose_name_plural": "sections",
                "ordering": ["navn"],
            },
        ),
        migrations.CreateModel(
            name="Skjemanokkel",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("nokkel", models.UUIDField(unique=True, verbose_name="key")),
                (
                    "objekt_type",
                    models.CharField(blank=True, max_length=100, verbose_name="object type"),
                ),
                (
                    "objekt_id",
                    models.PositiveBigIntegerField(blank=True, null=True, verbose_name="object id"),
                ),
                (
                    "opprettet",
                    models.DateTimeField(auto_now_add=True, db_index=True, verbose_name="created"),
                ),
            ],
            options={
                "verbose_name": "form key",
                "verbose_name_plural": "form keys",
            },
        ),
        migrations.CreateModel(
            name="Portefolje",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("navn", models.CharField(max_length=160, verbose_name="name")),
                ("slug", models.SlugField(max_length=60, unique=True, verbose_name="slug")),
                ("beskrivelse", models.TextField(blank=True, verbose_name="description")),
                (
                    "kostnadsterskel",
                    models.DecimalField(
                        decimal_places=0,
                        default=Decimal("2000000"),
                        help_text="Cases whose cost is above this are lifted to KLG.",
                        max_digits=14,
                        verbose_name="cost threshold (NOK)",
                    ),
                ),
                ("aktiv", models.BooleanField(default=True, verbose_name="active")),
                (
                    "forelder",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="underportefoljer",
                        to="portefolje.portefolje",
                        verbose_name="parent portfolio",
                    ),
                ),
                (
                    "seksjon",
                    models.OneToOneField(
                        blank=True,
                        help_text="Empty for KLG, which spans all sections.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="portefolje",
                        to="portefolje.seksjon",
                        verbose_name="section",
                    ),
                ),
            ],
            options={
                "verbose_name": "portfolio",
                "verbose_name_plural": "portfolios",
                "ordering": ["forelder_id", "navn"],
            },
        ),
        migrations.CreateModel(
            name="PaminnelsesInnstilling",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "dager_for_rapportfrist",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="Remind the project manager this many days before. Empty: the default.",
                        null=True,
                        verbose_name="days before a status report is due",
                    ),
                ),
                (
                    "dager_til_eskalering",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="Tell the project owner and the portfolio's chair when a report is this many days overdue. Empty: the default.",
                        null=True,
                        verbose_name="days overdue before escalation",
                    ),
                ),
                (
                    "dager_for_mote_notater",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="Remind owners and guides of notes not ready. Empty: the default.",
                        null=True,
                        verbose_name="days before a meeting: notes ready",
                    ),
                ),
                (
                    "dager_for_mote_vurdering",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="Remind members who have not scored. Empty: the default.",
                        null=True,
                        verbose_name="days before a meeting: scoring",
                    ),
                ),
                (
                    "portefolje",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="paminnelsesinnstilling",
                        to="portefolje.portefolje",
                        verbose_name="portfolio",
                    ),
                ),
            ],
            options={
                "verbose_name": "reminder setting",
                "verbose_name_plural": "reminder settings",
            },
        ),
        migrations.CreateModel(
            name="HistoricalMedlemskap",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "rolle",
                    models.CharField(
                        choices=[
                            ("leder", "Chair (portfolio owner)"),
                            ("medlem", "Member"),
                            ("sekretaer", "Secretary"),
                        ],
                        default="medlem",
                        max_length=20,
                        verbose_name="role",
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
                    "bruker",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="user",
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
                "verbose_name": "historical membership",
                "verbose_name_plural": "historical memberships",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Profil",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("tittel", models.CharField(blank=True, max_length=120, verbose_name="title")),
                (
                    "bruker",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="profil",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "seksjon",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="ansatte",
                        to="portefolje.seksjon",
                        verbose_name="section",
                    ),
                ),
            ],
            options={
                "verbose_name": "profile",
                "verbose_name_plural": "profiles",
            },
        ),
        migrations.CreateModel(
            name="HistoricalPortefolje",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("navn", models.CharField(max_length=160, verbose_name="name")),
                ("slug", models.SlugField(max_length=60, verbose_name="slug")),
                ("beskrivelse", models.TextField(blank=True, verbose_name="description")),
                (
                    "kostnadsterskel",
                    models.DecimalField(
                        decimal_places=0,
                        default=Decimal("2000000"),
                        help_text="Cases whose cost is above this are lifted to KLG.",
                        max_digits=14,
                        verbose_name="cost threshold (NOK)",
                    ),
                ),
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
                    "forelder",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="portefolje.portefolje",
                        verbose_name="parent portfolio",
                    ),
                ),
                (
                    "seksjon",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Empty for KLG, which spans all sections.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="portefolje.seksjon",
                        verbose_name="section",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical portfolio",
                "verbose_name_plural": "historical portfolios",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Varsel",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "mottaker_epost",
                    models.EmailField(
                        blank=True, max_length=254, verbose_name="recipient's e-mail"
                    ),
                ),
                ("type", models.CharField(max_length=60, verbose_name="kind")),
                ("objekt_type", models.CharField(max_length=100, verbose_name="object type")),
                ("objekt_id", models.PositiveBigIntegerField(default=0, verbose_name="object id")),
                ("periode", models.CharField(blank=True, max_length=40, verbose_name="period")),
                ("tittel", models.CharField(max_length=200, verbose_name="title")),
                ("tekst", models.TextField(blank=True, verbose_name="text")),
                ("lenke", models.CharField(blank=True, max_length=300, verbose_name="link")),
                ("opprettet", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("lest", models.DateTimeField(blank=True, null=True, verbose_name="read")),
                (
                    "epost_sendt",
                    models.DateTimeField(blank=True, null=True, verbose_name="e-mail sent"),
                ),
                ("epost_onsket", models.BooleanField(default=False, verbose_name="e-mail wanted")),
                (
                    "mottaker",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="varsler",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="recipient",
                    ),
                ),
            ],
            options={
                "verbose_name": "notification",
                "verbose_name_plural": "notifications",
                "ordering": ["-opprettet", "-id"],
            },
        ),
        migrations.CreateModel(
            name="VarselInnstilling",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("type", models.CharField(max_length=60, verbose_name="kind")),
                ("epost", models.BooleanField(verbose_name="by e-mail")),
                (
                    "bruker",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="varselinnstillinger",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="user",
                    ),
                ),
            ],
            options={
                "verbose_name": "notification setting",
                "verbose_name_plural": "notification settings",
                "ordering": ["bruker", "type"],
            },
        ),
        migrations.CreateModel(
            name="EntraIdentitet",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("tenant_id", models.CharField(max_length=64, verbose_name="tenant id (tid)")),
                ("objekt_id", models.CharField(max_length=64, verbose_name="object id (oid)")),
                ("koblet", models.DateTimeField(auto_now_add=True, verbose_name="linked")),
                (
                    "bruker",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="entra_identitet",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="user",
                    ),
                ),
            ],
            options={
                "verbose_name": "Entra ID account",
                "verbose_name_plural": "Entra ID accounts",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("tenant_id", "objekt_id"), name="entra_identitet_unik_tid_oid"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="Hendelse",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "tidspunkt",
                    models.DateTimeField(auto_now_add=True, db_index=True, verbose_name="time"),
                ),
                ("handling", models.CharField(max_length=60, verbose_name="action")),
                ("beskrivelse", models.TextField(verbose_name="description")),
                ("objekt_type", models.CharField(max_length=100, verbose_name="object type")),
                ("objekt_id", models.PositiveBigIntegerField(verbose_name="object id")),
                ("data", models.JSONField(blank=True, default=dict, verbose_name="details")),
                (
                    "aktor",
                    models.ForeignKey(
                        blank=True,
                        help_text="Empty for the public form, imports and the system itself.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="who",
                    ),
                ),
            ],
            options={
                "verbose_name": "audit event",
                "verbose_name_plural": "audit trail",
                "ordering": ["-tidspunkt", "-id"],
                "indexes": [
                    models.Index(
                        fields=["objekt_type", "objekt_id", "-tidspunkt"],
                        name="hendelse_objekt_idx",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="Medlemskap",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "rolle",
                    models.CharField(
                        choices=[
                            ("leder", "Chair (portfolio owner)"),
                            ("medlem", "Member"),
                            ("sekretaer", "Secretary"),
                        ],
                        default="medlem",
                        max_length=20,
                        verbose_name="role",
                    ),
                ),
                (
                    "bruker",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="medlemskap",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="user",
                    ),
                ),
                (
                    "portefolje",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="medlemskap",
                        to="portefolje.portefolje",
                        verbose_name="portfolio",
                    ),
                ),
            ],
            options={
                "verbose_name": "membership",
                "verbose_name_plural": "memberships",
                "ordering": ["portefolje", "rolle", "bruker__last_name"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("portefolje", "bruker"), name="ett_medlemskap_per_person"
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("rolle", "leder")),
                        fields=("portefolje",),
                        name="en_leder_per_portefolje",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("rolle__in", ["leder", "medlem", "sekretaer"])),
                        name="medlemskap_rolle_gyldig",
                    ),
                ],
            },
        ),
        migrations.AddConstraint(
            model_name="portefolje",
            constraint=models.CheckConstraint(
                condition=models.Q(("kostnadsterskel__gte", 0)),
                name="portefolje_kostnadsterskel_ikke_negativ",
            ),
        ),
        migrations.AddIndex(
            model_name="varsel",
            index=models.Index(
                condition=models.Q(("lest__isnull", True)),
                fields=["mottaker"],
                name="varsel_ulest_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="varsel",
            index=models.Index(
                condition=models.Q(("epost_onsket", True), ("epost_sendt__isnull", True)),
                fields=["opprettet"],
                name="varsel_epost_venter_idx",
            ),
        ),
        migrations.AddConstraint(
            model_name="varsel",
            constraint=models.UniqueConstraint(
                fields=("mottaker", "type", "objekt_type", "objekt_id", "periode"),
                name="ett_varsel_per_mottaker_objekt_type_periode",
            ),
        ),
        migrations.AddConstraint(
            model_name="varsel",
            constraint=models.UniqueConstraint(
                condition=models.Q(("mottaker__isnull", True)),
                fields=("type", "objekt_type", "objekt_id", "periode"),
                name="ett_varsel_uten_konto_per_objekt_type_periode",
            ),
        ),
        migrations.AddConstraint(
            model_name="varselinnstilling",
            constraint=models.UniqueConstraint(
                fields=("bruker", "type"), name="en_innstilling_per_bruker_type"
            ),
        ),
        migrations.RunPython(opprett_utviklingsteam_og_klg, fjern_utviklingsteam),
    ]
