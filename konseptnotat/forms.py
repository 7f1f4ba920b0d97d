"""Forms for concept notes. The edit form's fields and order come from the template (mal.py)."""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from konseptnotat.mal import SEKSJONER
from konseptnotat.models import SVAR_MAKS_TEGN, Konseptnotat, Status
from portefolje.models import Portefolje, Seksjon
from portefolje.skjema import EngangsnokkelMixin, RenTekstMixin
from portefolje.spor import STORSTE_HELTALL

MAL_FELTER = [f for s in SEKSJONER for f in s.felter]


class BrukerValg(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.username


class KonseptnotatForm(RenTekstMixin, EngangsnokkelMixin, forms.ModelForm):
    """The note's answers, one fieldset per template section, plus the version it started from."""

    fra_versjon = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    medforfattere = BrukerValg(
        label=_("Co-authors"),
        queryset=get_user_model().objects.filter(is_active=True).order_by("first_name", "username"),
        required=False,
        help_text=_("Colleagues who write the note with you. They may edit and submit it."),
        # Checkboxes, not a multi-select that needs Ctrl-click: mouse, keyboard and screen
        # readers all work them; portal.js adds a filter box above the list (data-filterliste).
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Konseptnotat
        fields = ["tittel", "seksjon", *MAL_FELTER, "medforfattere"]
        widgets = {
            **{
                f: forms.Textarea(attrs={"rows": 4, "maxlength": SVAR_MAKS_TEGN})
                for f in MAL_FELTER
                if isinstance(Konseptnotat._meta.get_field(f), models.TextField)
            },
            "berorte_seksjoner": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seksjon"].queryset = Seksjon.objects.filter(aktiv=True)
        self.fields["seksjon"].empty_label = _("Choose a section")
        self.fields["seksjon"].help_text = _(
            "The section that owns the need. Its portfolio is proposed for the decision."
        )
        self.fields["berorte_seksjoner"].queryset = Seksjon.objects.filter(aktiv=True)
        for felt in ("investering", "arlig_driftskostnad"):
            self.fields[felt].validators.append(
                MinValueValidator(0, message=_("A cost cannot be negative."))
            )
            self.fields[felt].widget.attrs.update({"min": 0, "step": 1, "inputmode": "numeric"})
        self.fields["interne_timer"].widget.attrs.update({"min": 0, "inputmode": "numeric"})
        if self.instance.pk:
            self.fields["fra_versjon"].initial = self.instance.versjon
        else:
            self.fields["fra_versjon"].initial = 1
            self.fields["fra_versjon"].required = False


class KommentarForm(RenTekstMixin, EngangsnokkelMixin, forms.Form):
    seksjon = forms.ChoiceField(label=_("Section"), required=False)
    tekst = forms.CharField(
        label=_("Comment"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seksjon"].choices = [("", _("The whole note"))] + [
            (s.nokkel, s.tittel) for s in SEKSJONER
        ]


class SendTilbakeForm(RenTekstMixin, forms.Form):
    kommentar = forms.CharField(
        label=_("What should the authors improve?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The authors see this as an open comment and are notified."),
    )


class KlarForm(RenTekstMixin, forms.Form):
    portefolje = forms.ModelChoiceField(
        label=_("Portfolio that decides"),
        queryset=Portefolje.objects.aktive().order_by("forelder_id", "navn"),
        empty_label=None,
    )


class VersjonValgForm(RenTekstMixin, forms.Form):
    fra = forms.IntegerField(label=_("From version"), min_value=1, max_value=STORSTE_HELTALL)
    til = forms.IntegerField(label=_("To version"), min_value=1, max_value=STORSTE_HELTALL)


class KonseptnotatFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="tittel", lookup_expr="icontains", label=_("Title"))
    status = django_filters.ChoiceFilter(choices=Status.choices, label=_("Status"))
    portefolje = django_filters.ModelChoiceFilter(
        queryset=Portefolje.objects.aktive(), label=_("Portfolio")
    )
    seksjon = django_filters.ModelChoiceFilter(
        queryset=Seksjon.objects.filter(aktiv=True), label=_("Owning section")
    )
    eier = django_filters.ModelChoiceFilter(
        # Exists, not a join with DISTINCT over every note: one index probe per person.
        queryset=get_user_model().objects.filter(
            Exists(Konseptnotat.objects.filter(eier=OuterRef("pk")))
        ),
        label=_("Owner"),
    )
    mine = django_filters.BooleanFilter(
        label=_("My notes"), method="filtrer_mine", widget=forms.CheckboxInput
    )

    class Meta:
        model = Konseptnotat
        fields = ["q", "status", "portefolje", "seksjon", "eier", "mine"]

    def filtrer_mine(self, queryset, name, value):
        if value:
            return queryset.mine(self.request.user)
        return queryset
