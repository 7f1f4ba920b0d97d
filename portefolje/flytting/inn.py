"""Load a full export into an empty installation: all or nothing, in one transaction.

Rows are read a chunk at a time from the zip and written with `bulk_create`, so no signal fires:
django-simple-history writes no new history for what is only being moved (the history comes
from the export), and no notification or e-mail goes out. PostgreSQL checks the foreign keys
when the transaction ends, so a table that points at itself, or two that point at each other,
load in any order; a broken reference stops the whole import.
"""

import io
import json
import zipfile
from dataclasses import dataclass, field
from itertools import batched

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import serializers
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.db import IntegrityError, connection, transaction

from portefolje import flytting
from portefolje.models import Portefolje

BIT = 500
VEDLEGG = "vedlegg/"


class FlyttingFeil(Exception):
    """The zip cannot be loaded here; the message says why, in Norwegian, and nothing is written."""


@dataclass
class Importert:
    rader: dict[str, int] = field(default_factory=dict)
    filer: int = 0


def alt_importer(*, kilde) -> Importert:
    """Load the export in `kilde` (a path or a binary file) into this installation.

    Refuses (FlyttingFeil) a file that is not such an export, an export with tables this version
    does not know, and an installation whose portfolio tables are not empty. People already here
    (the administrator who set the installation up) are kept as they are and matched by username;
    the others are created without a usable password, to log in through Entra ID or «Glemt
    passord». Attachments are written back under MEDIA_ROOT, and removed again if the import
    fails. Afterwards PostgreSQL's sequences continue after the highest imported id.
    """
    try:
        zf = zipfile.ZipFile(kilde)
    except (zipfile.BadZipFile, OSError) as feil:
        raise FlyttingFeil("Filen er ikke en zip-fil fra «eksporter_alt».") from feil
    with zf:
        modeller = _modeller_i(zf)
        skrevne: list[str] = []
        try:
            with transaction.atomic():
                _sjekk_tom()
                resultat = _last(zf, modeller, skrevne)
        except BaseException as feil:
            for navn in skrevne:
                default_storage.delete(navn)
            if isinstance(feil, IntegrityError):
                # E.g. a person already here with a profile of their own, and one in the export.
                raise FlyttingFeil(
                    "Eksporten passer ikke med det som alt er her, så ingenting er importert: "
                    f"{feil}"
                ) from feil
            raise
    return resultat


def _modeller_i(zf) -> list:
    try:
        skjema = json.loads(zf.read("schema.json"))
    except (KeyError, ValueError) as feil:
        raise FlyttingFeil(
            "Zip-filen mangler schema.json og er ikke fra «eksporter_alt»."
        ) from feil
    if skjema.get("format") != flytting.FORMAT:
        raise FlyttingFeil("Zip-filen er ikke en eksport fra Porteføljeportalen.")
    if skjema.get("formatversjon") != flytting.FORMATVERSJON:
        raise FlyttingFeil(
            f"Eksporten har formatversjon {skjema.get('formatversjon')}; denne versjonen av "
            f"portalen leser versjon {flytting.FORMATVERSJON}."
        )
    i_zip = {tabell["tabell"] for tabell in skjema["tabeller"]}
    kjente = {flytting.filnavn(modell): modell for modell in flytting.modeller()}
    ukjente = sorted(i_zip - set(kjente))
    if ukjente:
        raise FlyttingFeil(
            "Eksporten har tabeller denne installasjonen ikke kjenner, og de ville gått tapt: "
            + ", ".join(ukjente)
            + ". Oppgrader portalen først."
        )
    return [modell for navn, modell in kjente.items() if navn in i_zip]


def tabeller_med_innhold() -> list[str]:
    """The portfolio tables that already hold rows (people and groups do not count).

    Every installation's first migration makes KLG, the top portfolio; an untouched KLG does not
    count, since the import replaces it with the exported one.
    """
    ikke_med = {get_user_model(), Group}
    fulle = []
    for modell in flytting.modeller():
        if modell in ikke_med:
            continue
        rader = modell._base_manager.all()
        if modell is Portefolje:
            rader = rader.exclude(slug="klg")
        if rader.exists():
            fulle.append(flytting.filnavn(modell))
    return fulle


def _sjekk_tom():
    fulle = tabeller_med_innhold()
    if fulle:
        raise FlyttingFeil(
            "Installasjonen er ikke tom, så ingenting er importert. Disse tabellene har "
            "allerede innhold: " + ", ".join(fulle) + "."
        )


def _last(zf, modeller, skrevne) -> Importert:
    resultat = Importert()
    _klg_fra_migreringen_fjern()
    personer = dict(get_user_model().objects.values_list("username", "pk"))
    for modell in modeller:
        resultat.rader[flytting.filnavn(modell)] = _tabell_les(zf, modell, personer)
    resultat.filer = _vedlegg_les(zf, skrevne)
    _sekvenser_nullstill(modeller)
    try:
        connection.check_constraints()
    except IntegrityError as feil:
        raise FlyttingFeil(
            f"Eksporten henger ikke sammen, så ingenting er importert: {feil}"
        ) from feil
    return resultat


def _klg_fra_migreringen_fjern():
    # The exported KLG takes its place. Deleting writes a history row («-»), which goes too: the
    # history table was empty (tabeller_med_innhold), and the export brings KLG's own history.
    for klg in Portefolje._base_manager.filter(slug="klg"):
        pk = klg.pk
        klg.delete()
        Portefolje.history.filter(id=pk).delete()


def _rader(zf, modell):
    with zf.open(f"data/{flytting.filnavn(modell)}.jsonl") as fil:
        for linje in io.TextIOWrapper(fil, encoding="utf-8"):
            if linje.strip():
                yield json.loads(linje)


def _tabell_les(zf, modell, personer) -> int:
    antall = 0
    for bit in batched(_rader(zf, modell), BIT):
        if modell is get_user_model():
            _personer_les(bit, personer)
        elif modell is Group:
            _grupper_les(bit)
        else:
            _objekter_les(modell, bit, personer)
        antall += len(bit)
    return antall


def _personer_les(bit, personer):
    User = get_user_model()
    for rad in bit:
        felter = rad["fields"]
        if felter["username"] in personer:
            continue
        person = User(
            **{
                navn: User._meta.get_field(navn).to_python(verdi)
                for navn, verdi in felter.items()
                if navn in flytting.BRUKERFELTER and navn != "groups"
            }
        )
        person.set_unusable_password()
        person.save()
        person.groups.set(Group.objects.filter(name__in=[n[0] for n in felter["groups"]]))
        personer[person.username] = person.pk


def _grupper_les(bit):
    for rad in bit:
        gruppe, _ = Group.objects.get_or_create(name=rad["fields"]["name"])
        try:
            tillatelser = [
                Permission.objects.get_by_natural_key(*nokkel)
                for nokkel in rad["fields"].get("permissions", [])
            ]
        except Permission.DoesNotExist as feil:
            raise FlyttingFeil(
                f"Gruppen «{gruppe.name}» har en tillatelse denne installasjonen ikke har."
            ) from feil
        gruppe.permissions.add(*tillatelser)


def _objekter_les(modell, bit, personer):
    til_person = [
        felt.name
        for felt in (*modell._meta.local_fields, *modell._meta.local_many_to_many)
        if felt.related_model is get_user_model()
    ]
    for rad in bit:
        for navn in til_person:
            rad["fields"][navn] = _person_pk(rad["fields"].get(navn), personer)
    objekter, m2m = [], []
    for deserialisert in serializers.deserialize("python", bit):
        objekter.append(deserialisert.object)
        m2m.append(deserialisert.m2m_data)
    modell._base_manager.bulk_create(objekter)
    # Through rows written directly: `.set()` would fire m2m_changed, and with it new history.
    for felt in modell._meta.local_many_to_many:
        through = felt.remote_field.through
        if not through._meta.auto_created:
            continue
        fra, til = felt.m2m_column_name(), felt.m2m_reverse_name()
        through._base_manager.bulk_create(
            through(**{fra: objekt.pk, til: pk})
            for objekt, data in zip(objekter, m2m, strict=True)
            for pk in data.get(felt.name, [])
        )


def _person_pk(verdi, personer):
    # ["brukernavn"] for one person, a list of them for a many-to-many (see ut._som_brukernavn).
    if verdi is None:
        return None
    if not verdi or isinstance(verdi[0], list):
        return [personer[nokkel[0]] for nokkel in verdi]
    return personer[verdi[0]]


def _vedlegg_les(zf, skrevne) -> int:
    for navn in zf.namelist():
        if not navn.startswith(VEDLEGG) or navn.endswith("/"):
            continue
        sti = navn.removeprefix(VEDLEGG)
        try:
            # The database was empty, so a file already at this path is one nothing points to.
            if default_storage.exists(sti):
                default_storage.delete(sti)
            with zf.open(navn) as fil:
                lagret = default_storage.save(sti, fil)
        except SuspiciousFileOperation as feil:
            # A path out of MEDIA_ROOT («../») is never written, whoever made the zip.
            raise FlyttingFeil(f"Vedlegget {sti} har en sti utenfor MEDIA_ROOT.") from feil
        skrevne.append(lagret)
    return len(skrevne)


def _sekvenser_nullstill(modeller):
    med_m2m = [
        *modeller,
        *(
            felt.remote_field.through
            for modell in modeller
            for felt in modell._meta.local_many_to_many
            if felt.remote_field.through._meta.auto_created
        ),
    ]
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), med_m2m):
            cursor.execute(sql)
