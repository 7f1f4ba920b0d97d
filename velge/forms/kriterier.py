"""The chair's criteria page: one row per criterion, and an empty row for a new one."""

from django import forms
from django.forms import BaseModelFormSet, modelformset_factory
from django.utils.translation import gettext_lazy as _

from portefolje.samtidighet import VersjonFelt
from portefolje.skjema import RenTekstMixin
from velge.models import Kriterium
from velge.services.kriterier import KRITERIEFELT


class KriteriumForm(RenTekstMixin, forms.ModelForm):
    # The version each row was opened at, so a stale save is refused (portefolje.samtidighet).
    # The empty row for a new criterion has none.
    versjon = VersjonFelt(required=False)

    class Meta:
        model = Kriterium
        fields = KRITERIEFELT
        widgets = {"beskrivelse": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["versjon"].required = True
            self.initial["versjon"] = self.instance.versjon

    def endring(self) -> tuple[int | None, int | None, dict]:
        """(the criterion's id, or None for a new one; the version it was opened at; its
        fields), as `kriterier_lagre` takes them."""
        data = self.cleaned_data
        return self.instance.pk, data.get("versjon"), {f: data[f] for f in KRITERIEFELT}


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
