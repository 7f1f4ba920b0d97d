"""A member's scores of one note: a 1–5 choice and a comment per criterion."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portefolje.skjema import RenTekstMixin
from velge.beregning import SKALA
from velge.services.vurdering import ENDELIG


def _skala_valg(kriterium):
    valg = []
    for verdi in SKALA:
        anker = getattr(kriterium, f"skala_{verdi}")
        valg.append((str(verdi), f"{verdi} – {anker}" if anker else str(verdi)))
    return valg


class VurderingForm(RenTekstMixin, forms.Form):
    """One 1–5 choice and an optional comment per active criterion."""

    def __init__(self, *args, kriterier, eksisterende=None, endelige=frozenset(), **kwargs):
        """`endelige`: the criteria whose score and comment are final for this member (the
        scoring rule, velge.selectors.synlighet.endelige): shown, never taken from a post."""
        super().__init__(*args, **kwargs)
        self.kriterier, self.endelige = kriterier, set(endelige)
        eksisterende = eksisterende or {}
        for k in kriterier:
            forrige = eksisterende.get(k.pk)
            self.fields[f"poeng_{k.pk}"] = forms.TypedChoiceField(
                label=k.navn,
                help_text=k.beskrivelse,
                choices=_skala_valg(k),
                coerce=int,
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
                initial=str(forrige.poeng) if forrige else None,
                error_messages={
                    "required": _("Choose a score from 1 to 5."),
                    "invalid_choice": _("A score must be a whole number from 1 to 5."),
                },
            )
            self.fields[f"kommentar_{k.pk}"] = forms.CharField(
                label=_("Comment on «%(navn)s» (optional)") % {"navn": k.navn},
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=forrige.kommentar if forrige else "",
            )
            if k.pk in self.endelige:
                self.fields[f"poeng_{k.pk}"].disabled = True
                self.fields[f"kommentar_{k.pk}"].disabled = True

    def clean(self):
        data = super().clean()
        # The page never sends a final score or comment (its fields are disabled); a post that
        # changes one anyway is refused as the service would refuse it, not silently ignored.
        for k in self.kriterier:
            if k.pk not in self.endelige:
                continue
            for navn in (f"poeng_{k.pk}", f"kommentar_{k.pk}"):
                sendt = self.data.get(self.add_prefix(navn))
                if sendt is not None and sendt.strip() != str(self[navn].initial or "").strip():
                    raise forms.ValidationError(ENDELIG)
        return data

    def poeng(self) -> dict[int, tuple[int, str]]:
        return {
            k.pk: (self.cleaned_data[f"poeng_{k.pk}"], self.cleaned_data[f"kommentar_{k.pk}"])
            for k in self.kriterier
        }

    def par(self):
        """(criterion, score field, comment field) for the template."""
        return [(k, self[f"poeng_{k.pk}"], self[f"kommentar_{k.pk}"]) for k in self.kriterier]
