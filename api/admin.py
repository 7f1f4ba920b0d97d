"""Back office: service accounts (made here, with their portfolios) and every API key."""

from datetime import timedelta

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from api import services
from api.models import ApiNokkel, Tjenestekonto


class TjenestekontoForm(forms.ModelForm):
    brukernavn = forms.CharField(
        label=gettext_lazy("User name"),
        max_length=150,
        required=False,
        help_text=gettext_lazy("For a new account, e.g. «powerbi-okonomi»."),
    )

    class Meta:
        model = Tjenestekonto
        fields = ["beskrivelse", "portefoljer"]

    def clean_brukernavn(self):
        navn = self.cleaned_data.get("brukernavn", "").strip()
        if self.instance.pk is None:
            from django.contrib.auth import get_user_model

            if not navn:
                raise ValidationError(_("Give the account a user name."))
            if get_user_model().objects.filter(username=navn).exists():
                raise ValidationError(_("The user name is taken."))
        return navn


@admin.register(Tjenestekonto)
class TjenestekontoAdmin(admin.ModelAdmin):
    form = TjenestekontoForm
    list_display = ["bruker", "beskrivelse", "opprettet"]
    filter_horizontal = ["portefoljer"]
    actions = ["lag_nokkel"]

    def get_fields(self, request, obj=None):
        return (
            ["beskrivelse", "portefoljer"] if obj else ["brukernavn", "beskrivelse", "portefoljer"]
        )

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        try:
            konto = services.tjenestekonto_opprett(
                brukernavn=form.cleaned_data["brukernavn"],
                portefoljer=list(form.cleaned_data["portefoljer"]),
                beskrivelse=form.cleaned_data["beskrivelse"],
                aktor=request.user,
            )
        except ValidationError as feil:
            # Only in a race: the form checked the name. Nothing was made; say so and go back.
            messages.error(request, "; ".join(feil.messages))
            obj.ikke_laget = True
            return
        obj.pk = konto.pk
        obj.bruker = konto.bruker

    def log_addition(self, request, obj, message):
        if not getattr(obj, "ikke_laget", False):
            super().log_addition(request, obj, message)

    def response_add(self, request, obj, post_url_continue=None):
        if getattr(obj, "ikke_laget", False):
            return HttpResponseRedirect(request.path)
        return super().response_add(request, obj, post_url_continue)

    def save_related(self, request, form, formsets, change):
        if change:
            super().save_related(request, form, formsets, change)

    @admin.action(description=gettext_lazy("Make a new API key (valid one year, shown once)"))
    def lag_nokkel(self, request, queryset):
        for konto in queryset.select_related("bruker"):
            _nokkel, hemmelighet = services.nokkel_opprett(
                bruker=konto.bruker,
                navn=_("Made in the admin"),
                gyldig=timedelta(days=365),
                aktor=request.user,
            )
            messages.success(
                request,
                _("Key for %(konto)s (copy it now, it is not shown again): %(nokkel)s")
                % {"konto": konto.bruker.username, "nokkel": hemmelighet},
            )


@admin.register(ApiNokkel)
class ApiNokkelAdmin(admin.ModelAdmin):
    list_display = [
        "navn",
        "bruker",
        "prefiks",
        "opprettet",
        "utloper",
        "sist_brukt",
        "trukket_tilbake",
    ]
    list_filter = ["trukket_tilbake"]
    search_fields = ["navn", "prefiks", "bruker__username"]
    readonly_fields = [
        "bruker",
        "navn",
        "prefiks",
        "opprettet",
        "utloper",
        "sist_brukt",
        "trukket_tilbake",
    ]
    fields = readonly_fields
    actions = ["trekk_tilbake"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=gettext_lazy("Revoke the chosen keys"))
    def trekk_tilbake(self, request, queryset):
        for nokkel in queryset:
            services.nokkel_trekk_tilbake(nokkel=nokkel, aktor=request.user)
