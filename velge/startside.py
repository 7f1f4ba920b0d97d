"""Velge's blocks on the start page: «Venter på din vurdering» and «Neste møter»."""

from django.urls import reverse
from django.utils.translation import gettext as _

from portefolje import startside
from velge import selectors

MAKS = 8


@startside.registrer
def blokker(user) -> list[startside.Blokk]:
    """Two queries: the agenda items waiting for the user's scores, and their next meetings."""
    if not user.is_authenticated:
        return []
    venter = list(selectors.venter_pa_vurdering(user)[:MAKS])
    moter = list(selectors.neste_moter(user)[:MAKS])
    if not venter and not moter:
        return []
    return [
        startside.Blokk(
            tittel=_("Awaiting your score"),
            rekkefolge=20,
            oppgaver=[
                startside.Oppgave(
                    tekst=f"{p.notat.tittel} ({p.mote.portefolje.navn})",
                    lenke=reverse(
                        "velge:vurder",
                        kwargs={
                            "slug": p.mote.portefolje.slug,
                            "pk": p.mote_id,
                            "notat_pk": p.notat_id,
                        },
                    ),
                    frist=p.mote.dato,
                )
                for p in venter
            ],
            tom_tekst=_("You have scored every note on your coming meetings."),
        ),
        startside.Blokk(
            tittel=_("Next meetings"),
            rekkefolge=30,
            oppgaver=[
                startside.Oppgave(
                    tekst=f"{m.portefolje.navn}: {m.dato:%d.%m.%Y}"
                    + (f" – {m.tittel}" if m.tittel else ""),
                    lenke=reverse("velge:mote", kwargs={"slug": m.portefolje.slug, "pk": m.pk}),
                )
                for m in moter
            ],
            tom_tekst=_("No meetings are planned in your portfolios."),
        ),
    ]
