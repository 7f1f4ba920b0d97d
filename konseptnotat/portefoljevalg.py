"""Which portfolio a concept note belongs to: its section's, or KLG for large and shared cases.

`foreslag` is a pure function of the facts, so the rule is tested without a database;
`foreslag_for` gathers the facts for one note. This is the one home of «goes to KLG»: the note's
page proposes with it, and Velge's decision page tells the chair with it.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from portefolje.belop import kroner
from portefolje.models import Portefolje
from portefolje.models.organisasjon import KLG_SLUG


@dataclass(frozen=True)
class Forslag:
    portefolje: object  # a Portefolje, or None when not even KLG exists
    til_klg: bool
    grunner: tuple[str, ...]


def foreslag(
    *,
    seksjonens_portefolje,
    klg,
    berorte_seksjoner: set,
    investering: Decimal | None,
    arlig_driftskostnad: Decimal | None,
) -> Forslag:
    """Propose the owning section's portfolio, or KLG with the reasons why.

    `berorte_seksjoner` is every section affected, the owning section included. More than one,
    or investment plus yearly running cost above the section portfolio's threshold, lifts the
    note to KLG. A note with no section portfolio also goes to KLG, which spans all sections.
    """
    grunner = []
    if len(berorte_seksjoner) > 1:
        grunner.append(
            _("%(antall)s sections are affected, so the case spans sections.")
            % {"antall": len(berorte_seksjoner)}
        )
    kostnad = (investering or Decimal(0)) + (arlig_driftskostnad or Decimal(0))
    if seksjonens_portefolje is None:
        grunner.append(_("The owning section has no portfolio of its own."))
    elif kostnad > seksjonens_portefolje.kostnadsterskel:
        grunner.append(
            _(
                "Investment plus yearly running cost (%(kostnad)s) is above the cost "
                "threshold of %(portefolje)s (%(terskel)s)."
            )
            % {
                "kostnad": kroner(kostnad),
                "portefolje": seksjonens_portefolje,
                "terskel": kroner(seksjonens_portefolje.kostnadsterskel),
            }
        )
    if grunner:
        return Forslag(portefolje=klg, til_klg=True, grunner=tuple(grunner))
    return Forslag(portefolje=seksjonens_portefolje, til_klg=False, grunner=())


def foreslag_for(notat) -> Forslag:
    """The proposal for one saved note (a few queries)."""
    seksjoner = {s.pk for s in notat.berorte_seksjoner.all()}
    if notat.seksjon_id:
        seksjoner.add(notat.seksjon_id)
    seksjonens = (
        Portefolje.objects.aktive().filter(seksjon_id=notat.seksjon_id).first()
        if notat.seksjon_id
        else None
    )
    return foreslag(
        seksjonens_portefolje=seksjonens,
        klg=Portefolje.objects.filter(slug=KLG_SLUG).first(),
        berorte_seksjoner=seksjoner,
        investering=notat.investering,
        arlig_driftskostnad=notat.arlig_driftskostnad,
    )
