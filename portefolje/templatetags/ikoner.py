"""`{% ikon "name" %}`: a Bootstrap icon drawn from the portal's SVG sprite (portefolje/ikoner.py).

The icon is decoration beside a word, so it is hidden from screen readers and never takes focus;
it is as large as the text and takes the text's colour (`.bi` in static/scss/portal.scss).
"""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def ikon(navn: str, klasse: str = "") -> str:
    """The icon `navn` (its name in Bootstrap Icons), with extra CSS classes `klasse` if given."""
    return format_html(
        '<svg class="{}" aria-hidden="true" focusable="false"><use href="{}#{}"/></svg>',
        f"bi {klasse}".strip(),
        static("build/ikoner.svg"),
        navn,
    )
