"""Filters for the API's lists: portfolio, section, phase, state, date, and a few ids.

Every list takes the same names where they apply: `portefolje` (slug), `seksjon` (slug), the
model's own choice fields (`fase`, `tilstand`, `status`, `type`, `utfall`), `fra` and `til` (dates,
on the resource's main date) and the parent's id (`prosjekt`, `notat`, …). A value that is not
one of the choices, or not a date, is a 400 that says which parameter was wrong; a portfolio the
reader may not read is a 403.
"""

import django_filters
from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework.exceptions import PermissionDenied, ValidationError

from api import synlighet
from portefolje.models import Portefolje, Seksjon


class Portefoljefilter(django_filters.CharFilter):
    """The portfolio's slug; the filter refuses a portfolio the caller may not read."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", gettext_lazy("portfolio (slug)"))
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        request = self.parent.request
        bruker = getattr(request, "user", None)
        portefolje = synlighet.lesbare_portefoljer(bruker).filter(slug=value).first()
        if portefolje is None:
            if Portefolje.objects.filter(slug=value).exists():
                raise PermissionDenied(
                    _("This account may not read the portfolio «%(slug)s».") % {"slug": value}
                )
            raise ValidationError(
                {
                    self.field_name_param: [
                        _("No portfolio has the slug «%(slug)s».") % {"slug": value}
                    ]
                }
            )
        return qs.filter(**{self.field_name: portefolje})

    @property
    def field_name_param(self):
        return "portefolje"


@extend_schema_field(OpenApiTypes.INT)
class Idfilter(django_filters.NumberFilter):
    """A whole positive id within the database's range (a bigger one is a 400, not a 500)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", gettext_lazy("id"))
        super().__init__(*args, min_value=1, max_value=2**63 - 1, **kwargs)


class JaNeiFilter(django_filters.TypedChoiceFilter):
    """`true` or `false`, nothing else: django-filter's BooleanFilter reads «ja» as «no filter»
    and returns the whole list, where a typo must be a 400 naming the parameter."""

    def __init__(self, *args, **kwargs):
        super().__init__(
            *args,
            choices=[("true", "true"), ("false", "false")],
            coerce=lambda verdi: verdi == "true",
            **kwargs,
        )


class Seksjonsfilter(django_filters.CharFilter):
    """The section's slug. Sections are no secret, so an unknown one is a 400 naming it (as an
    unknown portfolio), never an empty list that looks like an answer."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", gettext_lazy("section (slug)"))
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        if not Seksjon.objects.filter(slug=value).exists():
            raise ValidationError(
                {"seksjon": [_("No section has the slug «%(slug)s».") % {"slug": value}]}
            )
        return qs.filter(**{f"{self.field_name}__slug": value}).distinct()


def lag_filtersett(
    modell,
    *,
    portefolje: str | None = None,
    seksjon: str | None = None,
    valg: tuple[str, ...] = (),
    dato: str | None = None,
    dato_er_tidspunkt: bool = False,
    id_felt: tuple[str, ...] = (),
    ja_nei: tuple[str, ...] = (),
):
    """A FilterSet for `modell` with the shared parameter names (see the module docstring)."""
    attrs: dict = {}
    if portefolje:
        attrs["portefolje"] = Portefoljefilter(field_name=portefolje)
    if seksjon:
        attrs["seksjon"] = Seksjonsfilter(field_name=seksjon)
    for navn in valg:
        felt = modell._meta.get_field(navn)
        attrs[navn] = django_filters.ChoiceFilter(
            field_name=navn, choices=felt.choices, label=felt.verbose_name
        )
    if dato:
        oppslag = "date__" if dato_er_tidspunkt else ""
        attrs["fra"] = django_filters.DateFilter(
            field_name=dato, lookup_expr=f"{oppslag}gte", label=gettext_lazy("from date")
        )
        attrs["til"] = django_filters.DateFilter(
            field_name=dato, lookup_expr=f"{oppslag}lte", label=gettext_lazy("to date")
        )
    for sti in id_felt:
        navn = sti.split("__")[-1] if "__" in sti else sti
        attrs[navn] = Idfilter(field_name=f"{sti}_id")
    for navn in ja_nei:
        attrs[navn] = JaNeiFilter(field_name=navn, label=modell._meta.get_field(navn).verbose_name)
    meta = type("Meta", (), {"model": modell, "fields": []})
    attrs["Meta"] = meta
    return type(f"{modell.__name__}Filter", (django_filters.FilterSet,), attrs)
