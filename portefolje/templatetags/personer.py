"""`{{ bruker|navn }}`: a person named as everywhere in the portal (`portefolje.personer.navn`)."""

from django import template

from portefolje import personer

register = template.Library()


@register.filter
def navn(bruker, tom="–"):
    """A person's full name, or username; `tom` when there is nobody."""
    return personer.navn(bruker or None, tom=tom)
