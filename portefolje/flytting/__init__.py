"""The whole portfolio out of one installation and into an empty one.

The commands are `eksporter_alt MÅL.zip` and `importer_alt KILDE.zip`; an administrator can also
download the export from the page `portefolje.views.flytting`.

The core does not know the phases' models: each app registers what it owns in its
AppConfig.ready() (`flytting.registrer(Innspill, Vedlegg, …)`), the core registers the people and
its own tables, and the history tables of django-simple-history follow their model by themselves.
What is left out is left out on purpose: password and API key hashes, sessions, one-time form
keys, login attempts and the link to Entra ID (made again at the first sign-in, by e-mail).

The export is a zip of JSON Lines (Django's serialisation, one object a line), CSV and the
attachments, described by `schema.json` and `SKJEMA.md` (`portefolje.flytting.skjema`); see
`ut.alt_eksporter` and `inn.alt_importer`.
"""

from django.contrib.auth import get_user_model
from django.db import models

FORMAT = "porteføljeportalen-flytting"
FORMATVERSJON = 1

# The people: who they are and which groups they are in, never how they log in.
BRUKERFELTER = (
    "username",
    "first_name",
    "last_name",
    "email",
    "is_active",
    "is_staff",
    "is_superuser",
    "date_joined",
    "last_login",
    "groups",
)

_registrert: list[type[models.Model]] = []


def registrer(*modeller: type[models.Model]) -> None:
    """Register models whose rows belong in the full export; their history tables come along."""
    for modell in modeller:
        if modell not in _registrert:
            _registrert.append(modell)


def historikkmodeller(modell: type[models.Model]) -> list[type[models.Model]]:
    """django-simple-history's tables for `modell`: its history and the history of its m2m."""
    manager = getattr(modell._meta, "simple_history_manager_attribute", None)
    if manager is None:
        return []
    historikk = getattr(modell, manager).model
    # A tracked many-to-many has its own history table, pointing at the history row.
    m2m = [
        relasjon.related_model
        for relasjon in historikk._meta.related_objects
        if relasjon.one_to_many and relasjon.field.name == "history"
    ]
    return [historikk, *m2m]


def modeller() -> list[type[models.Model]]:
    """Every exported model, in dependency order: what a row points to comes before the row."""
    from django.contrib.auth.models import Group

    alle = [Group, get_user_model()]
    for modell in _registrert:
        for med in (modell, *historikkmodeller(modell)):
            if med not in alle:
                alle.append(med)
    return _avhengighetsorden(alle)


def _avhengighetsorden(alle: list[type[models.Model]]) -> list[type[models.Model]]:
    # Depth first over foreign keys and many-to-many; a cycle (a self reference, two tables
    # pointing at each other) is left in registration order, which PostgreSQL's deferred foreign
    # key checks accept inside the import's one transaction.
    ordnet: list[type[models.Model]] = []
    besokt: set = set()

    def besok(modell):
        if modell in besokt:
            return
        besokt.add(modell)
        for felt in modell._meta.get_fields():
            if felt.concrete and felt.is_relation and felt.related_model in alle:
                besok(felt.related_model)
        ordnet.append(modell)

    for modell in alle:
        besok(modell)
    return ordnet


def filnavn(modell: type[models.Model]) -> str:
    """The table's name in the zip, without folder and extension: «ideer.innspill»."""
    return modell._meta.label_lower
