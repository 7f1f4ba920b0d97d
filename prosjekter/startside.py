"""Styre's blocks on the start page: status reports due and benefits to measure («Venter på
meg»), «Mine prosjekter» (what I follow) and «Porteføljen på et blikk» as status chips."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portefolje.farger import Farge
from portefolje.startside import BLIKK, FOLGER, Blokk, Brikke, Oppgave
from prosjekter import selectors
from prosjekter.models import Prosjekt, Tilstand

MAKS_MINE = 8
# A report or a measurement shows as waiting this long before it is due.
VARSEL = timedelta(days=14)


def blokker(user) -> list[Blokk]:
    """One query for the person's projects (both her due reports and «Mine prosjekter»), one for
    the benefits to measure, two for the portfolio at a glance, whatever the size."""
    if not user.is_authenticated:
        return []
    mine = list(
        selectors.med_siste_status(
            Prosjekt.objects.mine(user).exclude(tilstand=Tilstand.AVSLUTTET)
        ).order_by("nummer")
    )
    innen = timezone.localdate() + VARSEL
    resultat = [_rapporter(user, mine, innen), _malinger(user, innen)]
    if mine:
        resultat.append(_mine(mine[:MAKS_MINE]))
    resultat.append(_blikk())
    return [blokk for blokk in resultat if blokk is not None]


def _rapporter(user, mine, innen) -> Blokk | None:
    """The status reports the person writes (as manager, or as owner of a project without one)
    that are due within `VARSEL` or overdue; each link opens the report's form."""
    skriver = [
        p
        for p in mine
        if p.prosjektleder_id == user.pk
        or (p.prosjektleder_id is None and p.prosjekteier_id == user.pk)
    ]
    if not skriver:
        return None
    oppgaver = []
    for p in skriver:
        frist = selectors.neste_rapportfrist(p)
        if frist is not None and frist <= innen:
            oppgaver.append(
                Oppgave(
                    tekst=f"{p.nummer} {p.tittel}",
                    lenke=reverse("prosjekter:rapport-ny", kwargs={"pk": p.pk}),
                    frist=frist,
                )
            )
    return Blokk(
        tittel=_("Status reports due"),
        rekkefolge=12,
        oppgaver=sorted(oppgaver, key=lambda o: o.frist),
        tom_tekst=_("No status report is due in the next two weeks."),
    )


def _malinger(user, innen) -> Blokk | None:
    indikatorer = selectors.indikatorer_a_male(user, innen=innen)
    if not indikatorer:
        return None
    return Blokk(
        tittel=_("Benefits to measure"),
        rekkefolge=14,
        oppgaver=[
            Oppgave(
                tekst=f"{i.navn} ({i.gevinst.tittel}, {i.gevinst.prosjekt.tittel})",
                lenke=reverse("prosjekter:maling-ny", kwargs={"pk": i.gevinst.prosjekt_id})
                + f"?indikator={i.pk}",
                frist=i.frist,
            )
            for i in indikatorer
        ],
    )


def _mine(mine) -> Blokk:
    farger = dict(Farge.choices)
    oppgaver = []
    for p in mine:
        farge = farger.get(p.siste_farge or "gra")
        tekst = _("%(prosjekt)s – %(tilstand)s, status: %(farge)s") % {
            "prosjekt": f"{p.nummer} {p.tittel}",
            "tilstand": p.get_tilstand_display(),
            "farge": farge,
        }
        frist = selectors.neste_rapportfrist(p)
        if selectors.rapport_forfalt(p):
            tekst += " – " + _("status report due")
        oppgaver.append(Oppgave(tekst=tekst, lenke=p.get_absolute_url(), frist=frist))
    return Blokk(
        tittel=_("My projects"),
        rekkefolge=40,
        del_=FOLGER,
        oppgaver=oppgaver,
        mer_lenke=f"{reverse('prosjekter:liste')}?visning=mine",
    )


def _blikk() -> Blokk:
    """Chips: projects per state, and active projects per latest status colour, each a link to
    the overview filtered on it (prosjekter/filters.py)."""
    liste = reverse("prosjekter:liste")
    alle = Prosjekt.objects.all()
    tilstander = selectors.tilstandstall(alle)
    fargetall = selectors.fargetall(alle)
    brikker = [
        Brikke(tekst=label, antall=tilstander.get(verdi, 0), lenke=f"{liste}?tilstand={verdi}")
        for verdi, label in Tilstand.choices
    ]
    brikker += [
        Brikke(
            tekst=_("Active, latest status %(farge)s") % {"farge": label.lower()},
            antall=fargetall.get(verdi, 0),
            lenke=f"{liste}?visning=status&farge={verdi}",
            farge=verdi,
        )
        for verdi, label in Farge.choices
    ]
    return Blokk(
        tittel=_("The portfolio at a glance"),
        rekkefolge=50,
        del_=BLIKK,
        brikker=brikker,
        mer_lenke=f"{liste}?visning=status",
    )
