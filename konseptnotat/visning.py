"""How a note's answers read on screen, in print and in a diff: labels and plain-text values."""

from decimal import Decimal, InvalidOperation

from django.utils.formats import number_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from konseptnotat.mal import SEKSJONER
from konseptnotat.models import Konseptnotat
from portefolje.belop import kroner

BELOPSFELTER = {"investering", "arlig_driftskostnad"}


def feltnavn(felt: str) -> str:
    return capfirst(Konseptnotat._meta.get_field(felt).verbose_name)


def _arsbelop_tekst(rader) -> str:
    """One line per year: «2027: investering 500 000 kr, drift 120 000 kr, 3,5 personmåneder»."""
    linjer = []
    for rad in rader:
        if not isinstance(rad, dict) or "ar" not in rad:
            continue
        linjer.append(
            _("%(ar)s: investment %(inv)s, running cost %(drift)s, %(pm)s person-months")
            % {
                "ar": rad["ar"],
                "inv": kroner(rad.get("investering") or 0, ""),
                "drift": kroner(rad.get("drift") or 0, ""),
                "pm": number_format(Decimal(str(rad.get("personmaneder") or 0)), decimal_pos=1),
            }
        )
    return "\n".join(linjer)


def tekst_for(felt: str, verdi) -> str:
    """A field's value as the reader sees it: «Ja»/«Nei», «1 200 000 kr», a list joined."""
    if verdi is None or verdi == "":
        return ""
    if felt == "arsbelop":
        return _arsbelop_tekst(verdi)
    if isinstance(verdi, bool):
        return _("Yes") if verdi else _("No")
    if isinstance(verdi, list | tuple):
        return ", ".join(str(v) for v in verdi)
    if felt in BELOPSFELTER:
        return kroner(verdi, "")
    if felt == "interne_timer":
        try:
            tall = number_format(Decimal(str(verdi)), decimal_pos=0, force_grouping=True)
        except InvalidOperation:
            return str(verdi)
        return tall
    return str(verdi)


def seksjoner_med_verdier(innhold: dict) -> list[dict]:
    """The template's sections with each field's label and displayed value, for `_innhold.html`."""
    resultat = []
    for seksjon in SEKSJONER:
        felter = []
        for felt in seksjon.felter:
            verdi = innhold.get(felt)
            felter.append(
                {
                    "felt": felt,
                    "navn": feltnavn(felt),
                    "tekst": tekst_for(felt, verdi),
                    "lang": (isinstance(verdi, str) and felt not in BELOPSFELTER)
                    or felt == "arsbelop",
                }
            )
        resultat.append({"seksjon": seksjon, "felter": felter})
    return resultat
