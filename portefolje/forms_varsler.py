"""The form for each person's notification settings (/varsler/innstillinger/)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portefolje.models import Varseltype
from portefolje.skjema import RenTekstMixin

HJELPETEKSTER = {
    Varseltype.UKESAMMENDRAG: _(
        "Once a week: your unread notifications and what waits for you. Off unless you turn it on."
    ),
}


class VarselInnstillingerForm(RenTekstMixin, forms.Form):
    """One checkbox per kind: «send me this by e-mail». The portal shows every notification."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for type, navn in Varseltype.choices:
            self.fields[type] = forms.BooleanField(
                label=navn, required=False, help_text=HJELPETEKSTER.get(type, "")
            )
