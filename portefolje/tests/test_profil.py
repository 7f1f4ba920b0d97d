"""«Min profil»: reached from the user menu, shows the person's roles and the apps' sections."""

import pytest
from django.urls import reverse

from portefolje import profil
from portefolje.profil import Profilseksjon

pytestmark = pytest.mark.django_db


def test_the_user_menu_leads_to_the_profile_with_the_roles(medlem, portefolje, klient_for):
    klient = klient_for(medlem)
    start = klient.get(reverse("startside")).content.decode()
    assert f'href="{reverse("profil")}"' in start
    side = klient.get(reverse("profil")).content.decode()
    assert portefolje.navn in side
    assert "Medlem" in side


def test_a_registered_section_appears_only_when_its_provider_answers(ansatt, klient_for):
    def seksjon(request):
        if request.user.username != ansatt.username:
            return None
        return Profilseksjon(tittel="Testseksjon", mal="partials/sidevalg.html", rekkefolge=1)

    profil.registrer(seksjon)
    try:
        assert "Testseksjon" in klient_for(ansatt).get(reverse("profil")).content.decode()
    finally:
        profil._providers.remove(seksjon)
    assert "Testseksjon" not in klient_for(ansatt).get(reverse("profil")).content.decode()
