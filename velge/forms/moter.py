"""A new meeting, and a note put on its agenda."""

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from portefolje.bekreftelse import bekreftfelt, krev_bekreftelse
from portefolje.skjema import EngangsnokkelMixin, RenTekstMixin
from velge.models import Mote

DATO = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MoteForm(RenTekstMixin, EngangsnokkelMixin, forms.ModelForm):
    bekreft = bekreftfelt(_("The meeting has already been held: record it with this date"))

    class Meta:
        model = Mote
        fields = ["dato", "tittel", "sted"]
        widgets = {"dato": DATO}

    def clean(self):
        data = super().clean()
        dato = data.get("dato")
        if dato and dato < timezone.localdate():
            krev_bekreftelse(
                self,
                _(
                    "%(dato)s is in the past. Scores and decisions will be dated by it. "
                    "Check the date, or tick the box if the meeting was really held then."
                )
                % {"dato": formats.date_format(dato, "j. F Y")},
            )
        return data


class AgendaLeggTilForm(RenTekstMixin, forms.Form):
    # The meeting page offers the notes through a search (views/moter.py); each hit posts its id.
    notat = forms.ModelChoiceField(
        queryset=None, label=_("Concept note ready for decision"), widget=forms.HiddenInput
    )

    def __init__(self, *args, notater, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["notat"].queryset = notater
