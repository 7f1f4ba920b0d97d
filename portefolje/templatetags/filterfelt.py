"""`{{ felt|filterfelt }}`: a field of a list page's filter form, as crispy's bootstrap5 pack
writes it (`{{ felt|as_crispy_field }}`), but in Python.

A list page's filter form has a dozen fields, and crispy's field template cost more than the
list's fifty rows. The HTML is the same; a field with an error or a help text (which crispy
decorates further) is left to crispy.
"""

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field
from django import forms, template
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


def _merke(felt) -> SafeString:
    return format_html('<span class="asteriskField">*</span>') if felt.field.required else ""


def _krav(felt) -> str:
    return " requiredField" if felt.field.required else ""


def _gjengi(felt, bootstrap: str) -> SafeString:
    # The classes crispy gives a widget: its own class name, then the pack's.
    egen = type(felt.field.widget).__name__.lower()
    return felt.as_widget(attrs={"class": f"{egen} {bootstrap}"})


@register.filter
def filterfelt(felt) -> SafeString:
    if felt.is_hidden:
        return felt.as_widget()
    if felt.errors or felt.help_text or felt.css_classes() or not felt.label:
        return as_crispy_field(felt)
    widget = felt.field.widget
    if isinstance(widget, forms.CheckboxInput):
        return format_html(
            '<div class="mb-3"><div id="div_{}" class="form-check">{}'
            '<label for="{}" class="form-check-label{}">{}{}</label></div></div>',
            felt.auto_id,
            _gjengi(felt, "form-check-input"),
            felt.id_for_label,
            _krav(felt),
            felt.label,
            _merke(felt),
        )
    if isinstance(widget, forms.Select) and not isinstance(widget, forms.RadioSelect):
        bootstrap = "form-select"
    elif isinstance(widget, forms.TextInput):
        bootstrap = "form-control"
    else:
        return as_crispy_field(felt)
    return format_html(
        '<div id="div_{}" class="mb-3"><label for="{}" class="form-label{}">{}{}</label>{}</div>',
        felt.auto_id,
        felt.id_for_label,
        _krav(felt),
        felt.label,
        _merke(felt),
        _gjengi(felt, bootstrap),
    )
