"""The decision form's part for the minutes and for who is concerned: the public justification
said to be public, internal notes kept apart, and the approved project's owner and manager."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from portefolje import personer
from portefolje.skjema import RenTekstMixin
from velge.models import Mote, Utfall


class Personvalg(forms.ModelChoiceField):
    """An active person, by name."""

    def __init__(self, **kwargs):
        super().__init__(
            queryset=get_user_model()
            .objects.filter(is_active=True)
            .order_by("first_name", "last_name", "username"),
            required=False,
            **kwargs,
        )

    def label_from_instance(self, obj):
        return personer.navn(obj)


class ProtokollFelter(RenTekstMixin, forms.Form):
    """Mixed into the decision form (velge.forms.BeslutningForm), its fields placed after the
    rationale. `notat` (optional) proposes the note's owner as the project's owner."""

    interne_notater = forms.CharField(
        label=_("Internal notes (never public)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "For the leader group: kept with the decision on this page, never in the public "
            "record, the feed or the minutes."
        ),
    )
    prosjekteier = Personvalg(
        label=_("Project owner"),
        help_text=_("Required when the note is approved as a project."),
    )
    prosjektleder = Personvalg(
        label=_("Project manager"),
        help_text=_(
            "If nobody is named yet, you get a task on your start page until a manager is set."
        ),
    )

    def __init__(self, *args, notat=None, **kwargs):
        super().__init__(*args, **kwargs)
        begrunnelse = self.fields["begrunnelse"]
        begrunnelse.label = _("Public justification")
        begrunnelse.help_text = _(
            "This text will be public: it is published on the portal's public pages when the "
            "minutes are approved. Write it in plain language, for citizens."
        )
        if notat is not None and notat.eier_id:
            self.initial.setdefault("prosjekteier", notat.eier_id)
        mine = ["interne_notater", "prosjekteier", "prosjektleder"]
        rekkefolge = [f for f in self.fields if f not in mine]
        plass = rekkefolge.index("begrunnelse") + 1
        self.order_fields(rekkefolge[:plass] + mine + rekkefolge[plass:])

    def clean(self):
        data = super().clean()
        if data.get("utfall") == Utfall.GODKJENT and not data.get("prosjekteier"):
            self.add_error("prosjekteier", _("Name the project's owner."))
        return data


class GodkjennProtokollForm(RenTekstMixin, forms.Form):
    """The chair confirms the minutes as read: approving publishes the meeting's decisions.
    `i_mote`, hidden, is the next meeting when the minutes are approved as an item in it."""

    bekreft = forms.BooleanField(
        label=_("I have read the minutes: approve them and publish the decisions"),
        error_messages={"required": _("Tick the box to approve the minutes.")},
    )
    i_mote = forms.ModelChoiceField(
        queryset=Mote.objects.all(), required=False, widget=forms.HiddenInput
    )
