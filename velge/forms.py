from django import forms
from django.forms import BaseModelFormSet, modelformset_factory
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from portefolje.bekreftelse import bekreftfelt, krev_bekreftelse
from portefolje.skjema import EngangsnokkelMixin, RenTekstMixin
from velge.beregning import SKALA
from velge.models import Kriterium, Mote, Scenario, Utfall

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
    # The meeting page offers the notes through a search (views/moter.py); each hit posts its id.
    notat = forms.ModelChoiceField(
        queryset=None, label=_("Concept note ready for decision"), widget=forms.HiddenInput
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

    scenario = forms.ModelChoiceField(
        label=_("Scenario followed"),
        queryset=Scenario.objects.none(),
        required=False,
        empty_label=_("None"),
        help_text=_("If the decision follows one of the portfolio's saved scenarios, name it."),
    )
    bekreft = bekreftfelt(_("Record the decision now, dated by the meeting"))

    def __init__(self, *args, portefolje, mote=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.mote = mote
        self.fields["scenario"].queryset = Scenario.objects.filter(portefolje=portefolje)
        if not self.fields["scenario"].queryset.exists():
            del self.fields["scenario"]
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


class OffentlighetForm(RenTekstMixin, forms.Form):
    """Public by default; the chair ticks the exemption and names its legal basis."""

    unntatt = forms.BooleanField(
        label=_("Exempt from public access"),
        required=False,
        help_text=_(
            "Decisions and projects are public by default. Exempt only when a provision allows "
            "it, and name the provision."
        ),
    )
    hjemmel = forms.CharField(
        label=_("Legal basis"),
        max_length=200,
        required=False,
        help_text=_("E.g. «Offl. § 14» or «Offl. § 23 første ledd»."),
    )

    def clean(self):
        data = super().clean()
        if data.get("unntatt") and not (data.get("hjemmel") or "").strip():
            self.add_error(
                "hjemmel", _("Name the legal basis for the exemption, e.g. «Offl. § 14».")
            )
        return data


# --- frames and scenarios -------------------------------------------------------------------

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
