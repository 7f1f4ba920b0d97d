"""The import page's forms: the upload, and the mapping of columns and custom fields."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from portefolje.models import Portefolje
from portefolje.skjema import RenTekstMixin
from prosjekter.models import Kilde

MAKS_FILER = 10


class FlereFiler(forms.ClearableFileInput):
    allow_multiple_selected = True


class FlereFilerFelt(forms.FileField):
    def clean(self, data, initial=None):
        if not isinstance(data, list | tuple):
            data = [data] if data else []
        if not data:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return [super(FlereFilerFelt, self).clean(fil, initial) for fil in data]


class ImportSkjema(RenTekstMixin, forms.Form):
    kilde = forms.ChoiceField(
        label=_("Exported from"), choices=Kilde.choices, widget=forms.RadioSelect
    )
    portefolje = forms.ModelChoiceField(
        label=_("Portfolio for new projects"), queryset=Portefolje.objects.aktive()
    )
    filer = FlereFilerFelt(
        label=_("Files"),
        widget=FlereFiler(),
        help_text=_(
            "Microsoft Project: the project saved as XML («Save as» → «XML»). Prosjektportalen: "
            "the Excel exports of the project overview, status reports, uncertainties and "
            "benefits, several at once."
        ),
    )

    def clean_filer(self):
        filer = self.cleaned_data["filer"]
        if len(filer) > MAKS_FILER:
            raise forms.ValidationError(
                _("Choose at most %(maks)s files at a time.") % {"maks": MAKS_FILER}
            )
        for fil in filer:
            if fil.size > settings.MAX_UPLOAD_BYTES:
                raise forms.ValidationError(
                    _("%(navn)s is %(storrelse)s. The largest file we accept is %(maks)s.")
                    % {
                        "navn": fil.name,
                        "storrelse": filesizeformat(fil.size),
                        "maks": filesizeformat(settings.MAX_UPLOAD_BYTES),
                    }
                )
        return filer


class KoblingSkjema(RenTekstMixin, forms.Form):
    """One choice per unrecognised column or custom field: the field it fills, or none."""

    def __init__(self, *args, ukjente: dict, **kwargs):
        super().__init__(*args, prefix="kobling", **kwargs)
        for navn, felt in ukjente.items():
            self.fields[navn] = forms.ChoiceField(
                label=navn,
                required=False,
                choices=[("-", _("Do not import")), *felt],
            )
