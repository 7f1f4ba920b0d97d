"""The chair's criteria page: one row per criterion, and an empty row for a new one."""

from django import forms
from django.forms import BaseModelFormSet, modelformset_factory
from django.utils.translation import gettext_lazy as _

from portefolje.skjema import RenTekstMixin
from velge.models import Kriterium


class KriteriumForm(RenTekstMixin, forms.ModelForm):
    class Meta:
        model = Kriterium
        fields = [
            "navn",
            "beskrivelse",
            "vekt",
            "retning",
            "skala_1",
            "skala_2",
            "skala_3",
            "skala_4",
            "skala_5",
            "rekkefolge",
            "aktiv",
        ]
        widgets = {"beskrivelse": forms.Textarea(attrs={"rows": 2})}


class BaseKriterieFormSet(BaseModelFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        navn, totalvekt = set(), 0
        for skjema in self.forms:
            if not skjema.has_changed() and skjema.instance.pk is None:
                continue  # the empty «new criterion» row
            data = skjema.cleaned_data
            nokkel = data["navn"].strip().casefold()
            if nokkel in navn:
                skjema.add_error("navn", _("Two criteria cannot have the same name."))
            navn.add(nokkel)
            if data.get("aktiv"):
                totalvekt += data.get("vekt") or 0
        if totalvekt <= 0:
            raise forms.ValidationError(
                _("The weights of the active criteria must not sum to zero.")
            )


KriterieFormSet = modelformset_factory(
    Kriterium, form=KriteriumForm, formset=BaseKriterieFormSet, extra=1, can_delete=False
)
