"""The list's ?q= search reads through the GIN index on `sokevektor`, not the whole table.

PostgreSQL prices `tsvector @@ tsquery` (the function ts_match_vq) like a comparison of two
numbers, so with a common word («skole» is in one input in ten) the planner found reading all
20 000 inputs and testing each cheaper than the index: 60–90 ms that grew with the table,
against 4 ms through the index. Declaring that the match costs like a function (COST 100, not
1) makes the planner choose the index for the search, its count and the duplicate suggestions.

The function belongs to the database's owner; a portal whose database user may not change it
keeps the old plan (slower, same answers) rather than failing the upgrade. Nothing on SQLite,
where the search is a plain substring match.
"""

from django.db import migrations

KOSTNAD = """
DO $$
BEGIN
    ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) COST {kostnad};
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE USING MESSAGE = 'ts_match_vq: ' || SQLERRM;
END
$$;
"""


def _sett(kostnad: int):
    def sett(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(KOSTNAD.format(kostnad=kostnad))

    return sett


class Migration(migrations.Migration):
    dependencies = [("ideer", "0004_rens_kontrolltegn")]

    operations = [migrations.RunPython(_sett(100), _sett(1))]
