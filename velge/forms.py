from django import forms
from django.forms import BaseModelFormSet, modelformset_factory
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from portefolje.bekreftelse import bekreftfelt, krev_bekreftelse
from portefolje.skjema import EngangsnokkelMixin, RenTekstMixin
from portefolje.widgets import LangValgliste
from velge.beregning import SKALA
from velge.models import Kriterium, Mote, Utfall

DATO = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


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


class MoteForm(RenTekstMixin, EngangsnokkelMixin, forms.ModelForm):
    bekreft = bekreftfelt(_("The meeting has already been held: record it with this date"))

    class Meta:
        model = Mote
        fields = ["dato", "tittel", "sted"]
        widgets = {"dato": DATO}

    def clean(self):
        data = super().clean()
        dato = data.get("dato")
        if dato and dato < timezone.localdate():
            krev_bekreftelse(
                self,
                _(
                    "%(dato)s is in the past. Scores and decisions will be dated by it. "
                    "Check the date, or tick the box if the meeting was really held then."
                )
                % {"dato": formats.date_format(dato, "j. F Y")},
            )
        return data


class AgendaLeggTilForm(RenTekstMixin, forms.Form):
    notat = forms.ModelChoiceField(
        queryset=None, label=_("Concept note ready for decision"), widget=LangValgliste
    )

    def __init__(self, *args, notater, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["notat"].queryset = notater


def _skala_valg(kriterium):
    valg = []
    for verdi in SKALA:
        anker = getattr(kriterium, f"skala_{verdi}")
        valg.append((str(verdi), f"{verdi} – {anker}" if anker else str(verdi)))
    return valg


class VurderingForm(RenTekstMixin, forms.Form):
    """One 1–5 choice and an optional comment per active criterion."""

    def __init__(self, *args, kriterier, eksisterende=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.kriterier = kriterier
        eksisterende = eksisterende or {}
        for k in kriterier:
            forrige = eksisterende.get(k.pk)
            self.fields[f"poeng_{k.pk}"] = forms.TypedChoiceField(
                label=k.navn,
                help_text=k.beskrivelse,
                choices=_skala_valg(k),
                coerce=int,
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
                initial=str(forrige.poeng) if forrige else None,
                error_messages={
                    "required": _("Choose a score from 1 to 5."),
                    "invalid_choice": _("A score must be a whole number from 1 to 5."),
                },
            )
            self.fields[f"kommentar_{k.pk}"] = forms.CharField(
                label=_("Comment on «%(navn)s» (optional)") % {"navn": k.navn},
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=forrige.kommentar if forrige else "",
            )

    def poeng(self) -> dict[int, tuple[int, str]]:
        return {
            k.pk: (self.cleaned_data[f"poeng_{k.pk}"], self.cleaned_data[f"kommentar_{k.pk}"])
            for k in self.kriterier
        }

    def par(self):
        """(criterion, score field, comment field) for the template."""
        return [(k, self[f"poeng_{k.pk}"], self[f"kommentar_{k.pk}"]) for k in self.kriterier]


class BeslutningForm(RenTekstMixin, forms.Form):
    utfall = forms.ChoiceField(
        label=_("Decision"), choices=Utfall.choices, widget=forms.RadioSelect
    )
    begrunnelse = forms.CharField(
        label=_("Rationale"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("A decision needs a rationale.")},
    )
    parkert_til = forms.DateField(
        label=_("Parked until"),
        required=False,
        widget=DATO,
        help_text=_("Required when the note is parked."),
    )

    bekreft = bekreftfelt(_("Record the decision now, dated by the meeting"))

    def __init__(self, *args, portefolje, mote=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.mote = mote
        if portefolje.er_klg:
            self.fields["utfall"].choices = [
                c for c in Utfall.choices if c[0] != Utfall.LOFTET_TIL_KLG
            ]

    def clean_begrunnelse(self):
        tekst = self.cleaned_data["begrunnelse"].strip()
        if not tekst:
            raise forms.ValidationError(_("A decision needs a rationale."))
        return tekst

    def clean(self):
        data = super().clean()
        if data.get("utfall") == Utfall.PARKERT and not data.get("parkert_til"):
            self.add_error("parkert_til", _("A parked note needs a date in the future."))
        idag = timezone.localdate()
        if self.mote is not None and self.mote.dato > idag:
            krev_bekreftelse(
                self,
                _(
                    "The meeting is on %(mote)s, and today is %(idag)s: the decision is recorded "
                    "before the meeting is held. Tick the box if the portfolio has really decided."
                )
                % {
                    "mote": formats.date_format(self.mote.dato, "j. F Y"),
                    "idag": formats.date_format(idag, "j. F Y"),
                },
            )
        return data
