"""A warning the person must confirm, checked on the server (not only a JavaScript dialog).

A form adds `bekreft = bekreftfelt()`; the field is hidden until `krev_bekreftelse()` finds the
warning due and the box unticked: then it becomes a checkbox, with the warning as its error,
and the form is refused with the person's input kept. Ticking it and sending again goes through.
"""

from django import forms
from django.utils.translation import gettext_lazy as _


def bekreftfelt(etikett=None) -> forms.BooleanField:
    return forms.BooleanField(
        label=etikett or _("I have read the warning and want to go ahead"),
        required=False,
        widget=forms.HiddenInput,
    )


def krev_bekreftelse(form: forms.Form, advarsel: str, *, felt: str = "bekreft") -> bool:
    """True when the person has confirmed; otherwise shows `advarsel` at the checkbox."""
    if form.cleaned_data.get(felt):
        return True
    form.fields[felt].widget = forms.CheckboxInput()
    form.add_error(felt, advarsel)
    return False
