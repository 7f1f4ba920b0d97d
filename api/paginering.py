"""Page-number pagination with Norwegian parameter names: `?side=` and `?per_side=`.

Pages, not cursors: Power BI and Excel walk them with a plain counter, and every list is ordered
by id, so a page holds the same rows until something is added or removed.
"""

from django.core.paginator import InvalidPage, Paginator
from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination


def _heltall(verdi: str | None) -> int | None:
    """A whole number from the address, or None. Digits beyond 18 are «very many» (Python will
    not even parse 4300 of them): past the last page, a 404, not a 500."""
    if verdi is None or not (verdi.isascii() and verdi.isdigit()):
        return None
    return int(verdi) if len(verdi) <= 18 else 10**18


class Sidedeling(PageNumberPagination):
    page_size = 100
    page_query_param = "side"
    page_size_query_param = "per_side"
    max_page_size = 1000

    def get_page_size(self, request):
        """`per_side` must be a whole number from 1 to 1000; anything else is a clear 400."""
        verdi = request.query_params.get(self.page_size_query_param)
        if verdi is None:
            return self.page_size
        tall = _heltall(verdi)
        if tall is None or not 1 <= tall <= self.max_page_size:
            raise ValidationError(
                {
                    self.page_size_query_param: [
                        _("A whole number from 1 to %(maks)d.") % {"maks": self.max_page_size}
                    ]
                }
            )
        return tall

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        storrelse = self.get_page_size(request)
        verdi = request.query_params.get(self.page_query_param)
        side = 1 if verdi is None else _heltall(verdi)
        if side is None or side < 1:
            raise ValidationError(
                {self.page_query_param: [_("A whole number from 1 (the first page).")]}
            )
        self.paginator = Paginator(queryset, storrelse)
        try:
            self.page = self.paginator.page(side)
        except InvalidPage:
            raise NotFound(
                _("Page %(side)d does not exist: the last page is %(antall)d.")
                % {"side": side, "antall": self.paginator.num_pages}
            ) from None
        return list(self.page)
