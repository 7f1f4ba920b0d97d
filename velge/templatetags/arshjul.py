"""`{% neste_arshjulpunkter portefolje as punkter %}`: the cycle's next points for the portfolio
page's partial (velge/_arshjul.html), so the page's view needs no part in it."""

from django import template

from velge.selectors import neste_punkter

register = template.Library()


@register.simple_tag
def neste_arshjulpunkter(portefolje, antall=5):
    return neste_punkter(portefolje=portefolje, antall=antall)
