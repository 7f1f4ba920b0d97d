"""Velge's screens, one module per screen group."""

from django.shortcuts import get_object_or_404

from velge.models import Mote


def hent_mote(slug: str, pk: int) -> Mote:
    """The meeting `pk` of the portfolio `slug`, or 404 (a meeting is never reached via another
    portfolio's address)."""
    return get_object_or_404(
        Mote.objects.select_related("portefolje"), pk=pk, portefolje__slug=slug
    )
