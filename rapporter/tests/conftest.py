import datetime

import pytest

from prosjekter.tests.factories import (
    AllokeringFactory,
    GevinstFactory,
    IndikatorFactory,
    MalingFactory,
    ProsjektFactory,
    StatusrapportFactory,
    UsikkerhetFactory,
)


@pytest.fixture(autouse=True)
def eget_media(settings, tmp_path):
    """Reports' files go to a temporary MEDIA_ROOT, removed after the test."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def lag_prosjekter(portefolje):
    """`lag_prosjekter(n)`: n active projects in the portfolio, each with a published report,
    a benefit with an indicator and a measurement, an open risk and an allocation."""

    def lag(n, start=0):
        prosjekter = []
        for i in range(start, start + n):
            p = ProsjektFactory(
                portefolje=portefolje,
                tittel=f"Prosjekt nummer {i}",
                fase=["planlegge", "gjennomfore"][i % 2],
            )
            StatusrapportFactory(
                prosjekt=p,
                fremdrift=["pa_plan", "forsinket"][i % 2],
                okonomi="pa_budsjett",
                farge=["gronn", "rod"][i % 2],
                budsjett=1_000_000 + i * 100_000,
                prognose=1_050_000 + i * 100_000,
                kostnad_hittil=400_000,
                publisert=datetime.datetime(2026, 10, 1, 12, tzinfo=datetime.UTC),
            )
            indikator = IndikatorFactory(
                gevinst=GevinstFactory(prosjekt=p, tittel=f"Gevinst {i}"),
                navn=f"Ventetid {i}",
                nullpunkt=100,
                malverdi=60,
            )
            MalingFactory(indikator=indikator, dato=datetime.date(2026, 9, 1), verdi=80)
            UsikkerhetFactory(prosjekt=p, tittel=f"Risiko {i}", sannsynlighet=4, konsekvens=5)
            AllokeringFactory(
                prosjekt=p,
                belastning=40,
                fra=datetime.date(2026, 11, 2),
                til=datetime.date(2027, 2, 28),
            )
            prosjekter.append(p)
        return prosjekter

    return lag
