from datetime import timedelta

from crispy_forms.helper import FormHelper
from django import forms
from django.utils.translation import gettext_lazy as _

from portefolje.skjema import EngangsnokkelMixin, RenTekstMixin

GYLDIGHET = [
    ("30", _("30 days")),
    ("90", _("90 days")),
    ("180", _("180 days")),
    ("365", _("One year")),
]


class NokkelForm(RenTekstMixin, EngangsnokkelMixin, forms.Form):
    navn = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("Where the key is used, e.g. «Power BI, økonomirapport»."),
    )
    gyldig_dager = forms.ChoiceField(label=_("Valid for"), choices=GYLDIGHET, initial="90")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False

    def gyldig(self) -> timedelta:
        return timedelta(days=int(self.cleaned_data["gyldig_dager"]))
