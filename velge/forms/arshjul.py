"""Årshjulet's forms: the year's four fixed dates, and a named point."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portefolje.samtidighet import VersjonFelt
from portefolje.skjema import EngangsnokkelMixin, RenTekstMixin
from velge.models import FASTE_PUNKTER, Arshjulpunkt
from velge.services.arshjul import ar_feil, datofeil

DATO = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ArshjulForm(RenTekstMixin, forms.Form):
    """The fixed dates of one year; the service checks the same rules (`datofeil`)."""

    notatfrist = forms.DateField(label=_("Deadline for concept notes"), required=False, widget=DATO)
    vurderingsmote = forms.DateField(label=_("Scoring meeting"), required=False, widget=DATO)
    beslutningsmote = forms.DateField(label=_("Decision meeting"), required=False, widget=DATO)
    budsjettforslag = forms.DateField(label=_("Budget proposal"), required=False, widget=DATO)
    versjon = VersjonFelt(min_value=0)

    def __init__(self, *args, ar: int, **kwargs):
        self.ar = ar
        super().__init__(*args, **kwargs)
        self.fields["vurderingsmote"].help_text = _(
            "A meeting is put in the calendar on this date, if the portfolio has none that day."
        )
        self.fields["notatfrist"].help_text = _(
            "Authors of notes that are not ready, and the development team, are reminded "
            "some days before."
        )

    def clean(self):
        data = super().clean()
        if feil := ar_feil(ar=self.ar, idag=timezone.localdate()):
            raise forms.ValidationError(feil)
        datoer = {felt: data.get(felt) for felt, _n in FASTE_PUNKTER}
        for felt, melding in datofeil(ar=self.ar, datoer=datoer, idag=timezone.localdate()).items():
            if felt not in self.errors:
                self.add_error(felt, melding)
        return data


class ArshjulpunktForm(RenTekstMixin, EngangsnokkelMixin, forms.ModelForm):
    class Meta:
        model = Arshjulpunkt
        fields = ["navn", "dato"]
        widgets = {"dato": DATO}
        labels = {"navn": _("Name of the point"), "dato": _("Date")}

    def __init__(self, *args, ar: int, **kwargs):
        self.ar = ar
        super().__init__(*args, **kwargs)

    def clean_dato(self):
        dato = self.cleaned_data["dato"]
        if dato.year != self.ar:
            raise forms.ValidationError(_("The date must be in %(ar)s.") % {"ar": self.ar})
        return dato

    def clean(self):
        data = super().clean()
        if feil := ar_feil(ar=self.ar, idag=timezone.localdate()):
            raise forms.ValidationError(feil)
        return data
