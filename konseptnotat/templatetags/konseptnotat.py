from django import template

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
