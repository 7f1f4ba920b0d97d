"""Write the full export: every registered table as JSON Lines and CSV, the attachments, the schema.

Rows are read in chunks (`iterator(chunk_size=…)`) and written straight into the zip, so memory
stays bounded by one chunk whatever the size of the portfolio; a table's CSV is spooled to a
temporary file while its JSON Lines are written, since a zip has one member open at a time.
"""

import io
import json
import shutil
import tempfile
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import batched

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from portefolje import flytting
from portefolje.eksport import csv_skriver
from portefolje.flytting import skjema as skjemamodul

BIT = 500


class ForStorEksport(Exception):
    """The zip grew past the bound the caller gave (the web page's; the command has none)."""


@dataclass
class Eksportert:
    rader: dict[str, int] = field(default_factory=dict)
    filer: int = 0
    filer_som_mangler: list[str] = field(default_factory=list)


def alt_eksporter(*, mal, maks_byte: int | None = None) -> Eksportert:
    """Write the whole portfolio as a zip to the binary, seekable file `mal`.

    Refuses (ForStorEksport) once the zip passes `maks_byte`; what was written is then incomplete
    and the caller throws it away. An attachment whose file is gone from MEDIA_ROOT is listed in
    the schema under «filer_som_mangler» instead of stopping the export.
    """
    resultat = Eksportert()
    # Both small (the people and their groups), and looked up for every row that names one.
    navn = {
        "brukere": dict(get_user_model().objects.values_list("pk", "username")),
        "grupper": dict(Group.objects.values_list("pk", "name")),
    }
    with zipfile.ZipFile(mal, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for modell in flytting.modeller():
            resultat.rader[flytting.filnavn(modell)] = _tabell_skriv(zf, modell, navn)
            _sjekk_storrelse(mal, maks_byte)
            _vedlegg_skriv(zf, modell, resultat, mal=mal, maks_byte=maks_byte)
        skjema = skjemamodul.skjema_lag()
        skjema["rader"] = resultat.rader
        skjema["filer_som_mangler"] = resultat.filer_som_mangler
        zf.writestr("schema.json", json.dumps(skjema, ensure_ascii=False, indent=2))
        zf.writestr("SKJEMA.md", skjemamodul.skjema_som_tekst(skjema))
    return resultat


def _sjekk_storrelse(mal, maks_byte):
    if maks_byte is not None and mal.tell() > maks_byte:
        raise ForStorEksport


def _tabell_skriv(zf, modell, navn) -> int:
    tabell = flytting.filnavn(modell)
    kolonner = skjemamodul.kolonner(modell)
    felter = [felt.name for felt in kolonner]
    antall = 0
    with tempfile.TemporaryFile() as csvfil:
        csvtekst = io.TextIOWrapper(csvfil, encoding="utf-8", newline="")
        skriver = csv_skriver(csvtekst)
        skriver.writerow(["pk", *felter])
        with zf.open(f"data/{tabell}.jsonl", "w", force_zip64=True) as jsonl:
            radene = modell._base_manager.order_by("pk").iterator(chunk_size=BIT)
            for bit in batched(radene, BIT):
                for rad in _serialiser(modell, bit, navn):
                    jsonl.write(json.dumps(rad, cls=DjangoJSONEncoder, ensure_ascii=False).encode())
                    jsonl.write(b"\n")
                    skriver.writerow(
                        [_csvverdi(rad["pk"]), *(_csvverdi(rad["fields"][f]) for f in felter)]
                    )
                    antall += 1
        csvtekst.flush()
        csvfil.seek(0)
        with zf.open(f"data/{tabell}.csv", "w", force_zip64=True) as ut:
            shutil.copyfileobj(csvfil, ut)
        csvtekst.detach()
    return antall


def _serialiser(modell, objekter, navn):
    kolonner = skjemamodul.kolonner(modell)
    if modell is Group:
        # A group's permissions by name: their ids differ between installations.
        rader = serializers.serialize("python", objekter, use_natural_foreign_keys=True)
    else:
        rader = serializers.serialize(
            "python", objekter, fields=[felt.name for felt in kolonner if not felt.many_to_many]
        )
        _mange_til_mange_fyll(rader, [felt for felt in kolonner if felt.many_to_many])
    til_person = [felt.name for felt in kolonner if felt.related_model is get_user_model()]
    for rad in rader:
        for felt in til_person:
            rad["fields"][felt] = _som_brukernavn(rad["fields"][felt], navn["brukere"])
        if modell is get_user_model():
            rad["fields"]["groups"] = _gruppenavn(rad["fields"]["groups"], navn["grupper"])
    return rader


def _mange_til_mange_fyll(rader, felter):
    # One query per many-to-many and chunk: Django's serializer asks once per row and field.
    pks = [rad["pk"] for rad in rader]
    for felt in felter:
        through = felt.remote_field.through
        fra, til = felt.m2m_column_name(), felt.m2m_reverse_name()
        verdier = defaultdict(list)
        par = (
            through._base_manager.filter(**{f"{fra}__in": pks})
            .order_by(fra, til)
            .values_list(fra, til)
        )
        for kilde, mal in par:
            verdier[kilde].append(mal)
        for rad in rader:
            rad["fields"][felt.name] = verdier[rad["pk"]]


def _som_brukernavn(verdi, brukernavn):
    # Django's natural key for a user is a one-element list: the import finds the person by
    # name, since the receiving installation numbers its users itself.
    if verdi is None:
        return None
    if isinstance(verdi, list):
        return [[brukernavn[pk]] for pk in verdi if pk in brukernavn]
    return [brukernavn[verdi]] if verdi in brukernavn else None


def _gruppenavn(pks, grupper):
    return [[grupper[pk]] for pk in pks if pk in grupper]


def _csvverdi(verdi) -> str:
    if verdi is None:
        return ""
    if isinstance(verdi, str):
        return verdi
    if isinstance(verdi, (bool, int, float, list, dict)):
        return json.dumps(verdi, cls=DjangoJSONEncoder, ensure_ascii=False)
    return DjangoJSONEncoder().default(verdi)


def _vedlegg_skriv(zf, modell, resultat, *, mal, maks_byte):
    filfelter = [felt for felt in modell._meta.local_fields if isinstance(felt, models.FileField)]
    # A history row (simple-history's models carry `instance_type`) names a file its model's
    # row already brought along, or one deleted since.
    if not filfelter or hasattr(modell, "instance_type"):
        return
    for felt in filfelter:
        navnene = (
            modell._base_manager.exclude(**{felt.name: ""})
            .exclude(**{f"{felt.name}__isnull": True})
            .values_list(felt.name, flat=True)
            .iterator(chunk_size=BIT)
        )
        for navn in navnene:
            if not felt.storage.exists(navn):
                resultat.filer_som_mangler.append(navn)
                continue
            with (
                felt.storage.open(navn, "rb") as kilde,
                zf.open(f"vedlegg/{navn}", "w", force_zip64=True) as ut,
            ):
                shutil.copyfileobj(kilde, ut)
            resultat.filer += 1
            _sjekk_storrelse(mal, maks_byte)
