"""Every installation has the development team's group and KLG, the top portfolio (slug «klg»,
part of the public URL contract)."""

from django.db import migrations


def opprett(apps, schema_editor):
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


def fjern(apps, schema_editor):
    # Only what this migration made and nothing hangs on; a used KLG is left in place.
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name="Utviklingsteam", user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("portefolje", "0001_initial"),
    ]

    operations = [migrations.RunPython(opprett, fjern)]
