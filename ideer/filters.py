import django_filters
from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ideer.models import Innspill, Kanal, Opphav, Status, Type
from portefolje.models import Seksjon
from portefolje.skjema import Nedtrekksliste, Valgliste
from portefolje.sortering import SorteringMedId


def _synkende(etikett):
    return lazy(lambda: gettext("%s (descending)") % etikett, str)()


class InnspillFilter(django_filters.FilterSet):
    """The list's filters; ?q= (free text) is applied by the view, ranked on PostgreSQL."""

    type = django_filters.ChoiceFilter(label=_("Kind"), choices=Type.choices, widget=Nedtrekksliste)
    opphav = django_filters.ChoiceFilter(
        label=_("Source"), choices=Opphav.choices, widget=Nedtrekksliste
    )
    kanal = django_filters.ChoiceFilter(
        label=_("Channel"), choices=Kanal.choices, widget=Nedtrekksliste
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Status.choices, widget=Nedtrekksliste
    )
    seksjon = django_filters.ModelChoiceFilter(
        label=_("Section"),
        field_name="seksjoner",
        queryset=Seksjon.objects.order_by("navn"),
        widget=Nedtrekksliste,
    )
    fra = django_filters.DateFilter(
        label=_("Received from"),
        field_name="opprettet__date",
        lookup_expr="gte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    til = django_filters.DateFilter(
        label=_("Received to"),
        field_name="opprettet__date",
        lookup_expr="lte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    sorter = SorteringMedId(
        label=_("Sort by"),
        fields=(("opprettet", "opprettet"), ("tittel", "tittel"), ("status", "status")),
        field_labels={
            "opprettet": _("Received"),
            "tittel": _("Title"),
            "status": _("Status"),
            # django-filter writes «… (descending)» when the class is made; lazy here, so the
            # choice follows each request's language.
            "-opprettet": _synkende(_("Received")),
            "-tittel": _synkende(_("Title")),
            "-status": _synkende(_("Status")),
        },
        empty_label=_("Best match / newest"),
    )

    class Meta:
        model = Innspill
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The sections with one ordinary query (portefolje.skjema.Valgliste).
        self.filters["seksjon"].field.iterator = Valgliste
