"""The forms that save a list's view under a name and change a saved one
(`portefolje.visninger`)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portefolje.models import Portefolje
from portefolje.samtidighet import VersjonFelt
from portefolje.skjema import EngangsnokkelMixin, Nedtrekksliste, RenTekstMixin, Valgliste
from portefolje.tabellvisning import MAKS_SPORRING


class _Deling(RenTekstMixin, forms.Form):
    navn = forms.CharField(label=_("Name of the view"), max_length=100)
    portefolje = forms.ModelChoiceField(
        label=_("Share with"),
        queryset=Portefolje.objects.none(),
        required=False,
        empty_label=_("Only me (private)"),
        widget=Nedtrekksliste,
        help_text=_("The leader group of the portfolio sees a shared view."),
    )
    standard = forms.BooleanField(
        label=_("Make it the portfolio's default view"),
        required=False,
        help_text=_("Only the portfolio's leader can choose this."),
    )

    def __init__(self, *args, bruker, **kwargs):
        super().__init__(*args, **kwargs)
        # The portfolios whose leader group the person sits in: the only ones to share with.
        # (Read with one query: the form is on every list page.)
        self.fields["portefolje"].iterator = Valgliste
        self.fields["portefolje"].queryset = (
            Portefolje.objects.filter(medlemskap__bruker=bruker).distinct().order_by("navn")
        )
        self.fields["portefolje"].error_messages["invalid_choice"] = _(
            "You can share a view only with a portfolio you are a member of."
        )


class VisningNyForm(EngangsnokkelMixin, _Deling):
    """Save the list's current choices (`sporring`, from the page) as a view. Its fields carry
    the prefix «lagre»: the list's filter form on the same page has a «portefolje» of its own."""

    prefix = "lagre"

    liste = forms.CharField(widget=forms.HiddenInput, max_length=40)
    sporring = forms.CharField(widget=forms.HiddenInput, max_length=MAKS_SPORRING, required=False)


class VisningEndreForm(_Deling):
    """Rename a saved view, share it, or make it the default."""

    versjon = VersjonFelt()
