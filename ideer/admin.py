from django.contrib import admin

from ideer.models import Innspill, StatusEndring, Vedlegg
from portefolje.admin_felles import TilstandsfeltAdmin


class StatusEndringInline(admin.TabularInline):
    model = StatusEndring
    extra = 0
    readonly_fields = ["fra_status", "til_status", "endret_av", "tidspunkt", "kommentar"]
    can_delete = False


class VedleggInline(admin.TabularInline):
    model = Vedlegg
    extra = 0
    readonly_fields = ["filnavn", "filtype", "storrelse", "lastet_opp_av", "opprettet"]
    fields = readonly_fields
    can_delete = False


@admin.register(Innspill)
class InnspillAdmin(TilstandsfeltAdmin):
    list_display = ["pk", "tittel", "type", "opphav", "kanal", "status", "palagt", "opprettet"]
    list_filter = ["type", "status", "kanal", "opphav", "palagt", "seksjoner"]
    search_fields = ["tittel", "beskrivelse", "referanse", "ekstern_id", "kode"]
    date_hierarchy = "opprettet"
    raw_id_fields = ["innsender", "initiativtaker", "slatt_sammen_med"]
    filter_horizontal = ["seksjoner"]
    readonly_fields = ["kode", "opprettet", "endret", "lukket", "anonymisert", "versjon"]
    tilstandsfelt = ("status",)
    inlines = [StatusEndringInline, VedleggInline]


@admin.register(StatusEndring)
class StatusEndringAdmin(admin.ModelAdmin):
    list_display = ["innspill", "fra_status", "til_status", "endret_av", "tidspunkt"]
    list_filter = ["til_status"]
    raw_id_fields = ["innspill", "endret_av"]


@admin.register(Vedlegg)
class VedleggAdmin(admin.ModelAdmin):
    list_display = ["filnavn", "innspill", "filtype", "storrelse", "opprettet"]
    list_filter = ["filtype"]
    search_fields = ["filnavn"]
    raw_id_fields = ["innspill", "lastet_opp_av"]
