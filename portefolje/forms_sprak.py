"""The written-language choice on «Min profil»."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from portefolje.skjema import RenTekstMixin


def _standard_valg():
    navn = dict(settings.LANGUAGES)[settings.LANGUAGE_CODE]
    return ("", _("The municipality's choice (%(sprak)s)") % {"sprak": navn})


class SprakForm(RenTekstMixin, forms.Form):
    """Bokmål, nynorsk, or whatever the municipality has chosen (which may change later)."""

    sprak = forms.ChoiceField(label=_("Written language"), required=False, widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sprak"].choices = [_standard_valg(), *settings.LANGUAGES]
