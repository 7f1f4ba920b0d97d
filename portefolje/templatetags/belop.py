from django import template

from portefolje.belop import kroner as _kroner
from portefolje.belop import tall as _tall

register = template.Library()


@register.filter
def kroner(verdi, tom="–"):
    """{{ beløp|kroner }} → «3 800 000 kr» (see portefolje.belop)."""
    return _kroner(verdi, tom)


@register.filter
def tall(verdi, desimaler=2):
    """{{ verdi|tall }} → «1 250 000», «12,5»; {{ verdi|tall:1 }} for one decimal at most."""
    return _tall(verdi, int(desimaler))
