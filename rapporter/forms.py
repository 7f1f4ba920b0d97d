from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portefolje.skjema import EngangsnokkelMixin, RenTekstMixin

DATO = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PortefoljerapportForm(RenTekstMixin, EngangsnokkelMixin, forms.Form):
    fra = forms.DateField(label=_("From"), widget=DATO)
    til = forms.DateField(
        label=_("To"),
        widget=DATO,
        help_text=_("Each project's latest status report published by this day is used."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        idag = timezone.localdate()
        self.initial.setdefault("fra", date(idag.year, 1, 1))
        self.initial.setdefault("til", idag)

    def clean(self):
        data = super().clean()
        fra, til = data.get("fra"), data.get("til")
        if fra and til and til < fra:
            self.add_error("til", _("The period must end on or after its first day."))
        if fra and fra.year < 2000:
            self.add_error("fra", _("Choose a date from the year 2000 on."))
        if til and til.year > 2100:
            self.add_error("til", _("Choose a date before the year 2100."))
        return data
