"""A project's elements: deliverables, benefits, indicators, measurements, allocations, risks;
and a person's own line duties and absence."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portefolje.skjema import EngangsnokkelMixin, RenTekstMixin
from prosjekter.beregning import KONSEKVENS_SKALA, SANNSYNLIGHET_SKALA
from prosjekter.forms.felles import (
    DATO,
    PeriodeMixin,
    PersonfeltMixin,
    VersjonertMixin,
)
from prosjekter.models import (
    Gevinst,
    Indikator,
    Leveranse,
    Maling,
    Ressursallokering,
    Usikkerhet,
)


class LeveranseForm(
    RenTekstMixin,
    EngangsnokkelMixin,
    VersjonertMixin,
    PersonfeltMixin,
    PeriodeMixin,
    forms.ModelForm,
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


class GevinstForm(
    RenTekstMixin, EngangsnokkelMixin, VersjonertMixin, PersonfeltMixin, forms.ModelForm
):
    personfelt = ("ansvarlig", "eier")

    class Meta:
        model = Gevinst
        fields = ["tittel", "beskrivelse", "type", "ansvarlig", "eier", "realiseringsdato"]
        widgets = {"realiseringsdato": DATO}


class IndikatorForm(RenTekstMixin, EngangsnokkelMixin, VersjonertMixin, forms.ModelForm):
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


class MalingForm(RenTekstMixin, EngangsnokkelMixin, VersjonertMixin, forms.ModelForm):
    class Meta:
        model = Maling
        fields = ["indikator", "dato", "verdi", "kommentar"]
        widgets = {"dato": DATO, "kommentar": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, prosjekt, **kwargs):
        super().__init__(*args, **kwargs)
        # Most measurements are registered the day they are taken.
        if self.instance.pk is None and not self.initial.get("dato"):
            self.initial["dato"] = timezone.localdate()
        self.fields["indikator"].queryset = Indikator.objects.filter(
            gevinst__prosjekt=prosjekt, arkivert=False
        ).select_related("gevinst")
        self.fields["indikator"].error_messages["required"] = _(
            "Choose the indicator the measurement belongs to."
        )
        self.fields["indikator"].label_from_instance = lambda i: f"{i.gevinst} – {i.navn}"


class RessursallokeringForm(
    RenTekstMixin, EngangsnokkelMixin, VersjonertMixin, PersonfeltMixin, forms.ModelForm
):
    personfelt = ("person",)
    start_felt, slutt_felt = "fra", "til"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["belastning"].help_text = BELASTNING_HJELP

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


BELASTNING_HJELP = _(
    "Share of a full-time position in this period: 100 = full time, 50 = half, 20 = one day a "
    "week. A person above 100 in total across projects is overbooked."
)


class UsikkerhetForm(
    RenTekstMixin, EngangsnokkelMixin, VersjonertMixin, PersonfeltMixin, forms.ModelForm
):
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
        # Each step of the scale with what it means, as the selection criteria do.
        for felt, skala in (
            ("sannsynlighet", SANNSYNLIGHET_SKALA),
            ("konsekvens", KONSEKVENS_SKALA),
            ("sannsynlighet_etter", SANNSYNLIGHET_SKALA),
            ("konsekvens_etter", KONSEKVENS_SKALA),
        ):
            modell = self.fields[felt]
            valg = [(n, f"{n} – {ord}: {forklaring}") for n, (ord, forklaring) in skala.items()]
            self.fields[felt] = forms.TypedChoiceField(
                label=modell.label,
                required=modell.required,
                choices=valg if modell.required else [("", _("Not assessed yet")), *valg],
                coerce=int,
                empty_value=None,
                widget=forms.RadioSelect,
                initial=modell.initial,
                error_messages={
                    "required": _("Choose a value from 1 to 5."),
                    "invalid_choice": _("Choose a value from 1 to 5."),
                },
            )


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
