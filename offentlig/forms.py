"""The public search: text, section and theme, each checked, so bad input gets a clear answer."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portefolje.models import Seksjon
from portefolje.skjema import RenTekstMixin
from prosjekter.models import Prosjekttype

# Longer searches are refused with a message, not run: the cost of a search grows with its text.
MAKS_SOK = 100


class SokForm(RenTekstMixin, forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=MAKS_SOK,
        error_messages={
            "max_length": _("Write at most %(limit_value)d characters in the search."),
        },
    )
    seksjon = forms.ModelChoiceField(
        label=_("Sector"),
        queryset=Seksjon.objects.filter(aktiv=True).only("navn", "slug"),
        to_field_name="slug",
        required=False,
        empty_label=_("All sectors"),
        error_messages={"invalid_choice": _("We do not know that sector. Choose one in the list.")},
    )
    tema = forms.ChoiceField(
        label=_("Theme"),
        required=False,
        choices=[("", _("All themes")), *Prosjekttype.choices],
        error_messages={"invalid_choice": _("We do not know that theme. Choose one in the list.")},
    )

    def filtre(self) -> dict:
        """The search as keyword arguments for the selectors (empty when the form is invalid)."""
        if not self.is_valid():
            return {}
        return {
            "q": self.cleaned_data["q"].strip(),
            "seksjon": self.cleaned_data["seksjon"],
            "tema": self.cleaned_data["tema"],
        }


class FeedForm(forms.Form):
    """The feed's parameters: how many entries (1–100) and, optionally, one sector."""

    antall = forms.IntegerField(min_value=1, max_value=100, required=False)
    seksjon = forms.ModelChoiceField(
        queryset=Seksjon.objects.filter(aktiv=True), to_field_name="slug", required=False
    )
