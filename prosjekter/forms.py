"""Forms for Styre. Every refusal is a Norwegian message next to its field."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models.fields import BLANK_CHOICE_LABEL
from django.utils.translation import gettext_lazy as _

from portefolje.belop import kroner
from portefolje.samtidighet import VersjonFelt
from portefolje.skjema import EngangsnokkelMixin, RenTekstMixin
from prosjekter.beregning import KONSEKVENS_SKALA, SANNSYNLIGHET_SKALA
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
from prosjekter.models.status import DIMENSJONER, Farge, Okonomi, farge_for
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


class VersjonertMixin:
    """An edit form carries the version it was opened at; the service refuses a stale save."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["versjon"] = VersjonFelt()
            self.initial.setdefault("versjon", self.instance.versjon)

    def data_til_lagring(self) -> dict:
        """The model's fields as typed, for the service (the version travels separately)."""
        return {felt: self.cleaned_data[felt] for felt in self._meta.fields}


class ProsjektForm(RenTekstMixin, VersjonertMixin, PersonfeltMixin, PeriodeMixin, forms.ModelForm):
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
    bekreft_publisering = forms.BooleanField(
        label=_("Publish: a published report is final and can no longer be changed"),
        required=False,
    )

    class Meta:
        model = Statusrapport
        fields = RAPPORTFELT
        widgets = {
            felt: forms.Textarea(attrs={"rows": 2})
            for felt in RAPPORTFELT
            if felt.endswith("_kommentar") or felt in ("oppnadd", "neste", "utfordringer")
        }

    def __init__(self, *args, publiser: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.publiser = publiser
        if self.instance.pk and not self.is_bound:
            self.initial["versjon"] = self.instance.versjon
        for felt in ("kostnad_hittil", "prognose", "budsjett"):
            self.fields[felt].widget.attrs["min"] = 0
            self.fields[felt].help_text = _("In whole kroner.")
        # Each value with the colour it gives, in words: «On plan (green)».
        for felt, _etikett, valg in DIMENSJONER:
            self.fields[felt].choices = [
                ("", BLANK_CHOICE_LABEL),
                *(
                    (verdi, f"{etikett} ({Farge(farge_for(verdi)).label.lower()})")
                    for verdi, etikett in valg.choices
                ),
            ]

    def clean(self):
        data = super().clean()
        for felt in ("budsjett", "kostnad_hittil", "prognose"):
            verdi = data.get(felt)
            if verdi is not None and verdi < 0:
                self.add_error(felt, _("The amount cannot be negative."))
        # «Under budget» beside a forecast equal to the budget is a contradiction: the word must
        # agree with the figures when both are given.
        budsjett, prognose, okonomi = (
            data.get("budsjett"),
            data.get("prognose"),
            data.get("okonomi"),
        )
        if budsjett is not None and prognose is not None and okonomi:
            motsier = (
                (okonomi == Okonomi.UNDER_BUDSJETT and prognose >= budsjett)
                or (okonomi == Okonomi.PA_BUDSJETT and prognose > budsjett)
                or (
                    okonomi in (Okonomi.OVER_BUDSJETT, Okonomi.MINDRE_OVERSKRIDELSER)
                    and prognose <= budsjett
                )
            )
            if motsier:
                self.add_error(
                    "okonomi",
                    _(
                        "«%(valg)s» does not agree with the forecast of %(prognose)s against a "
                        "budget of %(budsjett)s. Choose the word the figures give, or correct them."
                    )
                    % {
                        "valg": Okonomi(okonomi).label,
                        "prognose": kroner(prognose),
                        "budsjett": kroner(budsjett),
                    },
                )
        if self.publiser and not data.get("bekreft_publisering"):
            self.add_error("bekreft_publisering", PUBLISERING_IKKE_BEKREFTET)
        return data


PUBLISERING_IKKE_BEKREFTET = _(
    "Tick the box to publish. A published report is final: check it first. Nothing is saved yet."
)


class PubliserForm(RenTekstMixin, forms.Form):
    versjon = forms.IntegerField(widget=forms.HiddenInput)
    bekreft_publisering = forms.BooleanField(
        label=_("Publish: a published report is final and can no longer be changed"),
        error_messages={"required": PUBLISERING_IKKE_BEKREFTET},
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


class StyringsbeslutningForm(RenTekstMixin, forms.Form):
    type = forms.ChoiceField(label=_("Decision"), choices=Beslutningstype.choices)
    til_fase = forms.ChoiceField(
        label=_("New phase"),
        choices=[("", _("Choose a phase")), *Fase.choices],
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

    def __init__(self, *args, prosjekt, bruker, **kwargs):
        from prosjekter.overganger import beslutningstyper, faser

        super().__init__(*args, **kwargs)
        # Only the moves declared from where the project stands (prosjekter/overganger.py).
        typer = beslutningstyper(prosjekt, bruker)
        self.fields["type"].choices = [(t, Beslutningstype(t).label) for t in typer]
        if Beslutningstype.ENDRE_FASE in typer:
            self.fields["til_fase"].choices = [
                ("", _("Choose a phase")),
                *[(f, Fase(f).label) for f in faser(prosjekt, bruker)],
            ]
            self.fields["sjekkliste"].choices = [
                (str(p), p) for punkter in SJEKKLISTE.values() for p in punkter
            ]
            # The template shows one phase's points at a time; static JS switches on this select.
            self.fields["til_fase"].widget.attrs["data-sjekkliste-velger"] = ""
        else:
            del self.fields["til_fase"]
            del self.fields["sjekkliste"]
        self.initial.setdefault("forventet_tilstand", prosjekt.tilstand)
        self.initial.setdefault("forventet_fase", prosjekt.fase)

    def valgt_fase(self) -> str:
        """The phase chosen in the posted form, or "" (then every phase's list is shown)."""
        fase = self["til_fase"].value() or ""
        return fase if fase in SJEKKLISTE else ""

    def sjekklistegrupper(self):
        """(phase, phase name, its checkboxes, shown) per phase, for the template; none when no
        phase change is allowed from where the project stands."""
        if "sjekkliste" not in self.fields:
            return []
        bokser = {b.data["value"]: b for b in self["sjekkliste"]}
        valgt = self.valgt_fase()
        return [
            (fase, Fase(fase).label, [bokser[str(p)] for p in punkter], not valgt or fase == valgt)
            for fase, punkter in SJEKKLISTE.items()
        ]

    def clean_begrunnelse(self):
        tekst = self.cleaned_data["begrunnelse"].strip()
        if not tekst:
            raise forms.ValidationError(_("Give the rationale for the decision."))
        return tekst

    def clean(self):
        data = super().clean()
        if data.get("type") == Beslutningstype.ENDRE_FASE and not data.get("til_fase"):
            self.add_error("til_fase", _("Choose the new phase."))
        # Only the chosen phase's points count (without JS every list is on the page).
        if "sjekkliste" in data:
            punkter = {str(p) for p in SJEKKLISTE.get(data.get("til_fase") or "", [])}
            data["sjekkliste"] = [p for p in data["sjekkliste"] if p in punkter]
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
