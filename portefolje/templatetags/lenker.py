"""`{% lenker_til "portefolje" portefolje=portefolje as lenker %}`: links the outputs register
for a place on a phase's page (portefolje/lenker.py)."""

from django import template

from portefolje.lenker import lenker_for

register = template.Library()


@register.simple_tag(takes_context=True)
def lenker_til(context, sted, **objekter):
    return lenker_for(sted, context["request"].user, **objekter)
