"""«Goes to KLG» is one rule: the note's proposal and the chair's decision page agree."""

import pytest
from django.urls import reverse

from portefolje.models import Seksjon
from velge.tests.factories import mote_med_notater

pytestmark = pytest.mark.django_db

GRUNN = "2 seksjoner berøres, så saken går på tvers av seksjoner."


@pytest.fixture
def tverrgaende_notat(portefolje):
    """Owned by the portfolio's section, affecting one other section: two sections in all."""
    mote, [notat] = mote_med_notater(portefolje)
    notat.seksjon = portefolje.seksjon
    notat.save(update_fields=["seksjon"])
    notat.berorte_seksjoner.add(Seksjon.objects.create(navn="Oppvekst", slug="oppvekst"))
    return mote, notat


def test_proposal_and_decision_page_agree_when_owning_section_is_counted(
    client, leder, tverrgaende_notat
):
    mote, notat = tverrgaende_notat
    client.force_login(leder)

    notatside = client.get(reverse("konseptnotat:detalj", args=[notat.pk])).content.decode()
    assert "Løftes til KLG" in notatside and GRUNN in notatside

    beslutt = reverse(
        "velge:beslutt",
        kwargs={"slug": mote.portefolje.slug, "pk": mote.pk, "notat_pk": notat.pk},
    )
    beslutningsside = client.get(beslutt).content.decode()
    assert "Saker som dette løftes normalt til KLG:" in beslutningsside
    assert GRUNN in beslutningsside


def test_one_section_within_threshold_is_not_lifted_on_either_page(client, leder, portefolje):
    mote, [notat] = mote_med_notater(portefolje)
    notat.seksjon = portefolje.seksjon
    notat.save(update_fields=["seksjon"])
    client.force_login(leder)

    notatside = client.get(reverse("konseptnotat:detalj", args=[notat.pk])).content.decode()
    assert "Løftes til KLG" not in notatside
    beslutt = reverse(
        "velge:beslutt",
        kwargs={"slug": mote.portefolje.slug, "pk": mote.pk, "notat_pk": notat.pk},
    )
    assert "løftes normalt til KLG" not in client.get(beslutt).content.decode()
