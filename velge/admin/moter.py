"""Velge in the back office. Decisions are read-only here: they are made on the portfolio's
page, with their rules."""

from django.contrib import admin

from portefolje.admin import PortefoljeAdmin
from portefolje.admin_felles import HistorikkAdmin, SkrivebeskyttetAdmin
from portefolje.models import Portefolje
from portefolje.samtidighet import lagre_versjon
from velge.models import Agendapunkt, Beslutning, Kriterium, Mote, Vurdering


class KriteriumInline(admin.StackedInline):
    model = Kriterium
    extra = 0
    readonly_fields = ["versjon"]


# The core's portfolio admin knows no phase; Velge adds its criteria to it by registering anew.
admin.site.unregister(Portefolje)


@admin.register(Portefolje)
class PortefoljeMedKriterierAdmin(PortefoljeAdmin):
    inlines = [*PortefoljeAdmin.inlines, KriteriumInline]

    def save_formset(self, request, form, formset, change):
        # A criterion changed here raises its version, as the criteria page does, so a page
        # opened before is refused as stale instead of putting the old values back.
        if formset.model is not Kriterium:
            return super().save_formset(request, form, formset, change)
        for kriterium in formset.save(commit=False):
            if kriterium.pk is None:
                kriterium.save()
            else:
                lagre_versjon(kriterium)
        for kriterium in formset.deleted_objects:
            kriterium.delete()
        formset.save_m2m()


@admin.register(Kriterium)
class KriteriumAdmin(HistorikkAdmin):
    list_display = ["navn", "portefolje", "vekt", "retning", "rekkefolge", "aktiv"]
    readonly_fields = ["versjon"]
    list_filter = ["portefolje", "retning", "aktiv"]
    search_fields = ["navn"]


class AgendapunktInline(admin.TabularInline):
    model = Agendapunkt
    extra = 0
    raw_id_fields = ["notat", "versjon"]


@admin.register(Mote)
class MoteAdmin(admin.ModelAdmin):
    list_display = ["dato", "portefolje", "tittel"]
    list_filter = ["portefolje"]
    date_hierarchy = "dato"
    inlines = [AgendapunktInline]


@admin.register(Vurdering)
class VurderingAdmin(SkrivebeskyttetAdmin):
    """Scores are given by each member on the portfolio's page; here they are only read."""

    list_display = ["notat", "kriterium", "medlem", "poeng", "endret"]
    list_filter = ["kriterium__portefolje"]
    raw_id_fields = ["notat"]
    list_select_related = ["notat", "kriterium", "medlem"]


@admin.register(Beslutning)
class BeslutningAdmin(SkrivebeskyttetAdmin):
    """Decisions are made on the portfolio's page, with their rules; here they are only read."""

    list_display = ["besluttet", "portefolje", "notat", "utfall", "besluttet_av"]
    list_filter = ["utfall", "portefolje"]
    search_fields = ["notat__tittel", "begrunnelse"]
    list_select_related = ["portefolje", "notat", "besluttet_av"]
