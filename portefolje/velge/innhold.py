"""A concept note version's content laid out by the template's sections (konseptnotat/mal.py),
for the meeting pack. (The Begrunne phase's own include `konseptnotat/_innhold.html` can replace
this once both branches are merged.)"""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from konseptnotat.mal import SEKSJONER
from konseptnotat.models import Konseptnotat

TALLFELTER = {"investering", "arlig_driftskostnad", "interne_timer"}


@dataclass(frozen=True)
class Felt:
    etikett: str
    verdi: str
    lang: bool  # free text, shown as paragraphs


def _tekst(felt: str, verdi) -> str:
    if verdi is None or verdi == "" or verdi == []:
        return "–"
    if isinstance(verdi, bool):
        return _("Yes") if verdi else _("No")
    if isinstance(verdi, list):
        return ", ".join(str(v) for v in verdi)
    if felt in TALLFELTER:
        try:
            return number_format(int(float(verdi)), force_grouping=True)
        except (TypeError, ValueError):
            return str(verdi)
    return str(verdi)


def seksjoner(innhold: dict) -> list[tuple[str, list[Felt]]]:
    """[(section title, [Felt, ...]), ...] in the template's order."""
    resultat = []
    for seksjon in SEKSJONER:
        felter = []
        for navn in seksjon.felter:
            modellfelt = Konseptnotat._meta.get_field(navn)
            lang = modellfelt.get_internal_type() == "TextField"
            felter.append(
                Felt(
                    str(modellfelt.verbose_name).capitalize(), _tekst(navn, innhold.get(navn)), lang
                )
            )
        resultat.append((str(seksjon.tittel), felter))
    return resultat
