"""A notification's e-mail is marked sent as soon as the mail server accepts it (250 after DATA),
before QUIT: a server slow to answer QUIT (up to EMAIL_TIMEOUT) leaves no window in which a dead
worker makes the next attempt send the reminder again.

The mail server is a small SMTP responder in a thread that accepts the message and then holds
its answer to QUIT until the test lets it go.
"""

import socketserver
import threading

import pytest
from django.db import connection

from portefolje import epost
from portefolje.models import Varsel
from portefolje.varsler import varsel_opprett

pytestmark = pytest.mark.django_db(transaction=True)


class SmtpStubb(socketserver.ThreadingTCPServer):
    """Answers EHLO, MAIL, RCPT and DATA like a mail server; on QUIT it signals `quit_mottatt`
    and waits for `slipp` (or, with `dropp_quit`, hangs up without an answer)."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, *, dropp_quit=False):
        super().__init__(("127.0.0.1", 0), SmtpSamtale)
        self.dropp_quit = dropp_quit
        self.meldinger: list[bytes] = []
        self.quit_mottatt = threading.Event()
        self.slipp = threading.Event()


class SmtpSamtale(socketserver.StreamRequestHandler):
    def svar(self, linje: str) -> None:
        self.wfile.write(linje.encode() + b"\r\n")
        self.wfile.flush()

    def handle(self):
        tjener = self.server
        self.svar("220 stubb ESMTP")
        while linje := self.rfile.readline():
            kommando = linje.decode().strip().upper()
            if kommando.startswith(("EHLO", "HELO")):
                self.svar("250 stubb")
            elif kommando == "DATA":
                self.svar("354 send")
                innhold = b"".join(iter(self.rfile.readline, b".\r\n"))
                tjener.meldinger.append(innhold)
                self.svar("250 2.0.0 godtatt")
            elif kommando == "QUIT":
                tjener.quit_mottatt.set()
                if tjener.dropp_quit:
                    return
                tjener.slipp.wait(timeout=30)
                self.svar("221 ha det")
                return
            else:
                self.svar("250 ok")


@pytest.fixture
def stubb(settings):
    tjenere = []

    def start(**valg):
        tjener = SmtpStubb(**valg)
        threading.Thread(target=tjener.serve_forever, daemon=True).start()
        settings.MAILERS = {
            "default": {
                "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "OPTIONS": {"host": "127.0.0.1", "port": tjener.server_address[1], "timeout": 20},
            }
        }
        tjenere.append(tjener)
        return tjener

    yield start
    for tjener in tjenere:
        tjener.slipp.set()
        tjener.shutdown()
        tjener.server_close()


def _varsel(mottaker):
    return varsel_opprett(
        mottaker=mottaker,
        type="test",
        objekt=mottaker,
        tittel="Statusrapporten er forfalt",
        epost=True,
        koe_epost=False,  # sent by hand below, as the task does
    )


def test_the_notification_is_marked_sent_before_the_server_answers_quit(stubb, leder):
    tjener = stubb()
    varsel = _varsel(leder)
    utfall = []

    def send():
        try:
            utfall.append(epost.varsel_epost_send(varsel_id=varsel.pk))
        finally:
            connection.close()

    sender = threading.Thread(target=send)
    sender.start()
    assert tjener.quit_mottatt.wait(timeout=20), "klienten sendte aldri QUIT"
    # The server has not answered QUIT: a worker killed now has already recorded the e-mail.
    assert len(tjener.meldinger) == 1
    assert Varsel.objects.get(pk=varsel.pk).epost_sendt is not None
    assert epost.varsel_epost_send(varsel_id=varsel.pk) == epost.ALLEREDE_SENDT
    tjener.slipp.set()
    sender.join(timeout=30)
    assert utfall == [epost.SENDT] and len(tjener.meldinger) == 1


def test_a_server_that_hangs_up_on_quit_still_counts_the_message_sent(stubb, leder):
    tjener = stubb(dropp_quit=True)
    varsel = _varsel(leder)
    assert epost.varsel_epost_send(varsel_id=varsel.pk) == epost.SENDT
    assert Varsel.objects.get(pk=varsel.pk).epost_sendt is not None
    assert len(tjener.meldinger) == 1
