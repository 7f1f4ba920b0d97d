"""Making and revoking API keys."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from api.models import PREFIKS_LENGDE, ApiNokkel, Tjenestekonto, hash_av
from portefolje.revisjon import logg_hendelse

MAKS_GYLDIG = timedelta(days=366)


def nokkel_opprett(*, bruker, navn: str, gyldig: timedelta, aktor=None) -> tuple[ApiNokkel, str]:
    """A new key for `bruker`; returns the key and its secret, which is never stored or shown
    again. Refuses an inactive user, an empty name and a validity of more than a year or none.
    `aktor` (default: the user) is who made it: an administrator for a service account."""
    navn = (navn or "").strip()
    if not bruker.is_active:
        raise PermissionDenied
    if not navn:
        raise ValidationError(_("Give the key a name, so you know where it is used."))
    if not timedelta(0) < gyldig <= MAKS_GYLDIG:
        raise ValidationError(_("A key is valid for at most a year."))
    hemmelighet = ApiNokkel.ny_hemmelighet()
    with transaction.atomic():
        nokkel = ApiNokkel.objects.create(
            bruker=bruker,
            navn=navn[:100],
            prefiks=hemmelighet[:PREFIKS_LENGDE],
            hash=hash_av(hemmelighet),
            utloper=timezone.now() + gyldig,
        )
        logg_hendelse(
            aktor=aktor or bruker,
            objekt=nokkel,
            handling="api_nokkel_opprettet",
            beskrivelse=_("API key «%(navn)s» made for %(bruker)s")
            % {"navn": nokkel.navn, "bruker": bruker.username},
            data={"prefiks": nokkel.prefiks, "utloper": nokkel.utloper.isoformat()},
        )
    return nokkel, hemmelighet


def nokkel_trekk_tilbake(*, nokkel: ApiNokkel, aktor) -> ApiNokkel:
    """Revoke the key now. Refuses anyone but its owner and staff; revoking twice changes
    nothing (the first time stands)."""
    if not (aktor.is_authenticated and (aktor.pk == nokkel.bruker_id or aktor.is_staff)):
        raise PermissionDenied
    with transaction.atomic():
        nokkel = ApiNokkel.objects.select_for_update().get(pk=nokkel.pk)
        if nokkel.trukket_tilbake is not None:
            return nokkel
        nokkel.trukket_tilbake = timezone.now()
        nokkel.save(update_fields=["trukket_tilbake"])
        logg_hendelse(
            aktor=aktor,
            objekt=nokkel,
            handling="api_nokkel_trukket_tilbake",
            beskrivelse=_("API key «%(navn)s» revoked") % {"navn": nokkel.navn},
            data={"prefiks": nokkel.prefiks},
        )
    return nokkel


def tjenestekonto_opprett(*, brukernavn: str, portefoljer, beskrivelse: str = "", aktor):
    """A service account: a user without password or roles, reading `portefoljer`. Refuses a
    user name that is taken, and anyone but staff."""
    if not getattr(aktor, "is_staff", False):
        raise PermissionDenied
    Bruker = get_user_model()
    if Bruker.objects.filter(username=brukernavn).exists():
        raise ValidationError(_("The user name is taken."))
    with transaction.atomic():
        bruker = Bruker(username=brukernavn, first_name=brukernavn)
        bruker.set_unusable_password()
        try:
            # Another administrator may take the name between the check above and this save.
            with transaction.atomic():
                bruker.save()
        except IntegrityError:
            raise ValidationError(_("The user name is taken.")) from None
        konto = Tjenestekonto.objects.create(bruker=bruker, beskrivelse=beskrivelse)
        konto.portefoljer.set(portefoljer)
        logg_hendelse(
            aktor=aktor,
            objekt=konto,
            handling="tjenestekonto_opprettet",
            beskrivelse=_("Service account %(navn)s made") % {"navn": brukernavn},
            data={"portefoljer": [p.slug for p in portefoljer]},
        )
    return konto
