"""What the workflows share: the refusals, JSON-safe values, telling the authors, copying
answers."""

from decimal import Decimal

from django.utils.translation import gettext as _

from konseptnotat.mal import INNHOLDSFELTER, SEKSJON_ETTER_NOKKEL
from konseptnotat.models import (
    Konseptnotat,
)
from portefolje.varsler import varsel_opprett

# Fields the authors write, besides the template's answers.
M2M_FELTER = {"berorte_seksjoner"}


class NotatFeil(Exception):
    """A workflow step that is not allowed; the message is for the user."""


class Ufullstendig(NotatFeil):
    """The note lacks required answers; `mangler` maps section key to its empty fields."""

    def __init__(self, mangler: dict[str, list[str]]):
        self.mangler = mangler
        titler = ", ".join(str(SEKSJON_ETTER_NOKKEL[n].tittel) for n in mangler)
        super().__init__(
            _("The note cannot be submitted yet. Missing answers in: %(seksjoner)s.")
            % {"seksjoner": titler}
        )


def _som_json(verdi):
    if isinstance(verdi, Decimal):
        return str(verdi)
    return verdi


def _varsle_forfattere(*, notat, aktor, type: str, tittel: str, tekst: str, periode: str):
    """Notify the owner and co-authors, except whoever did it. Each person's settings for the
    kind decide the e-mail, which the core queues when the transaction commits."""
    mottakere = [notat.eier, *notat.medforfattere.all()]
    for mottaker in mottakere:
        if getattr(aktor, "pk", None) == mottaker.pk:
            continue
        varsel_opprett(
            mottaker=mottaker,
            type=type,
            objekt=notat,
            tittel=tittel,
            tekst=tekst,
            lenke=notat.get_absolute_url(),
            periode=periode,
        )


def _bruker_eller_none(aktor):
    return aktor if getattr(aktor, "is_authenticated", False) else None


def _sett_felter(notat: Konseptnotat, data: dict) -> list:
    """Copy the template's answers from `data` onto the note; returns the M2M values to set."""
    m2m = {}
    for felt in ("tittel", "seksjon", *INNHOLDSFELTER):
        if felt not in data:
            continue
        if felt in M2M_FELTER:
            m2m[felt] = data[felt]
        else:
            setattr(notat, felt, data[felt])
    return m2m
