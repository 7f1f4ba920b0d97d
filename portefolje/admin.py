from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from portefolje.admin_felles import HistorikkAdmin
from portefolje.models import (
    Arkivforsendelse,
    EntraIdentitet,
    Hendelse,
    Medlemskap,
    PaminnelsesInnstilling,
    Portefolje,
    Profil,
    Seksjon,
    Varsel,
    VarselInnstilling,
)
from portefolje.skjema import RenTekstMixin
from portefolje.varsler import varseltype_navn, varseltyper


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


class EntraIdentitetInline(admin.TabularInline):
    """Shown so an administrator can unlink an account (e.g. a re-created Entra user)."""

    model = EntraIdentitet
    extra = 0
    readonly_fields = ["tenant_id", "objekt_id", "koblet"]
    can_delete = True

    def has_add_permission(self, request, obj=None):
        return False


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class BrukerAdmin(UserAdmin):
    inlines = [ProfilInline, EntraIdentitetInline]
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


class VarseltypeFilter(admin.SimpleListFilter):
    """The kinds the phases registered (portefolje.varsler), by their labels."""

    title = _("kind")
    parameter_name = "type"

    def lookups(self, request, model_admin):
        return [(t.kode, t.navn) for t in varseltyper()]

    def queryset(self, request, queryset):
        return queryset.filter(type=self.value()) if self.value() else queryset


class VarselInnstillingAdminForm(RenTekstMixin, forms.ModelForm):
    type = forms.ChoiceField(
        label=_("kind"), choices=lambda: [(t.kode, t.navn) for t in varseltyper()]
    )

    class Meta:
        model = VarselInnstilling
        fields = ["bruker", "type", "epost"]


@admin.register(Varsel)
class VarselAdmin(admin.ModelAdmin):
    list_display = [
        "opprettet",
        "mottaker",
        "typenavn",
        "tittel",
        "lest",
        "epost_onsket",
        "epost_sendt",
    ]
    list_filter = [VarseltypeFilter, "lest", "epost_onsket", "epost_sendt"]
    search_fields = ["tittel", "mottaker__username"]
    list_select_related = ["mottaker"]

    @admin.display(description=_("kind"), ordering="type")
    def typenavn(self, varsel):
        return varseltype_navn(varsel.type)


@admin.register(VarselInnstilling)
class VarselInnstillingAdmin(admin.ModelAdmin):
    form = VarselInnstillingAdminForm
    list_display = ["bruker", "type", "epost"]
    list_filter = [VarseltypeFilter, "epost"]
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


@admin.register(Arkivforsendelse)
class ArkivforsendelseAdmin(admin.ModelAdmin):
    """Read only: an item moves through its services (the archive page's «Try again»)."""

    list_display = ["tittel", "portefolje", "status", "forsok", "opprettet", "sendt", "filnavn"]
    list_filter = ["status", "portefolje"]
    search_fields = ["tittel", "filnavn"]
    date_hierarchy = "opprettet"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
