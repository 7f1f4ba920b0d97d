"""Cleans the text already stored: control characters (such as the vertical tab Word's soft line
break becomes) that break the exports, the public feed and the minutes. Forms clean new text on
input; this cleans the old once. Reversing it changes nothing."""

from django.db import migrations

from portefolje.tekstrens import rens_lagret_tekst


def rens(apps, schema_editor):
    rens_lagret_tekst(apps, "rapporter")


class Migration(migrations.Migration):
    dependencies = [("rapporter", "0002_rapport_forsok_og_statustid")]

    operations = [migrations.RunPython(rens, migrations.RunPython.noop)]
