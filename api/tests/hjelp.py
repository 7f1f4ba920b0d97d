"""Shared by the API's tests: the demo roles, a service account, and the rule per resource."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from api.services import nokkel_opprett, tjenestekonto_opprett
from portefolje.models import Portefolje

# The demo roles the walk tries (besides anonymous and the service account).
ROLLER = {
    "utenforstaende": None,  # made by the walk: logged in, no role, not in the team
    "medlem": "omsorgsleder",  # member of «Helse og omsorg»
    "leder": "helseleder",  # chair of «Helse og omsorg», member of KLG
    "utvikler": "utvikler",  # the development team (secretary of KLG and Helse)
    "prosjektleder": "prosjektleder",
    "initiativtaker": "initiativtaker",
}
KONTOENS_PORTEFOLJE = "helse-og-omsorg"


def lag_tjenestekonto(slug: str = KONTOENS_PORTEFOLJE):
    admin = get_user_model().objects.filter(is_superuser=True).first() or get_user_model()(
        is_staff=True
    )
    admin.is_staff = True
    konto = tjenestekonto_opprett(
        brukernavn=f"powerbi-{slug}",
        portefoljer=[Portefolje.objects.get(slug=slug)],
        aktor=admin,
    )
    return konto


def klient_med_nokkel(bruker) -> APIClient:
    _nokkel, hemmelighet = nokkel_opprett(bruker=bruker, navn="Test", gyldig=timedelta(days=1))
    klient = APIClient()
    klient.credentials(HTTP_AUTHORIZATION=f"Token {hemmelighet}")
    return klient


def alt(klient, sti: str, **params) -> list[dict]:
    """Every row of a list (the demo data fits in one page of 1000)."""
    svar = klient.get(sti, {"per_side": 1000, **params})
    assert svar.status_code == 200, (sti, svar.status_code, svar.content[:300])
    data = svar.json()
    assert data["next"] is None
    return data["results"]
