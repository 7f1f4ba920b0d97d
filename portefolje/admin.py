from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from portefolje.admin_felles import HistorikkAdmin
from portefolje.models import (
    Hendelse,
    Medlemskap,
    PaminnelsesInnstilling,
    Portefolje,
    Profil,
    Seksjon,
    Varsel,
    VarselInnstilling,
)


@admin.register(Seksjon)
class SeksjonAdmin(admin.ModelAdmin):
    list_display = ["navn", "slug", "aktiv"]
    list_filter = ["aktiv"]
    search_fields = ["navn"]
    prepopulated_fields = {"slug": ["navn"]}


class MedlemskapInline(admin.TabularInline):
    model = Medlemskap
    extra = 1
    autocomplete_fields = ["bruker"]


@admin.register(Portefolje)
class PortefoljeAdmin(HistorikkAdmin):
    list_display = ["navn", "slug", "seksjon", "forelder", "kostnadsterskel", "aktiv"]
    list_filter = ["aktiv", "forelder"]
    search_fields = ["navn", "slug"]
    list_select_related = ["seksjon", "forelder"]
    inlines = [MedlemskapInline]


@admin.register(Medlemskap)
class MedlemskapAdmin(HistorikkAdmin):
    list_display = ["bruker", "portefolje", "rolle"]
    list_filter = ["rolle", "portefolje"]
    search_fields = ["bruker__username", "bruker__first_name", "bruker__last_name"]
    list_select_related = ["bruker", "portefolje"]
    autocomplete_fields = ["bruker"]


class ProfilInline(admin.StackedInline):
    model = Profil
    can_delete = False


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class BrukerAdmin(UserAdmin):
    inlines = [ProfilInline]
    list_display = ["username", "first_name", "last_name", "email", "seksjon", "is_staff"]
    list_select_related = ["profil__seksjon"]
    list_filter = [*UserAdmin.list_filter, "profil__seksjon"]

    @admin.display(description="Seksjon", ordering="profil__seksjon__navn")
    def seksjon(self, obj):
        profil = getattr(obj, "profil", None)
        return profil.seksjon if profil else None


@admin.register(Hendelse)
class HendelseAdmin(admin.ModelAdmin):
    """The audit trail is read-only, also for administrators."""

    list_display = ["tidspunkt", "aktor", "handling", "objekt_type", "objekt_id", "beskrivelse"]
    list_filter = ["handling", "objekt_type"]
    search_fields = ["beskrivelse", "aktor__username"]
    date_hierarchy = "tidspunkt"
    list_select_related = ["aktor"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Varsel)
class VarselAdmin(admin.ModelAdmin):
    list_display = [
        "opprettet",
        "mottaker",
        "type",
        "tittel",
        "lest",
        "epost_onsket",
        "epost_sendt",
    ]
    list_filter = ["type", "lest", "epost_onsket", "epost_sendt"]
    search_fields = ["tittel", "mottaker__username"]
    list_select_related = ["mottaker"]


@admin.register(VarselInnstilling)
class VarselInnstillingAdmin(admin.ModelAdmin):
    list_display = ["bruker", "type", "epost"]
    list_filter = ["type", "epost"]
    search_fields = ["bruker__username"]
    list_select_related = ["bruker"]
    autocomplete_fields = ["bruker"]


@admin.register(PaminnelsesInnstilling)
class PaminnelsesInnstillingAdmin(admin.ModelAdmin):
    list_display = [
        "portefolje",
        "dager_for_rapportfrist",
        "dager_til_eskalering",
        "dager_for_mote_notater",
        "dager_for_mote_vurdering",
    ]
    list_select_related = ["portefolje"]
