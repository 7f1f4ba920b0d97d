"""What Styre's forms share: person pickers, periods, the version an edit was opened at."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from portefolje import personer
from portefolje.samtidighet import VersjonFelt


class Personfelt(forms.ModelChoiceField):
    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(
            queryset=get_user_model()
            .objects.filter(is_active=True)
            .order_by("first_name", "last_name", "username"),
            **kwargs,
        )

    def label_from_instance(self, obj):
        return personer.navn(obj)


DATO = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MANED = forms.DateInput(attrs={"type": "month"}, format="%Y-%m")


class PeriodeMixin:
    """Refuses an end before the start, next to the end field."""

    start_felt = "startdato"
    slutt_felt = "sluttdato"

    def clean(self):
        data = super().clean()
        start, slutt = data.get(self.start_felt), data.get(self.slutt_felt)
        if start and slutt and slutt < start:
            self.add_error(self.slutt_felt, _("The end cannot be before the start."))
        return data


class PersonfeltMixin:
    personfelt: tuple = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for navn in self.personfelt:
            gammel = self.fields[navn]
            self.fields[navn] = Personfelt(label=gammel.label, required=gammel.required)


class VersjonertMixin:
    """An edit form carries the version it was opened at; the service refuses a stale save."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["versjon"] = VersjonFelt()
            self.initial.setdefault("versjon", self.instance.versjon)

    def data_til_lagring(self) -> dict:
        """The model's fields as typed, for the service (the version travels separately)."""
        return {felt: self.cleaned_data[felt] for felt in self._meta.fields}
