"""What every form in the portal shares.

`RenTekstMixin` (every form): every text field is cleaned by `portefolje.tekstrens` before
validation: a one-line field loses the characters that let it display other than it reads, a
text area the control characters that break the files made from it.

`EngangsnokkelMixin` (create forms) with `opprett_en_gang`: a create form carries a hidden
`skjema_nokkel`, new for each rendered form. The view binds it to the person and the form
(`engangsnokkel(request, ...)`) and creates through `opprett_en_gang`, so posting the same form
twice (a double click, a reload, five parallel requests) creates one object; every later post
gets that object back (`ALLEREDE_LAGRET`), and the key sent by someone else or to another form
is refused (`FremmedNokkel`) rather than answered with an object they did not make.

`Nedtrekksliste` and `Valgliste`: a list page's filter form's selects, written in Python and
read with one query each.
"""

import hashlib
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.forms.models import ModelChoiceIterator
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from portefolje.models import Skjemanokkel
from portefolje.tekstrens import rens_enkeltlinje, rens_flerlinje


def feil_til_skjema(form: forms.Form, feil: ValidationError) -> None:
    """A service's ValidationError shown on the form: each message at its field when the form
    has that field, the rest (and a message for no field) above the form."""
    if hasattr(feil, "error_dict"):
        for felt, meldinger in feil.error_dict.items():
            form.add_error(felt if felt in form.fields else None, meldinger)
    else:
        form.add_error(None, feil)


# Number fields: Django's own (and those a model makes), whatever the form.
TALLFELT = (forms.IntegerField, forms.DecimalField, forms.FloatField)
# What people put between thousands: a space, a non-breaking space (copied from a page or from
# Word) or a narrow one (copied from Excel).
_TUSENSKILLE = str.maketrans("", "", " \u00a0\u202f\t")


def rens_tall(tekst: str) -> str:
    """A number as Norwegians type it, as Django reads it: «1 250 000» → «1250000», «12,5» →
    «12.5». Anything else is left for the field to refuse with its own message."""
    return tekst.strip().translate(_TUSENSKILLE).replace(",", ".")


def _rensing(felt: forms.Field):
    """How a field's posted text is cleaned: one line, several lines, a number, or not at all
    (a password is what it is; a field that takes no text)."""
    if isinstance(felt, TALLFELT):
        return rens_tall
    if not isinstance(felt, forms.CharField) or isinstance(felt.widget, forms.PasswordInput):
        return None
    if isinstance(felt.widget, forms.Textarea):
        return rens_flerlinje
    return rens_enkeltlinje


def _tallboks(felt: forms.Field) -> forms.TextInput:
    """A text box in place of the number box, keeping its other attributes (min, max and step
    mean nothing to a text box; the field still checks its limits)."""
    attrs = {k: v for k, v in felt.widget.attrs.items() if k not in ("min", "max", "step")}
    heltall = isinstance(felt, forms.IntegerField)
    attrs["inputmode"] = "numeric" if heltall else "decimal"
    return forms.TextInput(attrs=attrs)


def _attributter(attrs: dict) -> SafeString:
    # As django/forms/widgets/attrs.html writes them: True alone, False left out.
    return mark_safe(  # noqa: S308 (each part escaped by format_html)
        "".join(
            format_html(' {}="{}"', navn, verdi) if verdi is not True else format_html(" {}", navn)
            for navn, verdi in attrs.items()
            if verdi is not False
        )
    )


class Nedtrekksliste(forms.Select):
    """A select written in Python, the same HTML as Django's templates give: a list page's
    filter form has a dozen, and a template per option cost more than the list's rows."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        deler = [format_html('<select name="{}"{}>', widget["name"], _attributter(widget["attrs"]))]
        for gruppe, valg, _indeks in widget["optgroups"]:
            if gruppe:
                deler.append(format_html('\n  <optgroup label="{}">', gruppe))
            deler.extend(
                format_html(
                    '\n  <option value="{}"{}>{}</option>',
                    str(v["value"]),
                    _attributter(v["attrs"]),
                    v["label"],
                )
                for v in valg
            )
            if gruppe:
                deler.append(mark_safe("\n  </optgroup>"))
        deler.append(mark_safe("\n</select>"))
        return mark_safe("".join(deler))  # noqa: S308 (each part escaped by format_html)


class Valgliste(ModelChoiceIterator):
    """A model choice field's options read with one ordinary query. Django reads them with
    `iterator()`, on PostgreSQL a server-side cursor (declare, fetch, close) that cost more
    than the few rows a filter offers; a filter form with five such fields paid it five times.
    Set as the field's `iterator`."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        if getattr(self.field, "null_label", None) is not None:
            yield (self.field.null_value, self.field.null_label)
        for objekt in self.queryset.all():
            yield self.choice(objekt)


class RenTekstMixin:
    """For every form: its text fields are cleaned before validation (`rens_enkeltlinje` for a
    one-line field, `rens_flerlinje` for a text area), so length limits, `clean_<field>` and the
    re-rendered form all see clean text.

    Its number fields (every IntegerField, DecimalField and FloatField, a model's too) take
    what people type: «1 250 000» and «12,5» (`rens_tall`). Their input is a text box with a
    numeric keyboard on phones, since a browser's number box refuses a space.

    Put it first among the bases: `class MittSkjema(RenTekstMixin, forms.ModelForm)`.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for felt in self.fields.values():
            if isinstance(felt, TALLFELT) and isinstance(felt.widget, forms.NumberInput):
                felt.widget = _tallboks(felt)
        if self.is_bound and isinstance(self.data, Mapping):
            self.data = self._rens(self.data)

    def _rens(self, data):
        rensing = {self.add_prefix(n): _rensing(felt) for n, felt in self.fields.items()}
        rensing = {n: rens for n, rens in rensing.items() if rens and n in data}
        if not rensing:
            return data
        if hasattr(data, "setlist"):  # a QueryDict: every value of the name
            kopi = data.copy()
            for n, rens in rensing.items():
                kopi.setlist(n, [rens(v) if isinstance(v, str) else v for v in data.getlist(n)])
            return kopi
        kopi = data.copy() if hasattr(data, "copy") else dict(data)  # keeps a dict's own kind
        for n, rens in rensing.items():
            if isinstance(kopi[n], str):
                kopi[n] = rens(kopi[n])
        return kopi


class EngangsnokkelMixin(forms.Form):
    """Adds the hidden one-time key to a create form (see `opprett_en_gang`)."""

    skjema_nokkel = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["skjema_nokkel"] = uuid.uuid4()

    def add_error(self, field, error):
        # A key refused as someone else's can never save here: the form shown again carries a
        # new one, so the person's next send (their input is kept) creates the object.
        if isinstance(error, FremmedNokkel):
            self.data = self.data.copy()
            self.data[self.add_prefix("skjema_nokkel")] = str(uuid.uuid4())
        super().add_error(field, error)


# A form is posted again within minutes (a double click, a reload); a key older than this is
# never needed again and is removed by the daily `portefolje.tasks.rydd_skjemanokler`.
NOKKEL_LEVETID = timedelta(days=2)


def skjemanokler_rydd(*, na: datetime | None = None) -> int:
    """Delete the form keys older than `NOKKEL_LEVETID`; returns how many. Safe to run twice."""
    grense = (na or timezone.now()) - NOKKEL_LEVETID
    return Skjemanokkel.objects.filter(opprettet__lt=grense).delete()[0]


@dataclass(frozen=True)
class Engangsnokkel:
    """A posted form's one-time key, bound to who posted it and the form it was posted to."""

    nokkel: uuid.UUID
    eier: str
    skjema: str


def engangsnokkel(request, nokkel: uuid.UUID | None) -> Engangsnokkel | None:
    """Bind the key a form sent back (`cleaned_data["skjema_nokkel"]`) to this request.

    The owner is the signed-in person; for someone not signed in, a digest of the browser's CSRF
    cookie: the page that renders the form sets it, and the form's CSRF check ties the post to
    it, so a double click from one browser is the same owner without a session row per visitor.
    """
    if nokkel is None:
        return None
    if request.user.is_authenticated:
        eier = f"bruker:{request.user.pk}"
    else:
        if not request.META.get("CSRF_COOKIE"):
            get_token(request)  # sets it, and the cookie on the answer
        eier = "anonym:" + hashlib.sha256(request.META["CSRF_COOKIE"].encode()).hexdigest()[:64]
    return Engangsnokkel(nokkel=nokkel, eier=eier, skjema=request.path[:255])


# Said (with the object's page) to a post of a form that had already saved.
ALLEREDE_LAGRET = _("This form was already sent and saved; here is what it saved.")


def allerede_opprettet(request, verdi):
    """What an earlier post of this very form created, or None: for a view whose form would no
    longer validate once the first post has acted (a decision changes what may be decided), so
    the repeat is answered with the result before the form is checked. `verdi` is the key as
    posted."""
    try:
        nokkel = engangsnokkel(request, uuid.UUID(str(verdi)))
    except ValueError:
        return None
    krav = Skjemanokkel.objects.filter(
        nokkel=nokkel.nokkel, eier=nokkel.eier, skjema=nokkel.skjema
    ).first()
    return krav.objekt() if krav else None


class FremmedNokkel(ValidationError):
    """The form's key was claimed by someone else, or on another form. Nothing was saved.

    A `ValidationError`, so views that show a service's refusal on the form show this too; the
    create form (`EngangsnokkelMixin`) then gets a new key, so sending it again saves.
    """

    def __init__(self):
        super().__init__(
            _(
                "This form's key was already used by someone else or on another page, so "
                "nothing was saved. Check the form below and send it again."
            ),
            code="fremmed_nokkel",
        )


def opprett_en_gang[T](*, nokkel: Engangsnokkel | None, opprett: Callable[[], T]) -> tuple[T, bool]:
    """Run `opprett` once per form key; returns (object, created).

    The key is claimed by inserting it, in the transaction that creates the object. A parallel
    post with the same key waits on the unique index until the first commits, then finds the
    claim and returns the first post's object (created False). If the first post fails, its
    claim is rolled back with it and the next post creates. Without a key (an old form, an API
    call), `opprett` simply runs.

    Refuses (`FremmedNokkel`) a key claimed by another person or on another form, and
    (`ValidationError`) a repeat whose object has since been deleted; `opprett`'s own errors
    pass through.
    """
    if nokkel is None:
        return opprett(), True
    with transaction.atomic():
        try:
            with transaction.atomic():
                krav = Skjemanokkel.objects.create(
                    nokkel=nokkel.nokkel, eier=nokkel.eier, skjema=nokkel.skjema
                )
        except IntegrityError:
            krav = Skjemanokkel.objects.get(nokkel=nokkel.nokkel)
            if (krav.eier, krav.skjema) != (nokkel.eier, nokkel.skjema):
                raise FremmedNokkel() from None
            objekt = krav.objekt()
            if objekt is None:
                raise ValidationError(
                    _("This form was already sent, and what it saved has since been deleted.")
                ) from None
            return objekt, False
        objekt = opprett()
        krav.objekt_type, krav.objekt_id = objekt._meta.label_lower, objekt.pk
        krav.save(update_fields=["objekt_type", "objekt_id"])
        return objekt, True
