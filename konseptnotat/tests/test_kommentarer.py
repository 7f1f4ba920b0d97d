"""Guidance per section: the guide comments, the owner is notified and resolves it."""

import pytest
from django.urls import reverse

from konseptnotat.models import Kommentar, Status
from portefolje.models import Varsel

from .factories import KonseptnotatFactory

pytestmark = pytest.mark.django_db


def test_guide_comments_on_a_section_and_the_owner_is_notified(client, utvikler):
    notat = KonseptnotatFactory(veileder=utvikler)
    client.force_login(utvikler)
    svar = client.post(
        reverse("konseptnotat:kommentar-ny", kwargs={"pk": notat.pk}),
        {"seksjon": "gevinster", "tekst": "Kan du tallfeste gevinsten?"},
    )
    assert svar.status_code == 302 and svar["Location"].endswith("#seksjon-gevinster")
    k = Kommentar.objects.get()
    assert k.seksjon == "gevinster" and k.forfatter == utvikler
    varsel = Varsel.objects.get(mottaker=notat.eier)
    assert varsel.lenke == notat.get_absolute_url()

    client.force_login(notat.eier)
    svar = client.get(notat.get_absolute_url())
    html = svar.content.decode()
    assert svar.status_code == 200, html[:3000]
    assert "Kan du tallfeste gevinsten?" in html and "Åpen" in html
    svar = client.post(
        reverse("konseptnotat:kommentar-los", kwargs={"pk": notat.pk, "kommentar_id": k.pk})
    )
    assert svar.status_code == 302
    k.refresh_from_db()
    assert k.lost is not None and k.lost_av == notat.eier


def test_empty_comment_and_unknown_section_are_refused_next_to_the_field(client, utvikler):
    notat = KonseptnotatFactory()
    client.force_login(utvikler)
    url = reverse("konseptnotat:kommentar-ny", kwargs={"pk": notat.pk})
    svar = client.post(url, {"seksjon": "mal", "tekst": ""})
    assert svar.status_code == 200 and "tekst" in svar.context["form"].errors
    svar = client.post(url, {"seksjon": "finnes-ikke", "tekst": "x"})
    assert svar.status_code == 200 and "seksjon" in svar.context["form"].errors
    assert not Kommentar.objects.exists()


def test_an_outsider_cannot_resolve_a_comment(client, utvikler, ansatt):
    notat = KonseptnotatFactory(status=Status.INNSENDT)
    k = notat.kommentarer.create(seksjon="mal", tekst="Mål?", forfatter=utvikler)
    client.force_login(ansatt)
    svar = client.post(
        reverse("konseptnotat:kommentar-los", kwargs={"pk": notat.pk, "kommentar_id": k.pk})
    )
    assert svar.status_code == 403
    k.refresh_from_db()
    assert k.lost is None


def test_a_comment_id_from_another_note_is_not_found(client, utvikler):
    a, b = KonseptnotatFactory(), KonseptnotatFactory()
    k = a.kommentarer.create(seksjon="mal", tekst="Mål?")
    client.force_login(utvikler)
    url = reverse("konseptnotat:kommentar-los", kwargs={"pk": b.pk, "kommentar_id": k.pk})
    assert client.post(url).status_code == 404
