import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from portefolje import personer
from portefolje.farger import Farge
from portefolje.models import Portefolje, Seksjon
from portefolje.skjema import Nedtrekksliste, Valgliste
from portefolje.sortering import SorteringMedId
from prosjekter.kolonner import PROSJEKTLISTE
from prosjekter.models import Fase, Program, Prosjekt, Prosjekttype, Tilstand

# The overview's sortable columns (kolonner.py, `Kolonne.sortering`), named in ?sorter= by these
# values: the links people bookmarked keep working.
SORTERBARE = PROSJEKTLISTE.sorterbare()


class ProsjektFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="sok", label=_("Search"))
    portefolje = django_filters.ModelChoiceFilter(
        queryset=Portefolje.objects.all(), widget=Nedtrekksliste, label=_("Portfolio")
    )
    tjenesteomrade = django_filters.ModelChoiceFilter(
        queryset=Seksjon.objects.all(), widget=Nedtrekksliste, label=_("Section")
    )
    program = django_filters.ModelChoiceFilter(
        queryset=Program.objects.filter(arkivert=False),
        field_name="programtilknytning__program",
        widget=Nedtrekksliste,
        label=_("Programme"),
    )
    type = django_filters.ChoiceFilter(
        choices=Prosjekttype.choices, widget=Nedtrekksliste, label=_("Type")
    )
    fase = django_filters.ChoiceFilter(
        choices=Fase.choices, widget=Nedtrekksliste, label=_("Phase")
    )
    tilstand = django_filters.ChoiceFilter(
        choices=Tilstand.choices, widget=Nedtrekksliste, label=_("State")
    )
    prosjektleder = django_filters.ModelChoiceFilter(
        # Exists rather than a join with DISTINCT: one index probe per person, not per project.
        queryset=get_user_model().objects.filter(
            Exists(Prosjekt.objects.filter(prosjektleder=OuterRef("pk")))
        ),
        widget=Nedtrekksliste,
        label=_("Project manager"),
    )
    prosjekteier = django_filters.ModelChoiceFilter(
        queryset=get_user_model().objects.filter(
            Exists(Prosjekt.objects.filter(prosjekteier=OuterRef("pk")))
        ),
        widget=Nedtrekksliste,
        label=_("Project owner"),
    )
    farge = django_filters.ChoiceFilter(
        choices=Farge.choices,
        method="filtrer_farge",
        widget=Nedtrekksliste,
        label=_("Latest status"),
    )
    mine = django_filters.BooleanFilter(
        method="filtrer_mine",
        label=_("Only projects I manage or own"),
        widget=forms.CheckboxInput,
    )
    # Chosen by the column headings' links; hidden in the filter form, so filtering keeps it.
    sorter = SorteringMedId(fields=SORTERBARE, tomme_sist=True, widget=forms.HiddenInput)

    class Meta:
        model = Prosjekt
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for felt in ("prosjektleder", "prosjekteier"):
            self.filters[felt].field.label_from_instance = personer.navn
        for felt in ("portefolje", "tjenesteomrade", "program", "prosjektleder", "prosjekteier"):
            self.filters[felt].field.iterator = Valgliste

    def sok(self, queryset, name, value):
        return queryset.filter(Q(tittel__icontains=value) | Q(nummer__icontains=value))

    def filtrer_mine(self, queryset, name, value):
        if not value or self.request is None:
            return queryset
        return queryset.mine(self.request.user)

    def filtrer_farge(self, queryset, name, value):
        if value == Farge.GRA:
            return queryset.filter(Q(siste_farge=value) | Q(siste_farge__isnull=True))
        return queryset.filter(siste_farge=value)


class TidslinjeFilter(django_filters.FilterSet):
    """The timeline's filters. Portfolios and programmes are those the reader may see: a choice
    outside them is refused by the form (the page says so and shows nothing)."""

    portefolje = django_filters.ModelChoiceFilter(
        queryset=Portefolje.objects.none(), label=_("Portfolio"), method="filtrer_portefolje"
    )
    tjenesteomrade = django_filters.ModelChoiceFilter(
        queryset=Seksjon.objects.all(), label=_("Section")
    )
    fase = django_filters.ChoiceFilter(choices=Fase.choices, label=_("Phase"))
    tilstand = django_filters.ChoiceFilter(choices=Tilstand.choices, label=_("State"))
    program = django_filters.ModelChoiceFilter(
        queryset=Program.objects.none(),
        field_name="programtilknytning__program",
        label=_("Programme"),
    )

    class Meta:
        model = Prosjekt
        fields = []

    def __init__(self, *args, bruker, **kwargs):
        from prosjekter.selectors.tidslinje import portefoljer_synlige_for

        super().__init__(*args, **kwargs)
        self.filters["portefolje"].queryset = portefoljer_synlige_for(bruker).order_by("navn")
        self.filters["program"].queryset = Program.objects.synlige_for(bruker).filter(
            arkivert=False
        )
        self.form.fields["portefolje"].error_messages["invalid_choice"] = _(
            "You cannot see that portfolio. Choose one from the list."
        )
        self.form.fields["program"].error_messages["invalid_choice"] = _(
            "You cannot see that programme. Choose one from the list."
        )

    def filtrer_portefolje(self, queryset, name, value):
        """A portfolio and the portfolios directly below it (KLG shows the sections too)."""
        return queryset.filter(Q(portefolje=value) | Q(portefolje__forelder=value))
