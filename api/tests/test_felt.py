"""What a form lets people type, the API gives out: a field added to a form and left out of the
API would leave Power BI without it, unnoticed."""

import importlib
from pathlib import Path

from django import forms

from api import serializers
from api.views.ressurser import RESSURSER

ROT = Path(__file__).resolve().parents[2]
APPER = ["portefolje", "ideer", "konseptnotat", "velge", "prosjekter"]


def skjemamoduler():
    """Every module of the phases that holds forms (forms.py, forms_*.py, forms/…)."""
    for app in APPER:
        for fil in sorted((ROT / app).rglob("*.py")):
            relativ = fil.relative_to(ROT)
            if relativ.parts[1] in ("tests", "migrations"):
                continue
            if any(del_.startswith("forms") for del_ in relativ.with_suffix("").parts[1:]):
                yield ".".join(relativ.with_suffix("").parts).removesuffix(".__init__")


def modellskjemaer():
    for modul in skjemamoduler():
        importlib.import_module(modul)
    ventende, funnet = [forms.ModelForm], set()
    while ventende:
        for underklasse in ventende.pop().__subclasses__():
            ventende.append(underklasse)
            if underklasse.__module__.split(".")[0] in APPER and underklasse._meta.model:
                funnet.add(underklasse)
    return sorted(funnet, key=lambda s: f"{s.__module__}.{s.__name__}")


def api_felt_per_modell() -> dict:
    return {
        visning.serializer_class.Meta.model: set(visning.serializer_class.Meta.fields)
        for visning in RESSURSER.values()
    }


def test_every_field_a_form_shows_is_in_the_api():
    i_api = api_felt_per_modell()
    skjemaer = modellskjemaer()
    mangler = []
    for skjema in skjemaer:
        modell = skjema._meta.model
        if modell not in i_api:
            continue  # not a resource of the API (e.g. a programme's dependency)
        modellfelt = {f.name for f in modell._meta.get_fields()}
        for felt in skjema._meta.fields or ():
            utelatt = serializers.UTELATT.get(modell, set())
            if felt in modellfelt and felt not in i_api[modell] and felt not in utelatt:
                mangler.append(f"{skjema.__module__}.{skjema.__name__}: {modell.__name__}.{felt}")
    assert not mangler, "Felt i et skjema, men ikke i API-et:\n" + "\n".join(mangler)
    # The walk finds the forms people use, so the check above checks something.
    navn = {s.__name__ for s in skjemaer}
    assert {"InnspillForm", "KonseptnotatForm", "KriteriumForm", "StatusrapportForm"} <= navn


def test_the_status_report_takes_its_fields_from_the_list_its_form_is_built_from():
    from prosjekter.forms import StatusrapportForm

    assert StatusrapportForm._meta.fields == serializers.RAPPORTFELT
    felt = serializers.StatusrapportSerializer.Meta.fields
    # The whole list, in its order, with each choice field's text beside it.
    assert [f for f in felt if f in serializers.RAPPORTFELT] == serializers.RAPPORTFELT
    assert "fremdrift_tekst" in felt
