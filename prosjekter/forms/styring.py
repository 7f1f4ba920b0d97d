"""Steering: decisions on a running project, start decisions, capacity and resource need."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portefolje.samtidighet import VersjonFelt
from portefolje.skjema import EngangsnokkelMixin, RenTekstMixin
from prosjekter.forms.felles import (
    MANED,
)
from prosjekter.models import (
    Beslutningstype,
    Fase,
    Kapasitet,
)
from prosjekter.overganger import beslutningstyper, faser
from prosjekter.sjekklister import SJEKKLISTE


class StyringsbeslutningForm(RenTekstMixin, EngangsnokkelMixin, forms.Form):
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
    # The project as the chair saw it: a decision made meanwhile makes this one stale.
    versjon = VersjonFelt()

    def __init__(self, *args, prosjekt, bruker, **kwargs):
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
        self.initial.setdefault("versjon", prosjekt.versjon)

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


class StartvedtakForm(RenTekstMixin, EngangsnokkelMixin, forms.Form):
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
