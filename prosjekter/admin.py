from django.contrib import admin

from prosjekter.models import (
    Gevinst,
    Indikator,
    Kapasitet,
    Leveranse,
    Maling,
    Nummerserie,
    Prosjekt,
    Ressursallokering,
    Ressursbehov,
    Startvedtak,
    Statusrapport,
    Styringsbeslutning,
    Usikkerhet,
)


@admin.register(Prosjekt)
class ProsjektAdmin(admin.ModelAdmin):
    list_display = ["nummer", "tittel", "portefolje", "fase", "tilstand", "prosjektleder"]
    list_filter = ["portefolje", "fase", "tilstand", "type"]
    search_fields = ["nummer", "tittel"]
    raw_id_fields = ["beslutning", "konseptnotat", "innspill"]


@admin.register(Statusrapport)
class StatusrapportAdmin(admin.ModelAdmin):
    list_display = ["prosjekt", "tilstand", "publisert", "farge", "skrevet_av"]
    list_filter = ["tilstand", "farge"]
    search_fields = ["prosjekt__nummer", "prosjekt__tittel"]
    raw_id_fields = ["prosjekt"]


@admin.register(Leveranse)
class LeveranseAdmin(admin.ModelAdmin):
    list_display = ["tittel", "prosjekt", "status", "sluttdato", "arkivert"]
    list_filter = ["status", "arkivert"]
    search_fields = ["tittel", "prosjekt__nummer"]
    raw_id_fields = ["prosjekt"]


class IndikatorInline(admin.TabularInline):
    model = Indikator
    extra = 0


@admin.register(Gevinst)
class GevinstAdmin(admin.ModelAdmin):
    list_display = ["tittel", "prosjekt", "type", "realiseringsdato", "arkivert"]
    list_filter = ["type", "arkivert"]
    search_fields = ["tittel", "prosjekt__nummer"]
    raw_id_fields = ["prosjekt"]
    inlines = [IndikatorInline]


@admin.register(Indikator)
class IndikatorAdmin(admin.ModelAdmin):
    list_display = ["navn", "gevinst", "enhet", "nullpunkt", "malverdi"]
    list_filter = ["enhet"]
    search_fields = ["navn", "gevinst__tittel"]
    raw_id_fields = ["gevinst"]


@admin.register(Maling)
class MalingAdmin(admin.ModelAdmin):
    list_display = ["indikator", "dato", "verdi"]
    list_filter = ["dato"]
    search_fields = ["indikator__navn"]
    raw_id_fields = ["indikator"]


@admin.register(Ressursallokering)
class RessursallokeringAdmin(admin.ModelAdmin):
    list_display = ["person", "rolle", "type", "prosjekt", "belastning", "fra", "til", "status"]
    list_filter = ["type", "status", "arkivert"]
    search_fields = ["person__username", "person__last_name", "rolle", "prosjekt__nummer"]
    raw_id_fields = ["prosjekt", "person"]


@admin.register(Usikkerhet)
class UsikkerhetAdmin(admin.ModelAdmin):
    list_display = ["tittel", "prosjekt", "type", "sannsynlighet", "konsekvens", "status"]
    list_filter = ["type", "status", "strategi"]
    search_fields = ["tittel", "prosjekt__nummer"]
    raw_id_fields = ["prosjekt"]


@admin.register(Styringsbeslutning)
class StyringsbeslutningAdmin(admin.ModelAdmin):
    list_display = ["prosjekt", "type", "besluttet_av", "besluttet"]
    list_filter = ["type"]
    search_fields = ["prosjekt__nummer", "begrunnelse"]
    raw_id_fields = ["prosjekt"]

    def has_change_permission(self, request, obj=None):
        return False  # decisions are history


@admin.register(Ressursbehov)
class RessursbehovAdmin(admin.ModelAdmin):
    list_display = ["prosjekt", "maned_nr", "personprosent"]
    search_fields = ["prosjekt__nummer"]
    raw_id_fields = ["prosjekt"]


@admin.register(Kapasitet)
class KapasitetAdmin(admin.ModelAdmin):
    list_display = ["portefolje", "fra_maned", "personprosent"]
    list_filter = ["portefolje"]


@admin.register(Startvedtak)
class StartvedtakAdmin(admin.ModelAdmin):
    list_display = ["prosjekt", "foreslatt_start", "vedtatt_start", "besluttet_av", "besluttet"]
    search_fields = ["prosjekt__nummer"]
    raw_id_fields = ["prosjekt"]


@admin.register(Nummerserie)
class NummerserieAdmin(admin.ModelAdmin):
    list_display = ["ar", "siste"]
