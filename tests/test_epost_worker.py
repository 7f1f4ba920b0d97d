"""The real path: Celery workers as subprocesses on the real Redis broker, against the test
database, sending e-mail through Django's file backend (a real backend the test can read).

Run with: CELERY_BROKER_URL=redis://127.0.0.1:6379/5 .venv/bin/pytest -q -m redis
Each test gives its workers a queue of its own, so it does not meet other workers on that Redis.
"""

import email
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from portefolje.celery import app as celery_app
from portefolje.models import Varsel
from prosjekter.paminnelser.frister import legg_til_maneder
from prosjekter.paminnelser.regler import STATUSRAPPORT_ESKALERT, STATUSRAPPORT_FORFALT
from prosjekter.tests.paminnelser_hjelp import lag_prosjekt

ROT = Path(__file__).resolve().parents[1]
SKILLE = b"\n" + b"-" * 79 + b"\n"  # what Django's file backend writes after each message
BASE_URL = "https://portal.ovre-eiker.example"
FERDIG_RUNDE = re.compile(r"Task portefolje\.tasks\.kjor_paminnelser\[[^\]]+\] succeeded")
NYE = re.compile(r"kjor_paminnelser: \{'nye': (\d+)")

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.subprocess,
    pytest.mark.django_db(transaction=True),
    # The test process itself runs tasks eagerly; send_task goes to the broker regardless.
    pytest.mark.filterwarnings("ignore::celery.exceptions.AlwaysEagerIgnored"),
]


def vent_til(vilkar, *, sekunder=90, hva=""):
    """Poll `vilkar()` until true, for at most `sekunder` (a bound, not a timing assertion)."""
    slutt = time.monotonic() + sekunder
    while time.monotonic() < slutt:
        if vilkar():
            return
        time.sleep(0.3)
    raise AssertionError(f"ventet forgjeves på {hva}")


class Arbeidere:
    def __init__(self, tmp_path):
        self.koe = f"paminnelser-test-{uuid.uuid4().hex[:8]}"
        self.epostmappe = tmp_path / "epost"
        self.loggmappe = tmp_path
        self.prosesser = []

    def miljo(self):
        db = connection.settings_dict
        passord = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
        return {
            **os.environ,
            "DATABASE_URL": f"postgres://{db['USER']}{passord}@{db['HOST'] or '127.0.0.1'}:"
            f"{db['PORT'] or 5432}/{db['NAME']}",
            "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
            "CELERY_TASK_ALWAYS_EAGER": "false",
            "CELERY_TASK_DEFAULT_QUEUE": self.koe,
            "EMAIL_FILE_PATH": str(self.epostmappe),
            "PORTAL_BASE_URL": BASE_URL,
        }

    def start(self, antall):
        for i in range(antall):
            logg = self.loggmappe / f"arbeider-{i}.log"
            prosess = subprocess.Popen(  # noqa: S603  (our own celery, a fixed command)
                [
                    str(Path(sys.executable).parent / "celery"),
                    "-A",
                    "portefolje",
                    "worker",
                    "-Q",
                    self.koe,
                    "-n",
                    f"{self.koe}-{i}@%h",
                    "--concurrency=2",
                    "--without-gossip",
                    "--without-mingle",
                    "--without-heartbeat",
                    "--loglevel=INFO",
                ],
                cwd=ROT,
                env=self.miljo(),
                stdout=logg.open("wb"),
                stderr=subprocess.STDOUT,
            )
            self.prosesser.append((prosess, logg))
        for prosess, logg in self.prosesser:
            vent_til(
                lambda logg=logg, p=prosess: (
                    b" ready." in logg.read_bytes() or p.poll() is not None
                ),
                sekunder=120,
                hva="at arbeideren starter",
            )
            assert prosess.poll() is None, logg.read_text(errors="replace")[-3000:]

    def logg(self):
        return "".join(logg.read_text(errors="replace") for _, logg in self.prosesser)

    def kjor_runde(self):
        celery_app.send_task("portefolje.tasks.kjor_paminnelser", queue=self.koe)

    def eposter(self):
        meldinger = []
        if self.epostmappe.exists():
            for fil in sorted(self.epostmappe.iterdir()):
                for del_ in fil.read_bytes().split(SKILLE):
                    if del_.strip():
                        meldinger.append(email.message_from_bytes(del_))
        return meldinger

    def stopp(self):
        for prosess, _ in self.prosesser:
            if prosess.poll() is None:
                prosess.send_signal(signal.SIGTERM)
        for prosess, _ in self.prosesser:
            try:
                prosess.wait(timeout=30)
            except subprocess.TimeoutExpired:
                prosess.kill()
                prosess.wait()
        with celery_app.connection_for_write() as forbindelse:
            # The queue and Kombu's bindings for it: leave the shared Redis as we found it.
            forbindelse.default_channel.client.delete(
                self.koe, f"_kombu.binding.{self.koe}", f"_kombu.binding_permanent.{self.koe}"
            )


@pytest.fixture
def arbeidere(tmp_path):
    a = Arbeidere(tmp_path)
    yield a
    a.stopp()


def lag_forfalte_prosjekter(portefolje, antall, leder, eier):
    """Projects whose report was due 20 days ago: overdue to the manager, escalated to the
    owner and the portfolio's chair."""
    start = legg_til_maneder(timezone.localdate() - timedelta(days=20), -1)
    return [
        lag_prosjekt(portefolje, startdato=start, leder=leder, eier=eier, tittel=f"Prosjekt {i}")
        for i in range(antall)
    ]


def alle_sendt(antall):
    return lambda: (
        Varsel.objects.count() == antall
        and not Varsel.objects.filter(epost_sendt__isnull=True).exists()
    )


def test_a_real_worker_runs_the_pass_and_sends_the_emails(arbeidere, portefolje, leder, lag_bruker):
    pia, eirik = lag_bruker("pia"), lag_bruker("eirik")
    (prosjekt,) = lag_forfalte_prosjekter(portefolje, 1, pia, eirik)
    arbeidere.start(1)
    arbeidere.kjor_runde()

    vent_til(alle_sendt(3), hva="tre varsler med sendt e-post")
    vent_til(lambda: len(arbeidere.eposter()) == 3, hva="tre e-poster i filene")
    rader = sorted(Varsel.objects.values_list("mottaker__username", "type"))
    assert rader == [
        ("eirik", STATUSRAPPORT_ESKALERT),
        ("leder", STATUSRAPPORT_ESKALERT),
        ("pia", STATUSRAPPORT_FORFALT),
    ]
    meldinger = arbeidere.eposter()
    assert sorted(m["To"] for m in meldinger) == [
        "eirik@example.no",
        "leder@example.no",
        "pia@example.no",
    ]
    forfalt = next(m for m in meldinger if m["To"] == "pia@example.no")
    emne = str(email.header.make_header(email.header.decode_header(forfalt["Subject"])))
    assert emne == "Porteføljeportalen: Statusrapport for «Prosjekt 0» er forfalt"
    tekst = next(
        p.get_payload(decode=True).decode()
        for p in forfalt.walk()
        if p.get_content_type() == "text/plain"
    )
    assert f"{BASE_URL}/prosjekter/{prosjekt.pk}/" in tekst
    assert "Task portefolje.tasks.kjor_paminnelser" in arbeidere.logg()


def test_two_workers_running_the_pass_at_once_send_nothing_twice(
    arbeidere, portefolje, leder, lag_bruker
):
    lag_forfalte_prosjekter(portefolje, 5, lag_bruker("pia"), lag_bruker("eirik"))
    arbeidere.start(2)
    for _ in range(4):  # two passes per worker, at once; as if beat had restarted twice
        arbeidere.kjor_runde()

    vent_til(alle_sendt(15), hva="15 varsler med sendt e-post")
    vent_til(
        lambda: len(FERDIG_RUNDE.findall(arbeidere.logg())) == 4,
        hva="at alle fire rundene er ferdige",
    )
    vent_til(lambda: len(arbeidere.eposter()) >= 15, hva="15 e-poster i filene")
    # Let stray duplicates, if there were any, reach the files before counting.
    time.sleep(2)
    meldinger = arbeidere.eposter()
    per_mottaker_og_emne = Counter((m["To"], m["Subject"]) for m in meldinger)
    assert len(meldinger) == 15
    assert set(per_mottaker_og_emne.values()) == {1}
    assert Varsel.objects.count() == 15
    # The four passes between them claimed each reminder exactly once.
    nye_per_runde = [int(n) for n in NYE.findall(arbeidere.logg())]
    assert len(nye_per_runde) == 4 and sum(nye_per_runde) == 15
