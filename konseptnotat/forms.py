"""Forms for concept notes. The edit form's fields and order come from the template (mal.py)."""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from konseptnotat import arsbelop
from konseptnotat.mal import SEKSJONER
from konseptnotat.models import SVAR_MAKS_TEGN, Konseptnotat, Status
from portefolje import personer
from portefolje.models import Portefolje, Seksjon
from portefolje.skjema import EngangsnokkelMixin, RenTekstMixin
from portefolje.spor import STORSTE_HELTALL

MAL_FELTER = [f for s in SEKSJONER for f in s.felter]


class ArsbelopWidget(forms.Widget):
    """A small table: one row per year, a labelled number input per dimension."""

    template_name = "konseptnotat/widgets/arsbelop.html"

    def __init__(self, *args, ar=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.ar = list(ar)

    def value_from_datadict(self, data, files, name):
        return [
            {"ar": ar, **{d: data.get(f"{name}_{ar}_{d}", "") for d in arsbelop.DIMENSJONER}}
            for ar in self.ar
        ]

    def value_omitted_from_data(self, data, files, name):
        return not any(f"{name}_{ar}_{d}" in data for ar in self.ar for d in arsbelop.DIMENSJONER)

    def get_context(self, name, value, attrs):
        kontekst = super().get_context(name, value, attrs)
        etter_ar = {}
        for rad in value or []:
            if isinstance(rad, dict) and "ar" in rad:
                etter_ar[int(rad["ar"])] = rad
        rader = []
        for ar in self.ar:
            rad = etter_ar.get(ar, {})
            rader.append(
                {
                    "ar": ar,
                    "celler": [
                        {
                            "navn": f"{name}_{ar}_{d}",
                            "id": f"id_{name}_{ar}_{d}",
                            "dimensjon": d,
                            "verdi": "" if rad.get(d) is None else rad.get(d),
                        }
                        for d in arsbelop.DIMENSJONER
                    ],
                }
            )
        kontekst["widget"]["rader"] = rader
        return kontekst


class ArsbelopFelt(forms.Field):
    """Costs per year (see konseptnotat/arsbelop.py). Every cell is checked; a bad cell keeps
    what was typed on the page and names the year."""

    widget = ArsbelopWidget

    def __init__(self, *args, ar=(), **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)
        self.widget.ar = list(ar)

    def to_python(self, value):
        if not value:
            return None
        if (
            isinstance(value, list)
            and value
            and all(
                isinstance(v, dict) and not any(isinstance(x, str) for x in v.values())
                for v in value
            )
        ):
            return arsbelop.normaliser(value)
        feil = []
        rader = []
        for rad in value:
            ny = {"ar": int(rad["ar"])}
            for d in arsbelop.DIMENSJONER:
                try:
                    ny[d] = arsbelop.tall(rad.get(d), dimensjon=d)
                except arsbelop.Belopsfeil as e:
                    feil.append(
                        forms.ValidationError(
                            _("%(ar)s, %(felt)s: %(feil)s"),
                            params={"ar": rad["ar"], "felt": DIMENSJONSNAVN[d], "feil": str(e)},
                        )
                    )
                    ny[d] = None
            rader.append(ny)
        if feil:
            raise forms.ValidationError(feil)
        return arsbelop.normaliser(rader)


DIMENSJONSNAVN = {
    "investering": _("investment (NOK)"),
    "drift": _("running cost (NOK)"),
    "personmaneder": _("internal capacity (person-months)"),
}


class BrukerValg(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return personer.navn(obj)


class KonseptnotatForm(RenTekstMixin, EngangsnokkelMixin, forms.ModelForm):
    """The note's answers, one fieldset per template section, plus the version it started from."""

    fra_versjon = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    medforfattere = BrukerValg(
        label=_("Co-authors"),
        queryset=get_user_model().objects.filter(is_active=True).order_by("first_name", "username"),
        required=False,
        help_text=_("Colleagues who write the note with you. They may edit and submit it."),
        # Checkboxes, not a multi-select that needs Ctrl-click: mouse, keyboard and screen
        # readers all work them; portal.js adds a filter box above the list (data-filterliste).
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Konseptnotat
        fields = ["tittel", "seksjon", *MAL_FELTER, "medforfattere"]
        widgets = {
            **{
                f: forms.Textarea(attrs={"rows": 4, "maxlength": SVAR_MAKS_TEGN})
                for f in MAL_FELTER
                if isinstance(Konseptnotat._meta.get_field(f), models.TextField)
            },
            "berorte_seksjoner": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seksjon"].queryset = Seksjon.objects.filter(aktiv=True)
        self.fields["seksjon"].empty_label = _("Choose a section")
        self.fields["seksjon"].help_text = _(
            "The section that owns the need. Its portfolio is proposed for the decision."
        )
        self.fields["berorte_seksjoner"].queryset = Seksjon.objects.filter(aktiv=True)
        for felt in ("investering", "arlig_driftskostnad"):
            self.fields[felt].validators.append(
                MinValueValidator(0, message=_("A cost cannot be negative."))
            )
            self.fields[felt].widget.attrs.update({"min": 0, "step": 1, "inputmode": "numeric"})
        self.fields["interne_timer"].widget.attrs.update({"min": 0, "inputmode": "numeric"})
        # The økonomiplan's years, and any other year the note already has amounts for.
        ar = sorted(
            set(arsbelop.planar())
            | {int(r["ar"]) for r in (self.instance.arsbelop or []) if "ar" in r}
        )
        self.fields["arsbelop"] = ArsbelopFelt(
            label=Konseptnotat._meta.get_field("arsbelop").verbose_name,
            help_text=Konseptnotat._meta.get_field("arsbelop").help_text,
            ar=ar,
        )
        self.fields["arsbelop"].initial = self.instance.arsbelop
        if self.instance.pk:
            self.fields["fra_versjon"].initial = self.instance.versjon
        else:
            self.fields["fra_versjon"].initial = 1
            self.fields["fra_versjon"].required = False


class KommentarForm(RenTekstMixin, EngangsnokkelMixin, forms.Form):
    seksjon = forms.ChoiceField(label=_("Section"), required=False)
    tekst = forms.CharField(
        label=_("Comment"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seksjon"].choices = [("", _("The whole note"))] + [
            (s.nokkel, s.tittel) for s in SEKSJONER
        ]


class SendTilbakeForm(RenTekstMixin, forms.Form):
    kommentar = forms.CharField(
        label=_("What should the authors improve?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The authors see this as an open comment and are notified."),
    )


class KlarForm(RenTekstMixin, forms.Form):
    portefolje = forms.ModelChoiceField(
        label=_("Portfolio that decides"),
        queryset=Portefolje.objects.aktive().order_by("forelder_id", "navn"),
        empty_label=None,
    )


class VersjonValgForm(RenTekstMixin, forms.Form):
    fra = forms.IntegerField(label=_("From version"), min_value=1, max_value=STORSTE_HELTALL)
    til = forms.IntegerField(label=_("To version"), min_value=1, max_value=STORSTE_HELTALL)


class KonseptnotatFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="tittel", lookup_expr="icontains", label=_("Title"))
    status = django_filters.ChoiceFilter(choices=Status.choices, label=_("Status"))
    portefolje = django_filters.ModelChoiceFilter(
        queryset=Portefolje.objects.aktive(), label=_("Portfolio")
    )
    seksjon = django_filters.ModelChoiceFilter(
        queryset=Seksjon.objects.filter(aktiv=True), label=_("Owning section")
    )
    eier = django_filters.ModelChoiceFilter(
        # Exists, not a join with DISTINCT over every note: one index probe per person.
        queryset=get_user_model().objects.filter(
            Exists(Konseptnotat.objects.filter(eier=OuterRef("pk")))
        ),
        label=_("Owner"),
    )
    mine = django_filters.BooleanFilter(
        label=_("My notes"), method="filtrer_mine", widget=forms.CheckboxInput
    )

    class Meta:
        model = Konseptnotat
        fields = ["q", "status", "portefolje", "seksjon", "eier", "mine"]

    def filtrer_mine(self, queryset, name, value):
        if value:
            return queryset.mine(self.request.user)
        return queryset
