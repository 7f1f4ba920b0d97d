"""Forms for Styre. Every refusal is a Norwegian message next to its field."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from portefolje.skjema import EngangsnokkelMixin, RenTekstMixin
from prosjekter.models import (
    Beslutningstype,
    Fase,
    Gevinst,
    Indikator,
    Kapasitet,
    Leveranse,
    Maling,
    Prosjekt,
    Ressursallokering,
    Statusrapport,
    Usikkerhet,
)
from prosjekter.services import RAPPORTFELT
from prosjekter.sjekklister import SJEKKLISTE


class Personfelt(forms.ModelChoiceField):
    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(
            queryset=get_user_model()
            .objects.filter(is_active=True)
            .order_by("first_name", "last_name", "username"),
            **kwargs,
        )

    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.username


DATO = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MANED = forms.DateInput(attrs={"type": "month"}, format="%Y-%m")


class PeriodeMixin:
    """Refuses an end before the start, next to the end field."""

    start_felt = "startdato"
    slutt_felt = "sluttdato"

    def clean(self):
        data = super().clean()
        start, slutt = data.get(self.start_felt), data.get(self.slutt_felt)
        if start and slutt and slutt < start:
            self.add_error(self.slutt_felt, _("The end cannot be before the start."))
        return data


class PersonfeltMixin:
    personfelt: tuple = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for navn in self.personfelt:
            gammel = self.fields[navn]
            self.fields[navn] = Personfelt(label=gammel.label, required=gammel.required)


class ProsjektForm(RenTekstMixin, PersonfeltMixin, PeriodeMixin, forms.ModelForm):
    personfelt = ("prosjekteier", "prosjektleder", "gevinstansvarlig")

    class Meta:
        model = Prosjekt
        fields = [
            "tittel",
            "malsetting",
            "tjenesteomrade",
            "type",
            "prosjekteier",
            "prosjektleder",
            "gevinstansvarlig",
            "startdato",
            "sluttdato",
            "budsjett",
            "arkivreferanse",
            "rapportfrekvens_mnd",
        ]
        widgets = {
            "startdato": DATO,
            "sluttdato": DATO,
            "malsetting": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_rapportfrekvens_mnd(self):
        verdi = self.cleaned_data["rapportfrekvens_mnd"]
        if verdi < 1 or verdi > 12:
            raise forms.ValidationError(_("Choose between 1 and 12 months."))
        return verdi


class StatusrapportForm(RenTekstMixin, forms.ModelForm):
    versjon = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Statusrapport
        fields = RAPPORTFELT
        widgets = {
            felt: forms.Textarea(attrs={"rows": 2})
            for felt in RAPPORTFELT
            if felt.endswith("_kommentar") or felt in ("oppnadd", "neste", "utfordringer")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["versjon"] = self.instance.versjon
        for felt in ("kostnad_hittil", "prognose", "budsjett"):
            self.fields[felt].widget.attrs["min"] = 0

    def clean(self):
        data = super().clean()
        for felt in ("budsjett", "kostnad_hittil", "prognose"):
            verdi = data.get(felt)
            if verdi is not None and verdi < 0:
                self.add_error(felt, _("The amount cannot be negative."))
        return data


class PubliserForm(RenTekstMixin, forms.Form):
    versjon = forms.IntegerField(widget=forms.HiddenInput)


class LeveranseForm(
    RenTekstMixin, EngangsnokkelMixin, PersonfeltMixin, PeriodeMixin, forms.ModelForm
):
    personfelt = ("ansvarlig",)

    class Meta:
        model = Leveranse
        fields = [
            "tittel",
            "beskrivelse",
            "startdato",
            "sluttdato",
            "akseptkriterier",
            "ansvarlig",
            "status",
            "godkjent_dato",
        ]
        widgets = {"startdato": DATO, "sluttdato": DATO, "godkjent_dato": DATO}

    def clean(self):
        data = super().clean()
        if data.get("status") == "godkjent" and not data.get("godkjent_dato"):
            self.add_error("godkjent_dato", _("Give the date the deliverable was approved."))
        return data


class GevinstForm(RenTekstMixin, EngangsnokkelMixin, PersonfeltMixin, forms.ModelForm):
    personfelt = ("ansvarlig", "eier")

    class Meta:
        model = Gevinst
        fields = ["tittel", "beskrivelse", "type", "ansvarlig", "eier", "realiseringsdato"]
        widgets = {"realiseringsdato": DATO}


class IndikatorForm(RenTekstMixin, EngangsnokkelMixin, forms.ModelForm):
    class Meta:
        model = Indikator
        fields = ["gevinst", "navn", "enhet", "nullpunkt", "malverdi"]

    def __init__(self, *args, prosjekt, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gevinst"].queryset = prosjekt.gevinster.filter(arkivert=False)
        self.fields["malverdi"].help_text = _(
            "May be below the baseline for an indicator that should fall (e.g. waiting time)."
        )

    def clean(self):
        data = super().clean()
        if (
            data.get("nullpunkt") is not None
            and data.get("malverdi") is not None
            and data["nullpunkt"] == data["malverdi"]
        ):
            self.add_error("malverdi", _("The target must differ from the baseline."))
        return data


class MalingForm(RenTekstMixin, EngangsnokkelMixin, forms.ModelForm):
    class Meta:
        model = Maling
        fields = ["indikator", "dato", "verdi", "kommentar"]
        widgets = {"dato": DATO, "kommentar": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, prosjekt, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indikator"].queryset = Indikator.objects.filter(
            gevinst__prosjekt=prosjekt, arkivert=False
        ).select_related("gevinst")
        self.fields["indikator"].error_messages["required"] = _(
            "Choose the indicator the measurement belongs to."
        )
        self.fields["indikator"].label_from_instance = lambda i: f"{i.gevinst} – {i.navn}"


class RessursallokeringForm(RenTekstMixin, EngangsnokkelMixin, PersonfeltMixin, forms.ModelForm):
    personfelt = ("person",)
    start_felt, slutt_felt = "fra", "til"

    class Meta:
        model = Ressursallokering
        fields = ["person", "rolle", "belastning", "fra", "til", "status", "kommentar"]
        widgets = {"fra": DATO, "til": DATO}

    def clean(self):
        data = super().clean()
        if data.get("fra") and data.get("til") and data["til"] < data["fra"]:
            self.add_error("til", _("The end cannot be before the start."))
        if not data.get("person") and not data.get("rolle"):
            self.add_error("rolle", _("Name a person, or at least the role needed."))
        return data


class UsikkerhetForm(RenTekstMixin, EngangsnokkelMixin, PersonfeltMixin, forms.ModelForm):
    personfelt = ("ansvarlig",)

    class Meta:
        model = Usikkerhet
        fields = [
            "tittel",
            "beskrivelse",
            "type",
            "sannsynlighet",
            "konsekvens",
            "tiltak",
            "ansvarlig",
            "strategi",
            "status",
            "sannsynlighet_etter",
            "konsekvens_etter",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for felt in ("sannsynlighet", "konsekvens", "sannsynlighet_etter", "konsekvens_etter"):
            self.fields[felt].widget.attrs.update({"min": 1, "max": 5})


class StyringsbeslutningForm(RenTekstMixin, forms.Form):
    type = forms.ChoiceField(label=_("Decision"), choices=Beslutningstype.choices)
    til_fase = forms.ChoiceField(
        label=_("New phase"),
        choices=[("", "---------"), *Fase.choices],
        required=False,
        help_text=_("Only for «Change phase»."),
    )
    sjekkliste = forms.MultipleChoiceField(
        label=_("Checklist for the new phase"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Confirm every point for the phase chosen."),
    )
    begrunnelse = forms.CharField(
        label=_("Rationale"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Give the rationale for the decision.")},
    )
    forventet_tilstand = forms.CharField(widget=forms.HiddenInput)
    forventet_fase = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, prosjekt, **kwargs):
        super().__init__(*args, **kwargs)
        valg = []
        for fase, punkter in SJEKKLISTE.items():
            valg += [(str(p), f"{Fase(fase).label}: {p}") for p in punkter]
        self.fields["sjekkliste"].choices = valg
        self.initial.setdefault("forventet_tilstand", prosjekt.tilstand)
        self.initial.setdefault("forventet_fase", prosjekt.fase)

    def clean_begrunnelse(self):
        tekst = self.cleaned_data["begrunnelse"].strip()
        if not tekst:
            raise forms.ValidationError(_("Give the rationale for the decision."))
        return tekst

    def clean(self):
        data = super().clean()
        if data.get("type") == Beslutningstype.ENDRE_FASE and not data.get("til_fase"):
            self.add_error("til_fase", _("Choose the new phase."))
        return data


class Manedsfelt(forms.DateField):
    """A month as YYYY-MM (the browser's month input), stored as its first day."""

    widget = MANED
    input_formats = ["%Y-%m", "%Y-%m-%d"]

    def to_python(self, value):
        dag = super().to_python(value)
        return dag.replace(day=1) if dag else dag


class StartvedtakForm(RenTekstMixin, forms.Form):
    vedtatt_start = Manedsfelt(label=_("Start month"))
    begrunnelse = forms.CharField(
        label=_("Rationale"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Give the rationale for the decision.")},
    )


class KapasitetForm(RenTekstMixin, forms.ModelForm):
    fra_maned = Manedsfelt(label=_("From month"))

    class Meta:
        model = Kapasitet
        fields = ["fra_maned", "personprosent"]


class RessursbehovForm(RenTekstMixin, forms.Form):
    """A project's need profile as one line: person-percent per month, e.g. «50, 100, 100, 50»."""

    behov = forms.CharField(
        label=_("Need per month (person-percent)"),
        help_text=_("One number per project month, separated by commas, e.g. 50, 100, 100, 50."),
        required=False,
    )

    def clean_behov(self):
        tekst = self.cleaned_data["behov"].strip()
        if not tekst:
            return []
        try:
            verdier = [int(v.strip()) for v in tekst.split(",")]
        except ValueError:
            raise forms.ValidationError(_("Write whole numbers separated by commas.")) from None
        if any(v < 0 or v > 5000 for v in verdier) or len(verdier) > 120:
            raise forms.ValidationError(
                _("Each month must be between 0 and 5000 person-percent, for at most 120 months.")
            )
        return verdier


class EgenAllokeringForm(RenTekstMixin, EngangsnokkelMixin, forms.ModelForm):
    """A person's own line duties or absence (no project)."""

    type = forms.ChoiceField(
        label=_("Kind"),
        choices=[("linje", _("Line duties")), ("fravaer", _("Absence"))],
    )

    class Meta:
        model = Ressursallokering
        fields = ["type", "rolle", "belastning", "fra", "til", "kommentar"]
        labels = {"rolle": _("What (e.g. «Leader of the home care unit», «Holiday»)")}
        widgets = {"fra": DATO, "til": DATO}

    def clean(self):
        data = super().clean()
        if data.get("fra") and data.get("til") and data["til"] < data["fra"]:
            self.add_error("til", _("The end cannot be before the start."))
        if not data.get("rolle"):
            self.add_error("rolle", _("Say what the time goes to."))
        return data
