"""How every list in the portal is sorted: django-filter's `OrderingFilter`, with the row's id
after the chosen column so rows that tie keep their place from one page to the next."""

import django_filters
from django.db.models import F
from django_filters.constants import EMPTY_VALUES


class SorteringMedId(django_filters.OrderingFilter):
    """The chosen order, then id in the same direction ((field, id) is read straight off one
    index). With `tomme_sist`, rows without a value come last whichever way the column is sorted
    (a project that never reported sorts after those that have, both ways)."""

    def __init__(self, *args, tomme_sist: bool = False, **kwargs):
        self.tomme_sist = tomme_sist
        super().__init__(*args, **kwargs)

    def get_ordering_value(self, param):
        verdi = super().get_ordering_value(param)
        if not self.tomme_sist:
            return verdi
        felt = F(verdi.removeprefix("-"))
        return felt.desc(nulls_last=True) if verdi.startswith("-") else felt.asc(nulls_last=True)

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        valgt = [p for p in value if p not in EMPTY_VALUES]
        if not valgt:
            return qs
        rekkefolge = [self.get_ordering_value(p) for p in valgt]
        return qs.order_by(*rekkefolge, "-id" if valgt[-1].startswith("-") else "id")
