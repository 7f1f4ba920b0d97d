"""What `make bench` measures and against which targets, and the settings it measures with."""

import os
from pathlib import Path

ROT = Path(__file__).resolve().parents[1]
RESULTATER = ROT / "bench" / "results"

# (what, user, path). The admin changelist is the yardstick every page is compared with.
ADMIN = ("Admin: innspill (målestokk)", "admin", "/admin/ideer/innspill/")
SIDER = [
    ADMIN,
    ("Startside", "klg", "/"),
    ("Ideer og bestillinger", "utvikler", "/ideer/"),
    ("Ideer, søk", "utvikler", "/ideer/?q=skole"),
    ("Ideer, filter status", "utvikler", "/ideer/?status=ny"),
    ("Ideer, sortert på tittel", "utvikler", "/ideer/?sorter=tittel"),
    ("Mine innspill", "ansatt", "/ideer/mine/"),
    ("Konseptnotater", "utvikler", "/konseptnotater/"),
    ("Portefølje KLG", "klg", "/portefoljer/klg/"),
    ("Portefølje Helse og omsorg", "helseleder", "/portefoljer/helse-og-omsorg/"),
    ("Møteside KLG", "klg", "/portefoljer/klg/moter/{mote}/"),
    ("Vurdering (medlem)", "helseleder", "/portefoljer/klg/moter/{mote}/notater/{notat}/vurder/"),
    ("Resultattavle (htmx)", "klg", "/portefoljer/klg/moter/{mote}/resultat/"),
    ("Prosjektoversikt", "klg", "/prosjekter/"),
    ("Prosjektoversikt, status", "klg", "/prosjekter/?visning=status"),
    ("Prosjektoversikt, økonomi", "klg", "/prosjekter/?visning=okonomi"),
    ("Prosjektoversikt, mine", "prosjektleder", "/prosjekter/?visning=mine"),
    ("Prosjektoversikt, avsluttede", "klg", "/prosjekter/?visning=avsluttede"),
    ("Prosjektoversikt, rød status", "klg", "/prosjekter/?visning=status&farge=rod"),
    ("Prosjektoversikt, sortert farge", "klg", "/prosjekter/?visning=alle&sorter=-siste_farge"),
    ("Prosjektside", "klg", "/prosjekter/{prosjekt}/"),
    ("Gevinstoversikt", "klg", "/prosjekter/gevinster/"),
    ("Risikooversikt", "klg", "/prosjekter/risiko/"),
    ("Ressursallokering", "klg", "/prosjekter/ressurser/"),
    ("Tidslinje", "klg", "/prosjekter/tidslinje/"),
    ("Programmer", "klg", "/prosjekter/programmer/"),
    ("Dashbord, alle", "klg", "/rapporter/dashbord/"),
    ("Dashbord KLG", "klg", "/rapporter/dashbord/klg/"),
    ("Offentlige resultater", "klg", "/resultater/"),
    ("Varsler", "prosjektleder", "/varsler/"),
    ("API: innspill", "klg", "/api/v1/innspill/"),
    ("API: konseptnotater", "klg", "/api/v1/konseptnotater/"),
    ("API: prosjekter", "klg", "/api/v1/prosjekter/"),
    ("API: statusrapporter", "klg", "/api/v1/statusrapporter/"),
    ("API: vurderinger", "klg", "/api/v1/vurderinger/"),
]
# BENCH_SIDER=«Møteside,Konseptnotater» measures only pages whose name holds one of the words
# (and the admin yardstick): for checking a fix without the whole run.
if os.environ.get("BENCH_SIDER"):
    _ord = [o.strip().lower() for o in os.environ["BENCH_SIDER"].split(",") if o.strip()]
    SIDER = [s for s in SIDER if s == ADMIN or any(o in s[0].lower() for o in _ord)]
GANGER = int(os.environ.get("BENCH_GANGER", "20"))
LAST_BRUKERE = int(os.environ.get("BENCH_BRUKERE", "50"))
LAST_SEKUNDER = int(os.environ.get("BENCH_SEKUNDER", "60"))
# The targets each figure is marked against in the report.
MAL_FORHOLD, MAL_P95_MS, MAL_VEKST, MAL_LAST_P95_MS = 0.5, 250.0, 0.20, 500.0
# Over HTTP against `make serve`: every main page at most half the admin changelist.
MAL_HTTP_FORHOLD = 0.5
# The cores the server may use (a container's CPU set, as gunicorn.conf.py counts them), for
# «requests per second per core».
KJERNER = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
# A table with at least this many rows read by sequential scan is reported.
STOR_TABELL = 5000


def miljo(database_url: str) -> dict:
    """Production-like settings for the in-process measurement (DEBUG off, no https)."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portefolje.settings",
        "DATABASE_URL": database_url,
        # Each database its own cached results: the large and the doubled database are measured
        # side by side, and a result cached from one must never be read for the other.
        "CACHE_KEY_PREFIX": "bench-" + database_url.rsplit("/", 1)[-1],
        "DEBUG": "false",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bare-for-benchmark"),
        "STATIC_MANIFEST": "false",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "ALLOWED_HOSTS": "*",
        "LOG_LEVEL": "WARNING",
        "CELERY_TASK_ALWAYS_EAGER": "false",
    }
