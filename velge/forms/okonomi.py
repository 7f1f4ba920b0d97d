"""The chair's frames per year, a scenario to save, and the choice of scenarios to compare."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portefolje.skjema import EngangsnokkelMixin, RenTekstMixin
from velge.models import Scenario

RAMMEFELTER = (
    ("investering", _("Investment (NOK)")),
    ("drift", _("Running cost (NOK)")),
    ("personmaneder", _("Capacity (person-months)")),
)


def _belopsfelt(label, ar):
    # Text, not a number input: «1 500 000» with spaces is how people write kroner; the service
    # checks each cell (konseptnotat/arsbelop.py) and says which one is wrong.
    return forms.CharField(
        label=f"{label} {ar}",
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )


class RammerForm(RenTekstMixin, forms.Form):
    """The portfolio's frames for the økonomiplan's years: one row of three cells per year."""

    def __init__(self, *args, ar, rammer, **kwargs):
        super().__init__(*args, **kwargs)
        self.ar = ar
        for a in ar:
            for felt, label in RAMMEFELTER:
                self.fields[f"{a}_{felt}"] = _belopsfelt(label, a)
                verdi = rammer[a].get(felt)
                self.fields[f"{a}_{felt}"].initial = "" if verdi is None else verdi
            self.fields[f"{a}_versjon"] = forms.IntegerField(
                widget=forms.HiddenInput, initial=rammer[a]["versjon"], required=False
            )

    def rader(self):
        return [
            (a, [self[f"{a}_{f}"] for f, _l in RAMMEFELTER], self[f"{a}_versjon"]) for a in self.ar
        ]

    def verdier(self):
        return {a: {f: self.cleaned_data[f"{a}_{f}"] for f, _l in RAMMEFELTER} for a in self.ar}

    def versjoner(self):
        return {a: self.cleaned_data.get(f"{a}_versjon") for a in self.ar}


class NotatValg(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.tittel


class ScenarioForm(RenTekstMixin, EngangsnokkelMixin, forms.Form):
    navn = forms.CharField(label=_("Name"), max_length=120)
    beskrivelse = forms.CharField(
        label=_("What the scenario tries"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    tvunget_inn = NotatValg(
        label=_("Force in"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Always in the set, whatever they cost. Imposed orders are always in."),
    )
    tvunget_ut = NotatValg(
        label=_("Force out"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, notater, kriterier, ar, rammer, **kwargs):
        super().__init__(*args, **kwargs)
        self.kriterier, self.ar = kriterier, ar
        self.fields["tvunget_inn"].queryset = notater
        self.fields["tvunget_ut"].queryset = notater
        for k in kriterier:
            self.fields[f"vekt_{k.pk}"] = forms.IntegerField(
                label=_("Weight: %(navn)s") % {"navn": k.navn},
                initial=k.vekt,
                min_value=0,
                max_value=1000,
            )
        for a in ar:
            for felt, label in RAMMEFELTER:
                self.fields[f"{a}_{felt}"] = _belopsfelt(label, a)
                verdi = rammer[a].get(felt)
                self.fields[f"{a}_{felt}"].initial = "" if verdi is None else verdi

    def clean(self):
        data = super().clean()
        inn, ut = set(data.get("tvunget_inn") or ()), set(data.get("tvunget_ut") or ())
        if inn & ut:
            self.add_error("tvunget_ut", _("A note cannot be both forced in and forced out."))
        vekter = [data.get(f"vekt_{k.pk}") for k in self.kriterier]
        if self.kriterier and all(v is not None for v in vekter) and sum(vekter) <= 0:
            self.add_error(None, _("The weights must not sum to zero."))
        return data

    def vektfelt(self):
        return [self[f"vekt_{k.pk}"] for k in self.kriterier]

    def rader(self):
        return [(a, [self[f"{a}_{f}"] for f, _l in RAMMEFELTER]) for a in self.ar]

    def vekter(self):
        return {k.pk: self.cleaned_data[f"vekt_{k.pk}"] for k in self.kriterier}

    def rammer(self):
        return {a: {f: self.cleaned_data[f"{a}_{f}"] for f, _l in RAMMEFELTER} for a in self.ar}


class SammenlignForm(RenTekstMixin, forms.Form):
    s = forms.ModelMultipleChoiceField(
        label=_("Scenarios to compare"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose two or three scenarios to compare.")},
    )

    def __init__(self, *args, portefolje, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["s"].queryset = Scenario.objects.filter(portefolje=portefolje)

    def clean_s(self):
        valgt = self.cleaned_data["s"]
        if not 2 <= len(valgt) <= 3:
            raise forms.ValidationError(_("Choose two or three scenarios to compare."))
        return valgt
