"""The long select list: same HTML as Django's own, titles escaped, the chosen one selected."""

from django import forms

from portefolje.widgets import LangValgliste


class Skjema(forms.Form):
    valg = forms.ChoiceField(
        choices=[("", "Velg"), ("1", "<b>Første</b>"), ("2", "Andre")], widget=LangValgliste
    )


def test_options_are_escaped_and_the_chosen_one_is_selected():
    html = str(Skjema({"valg": "2"})["valg"])
    assert '<option value="1">&lt;b&gt;Første&lt;/b&gt;</option>' in html
    assert '<option value="2" selected>Andre</option>' in html
    assert 'name="valg"' in html and 'id="id_valg"' in html and "required" in html
