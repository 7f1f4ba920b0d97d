"""Begrunne's blocks on the start page. One query per block, whatever the amount of data."""

from django.urls import reverse
from django.utils.translation import gettext as _

from ideer.models import Innspill
from ideer.models import Status as InnspillStatus
from konseptnotat.models import Konseptnotat, Status
from portefolje.permissions import er_utvikler
from portefolje.startside import Blokk, Oppgave

ANTALL = 5


def blokker(user) -> list[Blokk]:
    if not user.is_authenticated:
        return []
    liste = reverse("konseptnotat:liste")
    resultat = []

    bestilte = list(
        Innspill.objects.filter(
            initiativtaker=user,
            status=InnspillStatus.KONSEPTNOTAT_BESTILT,
            konseptnotater__isnull=True,
        ).order_by("-endret")[:ANTALL]
    )
    if bestilte:
        ny = reverse("konseptnotat:ny")
        resultat.append(
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
        )

    mine = (
        Konseptnotat.objects.mine(user)
        .exclude(status=Status.BEHANDLET)
        .order_by("-endret", "-id")[:ANTALL]
    )
    resultat.append(
        Blokk(
            tittel=_("My concept notes"),
            rekkefolge=20,
            oppgaver=[
                Oppgave(
                    tekst=f"{n.tittel} ({n.get_status_display().lower()})",
                    lenke=n.get_absolute_url(),
                )
                for n in mine
            ],
            mer_lenke=f"{liste}?mine=on",
            tom_tekst=_("You have no concept notes in progress."),
        )
    )

    if er_utvikler(user):
        innsendte = Konseptnotat.objects.filter(status=Status.INNSENDT).order_by(
            "-innsendt", "-id"
        )[:ANTALL]
        resultat.append(
            Blokk(
                tittel=_("Notes to guide or assess"),
                rekkefolge=25,
                oppgaver=[Oppgave(tekst=n.tittel, lenke=n.get_absolute_url()) for n in innsendte],
                mer_lenke=f"{liste}?status={Status.INNSENDT}",
                tom_tekst=_("No submitted notes are waiting."),
            )
        )
    return resultat
