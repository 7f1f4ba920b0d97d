"""Impartiality and the quorum in forms: a member's declaration, the chair's decision rule, and
the confirmation the decision form asks for below the quorum."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from portefolje.skjema import RenTekstMixin
from velge.models import Kvorum, Protokollregel
from velge.selectors import STEMMEBERETTIGEDE


class InhabilitetForm(RenTekstMixin, forms.Form):
    grunn = forms.CharField(
        label=_("Why you are disqualified"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("E.g. a close relative is affected. The reason is recorded in the minutes."),
        error_messages={"required": _("Say why you are disqualified.")},
    )


class BeslutningsregelForm(RenTekstMixin, forms.Form):
    kvorum = forms.ChoiceField(
        label=_("Quorum"),
        choices=Kvorum.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "How many of the members who may score (not counting the disqualified) must have "
            "scored every criterion before a note is decided without a stated reason."
        ),
    )
    stedfortreder = forms.ModelChoiceField(
        label=_("Deputy chair"),
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label=_("None"),
        help_text=_("Chairs and decides the items the chair is disqualified on."),
    )
    protokoll = forms.ChoiceField(
        label=_("Approval of the minutes"),
        choices=Protokollregel.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Nothing a meeting decided is public until its minutes are approved. Approved in "
            "the next meeting, the chair approves them there, as an item on that meeting's page."
        ),
    )

    def __init__(self, *args, portefolje, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stedfortreder"].queryset = (
            get_user_model()
            .objects.filter(
                medlemskap__portefolje=portefolje, medlemskap__rolle__in=STEMMEBERETTIGEDE
            )
            .exclude(medlemskap__portefolje=portefolje, medlemskap__rolle="leder")
            .order_by("first_name", "last_name", "username")
            .distinct()
        )
        self.fields["stedfortreder"].label_from_instance = lambda u: u.get_full_name() or u.username


class KvorumMixin:
    """For the decision form: below the portfolio's quorum (`kvorum`, a
    velge.selectors.Kvorumstatus), a box to tick and a reason to give, each refused beside its
    field when missing. At or above the quorum the form has neither."""

    def __init__(self, *args, kvorum=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.kvorum = kvorum
        if kvorum is None or kvorum.oppfylt:
            return
        self.fields["under_kvorum"] = forms.BooleanField(
            label=_("Decide although fewer members than the portfolio's rule have scored"),
            required=False,
        )
        self.fields["under_kvorum_grunn"] = forms.CharField(
            label=_("Why the decision cannot wait"),
            required=False,
            max_length=2000,
            widget=forms.Textarea(attrs={"rows": 2}),
            help_text=_("Recorded with the decision and in the minutes."),
        )

    def clean(self):
        data = super().clean()
        if "under_kvorum" not in self.fields:
            return data
        if not data.get("under_kvorum"):
            self.add_error(
                "under_kvorum",
                _("Fewer members than the rule requires have scored: tick the box to decide now."),
            )
        if not (data.get("under_kvorum_grunn") or "").strip():
            self.add_error("under_kvorum_grunn", _("Say why the decision cannot wait."))
        return data

    def under_kvorum_grunn(self) -> str:
        return (self.cleaned_data.get("under_kvorum_grunn") or "").strip()
