"""The list's ?q= search reads through the GIN index on `sokevektor`, not the whole table.

PostgreSQL prices `tsvector @@ tsquery` (the function ts_match_vq) like a comparison of two
numbers, so with a common word («skole» is in one input in ten) the planner found reading all
20 000 inputs and testing each cheaper than the index: 60–90 ms that grew with the table,
against 4 ms through the index. Declaring that the match costs like a function (COST 100, not
1) makes the planner choose the index for the search, its count and the duplicate suggestions.

Set after every `migrate` (each deploy runs it), not once in a migration: `pg_dump` does not
carry a changed system function, so a database restored from a backup gets it back at the next
deploy. The function belongs to the database's owner; a portal whose database user may not
change it keeps the old plan (slower, same answers) and says so in the log. Nothing on SQLite,
where the search is a plain substring match.
"""

import logging

from django.db import connections

logger = logging.getLogger(__name__)

KOSTNAD = 100
FUNKSJON = "pg_catalog.ts_match_vq(tsvector, tsquery)"
# Literal SQL (no input from anyone): the cost is changed only when it differs, so a database
# user without the right gets one warning per migrate, not an error.
SETT = """
DO $$
BEGIN
    IF (SELECT procost FROM pg_proc
        WHERE oid = 'pg_catalog.ts_match_vq(tsvector, tsquery)'::regprocedure) <> 100 THEN
        ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) COST 100;
    END IF;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE WARNING USING MESSAGE = 'ts_match_vq: ' || SQLERRM;
END
$$;
"""


def etter_migrering(*, using: str = "default", **_signal) -> None:
    tilkobling = connections[using]
    if tilkobling.vendor != "postgresql":
        return
    with tilkobling.cursor() as cursor:
        cursor.execute(SETT)
        cursor.execute("SELECT procost FROM pg_proc WHERE oid = %s::regprocedure", [FUNKSJON])
        if cursor.fetchone()[0] != KOSTNAD:
            logger.warning(
                "Søket i ideene leser hele tabellen: databasebrukeren kan ikke sette kostnaden "
                "på ts_match_vq (se docs/ytelse.md)"
            )
