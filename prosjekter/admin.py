from django.contrib import admin

from portefolje.admin_felles import HistorikkAdmin, SkrivebeskyttetAdmin, TilstandsfeltAdmin
from prosjekter.models import (
    Gevinst,
    Indikator,
    Kapasitet,
    Leveranse,
    Maling,
    Nummerserie,
    Prosjekt,
    Rapporttilstand,
    Ressursallokering,
    Ressursbehov,
    Startvedtak,
    Statusrapport,
    Styringsbeslutning,
    Usikkerhet,
)


@admin.register(Prosjekt)
class ProsjektAdmin(TilstandsfeltAdmin):
    list_display = ["nummer", "tittel", "portefolje", "fase", "tilstand", "prosjektleder"]
    list_filter = ["portefolje", "fase", "tilstand", "type"]
    search_fields = ["nummer", "tittel"]
    raw_id_fields = ["beslutning", "konseptnotat", "innspill"]
    # Phase and state move only by the chair's steering decision (prosjekter/overganger.py);
    # public access only by the chair too (prosjekt_sett_offentlighet, in the audit trail).
    tilstandsfelt = ("fase", "tilstand", "unntatt_offentlighet", "hjemmel")


@admin.register(Statusrapport)
class StatusrapportAdmin(TilstandsfeltAdmin):
    list_display = ["prosjekt", "tilstand", "publisert", "farge", "skrevet_av"]
    list_filter = ["tilstand", "farge"]
    search_fields = ["prosjekt__nummer", "prosjekt__tittel"]
    raw_id_fields = ["prosjekt"]
    tilstandsfelt = ("tilstand", "publisert")

    # A published report is read-only history; drafts are kept by the project's people.
    def has_change_permission(self, request, obj=None):
        publisert = obj is not None and obj.tilstand == Rapporttilstand.PUBLISERT
        return not publisert and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        publisert = obj is not None and obj.tilstand == Rapporttilstand.PUBLISERT
        return not publisert and super().has_delete_permission(request, obj)


@admin.register(Leveranse)
class LeveranseAdmin(HistorikkAdmin):
    list_display = ["tittel", "prosjekt", "status", "sluttdato", "arkivert"]
    list_filter = ["status", "arkivert"]
    search_fields = ["tittel", "prosjekt__nummer"]
    raw_id_fields = ["prosjekt"]


class IndikatorInline(admin.TabularInline):
    model = Indikator
    extra = 0


@admin.register(Gevinst)
class GevinstAdmin(HistorikkAdmin):
    list_display = ["tittel", "prosjekt", "type", "realiseringsdato", "arkivert"]
    list_filter = ["type", "arkivert"]
    search_fields = ["tittel", "prosjekt__nummer"]
    raw_id_fields = ["prosjekt"]
    inlines = [IndikatorInline]


@admin.register(Indikator)
class IndikatorAdmin(HistorikkAdmin):
    list_display = ["navn", "gevinst", "enhet", "nullpunkt", "malverdi"]
    list_filter = ["enhet"]
    search_fields = ["navn", "gevinst__tittel"]
    raw_id_fields = ["gevinst"]


@admin.register(Maling)
class MalingAdmin(HistorikkAdmin):
    list_display = ["indikator", "dato", "verdi"]
    list_filter = ["dato"]
    search_fields = ["indikator__navn"]
    raw_id_fields = ["indikator"]


@admin.register(Ressursallokering)
class RessursallokeringAdmin(HistorikkAdmin):
    list_display = ["person", "rolle", "type", "prosjekt", "belastning", "fra", "til", "status"]
    list_filter = ["type", "status", "arkivert"]
    search_fields = ["person__username", "person__last_name", "rolle", "prosjekt__nummer"]
    raw_id_fields = ["prosjekt", "person"]


@admin.register(Usikkerhet)
class UsikkerhetAdmin(HistorikkAdmin):
    list_display = ["tittel", "prosjekt", "type", "sannsynlighet", "konsekvens", "status"]
    list_filter = ["type", "status", "strategi"]
    search_fields = ["tittel", "prosjekt__nummer"]
    raw_id_fields = ["prosjekt"]


@admin.register(Styringsbeslutning)
class StyringsbeslutningAdmin(SkrivebeskyttetAdmin):
    list_display = ["prosjekt", "type", "besluttet_av", "besluttet"]
    list_filter = ["type"]
    search_fields = ["prosjekt__nummer", "begrunnelse"]
    raw_id_fields = ["prosjekt"]


@admin.register(Ressursbehov)
class RessursbehovAdmin(admin.ModelAdmin):
    list_display = ["prosjekt", "maned_nr", "personprosent"]
    search_fields = ["prosjekt__nummer"]
    raw_id_fields = ["prosjekt"]


@admin.register(Kapasitet)
class KapasitetAdmin(HistorikkAdmin):
    list_display = ["portefolje", "fra_maned", "personprosent"]
    list_filter = ["portefolje"]


@admin.register(Startvedtak)
class StartvedtakAdmin(SkrivebeskyttetAdmin):
    list_display = ["prosjekt", "foreslatt_start", "vedtatt_start", "besluttet_av", "besluttet"]
    search_fields = ["prosjekt__nummer"]
    raw_id_fields = ["prosjekt"]


@admin.register(Nummerserie)
class NummerserieAdmin(admin.ModelAdmin):
    list_display = ["ar", "siste"]


from prosjekter import admin_program  # noqa: E402, F401  (programmes and dependencies)
