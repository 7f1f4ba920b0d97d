"""The project's base data and its status reports."""

from django import forms
from django.db.models.fields import BLANK_CHOICE_LABEL
from django.utils.translation import gettext_lazy as _

from portefolje.belop import kroner
from portefolje.samtidighet import VersjonFelt
from portefolje.skjema import EngangsnokkelMixin, RenTekstMixin
from prosjekter.forms.felles import (
    DATO,
    PeriodeMixin,
    PersonfeltMixin,
    VersjonertMixin,
)
from prosjekter.models import (
    Prosjekt,
    Statusrapport,
)
from prosjekter.models.status import DIMENSJONER, Farge, Okonomi, farge_for
from prosjekter.overganger import kan_publisere
from prosjekter.services import RAPPORTFELT
from velge.forms import OffentlighetForm


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
    """A draft's form. «Save and publish» saves it and then asks once, on its own page
    (`PubliserForm`), before the report becomes final."""

    versjon = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Statusrapport
        fields = RAPPORTFELT
        widgets = {
            felt: forms.Textarea(attrs={"rows": 2})
            for felt in RAPPORTFELT
            if felt.endswith("_kommentar") or felt in ("oppnadd", "neste", "utfordringer")
        }

    def __init__(self, *args, bruker=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Publishing is offered only when declared from where the report stands, for this person
        # (prosjekter/overganger.py); the service refuses it otherwise, whatever is posted.
        self.kan_publisere = bruker is not None and kan_publisere(self.instance, bruker)
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
        return data


class NyStatusrapportForm(EngangsnokkelMixin, StatusrapportForm):
    """The form of a report not yet saved: the draft is created on its first save, once however
    often the form is sent (the one-time key), and has no version before that."""

    versjon = None


class PubliserForm(RenTekstMixin, forms.Form):
    """The one confirmation before publishing: posted from the page that asks «Publish?»."""

    versjon = forms.IntegerField(widget=forms.HiddenInput)


class ProsjektOffentlighetForm(OffentlighetForm):
    """Velge's form for public access, with the project's version (a stale form is refused)."""

    versjon = VersjonFelt()
