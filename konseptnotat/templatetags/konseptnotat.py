from django import template
from django.urls import NoReverseMatch

from konseptnotat.models import Konseptnotat
from konseptnotat.services import innhold_av
from konseptnotat.visning import seksjoner_med_verdier

register = template.Library()


@register.simple_tag
def innhold_seksjoner(kilde):
    """The template's sections with values, from a version's `innhold` dict or a note."""
    if isinstance(kilde, Konseptnotat):
        kilde = innhold_av(kilde)
    return seksjoner_med_verdier(kilde or {})


@register.filter
def hent(ordbok, nokkel):
    """`ordbok|hent:nokkel`: a dict lookup by a variable key (empty list when missing)."""
    if not ordbok:
        return []
    return ordbok.get(nokkel, [])


@register.filter
def url_eller_tom(objekt) -> str:
    """`objekt.get_absolute_url()`, or "" while the other app has no such page (no crash)."""
    try:
        return objekt.get_absolute_url()
    except NoReverseMatch:
        return ""
