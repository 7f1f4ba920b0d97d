"""The described schema inside the full export: one entry per table, from the models themselves.

Column names are the serialised field names (a foreign key's name without `_id`), types are
Django's field types, and the meaning is the field's verbose name and help text, in the
installation's language. `schema.json` is for programs, `SKJEMA.md` for people.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.utils import translation

from portefolje import flytting

BESKRIVELSE = (
    "En full kopi av Porteføljeportalens portefølje: alle fasenes tabeller, historikken "
    "(django-simple-history og hendelsesloggen) og vedleggene. Hver tabell står to ganger: "
    "data/<tabell>.jsonl (Djangos serialisering, ett JSON-objekt per linje: model, pk, fields) "
    "og data/<tabell>.csv (samme felter for regneark: semikolonseparert, tekst som ville blitt en "
    "formel får en apostrof foran; én rad per objekt; fremmednøkler som primærnøkkel, "
    'mange-til-mange som JSON-liste). En henvisning til en person står som ["brukernavn"]. '
    "Vedleggene ligger under vedlegg/ med samme sti som i MEDIA_ROOT. Personer er med med "
    "brukernavn, navn, e-post, grupper og flagg, men aldri passord-hasher, API-nøkler, "
    "økter, engangsnøkler, innloggingsforsøk eller koblingen til Entra ID."
)


def kolonner(modell: type[models.Model]) -> list[models.Field]:
    """The serialised fields of a table, in the order of the CSV (after `pk`)."""
    if modell is get_user_model():
        return [modell._meta.get_field(navn) for navn in flytting.BRUKERFELTER]
    felter = [felt for felt in modell._meta.local_fields if felt.serialize]
    felter += [
        felt
        for felt in modell._meta.local_many_to_many
        if felt.serialize and felt.remote_field.through._meta.auto_created
    ]
    return felter


def _type(felt: models.Field) -> str:
    if felt.many_to_many:
        return f"liste av {_henvisning(felt.related_model)}"
    if felt.is_relation:
        return _henvisning(felt.related_model)
    return felt.get_internal_type()


def _henvisning(modell) -> str:
    if modell is get_user_model():
        return f'["brukernavn"] i {modell._meta.label_lower}'
    if modell._meta.label_lower == "auth.group":
        return '["gruppenavn"] i auth.group'
    if modell._meta.label_lower == "auth.permission":
        return '["kodenavn", "app", "modell"] i auth.permission'
    return f"pk i {modell._meta.label_lower}"


def _kolonne(felt: models.Field) -> dict:
    kolonne = {
        "navn": felt.name,
        "type": _type(felt),
        "betydning": str(felt.verbose_name),
        "kan_vaere_tom": bool(felt.null or felt.blank),
    }
    if felt.help_text:
        kolonne["hjelpetekst"] = str(felt.help_text)
    if felt.choices and not felt.is_relation:
        kolonne["verdier"] = {str(verdi): str(tekst) for verdi, tekst in felt.flatchoices}
    return kolonne


def tabell(modell: type[models.Model]) -> dict:
    navn = flytting.filnavn(modell)
    pk = modell._meta.pk
    return {
        "tabell": navn,
        "databasetabell": modell._meta.db_table,
        "betydning": str(modell._meta.verbose_name),
        "filer": [f"data/{navn}.jsonl", f"data/{navn}.csv"],
        "kolonner": [
            {"navn": "pk", "type": pk.get_internal_type(), "betydning": str(pk.verbose_name)},
            *(_kolonne(felt) for felt in kolonner(modell)),
        ],
    }


def skjema_lag() -> dict:
    """The whole schema: format, description and the tables in the order the import loads them."""
    with translation.override(settings.LANGUAGE_CODE):
        return {
            "format": flytting.FORMAT,
            "formatversjon": flytting.FORMATVERSJON,
            "beskrivelse": BESKRIVELSE,
            "tabeller": [tabell(modell) for modell in flytting.modeller()],
        }


def skjema_som_tekst(skjema: dict) -> str:
    """`SKJEMA.md`: the same schema for a person reading the zip."""
    linjer = ["# Skjema for eksporten", "", skjema["beskrivelse"], ""]
    for tabell_ in skjema["tabeller"]:
        linjer += [
            f"## {tabell_['tabell']} — {tabell_['betydning']}",
            "",
            f"Databasetabell `{tabell_['databasetabell']}`; filer "
            + ", ".join(f"`{fil}`" for fil in tabell_["filer"])
            + ".",
            "",
            "| kolonne | type | betydning |",
            "| --- | --- | --- |",
        ]
        for kolonne in tabell_["kolonner"]:
            betydning = kolonne["betydning"]
            if kolonne.get("hjelpetekst"):
                betydning += f" ({kolonne['hjelpetekst']})"
            if kolonne.get("verdier"):
                betydning += "; verdier: " + ", ".join(f"`{v}`" for v in kolonne["verdier"])
            betydning = betydning.replace("|", "\\|").replace("\n", " ")
            linjer.append(f"| {kolonne['navn']} | {kolonne['type']} | {betydning} |")
        linjer.append("")
    return "\n".join(linjer)
