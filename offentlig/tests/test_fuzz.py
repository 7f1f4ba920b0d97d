"""Whatever a visitor puts in the public pages' query strings, the answer is 200 or 400 (the
search form's message), and the feed's 200 or 400: never a 500."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

TEKST = st.text(max_size=300) | st.sampled_from(["", "helse-og-omsorg", "ikt", "0", "-1", "1e9"])


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    sti=st.sampled_from(["/resultater/", "/resultater/beslutninger/", "/resultater/feed/"]),
    q=TEKST,
    seksjon=TEKST,
    tema=TEKST,
    side=TEKST,
    antall=TEKST,
)
def test_sporringer_gir_aldri_serverfeil(client, kjede, sti, q, seksjon, tema, side, antall):
    svar = client.get(
        sti, {"q": q, "seksjon": seksjon, "tema": tema, "side": side, "antall": antall}
    )
    assert svar.status_code in (200, 400)
