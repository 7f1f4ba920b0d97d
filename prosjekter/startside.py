"""Styre's blocks on the start page: «Mine prosjekter» and «Porteføljen på et blikk»."""

from django.urls import reverse
from django.utils.translation import gettext as _

from portefolje.farger import Farge
from portefolje.startside import Blokk, Oppgave
from prosjekter import selectors
from prosjekter.models import Prosjekt, Tilstand

MAKS_MINE = 8


def blokker(user) -> list[Blokk]:
    """Two queries for «Mine prosjekter», two for the portfolio at a glance, whatever the size."""
    if not user.is_authenticated:
        return []
    mine = list(
        selectors.med_siste_status(
            Prosjekt.objects.mine(user).exclude(tilstand=Tilstand.AVSLUTTET)
        ).order_by("nummer")[:MAKS_MINE]
    )
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
    liste = reverse("prosjekter:liste")
    resultat = []
    if mine:
        resultat.append(
            Blokk(
                tittel=_("My projects"),
                rekkefolge=40,
                oppgaver=oppgaver,
                mer_lenke=f"{liste}?visning=mine",
            )
        )
    alle = Prosjekt.objects.all()
    tilstander = selectors.tilstandstall(alle)
    fargetall = selectors.fargetall(alle)
    blikk = [
        Oppgave(tekst=f"{label}: {tilstander.get(verdi, 0)}", lenke=f"{liste}?tilstand={verdi}")
        for verdi, label in Tilstand.choices
    ]
    blikk += [
        Oppgave(
            tekst=_("Active, latest status %(farge)s: %(antall)s")
            % {"farge": label.lower(), "antall": fargetall.get(verdi, 0)},
            lenke=f"{liste}?visning=status&farge={verdi}",
        )
        for verdi, label in Farge.choices
    ]
    resultat.append(
        Blokk(
            tittel=_("The portfolio at a glance"),
            rekkefolge=50,
            oppgaver=blikk,
            mer_lenke=f"{liste}?visning=status",
        )
    )
    return resultat
