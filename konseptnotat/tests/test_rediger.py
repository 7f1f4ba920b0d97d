"""The edit screen: saving, submitting with the completeness check, bad input, stale edits."""

import re

import pytest
from django.urls import reverse

from konseptnotat.models import Konseptnotat, Status

from .factories import KOMPLETT, KonseptnotatFactory

pytestmark = pytest.mark.django_db


def _skjema(notat, **endringer):
    data = {"tittel": notat.tittel, "fra_versjon": notat.versjon}
    for felt in KOMPLETT:
        data[felt] = getattr(notat, felt) if getattr(notat, felt) is not None else ""
    data.update(endringer)
    return {k: ("" if v is None else v) for k, v in data.items()}


def test_owner_saves_a_new_version(client):
    notat = KonseptnotatFactory()
    client.force_login(notat.eier)
    url = reverse("konseptnotat:rediger", kwargs={"pk": notat.pk})
    svar = client.post(url, _skjema(notat, mal="Et mål"))
    assert svar.status_code == 302
    notat.refresh_from_db()
    assert notat.mal == "Et mål" and notat.versjon == 2


@pytest.mark.parametrize(
    ("felt", "verdi", "melding"),
    [
        ("investering", "-5", "negativ"),
        ("arlig_driftskostnad", "-1", "negativ"),
        ("investering", "mange penger", "tall"),
        ("interne_timer", "ti", "tall"),
        ("interne_timer", "-3", "0"),
    ],
)
def test_bad_numbers_are_refused_next_to_the_field_and_the_text_is_kept(
    client, felt, verdi, melding
):
    notat = KonseptnotatFactory()
    client.force_login(notat.eier)
    url = reverse("konseptnotat:rediger", kwargs={"pk": notat.pk})
    svar = client.post(url, _skjema(notat, **{felt: verdi, "risiko": "Min nye risikotekst"}))
    assert svar.status_code == 200
    feil = svar.context["form"].errors[felt][0]
    assert melding in feil.lower()
    assert "Min nye risikotekst" in svar.content.decode()
    assert f'aria-describedby="error_1_id_{felt}' in svar.content.decode() or (
        f"error_1_id_{felt}" in svar.content.decode()
    )
    notat.refresh_from_db()
    assert notat.versjon == 1 and notat.risiko == ""


def test_submitting_an_incomplete_note_says_what_is_missing_per_section(client):
    notat = KonseptnotatFactory()
    client.force_login(notat.eier)
    svar = client.post(reverse("konseptnotat:send-inn", kwargs={"pk": notat.pk}))
    assert svar.status_code == 200
    html = svar.content.decode()
    assert "Mål" in html and 'href="#id_mal"' in html
    feil = svar.context["form"].errors
    assert "mal" in feil and "investering" in feil and "bakgrunn_og_behov" not in feil
    notat.refresh_from_db()
    assert notat.status == Status.UTKAST


def test_save_and_submit_in_one_step(client, utvikler):
    notat = KonseptnotatFactory(veileder=utvikler)
    client.force_login(notat.eier)
    data = _skjema(notat, **KOMPLETT) | {"send_inn": "1"}
    svar = client.post(reverse("konseptnotat:rediger", kwargs={"pk": notat.pk}), data)
    assert svar.status_code == 302
    notat.refresh_from_db()
    assert notat.status == Status.INNSENDT and notat.versjon == 2


def test_save_and_submit_incomplete_saves_but_does_not_submit(client):
    notat = KonseptnotatFactory()
    client.force_login(notat.eier)
    data = _skjema(notat, mal="Nytt mål") | {"send_inn": "1"}
    svar = client.post(reverse("konseptnotat:rediger", kwargs={"pk": notat.pk}), data)
    assert svar.status_code == 200
    notat.refresh_from_db()
    assert notat.status == Status.UTKAST and notat.mal == "Nytt mål"
    # The form now builds on the saved version, so saving again is not a conflict.
    assert svar.context["form"]["fra_versjon"].value() == "2"


def test_stale_edit_is_refused_and_both_texts_are_shown(client, lag_bruker):
    notat = KonseptnotatFactory(mal="Opprinnelig")
    kollega = lag_bruker("kollega")
    notat.medforfattere.add(kollega)
    url = reverse("konseptnotat:rediger", kwargs={"pk": notat.pk})
    gammelt_skjema = _skjema(notat)

    client.force_login(kollega)
    assert client.post(url, _skjema(notat, mal="Kollegaens mål")).status_code == 302

    client.force_login(notat.eier)
    svar = client.post(url, gammelt_skjema | {"mal": "Eierens mål"})
    assert svar.status_code == 409
    html = svar.content.decode()
    assert "Eierens mål" in html  # their text stays in the form
    assert "Kollegaens mål" in html  # the saved text beside it
    assert "version 2" in html or "versjon 2" in html
    notat.refresh_from_db()
    assert notat.mal == "Kollegaens mål" and notat.versjon == 2
    # After merging, a save from the form as shown succeeds.
    data = dict(svar.context["form"].data.items())
    data["mal"] = "Sammenslått mål"
    assert client.post(url, data).status_code == 302
    notat.refresh_from_db()
    assert notat.mal == "Sammenslått mål" and notat.versjon == 3


def test_new_note_from_an_input_carries_its_text(client, lag_bruker, seksjon):
    from ideer.models import Innspill

    initiativtaker = lag_bruker("initiativtaker")
    innspill = Innspill.objects.create(
        tittel="Digitalt tilsyn",
        beskrivelse="Nattbesøk vekker brukerne.",
        losningsforslag="Sensorer.",
        forventet_gevinst="Bedre søvn.",
        opphav="medarbeidere",
        kanal="portal",
        initiativtaker=initiativtaker,
        status="konseptnotat_bestilt",
    )
    innspill.seksjoner.add(seksjon)
    client.force_login(initiativtaker)
    url = reverse("konseptnotat:ny") + f"?innspill={innspill.pk}"
    svar = client.get(url)
    html = svar.content.decode()
    assert "Nattbesøk vekker brukerne." in html and "Sensorer." in html
    svar = client.post(
        url, {"tittel": "Digitalt tilsyn", "bakgrunn_og_behov": "Nattbesøk vekker brukerne."}
    )
    assert svar.status_code == 302
    notat = Konseptnotat.objects.get()
    assert notat.eier == initiativtaker and list(notat.innspill.all()) == [innspill]


def test_someone_else_cannot_start_from_an_input_they_have_nothing_to_do_with(client, ansatt):
    from ideer.models import Innspill

    innspill = Innspill.objects.create(
        tittel="X", beskrivelse="Y", opphav="innbyggere", kanal="offentlig_skjema"
    )
    client.force_login(ansatt)
    url = reverse("konseptnotat:ny")
    assert client.get(f"{url}?innspill={innspill.pk}").status_code == 403
    assert client.get(f"{url}?innspill=abc").status_code == 404


def test_a_new_note_needs_a_title(client, ansatt):
    client.force_login(ansatt)
    svar = client.post(reverse("konseptnotat:ny"), {"tittel": ""})
    assert svar.status_code == 200 and "tittel" in svar.context["form"].errors
    assert not Konseptnotat.objects.exists()


def test_text_is_kept_when_the_note_was_submitted_while_editing(client, lag_bruker):
    notat = KonseptnotatFactory(komplett=True)
    skjema = _skjema(notat, risiko="Min uferdige risikotekst")
    notat.status = Status.INNSENDT
    notat.save()
    client.force_login(notat.eier)
    svar = client.post(reverse("konseptnotat:rediger", kwargs={"pk": notat.pk}), skjema)
    assert svar.status_code == 409
    assert "Min uferdige risikotekst" in svar.content.decode()
    notat.refresh_from_db()
    assert notat.risiko != "Min uferdige risikotekst" and notat.versjon == 1


def test_a_note_started_from_an_input_belongs_to_the_inputs_section(client, lag_bruker, portefolje):
    """The owning section comes from the input, not from the author's profile."""
    from ideer.models import Innspill
    from portefolje.models import Profil, Seksjon

    initiativtaker = lag_bruker("initiativtaker")
    it = Seksjon.objects.create(navn="IT og digitalisering", slug="it")
    Profil.objects.update_or_create(bruker=initiativtaker, defaults={"seksjon": it})
    innspill = Innspill.objects.create(
        tittel="Digitalt tilsyn",
        beskrivelse="Nattbesøk vekker brukerne.",
        opphav="medarbeidere",
        kanal="portal",
        initiativtaker=initiativtaker,
        status="konseptnotat_bestilt",
        portefolje=portefolje,
    )
    client.force_login(initiativtaker)
    svar = client.get(reverse("konseptnotat:ny") + f"?innspill={innspill.pk}")
    assert svar.context["form"]["seksjon"].value() == portefolje.seksjon_id
    # Without an input the author's own section is the sensible start.
    svar = client.get(reverse("konseptnotat:ny"))
    assert svar.context["form"]["seksjon"].value() == it.pk


def test_co_authors_are_checkboxes_with_a_filter_not_a_ctrl_click_list(client, lag_bruker):
    """A multi-select needed Ctrl-click; checkboxes work for everyone."""
    eier = lag_bruker("eier")
    kollega = lag_bruker("kollega", first_name="Kari", last_name="Kollega")
    client.force_login(eier)
    html = client.get(reverse("konseptnotat:ny")).content.decode()
    assert 'name="medforfattere"' in html
    assert '<select name="medforfattere"' not in html
    boks = re.search(rf'<input[^>]*name="medforfattere"[^>]*value="{kollega.pk}"[^>]*>', html)
    assert boks and 'type="checkbox"' in boks.group(0)
    assert "data-filterliste" in html and "Finn en kollega etter navn" in html
