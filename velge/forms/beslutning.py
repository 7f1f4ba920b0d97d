"""The chair's decision on a note, and whether a decision is public."""

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from portefolje.bekreftelse import bekreftfelt, krev_bekreftelse
from portefolje.skjema import RenTekstMixin
from velge.forms.habilitet import KvorumMixin
from velge.forms.moter import DATO
from velge.forms.protokoll import ProtokollFelter
from velge.models import Scenario, Utfall


class BeslutningForm(KvorumMixin, ProtokollFelter):
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
