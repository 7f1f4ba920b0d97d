"""Concurrent edits are detected, never silently overwritten: the one conflict in the portal.

Every editable object people share carries an integer `versjon`, sent with the form as a hidden
field. A service locks the row, compares, and raises `Konflikt` if someone saved in between;
the view then keeps the person's input in the form and shows what is saved now.
"""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _


class Konflikt(Exception):
    """Someone else saved the object after this person opened it. Nothing was written.

    `objekt` is the object as it is saved now, for the view to show beside the person's input.
    """

    standardmelding = _(
        "Someone else saved this after you opened it. Your changes have not been saved: "
        "compare them with what is saved now and save again."
    )

    def __init__(self, objekt=None, melding=None):
        self.objekt = objekt
        super().__init__(str(melding or self.standardmelding))


def laas_versjon(modell: type[models.Model], *, pk, versjon: int | None):
    """Lock the row for the caller's transaction; refuse if it moved past `versjon`.

    `versjon=None` means the caller has no version to compare (e.g. an action without a form),
    and only the lock is taken.
    """
    objekt = modell._default_manager.select_for_update().get(pk=pk)
    if versjon is not None and objekt.versjon != versjon:
        raise Konflikt(objekt)
    return objekt


class VersjonFelt(forms.IntegerField):
    """The hidden version a form was opened at; bound forms send it back to the service."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", True)
        super().__init__(**kwargs)
