from django import template

register = template.Library()


@register.filter
def navn(bruker, tom="–"):
    """A person's full name, or username; `tom` when there is nobody."""
    if not bruker:
        return tom
    return bruker.get_full_name() or bruker.username
