"""Reports no worker finished: the sweep queues them again, gives up after the last attempt with
a message, and the page's «Try again» orders them anew. Nothing waits forever."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from lxml import html as lxml_html

from rapporter import portefoljerapport
from rapporter.models import Portefoljerapport
from rapporter.tasks import feie_portefoljerapporter, lag_portefoljerapport

pytestmark = pytest.mark.django_db


def _bestill(klient, portefolje):
    url = reverse("rapporter:portefoljerapporter", args=[portefolje.slug])
    side = lxml_html.fromstring(klient.get(url).content.decode())
    nokkel = side.xpath("//input[@name='skjema_nokkel']/@value")[0]
    svar = klient.post(url, {"fra": "2026-01-01", "til": "2026-12-31", "skjema_nokkel": nokkel})
    assert svar.status_code == 302
    return Portefoljerapport.objects.get()


def _worker_dor_underveis(rapport, monkeypatch):
    """A worker takes the report and dies in the middle (what a killed process leaves)."""

    def dor(innhold):
        raise KeyboardInterrupt  # not an Exception: nothing records a failure, as with SIGKILL

    with monkeypatch.context() as m:
        m.setattr(portefoljerapport, "som_pdf", dor)
        with pytest.raises(KeyboardInterrupt):
            lag_portefoljerapport(rapport.pk)


def _eldes(minutter):
    Portefoljerapport.objects.update(
        status_endret=timezone.now() - datetime.timedelta(minutes=minutter)
    )


def _side(klient, rapport):
    return klient.get(reverse("rapporter:portefoljerapport", args=[rapport.pk])).content.decode()


def test_a_report_whose_worker_died_is_queued_again_by_the_sweep_and_made(
    leder, klient_for, portefolje, lag_prosjekter, monkeypatch, django_capture_on_commit_callbacks
):
    lag_prosjekter(1)
    klient = klient_for(leder)
    with django_capture_on_commit_callbacks(execute=False):  # queued; the worker takes it below
        rapport = _bestill(klient, portefolje)
    _worker_dor_underveis(rapport, monkeypatch)
    rapport.refresh_from_db()
    assert rapport.status == "lages"
    assert "every 2s" in _side(klient, rapport)

    # Not yet: a slow report is not taken from a live worker.
    assert feie_portefoljerapporter() == {"koet_igjen": 0, "gitt_opp": 0}
    _eldes(16)
    with django_capture_on_commit_callbacks(execute=True):
        assert feie_portefoljerapporter() == {"koet_igjen": 1, "gitt_opp": 0}
    rapport.refresh_from_db()
    assert (rapport.status, rapport.forsok) == ("ferdig", 2)
    side = _side(klient, rapport)
    assert "Klar" in side and "every 2s" not in side


def test_after_the_last_attempt_the_report_fails_with_a_message_and_a_button_that_works(
    leder, klient_for, portefolje, lag_prosjekter, django_capture_on_commit_callbacks, settings
):
    lag_prosjekter(1)
    klient = klient_for(leder)
    with django_capture_on_commit_callbacks(execute=False):  # the broker lost every order
        rapport = _bestill(klient, portefolje)
        for _ in range(settings.RAPPORTER["MAKS_FORSOK"]):
            _eldes(16)
            feie_portefoljerapporter()
    rapport.refresh_from_db()
    assert (rapport.status, rapport.forsok) == ("feilet", 3)
    side = _side(klient, rapport)
    assert "every 2s" not in side  # the page stops polling
    assert "Rapporten ble ikke laget etter 3 forsøk" in side
    knapp = lxml_html.fromstring(side).xpath("//form[.//button[.='Prøv igjen']]/@action")
    assert knapp == [reverse("rapporter:portefoljerapport-prov-igjen", args=[rapport.pk])]

    with django_capture_on_commit_callbacks(execute=True):
        svar = klient.post(knapp[0])
    assert svar.status_code == 302
    rapport.refresh_from_db()
    assert (rapport.status, rapport.forsok, rapport.feilmelding) == ("ferdig", 1, "")
    assert "Klar" in _side(klient, rapport)


def test_try_again_is_refused_for_a_report_that_has_not_failed_and_for_outsiders(
    leder, ansatt, klient_for, portefolje
):
    rapport = Portefoljerapport.objects.create(
        portefolje=portefolje,
        fra=datetime.date(2026, 1, 1),
        til=datetime.date(2026, 6, 30),
        bestilt_av=leder,
        forsok=1,
    )
    url = reverse("rapporter:portefoljerapport-prov-igjen", args=[rapport.pk])
    assert klient_for(ansatt).post(url).status_code == 403
    svar = klient_for(leder).post(url, follow=True)
    assert "ikke lov til å gjøre denne statusendringen" in svar.content.decode()
    rapport.refresh_from_db()
    assert (rapport.status, rapport.forsok) == ("venter", 1)
    Portefoljerapport.objects.filter(pk=rapport.pk).update(status="feilet")
    assert klient_for(ansatt).post(url).status_code == 403
    rapport.refresh_from_db()
    assert rapport.status == "feilet"


def test_beat_runs_the_sweep_every_five_minutes_and_it_stops_a_worker_before():
    from celery.schedules import crontab
    from django.conf import settings

    from portefolje.celery import app as celery_app

    oppforing = settings.CELERY_BEAT_SCHEDULE["rapporter-feie-portefoljerapporter"]
    celery_app.loader.import_default_modules()
    assert oppforing["task"] in celery_app.tasks
    assert oppforing["schedule"] == crontab(minute="*/5")
    # A live worker is stopped before the sweep would take its report from it.
    feie_etter = settings.RAPPORTER["KOE_IGJEN_ETTER_MINUTTER"] * 60
    assert lag_portefoljerapport.time_limit < feie_etter
