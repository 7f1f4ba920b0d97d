"""Numbers read from a query string (`?side=`, `?uke=`, `?versjon=`, ids): always bounded.

A view never calls `int(request.GET[...])` itself (`?uke=99999999999` once overflowed a
date and gave a 500). A value that is missing, not an integer, or outside its range counts as
not given: the caller gets its `standard`.
"""

# PostgreSQL's `integer`, the largest id or number a lookup can meet.
STORSTE_HELTALL = 2_147_483_647
# Pages of a list: the paginator shows the last page for anything beyond the end.
STORSTE_SIDE = 100_000


def heltall_fra_get(
    request,
    navn: str,
    *,
    standard: int | None = None,
    minst: int = 1,
    hoyst: int = STORSTE_HELTALL,
) -> int | None:
    """The integer in `request.GET[navn]` if it lies in [`minst`, `hoyst`], else `standard`."""
    verdi = request.GET.get(navn, "").strip()
    # Twenty characters hold every bound above; longer input is not parsed at all.
    if not verdi or len(verdi) > 20:
        return standard
    try:
        tall = int(verdi)
    except ValueError:
        return standard
    return tall if minst <= tall <= hoyst else standard


def side_fra_get(request, navn: str = "side") -> int:
    """The page number for a paginator's `get_page` (1 when missing or nonsense)."""
    return heltall_fra_get(request, navn, standard=1, minst=1, hoyst=STORSTE_SIDE)
