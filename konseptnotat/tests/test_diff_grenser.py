"""Comparing two versions costs a bounded amount of work, and answers have a length."""

import random

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from konseptnotat import services
from konseptnotat.diff import BUDSJETT, ord_diff, seksjonsdiff
from konseptnotat.mal import INNHOLDSFELTER
from konseptnotat.models import SVAR_MAKS_TEGN

from .factories import KonseptnotatFactory
from .test_rediger import _skjema


def _tekst(antall_ord: int, seed: int) -> str:
    tilfeldig = random.Random(seed)
    return " ".join(f"ord{tilfeldig.randrange(10**6)}" for _ in range(antall_ord))


def _gammel_og_ny(diff):
    gammel = "".join(t for art, t in diff.segmenter if art != "lagt_til")
    ny = "".join(t for art, t in diff.segmenter if art != "fjernet")
    return gammel, ny


def test_a_20000_word_rewrite_takes_the_bounded_fallback():
    a, b = _tekst(20_000, 1), _tekst(20_000, 2)
    diff = ord_diff(a, b)
    # Word by word this would be 400 000 000 token pairs; the budget is never exceeded.
    assert diff.for_stor
    assert diff.arbeid <= BUDSJETT
    assert _gammel_og_ny(diff) == (a, b)


def test_a_small_edit_in_a_long_text_is_still_shown_word_by_word():
    a = _tekst(20_000, 3)
    ord_ = a.split(" ")
    ord_[10_000] = "NYTT"
    b = " ".join(ord_)
    diff = ord_diff(a, b)
    assert not diff.for_stor
    assert diff.arbeid <= 10
    assert ("lagt_til", " NYTT") in diff.segmenter
    assert _gammel_og_ny(diff) == (a, b)


def test_changed_lines_are_compared_word_by_word_and_the_rest_by_line():
    a = "Første linje står.\nAndre linje om kjøring.\nTredje linje står."
    b = "Første linje står.\nAndre linje om mindre kjøring.\nTredje linje står."
    diff = ord_diff(a, b)
    assert diff.segmenter == [
        ("lik", "Første linje står.\nAndre linje om"),
        ("lagt_til", " mindre"),
        ("lik", " kjøring.\nTredje linje står."),
    ]


def test_the_whole_note_shares_one_budget():
    fra = {felt: _tekst(900, i) for i, felt in enumerate(INNHOLDSFELTER)}
    til = {felt: _tekst(900, 100 + i) for i, felt in enumerate(INNHOLDSFELTER)}
    felter = [f for seksjon in seksjonsdiff(fra, til) for f in seksjon["felter"]]
    assert sum(f["arbeid"] for f in felter) <= BUDSJETT
    assert any(f["for_stor"] for f in felter)


@pytest.mark.django_db
def test_diff_page_says_when_a_field_was_too_large_to_compare_word_by_word(client):
    notat = KonseptnotatFactory(komplett=True, risiko=_tekst(2_000, 5))
    notat = services.notat_lagre(
        notat=notat, data={"risiko": _tekst(2_000, 6)}, fra_versjon=1, aktor=notat.eier
    )
    client.force_login(notat.eier)
    html = client.get(reverse("konseptnotat:diff", kwargs={"pk": notat.pk})).content.decode()
    assert "For stor til å sammenligne ord for ord" in html


@pytest.mark.django_db
def test_too_long_answer_is_refused_next_to_the_field_and_nothing_is_saved(client):
    notat = KonseptnotatFactory()
    client.force_login(notat.eier)
    url = reverse("konseptnotat:rediger", kwargs={"pk": notat.pk})
    svar = client.post(url, _skjema(notat, risiko="x" * (SVAR_MAKS_TEGN + 1)))
    assert svar.status_code == 200
    feil = svar.context["form"].errors["risiko"][0]
    assert "for langt" in feil and "20000" in feil.replace("\xa0", "").replace(" ", "")
    notat.refresh_from_db()
    assert notat.versjon == 1 and notat.risiko == ""


@pytest.mark.django_db
def test_the_model_refuses_a_too_long_answer_whoever_saves_it():
    notat = KonseptnotatFactory()
    with pytest.raises(ValidationError) as feil:
        services.notat_lagre(
            notat=notat, data={"mal": "x" * 2_400_000}, fra_versjon=1, aktor=notat.eier
        )
    assert "mal" in feil.value.message_dict
