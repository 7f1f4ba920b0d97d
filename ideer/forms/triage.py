"""Triage as one task: one form, one choice of what to do, one «Lagre».

The page offers only the actions allowed from where the input stands (`ideer/overganger.py`);
each action's fields sit under its choice, and only the chosen action's fields are read and
required. The services refuse the rest whatever is posted.
"""

from dataclasses import dataclass

from django import forms
from django.contrib.auth import get_user_model
from django.db import models
from django.utils.translation import gettext_lazy as _

from ideer.models import Innspill, Status
from ideer.overganger import STATUS
from portefolje.models import Portefolje, Seksjon
from portefolje.samtidighet import VersjonFelt
from portefolje.skjema import RenTekstMixin


class Handling(models.TextChoices):
    KATEGORISER = "kategoriser", _("Categorise: sections affected and portfolio")
    VURDER = "vurder", _("Take it under consideration")
    BESTILL = "bestill", _("Assign an initiator to write a concept note")
    SVAR = "svar", _("Answer publicly")
    SLAA_SAMMEN = "slaa_sammen", _("Merge into another input")
    PARKER = "parker", _("Park it until a date")
    AVVIS = "avvis", _("Reject with a reason")


# The status each action moves the input to; the action is offered only when the move is allowed.
# KATEGORISER and SVAR (without closing) move nothing and are always offered.
TIL_STATUS = {
    Handling.VURDER: Status.UNDER_VURDERING,
    Handling.BESTILL: Status.KONSEPTNOTAT_BESTILT,
    Handling.SLAA_SAMMEN: Status.SLATT_SAMMEN,
    Handling.PARKER: Status.PARKERT,
    Handling.AVVIS: Status.AVVIST,
}

# Each action's fields, in the order they are shown under its choice. The first is where a
# refusal from the service is shown.
FELT_FOR = {
    Handling.KATEGORISER: ["seksjoner", "portefolje"],
    Handling.VURDER: ["kommentar"],
    Handling.BESTILL: ["initiativtaker"],
    Handling.SVAR: ["svar", "lukk"],
    Handling.SLAA_SAMMEN: ["inn_i"],
    Handling.PARKER: ["parkert_til", "parkert_kommentar"],
    Handling.AVVIS: ["grunn"],
}

# The fields the chosen action cannot do without (the optional comments and «close» are not).
PAKREVDE = {"initiativtaker", "svar", "inn_i", "parkert_til", "grunn"}


class BrukerValg(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        navn = obj.get_full_name()
        return f"{navn} ({obj.username})" if navn else obj.username


@dataclass
class Valg:
    """One action as the page shows it: the radio button, then its fields."""

    verdi: str
    etikett: str
    valgt: bool
    felt: list


class TriageForm(RenTekstMixin, forms.Form):
    """What the development team does with an input, chosen with `handling`."""

    versjon = VersjonFelt()
    handling = forms.ChoiceField(
        label=_("What do you want to do?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what you want to do with the input.")},
    )
    seksjoner = forms.ModelMultipleChoiceField(
        label=_("Sections affected"),
        queryset=Seksjon.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    portefolje = forms.ModelChoiceField(
        label=_("Portfolio"),
        queryset=Portefolje.objects.none(),
        required=False,
        help_text=_("The portfolio that will decide."),
    )
    kommentar = forms.CharField(
        label=_("Comment for the history"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Optional."),
    )
    initiativtaker = BrukerValg(
        label=_("Initiator"),
        queryset=get_user_model().objects.none(),
        required=False,
        help_text=_("The person who will write the concept note."),
    )
    svar = forms.CharField(
        label=_("Public answer"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown on the receipt page and sent to the submitter. No personal data."),
    )
    lukk = forms.BooleanField(label=_("Mark as answered (closes the input)"), required=False)
    inn_i = forms.IntegerField(
        label=_("Number of the input to keep"),
        min_value=1,
        required=False,
        help_text=_("This input is closed and points to the one you keep."),
    )
    parkert_til = forms.DateField(
        label=_("Parked until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    parkert_kommentar = forms.CharField(
        label=_("Why it is parked"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Optional."),
    )
    grunn = forms.CharField(
        label=_("Reason for rejection"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The submitter sees the reason."),
    )

    def __init__(self, *args, innspill: Innspill, bruker, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"] = {
            "versjon": innspill.versjon,
            "seksjoner": list(innspill.seksjoner.all()),
            "portefolje": innspill.portefolje,
            "initiativtaker": innspill.initiativtaker,
            "svar": innspill.offentlig_svar,
            "parkert_til": innspill.parkert_til,
            **kwargs["initial"],
        }
        super().__init__(*args, **kwargs)
        tillatte = STATUS.tillatte(innspill, bruker)
        self.fields["handling"].choices = [
            (h.value, h.label) for h in Handling if h not in TIL_STATUS or TIL_STATUS[h] in tillatte
        ]
        if Status.BESVART not in tillatte:
            del self.fields["lukk"]
        self.fields["seksjoner"].queryset = Seksjon.objects.filter(aktiv=True).order_by("navn")
        self.fields["portefolje"].queryset = Portefolje.objects.aktive().order_by("navn")
        self.fields["initiativtaker"].queryset = (
            get_user_model().objects.filter(is_active=True).order_by("first_name", "last_name")
        )

    def clean(self):
        data = super().clean()
        handling = data.get("handling")
        if handling == Handling.KATEGORISER:
            # Saving nothing used to be logged as «Assigned to –»: say what is missing instead.
            if not data.get("seksjoner") and not data.get("portefolje") and not self.errors:
                self.add_error(
                    "seksjoner",
                    _("Choose at least one section affected, or the portfolio that will decide."),
                )
        elif handling in FELT_FOR:
            for navn in FELT_FOR[handling]:
                tomt = data.get(navn) in (None, "")
                if navn in PAKREVDE and tomt and navn not in self.errors:
                    self.add_error(navn, self.fields[navn].error_messages["required"])
        return data

    def clean_inn_i(self):
        nummer = self.cleaned_data["inn_i"]
        if nummer is None:
            return None
        beholdt = Innspill.objects.filter(pk=nummer).only("pk", "tittel", "status").first()
        if beholdt is None:
            raise forms.ValidationError(_("There is no input with this number."))
        return beholdt

    def feltnavn_for_feil(self) -> str | None:
        """The field where a refusal of the chosen action is shown (None: above the form)."""
        handling = (self.cleaned_data or {}).get("handling")
        if handling in (Handling.VURDER, None):
            return None
        return FELT_FOR[handling][0]

    def valg(self) -> list[Valg]:
        """The actions offered, each with its fields, for the template."""
        valgt = self["handling"].value()
        return [
            Valg(
                verdi=verdi,
                etikett=etikett,
                valgt=verdi == valgt,
                felt=[self[navn] for navn in FELT_FOR[verdi] if navn in self.fields],
            )
            for verdi, etikett in self.fields["handling"].choices
        ]

    def forste_feil(self) -> str | None:
        """The first field (in the page's order) with an error, given `autofocus` so the page
        opens with the person there; None when the only errors concern the whole form."""
        rekkefolge = ["handling", *(n for v in self.valg() for n in (f.name for f in v.felt))]
        navn = next((navn for navn in rekkefolge if navn in self.errors), None)
        if navn and navn != "handling":
            self.fields[navn].widget.attrs["autofocus"] = True
        return navn
