"""Programmes and dependencies: create and change a programme, put a project in it, register
what a project depends on."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portefolje.models import Portefolje, Rolle
from portefolje.permissions import er_utvikler
from portefolje.skjema import EngangsnokkelMixin, RenTekstMixin
from prosjekter.forms.felles import DATO, PeriodeMixin, PersonfeltMixin, VersjonertMixin
from prosjekter.models import Avhengighet, Leveranse, Program, Prosjekt


class ProgramForm(
    RenTekstMixin,
    EngangsnokkelMixin,
    VersjonertMixin,
    PersonfeltMixin,
    PeriodeMixin,
    forms.ModelForm,
):
    personfelt = ("eier",)

    class Meta:
        model = Program
        fields = ["navn", "portefolje", "eier", "mal", "startdato", "sluttdato"]
        widgets = {"startdato": DATO, "sluttdato": DATO, "mal": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, bruker, **kwargs):
        super().__init__(*args, **kwargs)
        # The chair creates programmes in their own portfolio; the development team in any.
        portefoljer = Portefolje.objects.aktive()
        if not (bruker.is_superuser or er_utvikler(bruker)):
            portefoljer = portefoljer.filter(
                medlemskap__bruker=bruker, medlemskap__rolle=Rolle.LEDER
            )
        self.fields["portefolje"].queryset = portefoljer
        self.fields["portefolje"].help_text = _(
            "Its projects come from this portfolio or the portfolios below it."
        )


class ProgramprosjektForm(RenTekstMixin, forms.Form):
    prosjekt = forms.ModelChoiceField(queryset=Prosjekt.objects.none(), label=_("Project"))

    def __init__(self, *args, program, **kwargs):
        super().__init__(*args, **kwargs)
        # Every project of the portfolios; one in another programme is refused with its name.
        self.fields["prosjekt"].queryset = (
            Prosjekt.objects.filter(
                Q(portefolje=program.portefolje) | Q(portefolje__forelder=program.portefolje)
            )
            .exclude(programtilknytning__program=program)
            .order_by("nummer")
        )


class LeveranseValg(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.prosjekt.nummer}: {obj.tittel}"


class AvhengighetForm(RenTekstMixin, EngangsnokkelMixin, forms.ModelForm):
    leveranse = LeveranseValg(queryset=Leveranse.objects.none(), required=False)

    class Meta:
        model = Avhengighet
        fields = ["avhenger_av", "leveranse", "trengs_dato", "notat"]
        widgets = {"trengs_dato": DATO, "notat": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, prosjekt, bruker, **kwargs):
        super().__init__(*args, **kwargs)
        synlige = Prosjekt.objects.synlige_for(bruker).order_by("nummer")
        self.fields["avhenger_av"].queryset = synlige
        self.fields["leveranse"].queryset = (
            Leveranse.objects.filter(prosjekt__in=synlige, arkivert=False)
            .select_related("prosjekt")
            .order_by("prosjekt__nummer", "sluttdato", "id")
        )
        self.fields["leveranse"].label = _("deliverable")
        self.fields["leveranse"].help_text = _(
            "Empty: the whole project (its end date). Otherwise one of that project's "
            "deliverables (its end date)."
        )
