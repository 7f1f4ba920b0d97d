"""`{{ felt|filterfelt }}`: a field of a list page's filter form, as crispy's bootstrap5 pack
writes it (`{{ felt|as_crispy_field }}`), but in Python.

A list page's filter form has a dozen fields, and crispy's field template cost more than the
list's fifty rows. The HTML is the same; a field with an error (which crispy decorates
further) is left to crispy.
"""

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field
from django import forms, template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


def _merke(felt) -> SafeString:
    return mark_safe('<span class="asteriskField">*</span>') if felt.field.required else ""


def _krav(felt) -> str:
    return " requiredField" if felt.field.required else ""


def _hjelp(felt) -> SafeString:
    # As bootstrap5/layout/help_text.html; the widget names it in aria-describedby (Django).
    if not felt.help_text:
        return ""
    return format_html(
        '<div id="{}_helptext" class="form-text">{}</div>',
        felt.auto_id,
        mark_safe(felt.help_text),  # noqa: S308 (crispy writes it with |safe)
    )


def _gjengi(felt, bootstrap: str) -> SafeString:
    # The classes crispy gives a widget: its own class name, then the pack's.
    egen = type(felt.field.widget).__name__.lower()
    return felt.as_widget(attrs={"class": f"{egen} {bootstrap}"})


@register.filter
def filterfelt(felt) -> SafeString:
    if felt.is_hidden:
        return felt.as_widget()
    if felt.errors or felt.css_classes() or not felt.label or not felt.auto_id:
        return as_crispy_field(felt)
    widget = felt.field.widget
    if isinstance(widget, forms.CheckboxInput):
        return format_html(
            '<div class="mb-3"><div id="div_{}" class="form-check">{}'
            '<label for="{}" class="form-check-label{}">{}{}</label>{}</div></div>',
            felt.auto_id,
            _gjengi(felt, "form-check-input"),
            felt.id_for_label,
            _krav(felt),
            felt.label,
            _merke(felt),
            _hjelp(felt),
        )
    if isinstance(widget, forms.Select) and not isinstance(widget, forms.RadioSelect):
        bootstrap = "form-select"
    elif isinstance(widget, forms.TextInput):
        bootstrap = "form-control"
    else:
        return as_crispy_field(felt)
    return format_html(
        '<div id="div_{}" class="mb-3"><label for="{}" class="form-label{}">{}{}</label>{}{}</div>',
        felt.auto_id,
        felt.id_for_label,
        _krav(felt),
        felt.label,
        _merke(felt),
        _gjengi(felt, bootstrap),
        _hjelp(felt),
    )
