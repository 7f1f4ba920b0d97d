"""The forms people send ideas with (employees and the public), the import, «følg innspillet»."""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from ideer.filer import TILLATTE_TYPER_TEKST, valider_vedlegg
from ideer.importer import IMPORT_KANALER
from ideer.models import OPPHAV_BESTILLING, Innspill, Opphav, Type
from portefolje.models import Seksjon
from portefolje.skjema import EngangsnokkelMixin, RenTekstMixin

TIDSSTEMPEL_SALT = "ideer.offentlig-skjema"
# A person needs more than this to read the form and write a sentence; a bot does not.
MIN_SEKUNDER = 3
MAKS_ALDER = 24 * 3600


def lag_tidsstempel(tid: float | None = None) -> str:
    return signing.dumps(tid if tid is not None else time.time(), salt=TIDSSTEMPEL_SALT)


# Lazy: the field is made when the module is imported, the text in each request's language.
_valgfritt_vedlegg = lazy(
    lambda: _("Optional. %(typer)s, at most 10 MB.") % {"typer": TILLATTE_TYPER_TEKST}, str
)


class VedleggFelt(forms.FileField):
    """One optional attachment, checked by content; `clean` returns (file, type)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Attachment"))
        kwargs.setdefault(
            "help_text",
            # Lazy: the field is made when the module is imported, the text in each request.
            lazy(
                lambda: _("Optional. %(typer)s, at most 10 MB.") % {"typer": TILLATTE_TYPER_TEKST},
                str,
            )(),
        )
        super().__init__(**kwargs)
        self.widget.attrs["accept"] = ".pdf,.docx,.xlsx,.png,.jpg,.jpeg"

    def clean(self, data, initial=None):
        fil = super().clean(data, initial)
        if not fil:
            return None
        return fil, valider_vedlegg(fil)


class InnspillForm(RenTekstMixin, EngangsnokkelMixin, forms.ModelForm):
    """The employee form: short and uniform for every idea and order."""

    vedlegg = VedleggFelt()

    class Meta:
        model = Innspill
        fields = [
            "type",
            "tittel",
            "beskrivelse",
            "losningsforslag",
            "forventet_gevinst",
            "opphav",
            "referanse",
            "seksjoner",
            "palagt",
        ]
        widgets = {
            "type": forms.RadioSelect,
            "beskrivelse": forms.Textarea(attrs={"rows": 5}),
            "losningsforslag": forms.Textarea(attrs={"rows": 3}),
            "forventet_gevinst": forms.Textarea(attrs={"rows": 3}),
            "seksjoner": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "tittel": _("A short name for the idea, e.g. «Digital tilsyn på natt»."),
            "beskrivelse": _("What is the need or the problem? Who has it?"),
            "losningsforslag": _("Optional. How could it be solved?"),
            "forventet_gevinst": _("Optional. What gets better, for whom, and how much?"),
            "opphav": _("Where the idea or order comes from."),
            "seksjoner": _("Optional. Which sections are affected?"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seksjoner"].queryset = Seksjon.objects.filter(aktiv=True).order_by("navn")
        self.fields["opphav"].choices = [
            (_("Orders"), [(o.value, o.label) for o in OPPHAV_BESTILLING]),
            (
                _("Ideas and inputs"),
                [(o.value, o.label) for o in Opphav if o not in OPPHAV_BESTILLING],
            ),
        ]
        # An employee's idea is the common case: without a default the first choice («Political»)
        # was preselected and ideas were mislabelled. static/js/portal.js offers only the
        # sources that fit the chosen kind; clean() refuses a mismatch without JavaScript too.
        self.fields["type"].initial = Type.IDE
        self.fields["opphav"].initial = Opphav.MEDARBEIDERE
        self.fields["opphav"].widget.attrs.update(
            {
                "data-opphav-for-bestilling": " ".join(OPPHAV_BESTILLING),
                "data-opphav-standard-ide": Opphav.MEDARBEIDERE,
                "data-opphav-standard-bestilling": Opphav.ADMINISTRATIV,
            }
        )

    def clean(self):
        data = super().clean()
        type_, opphav = data.get("type"), data.get("opphav")
        if type_ == Type.BESTILLING and opphav and opphav not in OPPHAV_BESTILLING:
            self.add_error(
                "opphav",
                _("An order comes from politics, administration, a grant or an unforeseen event."),
            )
        if type_ == Type.IDE and opphav in OPPHAV_BESTILLING:
            self.add_error(
                "opphav", _("This source is for orders. Choose «Order» as kind, or another source.")
            )
        if data.get("palagt") and type_ != Type.BESTILLING:
            self.add_error("palagt", _("Only orders can be imposed by law or political decision."))
        return data


class OffentligInnspillForm(RenTekstMixin, EngangsnokkelMixin, forms.Form):
    """The public form: few fields, everything about the person optional."""

    AVSENDER = [(Opphav.INNBYGGERE, _("a citizen")), (Opphav.NAERINGSLIV, _("a business"))]

    avsender = forms.ChoiceField(
        label=_("I write as"), choices=AVSENDER, widget=forms.RadioSelect, initial=Opphav.INNBYGGERE
    )
    tittel = forms.CharField(
        label=_("Your idea in a few words"),
        max_length=200,
        help_text=_("For example «Bedre belysning på gangveien til skolen»."),
    )
    beskrivelse = forms.CharField(
        label=_("What is the need or the problem?"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    losningsforslag = forms.CharField(
        label=_("Do you have a suggestion for a solution?"),
        max_length=10_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional."),
    )
    navn = forms.CharField(
        label=_("Your name"), max_length=200, required=False, help_text=_("Optional.")
    )
    epost = forms.EmailField(
        label=_("Your e-mail address"),
        required=False,
        help_text=_("Optional. Only if you want to hear from us about this idea."),
    )
    samtykke = forms.BooleanField(
        label=_("Yes, you may e-mail me about what happens to my idea."), required=False
    )
    vedlegg = VedleggFelt()
    # Spam traps: a field people do not see, and the time the form was shown (signed).
    nettsted = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    tidsstempel = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["tidsstempel"] = lag_tidsstempel()

    def clean(self):
        data = super().clean()
        if data.get("nettsted"):
            raise forms.ValidationError(
                _("The form could not be sent. Leave the last field empty and try again."),
                code="honningkrukke",
            )
        try:
            vist = signing.loads(
                data.get("tidsstempel") or "", salt=TIDSSTEMPEL_SALT, max_age=MAKS_ALDER
            )
        except signing.SignatureExpired:
            raise forms.ValidationError(
                _("The form was open too long. Please send it again."), code="utlopt"
            ) from None
        except signing.BadSignature:
            raise forms.ValidationError(
                _("The form could not be sent. Reload the page and try again."), code="tukling"
            ) from None
        if time.time() - float(vist) < MIN_SEKUNDER:
            raise forms.ValidationError(
                _("That was very quick. Please check your text and send it again."),
                code="for_rask",
            )
        if data.get("samtykke") and not data.get("epost"):
            self.add_error("epost", _("Give your e-mail address if you want updates."))
        return data

    def innspill_data(self) -> dict:
        data = self.cleaned_data
        return {
            "type": Type.IDE,
            "tittel": data["tittel"],
            "beskrivelse": data["beskrivelse"],
            "losningsforslag": data["losningsforslag"],
            "opphav": data["avsender"],
            "innsender_navn": data["navn"],
            "innsender_epost": data["epost"],
            "samtykke_epost": bool(data["samtykke"] and data["epost"]),
        }


class ImportForm(RenTekstMixin, forms.Form):
    kanal = forms.ChoiceField(
        label=_("Exported from"),
        choices=[(k.value, k.label) for k in IMPORT_KANALER],
        widget=forms.RadioSelect,
    )
    fil = forms.FileField(
        label=_("File"),
        help_text=_(
            "CSV (UTF-8 or Windows-1252, separated by semicolon or comma) or Excel (xlsx)."
        ),
    )

    def clean_fil(self):
        fil = self.cleaned_data["fil"]
        if fil.size > settings.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is %(storrelse)s. The largest file we accept is %(maks)s.")
                % {
                    "storrelse": filesizeformat(fil.size),
                    "maks": filesizeformat(settings.MAX_UPLOAD_BYTES),
                }
            )
        return fil


class FolgInnspillForm(RenTekstMixin, forms.Form):
    """«Følg innspillet ditt»: the receipt code, as typed (spaces, dashes and lower case are
    forgiven). Whether it is known is the view's question, answered with the same words as a
    malformed code, so the form tells nobody which codes exist."""

    kode = forms.CharField(
        label=_("Receipt code"),
        max_length=40,
        help_text=_("The 12 letters and digits in your receipt, e.g. ABCD EFGH 2345."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_kode(self):
        return "".join(self.cleaned_data["kode"].split()).replace("-", "").upper()


UKJENT_KODE = _(
    "We find no input with this code. Check the code in your receipt (12 letters and digits) and "
    "try again."
)
