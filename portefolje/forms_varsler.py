"""The form for each person's notification settings (/varsler/innstillinger/)."""

from django import forms

from portefolje.skjema import RenTekstMixin
from portefolje.varsler import varseltyper


class VarselInnstillingerForm(RenTekstMixin, forms.Form):
    """One checkbox per registered kind: «send me this by e-mail». The portal shows every
    notification; the phases register the kinds (portefolje.varsler.varseltype_registrer)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for type in varseltyper():
            self.fields[type.kode] = forms.BooleanField(
                label=type.navn, required=False, help_text=type.beskrivelse
            )
