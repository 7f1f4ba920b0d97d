"""Back office for programmes and dependencies (imported by prosjekter/admin.py).

Dependencies are read-only here: they are registered on the project's page, where the service
refuses cycles; an edit in the admin could close one unseen.
"""

from django.contrib import admin

from portefolje.admin_felles import HistorikkAdmin, SkrivebeskyttetAdmin
from prosjekter.models import Avhengighet, Program, Programprosjekt


class ProgramprosjektInline(admin.TabularInline):
    model = Programprosjekt
    raw_id_fields = ["prosjekt"]
    extra = 0


@admin.register(Program)
class ProgramAdmin(HistorikkAdmin):
    list_display = ["navn", "portefolje", "eier", "startdato", "sluttdato", "arkivert"]
    list_filter = ["portefolje", "arkivert"]
    search_fields = ["navn"]
    inlines = [ProgramprosjektInline]


@admin.register(Avhengighet)
class AvhengighetAdmin(SkrivebeskyttetAdmin):
    list_display = ["prosjekt", "avhenger_av", "leveranse", "trengs_dato", "arkivert"]
    list_filter = ["arkivert"]
    search_fields = ["prosjekt__nummer", "avhenger_av__nummer"]
