"""What every concept-note screen needs: fetch a note the user may see, or refuse."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from konseptnotat import permissions, selectors


def hent_notat(request, pk, predikat=None):
    """The note `pk`, if the user may see it (404 otherwise, so drafts stay private) and, when
    `predikat` is given, may do what it asks (403 otherwise)."""
    notat = get_object_or_404(selectors.notater_med_detaljer(), pk=pk)
    if not permissions.kan_se(request.user, notat):
        raise Http404
    if predikat is not None and not predikat(request.user, notat):
        raise PermissionDenied
    return notat
