"""The concept note's template, defined once: change a section's wording or order here only.

Every screen (form, detail, print view, PDF, version diff, meeting pack) and the completeness
check read this list. Each section names the model fields that hold its answer.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Seksjon:
    nokkel: str  # stable id, used in URLs and for comments per section
    tittel: str
    hjelp: str  # what a good answer contains
    felter: tuple[str, ...]  # model fields, in the order they are shown
    pakrevd: tuple[str, ...]  # fields that must be filled before the note can be submitted


SEKSJONER: tuple[Seksjon, ...] = (
    Seksjon(
        "bakgrunn",
        _("Background and need"),
        _(
            "Describe today's situation and the problem or opportunity. Who is affected, how "
            "often, and what happens if nothing is done? Use figures where you have them."
        ),
        ("bakgrunn_og_behov",),
        ("bakgrunn_og_behov",),
    ),
    Seksjon(
        "mal",
        _("Goals"),
        _("What should be different when the work is done? Goals that can be measured are best."),
        ("mal",),
        ("mal",),
    ),
    Seksjon(
        "gevinster",
        _("Expected benefits"),
        _(
            "Which benefits do you expect, for whom, and when? Tick the kinds that apply: money "
            "saved, time saved, or better quality for citizens and employees."
        ),
        ("forventede_gevinster", "gevinst_okonomisk", "gevinst_tid_spart", "gevinst_kvalitativ"),
        ("forventede_gevinster",),
    ),
    Seksjon(
        "alternativer",
        _("Alternatives"),
        _(
            "Which other ways to meet the need did you consider? Always include the zero "
            "alternative: what happens if we carry on as today."
        ),
        ("alternativer",),
        ("alternativer",),
    ),
    Seksjon(
        "kostnader",
        _("Costs and resource needs"),
        _(
            "Give the one-off investment and the yearly running cost in kroner, and the internal "
            "hours needed, and the same per year of the økonomiplan (the portfolio weighs them "
            "against its frames). Explain what the figures build on."
        ),
        ("kostnader", "investering", "arlig_driftskostnad", "interne_timer", "arsbelop"),
        ("investering", "arlig_driftskostnad", "interne_timer"),
    ),
    Seksjon(
        "risiko",
        _("Risk"),
        _("What could stop the work or reduce the benefit, and what can be done about it?"),
        ("risiko",),
        ("risiko",),
    ),
    Seksjon(
        "forankring",
        _("Anchoring in strategy, plan or decision"),
        _("Which strategy, plan or political decision does this follow up? Give the reference."),
        ("forankring",),
        ("forankring",),
    ),
    Seksjon(
        "interessenter",
        _("Sections and stakeholders affected"),
        _(
            "Which sections, services, partners and user groups are affected, and have they "
            "been involved? Mark every section affected: more than one sends the note to KLG."
        ),
        ("berorte_seksjoner", "interessenter"),
        ("interessenter",),
    ),
    Seksjon(
        "avhengigheter",
        _("Dependencies"),
        _("Does this depend on other projects, systems, agreements or decisions?"),
        ("avhengigheter",),
        (),
    ),
    Seksjon(
        "tidsplan",
        _("Rough schedule"),
        _("When could the work start, roughly how long will it take, and are there deadlines?"),
        ("tidsplan",),
        ("tidsplan",),
    ),
)

SEKSJON_ETTER_NOKKEL = {s.nokkel: s for s in SEKSJONER}
# The template's fields in order; a version's content is a dict of exactly these.
INNHOLDSFELTER: tuple[str, ...] = ("tittel",) + tuple(f for s in SEKSJONER for f in s.felter)


def _tom(verdi) -> bool:
    if verdi is None:
        return True
    if isinstance(verdi, str):
        return not verdi.strip()
    if isinstance(verdi, list | tuple | set):
        return not verdi
    return False  # numbers (0 included) and booleans are answers


def mangler_i(innhold: dict) -> dict[str, list[str]]:
    """The required fields still empty in `innhold`, per section key, in the template's order.

    An empty dict means the note is complete enough to submit. Zero is an answer (a note may
    honestly need no investment); an empty or blank text is not.
    """
    return {
        seksjon.nokkel: mangler
        for seksjon in SEKSJONER
        if (mangler := [felt for felt in seksjon.pakrevd if _tom(innhold.get(felt))])
    }
