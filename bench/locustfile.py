"""Meeting morning in KLG, for `make bench` (bench/run.py starts Locust with this file).

Each simulated person is one of KLG's members, already signed in (the session comes from
bench/run.py through the file in BENCH_LAST): they open the portfolio page, score a note, watch
the scoreboard (htmx polling every few seconds), and look at the start page and the project
overview. Reads only:
concurrent scoring of the same note would end in version conflicts, which is correct behaviour
but not what this measures.
"""

import html
import json
import os
import random
import re
from pathlib import Path

from locust import FastHttpUser, between, events, task

OPPSETT = json.loads(open(os.environ["BENCH_LAST"]).read())  # noqa: SIM115
IDER = OPPSETT["ider"]
MOTE = f"/portefoljer/klg/moter/{IDER['mote']}/"


@events.spawning_complete.add_listener
def _alle_i_gang(**_kwargs):
    """Tells bench/last.py that every user runs: Locust starts its figures over now
    (--reset-stats), and the server's CPU time is counted from here too."""
    if os.environ.get("BENCH_ALLE_I_GANG"):
        Path(os.environ["BENCH_ALLE_I_GANG"]).touch()


class KlgMedlem(FastHttpUser):
    """FastHttpUser (geventhttpclient), not HttpUser (requests): the load generator shares the
    two cores with the server it measures, and needs several times less CPU per request."""

    wait_time = between(1, 3)

    def on_start(self):
        brukernavn = random.choice(OPPSETT["lastbrukere"])
        self.hode = {"Cookie": f"sessionid={OPPSETT['okter'][brukernavn]}"}

    def _hent(self, sti, navn, **kwargs):
        with self.client.get(
            sti,
            name=navn,
            headers=self.hode,
            allow_redirects=False,
            catch_response=True,
            **kwargs,
        ) as svar:
            if svar.status_code != 200:
                svar.failure(f"{svar.status_code}")

    @task(3)
    def portefoljeside(self):
        self._hent("/portefoljer/klg/", "Porteføljeside KLG")

    @task(2)
    def vurdering(self):
        self._hent(f"{MOTE}notater/{IDER['notat']}/vurder/", "Vurdering")

    @task(5)
    def resultattavle(self):
        # As the page's htmx does: send the fingerprints last shown; 204 when nothing changed,
        # otherwise a new poll element carrying the new fingerprints.
        url = getattr(self, "poll_url", f"{MOTE}resultat/?fp=")
        with self.client.get(
            url,
            name="Resultattavle (polling)",
            headers={**self.hode, "HX-Request": "true"},
            allow_redirects=False,
            catch_response=True,
        ) as svar:
            if svar.status_code == 204:
                svar.success()
                return
            if svar.status_code != 200:
                svar.failure(f"{svar.status_code}")
                return
            funnet = re.search(r'hx-get="([^"]+)"', svar.text)
            if funnet:
                self.poll_url = html.unescape(funnet.group(1))

    @task(2)
    def startside(self):
        self._hent("/", "Startside")

    @task(2)
    def prosjektoversikt(self):
        self._hent("/prosjekter/", "Prosjektoversikt")
