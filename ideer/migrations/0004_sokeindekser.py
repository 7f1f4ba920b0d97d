"""PostgreSQL-only search indexes: full-text (GIN on the stored vector) and trigram similarity.

On SQLite (the try-it-out default) these steps do nothing; search falls back to substring
matching there (InnspillQuerySet.sok) and duplicate suggestions to word overlap
(ideer.selectors.foreslatte_duplikater).
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

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
    # Vectors for rows that existed before this migration.
    schema_editor.execute(
        "UPDATE ideer_innspill SET sokevektor ="
        " setweight(to_tsvector('norwegian'::regconfig, coalesce(tittel, '')), 'A')"
        " || setweight(to_tsvector('norwegian'::regconfig, coalesce(beskrivelse, '')), 'B')"
        " || setweight(to_tsvector('norwegian'::regconfig, coalesce(losningsforslag, '') || ' '"
        " || coalesce(forventet_gevinst, '') || ' ' || coalesce(referanse, '')), 'C')"
    )


def fjern_indekser(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for navn, _bruk in INDEKSER:
        schema_editor.execute(f"DROP INDEX IF EXISTS {navn}")


class Migration(migrations.Migration):
    dependencies = [("ideer", "0003_statushistorikk_vedlegg_sok")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(lag_indekser, fjern_indekser),
    ]
