"""Concurrent edits are detected, never silently overwritten: the one conflict in the portal.

Every editable object people share carries an integer `versjon`, sent with the form as a hidden
field (`VersjonFelt`). A service changes such an object in three steps, always these:

    laast = laas_versjon(Modell, pk=objekt.pk, versjon=versjon)   # lock, compare: `Konflikt`
    laast.felt = ...                                               # change
    lagre_versjon(laast, felter=["felt"])                          # raise the version, save

`laas_versjoner` does the first step for several rows at once (a formset, a merge of two rows).
The view catches `Konflikt`, keeps the person's input in the form, shows `str(feil)` (one
message for every screen) and what is saved now (`feil.objekt`). Nothing else in the portal
compares or raises a version.
"""

from collections.abc import Iterable, Mapping

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _


class Konflikt(Exception):
    """Someone else saved the object after this person opened it. Nothing was written.

    `objekt` is the object as it is saved now (None when there is nothing to show), for the view
    to show beside the person's input. The message is the same on every screen.
    """

    melding = _(
        "Someone else saved this after you opened it. Your changes have not been saved: "
        "compare them with what is saved now and save again."
    )

    def __init__(self, objekt=None):
        self.objekt = objekt
        super().__init__(str(self.melding))


def laas_versjon(modell: type[models.Model], *, pk, versjon: int | None):
    """Lock the row for the caller's transaction; refuse (`Konflikt`) if it moved past `versjon`.

    `versjon=None` means the caller has no version to compare (an action without a form, such as
    archiving), and only the lock is taken.
    """
    objekt = modell._default_manager.select_for_update().get(pk=pk)
    if versjon is not None and objekt.versjon != versjon:
        raise Konflikt(objekt)
    return objekt


def laas_versjoner(modell: type[models.Model], versjoner: Mapping) -> dict:
    """`laas_versjon` for several rows: {pk: version or None} → {pk: locked object}.

    The rows are locked in primary-key order, so two people locking the same rows from different
    screens cannot deadlock. Raises `modell.DoesNotExist` if a row is gone, and `Konflikt` (with
    the first row that moved) if any moved past its version; then nothing is written.
    """
    laste = {
        o.pk: o
        for o in modell._default_manager.select_for_update()
        .filter(pk__in=list(versjoner))
        .order_by("pk")
    }
    if len(laste) != len(set(versjoner)):
        raise modell.DoesNotExist(f"{modell.__name__}: {sorted(set(versjoner) - set(laste))}")
    for pk, versjon in versjoner.items():
        if versjon is not None and laste[pk].versjon != versjon:
            raise Konflikt(laste[pk])
    return laste


def lagre_versjon(objekt: models.Model, *, felter: Iterable[str] | None = None, til=None) -> None:
    """Save `objekt` as its next version, so every form opened before is refused as stale.

    `felter` are the fields the caller changed (saved with `versjon`, and `endret` when the
    model keeps one); None saves the whole row. `til` moves to a given later number instead of
    the next one (a concept note skips the numbers its frozen versions hold). Call it on a row
    locked with `laas_versjon` in the same transaction: the lock makes the increment safe.
    """
    neste = objekt.versjon + 1 if til is None else til
    if neste <= objekt.versjon:
        raise ValueError(f"A version only moves forwards ({objekt.versjon} → {neste}).")
    objekt.versjon = neste
    if felter is None:
        objekt.save()
        return
    felter = [*dict.fromkeys(felter), "versjon"]
    if "endret" not in felter and any(f.name == "endret" for f in objekt._meta.concrete_fields):
        felter.append("endret")
    objekt.save(update_fields=felter)


class VersjonFelt(forms.IntegerField):
    """The hidden version a form was opened at; bound forms send it back to the service."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", True)
        super().__init__(**kwargs)
