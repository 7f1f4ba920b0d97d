from django import template

from portefolje.belop import kroner as _kroner

register = template.Library()


@register.filter
def kroner(verdi, tom="–"):
    """{{ beløp|kroner }} → «3 800 000 kr» (see portefolje.belop)."""
    return _kroner(verdi, tom)
