from django.contrib import admin

from konseptnotat.models import Kommentar, Konseptnotat, KonseptnotatVersjon
from portefolje.admin_felles import TilstandsfeltAdmin


class VersjonInline(admin.TabularInline):
    model = KonseptnotatVersjon
    extra = 0
    fields = ["nummer", "lagret", "lagret_av", "frosset"]
    readonly_fields = ["nummer", "lagret", "lagret_av", "frosset"]
    can_delete = False
    show_change_link = True


class KommentarInline(admin.TabularInline):
    model = Kommentar
    extra = 0
    fields = ["seksjon", "forfatter", "tekst", "lost"]
    readonly_fields = ["forfatter"]


@admin.register(Konseptnotat)
class KonseptnotatAdmin(TilstandsfeltAdmin):
    list_display = ["tittel", "status", "eier", "seksjon", "portefolje", "versjon", "endret"]
    list_filter = ["status", "portefolje", "seksjon"]
    search_fields = ["tittel", "eier__username", "eier__last_name"]
    autocomplete_fields = ["eier", "veileder", "medforfattere"]
    raw_id_fields = ["innspill"]  # the ideer app owns its admin
    readonly_fields = ["versjon", "opprettet", "endret", "innsendt"]
    tilstandsfelt = ("status",)
    inlines = [VersjonInline, KommentarInline]
    date_hierarchy = "endret"


@admin.register(KonseptnotatVersjon)
class KonseptnotatVersjonAdmin(admin.ModelAdmin):
    list_display = ["notat", "nummer", "lagret", "lagret_av", "frosset"]
    list_filter = ["frosset"]
    search_fields = ["notat__tittel"]
    readonly_fields = ["notat", "nummer", "innhold", "lagret_av", "lagret"]

    # A version is what the note said when it was saved: it is never edited away.
    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Kommentar)
class KommentarAdmin(admin.ModelAdmin):
    list_display = ["notat", "seksjon", "forfatter", "opprettet", "lost"]
    list_filter = ["seksjon"]
    search_fields = ["tekst", "notat__tittel"]
