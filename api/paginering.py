"""Page-number pagination with Norwegian parameter names: `?side=` and `?per_side=`.

Pages, not cursors: Power BI and Excel walk them with a plain counter, and every list is ordered
by id, so a page holds the same rows until something is added or removed.

`count` is exact up to TELLEGRENSE rows; above it, the database planner's estimate (never less
than the limit), and `count_er_anslag` says so. Counting every row a reader may see cost more
than the page itself and grew with the data (60 000 status reports, 120 000 scores); `next` is
found by reading one row past the page, so a client that walks the pages until `next` is null
gets every row whatever `count` says.

Beside the page numbers, `?etter_id=N` reads on from the last id a client has (every list is
ordered by id): constant however far out in the list, and what an incremental refresh needs.
"""

from django.db import connections
from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

# Up to this many rows, `count` is exact.
TELLEGRENSE = 5000
# `?etter_id=N`: the rows after id N, beside the page numbers.
ETTER = "etter_id"


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
        self.side, self.etter, self.antall, self.anslag = side, None, *_antall(queryset)
        if request.query_params.get(ETTER) is not None:
            return self._etter_id(queryset, request, storrelse)
        sider = max(1, -(-self.antall // storrelse))
        start = (side - 1) * storrelse
        rader = list(queryset[start : start + storrelse + 1]) if start < 2**62 else []
        if not rader and side > 1:
            raise NotFound(
                _("Page %(side)d does not exist: the last page is %(antall)d.")
                % {"side": side, "antall": sider}
            ) from None
        self.har_neste = len(rader) > storrelse
        return rader[:storrelse]

    def _etter_id(self, queryset, request, storrelse):
        """`?etter_id=N`: the rows after id N (every list is ordered by id), for a client that
        keeps the last id it read (Power BI's incremental refresh): as cheap far out in the
        list as at its start. `next` carries on from the page's last id; no `previous`."""
        if self.page_query_param in request.query_params:
            raise ValidationError({ETTER: [_("Use either «side» or «etter_id», not both.")]})
        etter = _heltall(request.query_params[ETTER])
        if etter is None:
            raise ValidationError({ETTER: [_("A whole number: the last id you have read.")]})
        rader = list(queryset.filter(pk__gt=min(etter, 2**62))[: storrelse + 1])
        self.har_neste = len(rader) > storrelse
        rader = rader[:storrelse]
        self.etter = rader[-1].pk if rader else etter
        return rader

    def get_next_link(self):
        if not self.har_neste:
            return None
        url = self.request.build_absolute_uri()
        if self.etter is not None:
            return replace_query_param(url, ETTER, self.etter)
        return replace_query_param(url, self.page_query_param, self.side + 1)

    def get_previous_link(self):
        if self.etter is not None or self.side <= 1:
            return None
        url = self.request.build_absolute_uri()
        if self.side == 2:
            return remove_query_param(url, self.page_query_param)
        return replace_query_param(url, self.page_query_param, self.side - 1)

    def get_paginated_response(self, data):
        return Response(
            {
                "count": self.antall,
                "count_er_anslag": self.anslag,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    def get_schema_operation_parameters(self, view):
        return [
            *super().get_schema_operation_parameters(view),
            {
                "name": ETTER,
                "required": False,
                "in": "query",
                "description": "Radene etter denne id-en (i stedet for `side`).",
                "schema": {"type": "integer"},
            },
        ]

    def get_paginated_response_schema(self, schema):
        svar = super().get_paginated_response_schema(schema)
        svar["properties"]["count_er_anslag"] = {
            "type": "boolean",
            "description": f"`count` is the database's estimate (above {TELLEGRENSE} rows).",
        }
        return svar


def _antall(queryset) -> tuple[int, bool]:
    """(rows, whether that is an estimate): exact up to TELLEGRENSE (counting at most one more),
    above it the planner's estimate of the query, never less than TELLEGRENSE + 1."""
    antall = queryset.order_by()[: TELLEGRENSE + 1].count()
    if antall <= TELLEGRENSE:
        return antall, False
    return max(antall, _planlagt(queryset)), True


def _planlagt(queryset) -> int:
    """The planner's row estimate for the query (PostgreSQL's EXPLAIN; 0 elsewhere)."""
    tilkobling = connections[queryset.db]
    if tilkobling.vendor != "postgresql":
        return 0
    sql, params = queryset.order_by().query.sql_with_params()
    with tilkobling.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
        plan = cursor.fetchone()[0]
    return int(plan[0]["Plan"]["Plan Rows"])
