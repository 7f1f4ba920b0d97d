"""`{% statusmerke farge tekst %}`: the one way a status colour reaches a page (with its word)."""

from django import template

from portefolje.farger import Farge, css_klasse

register = template.Library()


@register.inclusion_tag("partials/statusmerke.html")
def statusmerke(farge, tekst=""):
    """A badge in `farge` (a `Farge` value) saying `tekst`; no word means «Not set» in grey."""
    if not tekst:
        farge, tekst = Farge.GRA, Farge.GRA.label
    return {"klasse": css_klasse(farge), "tekst": tekst}
