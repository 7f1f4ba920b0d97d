"""Demo content for Velge (`manage.py demo_data`), one module per area:

- `moter`: criteria, concept notes, a past meeting with scores and decisions, and upcoming
  meetings with notes waiting for scores from `klg` and `helseleder`;
- `habilitet`: a deputy chair, a declared disqualification, a decision below the quorum;
- `okonomi`: frames for KLG and Helse og omsorg, two scenarios for KLG;
- `arshjul`: this year's and next year's cycle;
- `volum`: benchmark volume for KLG's page (`--size large`);
- `protokoll`: the held meetings' minutes approved, so their decisions are public.

Runs after the konseptnotat demo (see demo_data.py). The criteria need nothing from Begrunne;
the concept notes used here are looked up by title and made if missing. Everything goes through
the Velge services, as in a real meeting, and is idempotent: a second run changes no row. The
words are data, in velge/demodata/*.json.
"""

from django.contrib.auth import get_user_model
from django.utils import timezone

from portefolje import demodata
from portefolje.models import Portefolje
from velge.demo import arshjul, habilitet, moter, okonomi, protokoll, volum

PORTEFOLJER = ["klg", "helse-og-omsorg"]


def opprett(*, storrelse: str, logg) -> None:
    brukere = {u.username: u for u in get_user_model().objects.all()}
    portefoljer = {p.slug: p for p in Portefolje.objects.filter(slug__in=PORTEFOLJER)}
    kriterier = {slug: moter.kriterier_opprett(p) for slug, p in portefoljer.items()}
    if "utvikler" not in brukere or len(portefoljer) < 2:
        logg("Velge: kriterier laget; møter hoppes over (kjernens demodata mangler)")
        return
    idag = timezone.localdate()
    motene = moter.moter_opprett(portefoljer, idag)
    habilitet.stedfortredere_opprett(portefoljer, brukere)
    antall_beslutninger = moter.saker_opprett(
        moter=motene, portefoljer=portefoljer, kriterier=kriterier, brukere=brukere, idag=idag
    )
    moter.ikke_klart_pa_agendaen(motene)
    okonomi.opprett(portefoljer, idag, logg)
    if faktor := demodata.volumfaktor(storrelse):
        volum.opprett(portefoljer["klg"], kriterier["klg"], brukere, idag, faktor)
    godkjente = protokoll.opprett(list(portefoljer.values()), idag)
    arshjul.opprett(logg=logg)
    logg(
        f"Velge: {sum(len(k) for k in kriterier.values())} kriterier, {len(motene)} møter, "
        f"{antall_beslutninger} nye beslutninger, {godkjente} protokoller godkjent"
    )
