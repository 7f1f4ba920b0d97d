"""Begrunne's blocks on the start page. One query per block, whatever the amount of data."""

from django.urls import reverse
from django.utils.translation import gettext as _

from konseptnotat import selectors
from konseptnotat.models import Status
from portefolje.permissions import er_utvikler
from portefolje.startside import FOLGER, Blokk, Oppgave


def blokker(user) -> list[Blokk]:
    if not user.is_authenticated:
        return []
    resultat = [*_bestilte(user), _mine(user)]
    if er_utvikler(user):
        resultat.append(_innsendte())
    return resultat


def _bestilte(user) -> list[Blokk]:
    bestilte = selectors.bestilte_innspill(user)
    if not bestilte:
        return []
    ny = reverse("konseptnotat:ny")
    return [
        Blokk(
            tittel=_("Concept notes ordered from you"),
            rekkefolge=15,
            oppgaver=[
                Oppgave(
                    tekst=_("Write a concept note: %(tittel)s") % {"tittel": i.tittel},
                    lenke=f"{ny}?innspill={i.pk}",
                )
                for i in bestilte
            ],
        )
    ]


def _mine(user) -> Blokk:
    return Blokk(
        tittel=_("My concept notes"),
        rekkefolge=20,
        del_=FOLGER,
        oppgaver=[
            Oppgave(
                tekst=f"{n.tittel} ({n.get_status_display().lower()})",
                lenke=n.get_absolute_url(),
            )
            for n in selectors.mine_pagaende(user)
        ],
        mer_lenke=f"{reverse('konseptnotat:liste')}?mine=on",
        tom_tekst=_("You have no concept notes in progress."),
    )


def _innsendte() -> Blokk:
    innsendte = selectors.innsendte()
    return Blokk(
        tittel=_("Notes to guide or assess"),
        rekkefolge=25,
        oppgaver=[Oppgave(tekst=n.tittel, lenke=n.get_absolute_url()) for n in innsendte],
        antall=innsendte[0].i_alt if innsendte else 0,
        mer_lenke=f"{reverse('konseptnotat:liste')}?status={Status.INNSENDT}",
        tom_tekst=_("No submitted notes are waiting."),
    )
