"""The demo content, made once per test process and put back cheaply for every later test.

`demo_data` takes 25–60 s on a small machine, and the walks, the API tests, the login tests and
every browser journey need its content. The first call in a process runs the command for real and
takes a snapshot of every table (PostgreSQL's COPY, byte for byte: same rows, same ids, the same
password hashes and history rows) and of the files the rows name under MEDIA_ROOT. A later call
that starts from a database like the first one's empties the tables and copies the snapshot back
in, inside one transaction: the foreign keys are deferred, so the order of the tables does not
matter.

«Like» is the number of rows in every table. An ordinary test starts from the migrated database
(with the rows the data migrations made), a live-server test after a flush from empty tables (but
the content types and permissions, made again with new ids): each gets a snapshot of its own. A
test whose fixtures made rows before the demo starts from another database, and the command runs
for real for it, so that its rows are kept as the command would keep them.

Sequences are never rolled back and a live-server test's flush does not reset them
(`reset_sequences=False`), so they are already past the restored ids; a test that does reset them
gets them moved forward again here. On another database than PostgreSQL the command simply runs.

What is not restored is what the command did outside the database: the demo's e-mails queued on
commit (a transactional test's `mail.outbox`) and anything it put in the cache. The tests that test
the command itself (`portefolje/tests/test_demo_data.py`, `*/tests/test_demo.py`, …) call it
directly.
"""

from dataclasses import dataclass
from io import StringIO

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection, models, transaction

# Who is logged in lives here, and the demo makes none: a session made before the demo stays.
UTENFOR = {"django_session"}


@dataclass(frozen=True)
class Tabell:
    navn: str
    innhold: bytes  # COPY's text format
    # (sequence, column) pairs of the table's own id sequences, with the highest id restored.
    sekvenser: tuple[tuple[str, str], ...]
    hoyeste: dict


@dataclass(frozen=True)
class Oyeblikksbilde:
    tabeller: tuple[Tabell, ...]
    alle_tabeller: tuple[str, ...]
    filer: tuple[tuple[object, str, bytes], ...]  # (storage, name, content)


# The command's result, by the row counts of the database it started from (`_telling`).
_bilder: dict[tuple[int, ...], Oyeblikksbilde] = {}


def demo_data_lag() -> None:
    """Give the test database the demo content: the real command the first time in a process
    from a database like this one, the snapshot of its result every later time."""
    if connection.vendor != "postgresql":
        call_command("demo_data", force=True, stdout=StringIO())
        return
    utgangspunkt = _telling()
    if (bilde := _bilder.get(utgangspunkt)) is not None:
        _bilde_gjenopprett(bilde)
        return
    call_command("demo_data", force=True, stdout=StringIO())
    _bilder[utgangspunkt] = _ta_bilde()


def _tabellnavn() -> list[str]:
    navn = connection.introspection.django_table_names(only_existing=True, include_views=False)
    return sorted(set(navn) - UTENFOR)


def _telling() -> tuple[int, ...]:
    """The number of rows in every table, in one query."""
    q = connection.ops.quote_name
    tellinger = " UNION ALL ".join(
        f"SELECT {i}, count(*) FROM {q(navn)}"  # noqa: S608 (names from Django's introspection)
        for i, navn in enumerate(_tabellnavn())
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT n FROM ({tellinger}) AS t(i, n) ORDER BY i")  # noqa: S608
        return tuple(n for (n,) in cursor.fetchall())


def _ta_bilde() -> Oyeblikksbilde:
    q = connection.ops.quote_name
    tabeller, alle = [], _tabellnavn()
    with connection.cursor() as cursor:
        for navn in alle:
            innhold = bytearray()
            with cursor.copy(f"COPY {q(navn)} TO STDOUT") as copy:
                for bit in copy:
                    innhold += bit
            if not innhold:
                continue
            sekvenser = tuple(
                (s["name"], s["column"])
                for s in connection.introspection.get_sequences(cursor, navn)
                if s.get("name")
            )
            hoyeste = {}
            for _sekvens, kolonne in sekvenser:
                # Names from Django's own introspection, quoted.
                cursor.execute(f"SELECT max({q(kolonne)}) FROM {q(navn)}")  # noqa: S608
                hoyeste[kolonne] = cursor.fetchone()[0]
            tabeller.append(Tabell(navn, bytes(innhold), sekvenser, hoyeste))
    return Oyeblikksbilde(tuple(tabeller), tuple(alle), tuple(_filer()))


def _filer():
    """The files the rows name (the demo idea's attachment), read from their storage."""
    for modell in apps.get_models():
        for felt in modell._meta.concrete_fields:
            if not isinstance(felt, models.FileField):
                continue
            navnene = modell._base_manager.exclude(**{felt.attname: ""}).values_list(
                felt.attname, flat=True
            )
            for navn in navnene:
                if navn and felt.storage.exists(navn):
                    with felt.storage.open(navn, "rb") as fil:
                        yield felt.storage, navn, fil.read()


def _bilde_gjenopprett(bilde: Oyeblikksbilde) -> None:
    q = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        # DELETE, not TRUNCATE: TRUNCATE refuses a table with foreign key checks still pending
        # from rows a fixture made earlier in the same transaction.
        for navn in bilde.alle_tabeller:
            cursor.execute(f"DELETE FROM {q(navn)}")  # noqa: S608
        for tabell in bilde.tabeller:
            with cursor.copy(f"COPY {q(tabell.navn)} FROM STDIN") as copy:
                copy.write(tabell.innhold)
            for sekvens, kolonne in tabell.sekvenser:
                cursor.execute(
                    "SELECT setval(%s, %s) FROM pg_sequences"
                    " WHERE format('%%I.%%I', schemaname, sequencename)::regclass = %s::regclass"
                    " AND coalesce(last_value, 0) < %s",
                    [sekvens, tabell.hoyeste[kolonne], sekvens, tabell.hoyeste[kolonne]],
                )
    # A flush since the snapshot gave the content types new ids; the snapshot brought the old.
    ContentType.objects.clear_cache()
    for storage, navn, innhold in bilde.filer:
        if not storage.exists(navn):
            lagret = storage.save(navn, ContentFile(innhold))
            assert lagret == navn, f"{navn} ble lagret som {lagret}"
