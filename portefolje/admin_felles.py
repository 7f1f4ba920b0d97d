"""The back office's conventions, one way for every app's admin.

- `HistorikkAdmin` for everything with field history (django-simple-history): edits made here
  are recorded with the staff member's name and show on the object's page in the portal, and
  the change form links to the full history. Its forms clean text as the portal's do
  (`RenTekstMixin`), so what is typed here cannot break an export either.
- `SkrivebeskyttetAdmin` for records that are final (decisions, scores, start decisions): they
  are made in the portal, with its rules, and here only read. Nothing is added, changed or
  deleted.
- `TilstandsfeltAdmin` marks state fields read-only: states move only through the services and
  the transitions declared for the model (`portefolje/overganger.py`).
"""

from django import forms
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from portefolje.samtidighet import lagre_versjon
from portefolje.skjema import RenTekstMixin


class RenAdminskjema(RenTekstMixin, forms.ModelForm):
    """The base of the back office's change forms: text cleaned before validation."""


class HistorikkAdmin(SimpleHistoryAdmin):
    """Admin for a model with `history = HistoricalRecords()`.

    An edit here raises the object's `versjon` like a save through the portal's services, so a
    portal form opened before it is refused as stale (`portefolje.samtidighet`), not silently
    reverting the back office's change.
    """

    form = RenAdminskjema

    def save_model(self, request, obj, form, change):
        if not (change and hasattr(obj, "versjon")):
            return super().save_model(request, obj, form, change)
        obj._history_user = request.user  # what SimpleHistoryAdmin.save_model does
        lagre_versjon(obj)


class SkrivebeskyttetAdmin(HistorikkAdmin):
    """Final records: readable in the back office, never added, changed or deleted here."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class SkrivebeskyttetInline(admin.TabularInline):
    """An inline list of final records (e.g. decisions on a project), for reading only."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class TilstandsfeltAdmin(HistorikkAdmin):
    """State fields (`tilstandsfelt`) are read-only here: they move only through the services."""

    tilstandsfelt: tuple[str, ...] = ()

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), *self.tilstandsfelt]
