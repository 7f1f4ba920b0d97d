"""`{% statusmerke farge tekst %}`: the one way a status colour reaches a page (with its word)."""

from django import template
from django.utils.html import format_html

from portefolje.farger import Farge, css_klasse, toner

register = template.Library()


@register.simple_tag
def statusmerke(farge, tekst=""):
    """A badge in `farge` (a `Farge` value) saying `tekst`; no word means «Not set» in grey.

    Written in Python, not a template of its own: lists of hundreds of rows carry one or more
    badges each, and rendering a template per badge cost more than the rest of the row."""
    if not tekst:
        farge, tekst = Farge.GRA, Farge.GRA.label
    return format_html('<span class="status {}">{}</span>', css_klasse(farge), tekst)


@register.simple_tag
def statustone(farge, tone):
    """One tone of a status colour from the palette, e.g. `{% statustone "gronn" "sterk" %}`, for
    SVG that cannot read the stylesheet's custom properties (the timeline's PDF)."""
    return getattr(toner(farge), tone)
