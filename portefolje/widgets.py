"""Form widgets the portal needs beyond Django's own."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join


class LangValgliste(forms.Select):
    """A single-choice select whose options are written in Python, not one template each.

    Django renders every option through its own template; a list of hundreds (the ready notes
    a chair can put on KLG's agenda) then costs more than the rest of the page (issue 17). Same
    HTML, same attributes from the form and crispy; no option groups.
    """

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        attrs["name"] = name
        valgt = {str(v) for v in self.format_value(value)}
        valg = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (str(verdi), " selected" if str(verdi) in valgt else "", etikett)
                for verdi, etikett in self.choices
            ),
        )
        return format_html("<select{}>{}</select>", flatatt(attrs), valg)
