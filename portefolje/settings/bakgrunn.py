"""Background work: the Celery broker and worker, the periodic schedule, reminders' defaults
and how long citizens' personal data is kept."""

from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

from portefolje.env import env_bool, env_int, env_str
from portefolje.settings.grunnlag import BASE_DIR, TIME_ZONE

# Redis in production and CI. Without it, Kombu's filesystem transport keeps the queue in
# .run/broker so `make run` works on a laptop with no Redis.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "filesystem://")
if CELERY_BROKER_URL.startswith("filesystem://"):
    _broker_dir = BASE_DIR / ".run" / "broker"
    # Kombu expects the folders to exist; made here so `make run` and `make worker` just work.
    (_broker_dir / "processed").mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir),
        "data_folder_out": str(_broker_dir),
        "processed_folder": str(_broker_dir / "processed"),
        "store_processed": False,
    }
else:
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A worker's default queue; the reminder test gives its own worker a queue of its own.
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_TASK_DEFAULT_QUEUE", "celery")
# Each app adds its periodic tasks here (see the apps' tasks.py). A static schedule, not
# django-celery-beat: the cadence is part of the code, not something to edit at run time.
CELERY_BEAT_SCHEDULE: dict = {
    # The reminder pass (portefolje.tasks): at seven past every hour. It works out from the data
    # what is due, and each reminder is claimed once, so a missed or repeated run is harmless.
    "paminnelser": {"task": "portefolje.tasks.kjor_paminnelser", "schedule": crontab(minute=7)},
    # Citizens' names and e-mail addresses are removed when the retention period has passed.
    "ideer-anonymiser-innspill": {
        "task": "ideer.tasks.anonymiser_innspill",
        "schedule": crontab(hour=3, minute=17),
    },
    # One-time form keys (portefolje.skjema) older than two days are never needed again.
    "portefolje-rydd-skjemanokler": {
        "task": "portefolje.tasks.rydd_skjemanokler",
        "schedule": crontab(hour=3, minute=27),
    },
    # Portfolio reports no worker finished in time are queued again, or marked failed.
    "rapporter-feie-portefoljerapporter": {
        "task": "rapporter.tasks.feie_portefoljerapporter",
        "schedule": crontab(minute="*/5"),
    },
    # Timeline PDFs no worker finished in time are queued again, or marked failed.
    "prosjekter-feie-tidslinjefiler": {
        "task": "prosjekter.tasks.feie_tidslinjefiler",
        "schedule": crontab(minute="*/5"),
    },
    # Archive items left waiting are queued again; sent ones the archive has taken are marked.
    "portefolje-feie-arkivforsendelser": {
        "task": "portefolje.tasks.feie_arkivforsendelser",
        "schedule": crontab(minute="*/5"),
    },
}

# Portfolio reports (rapporter): a report still waiting or being made this many minutes after its
# last move is queued again by the sweep (the broker was down, or the worker died); a worker
# still making it is stopped a minute before. After this many attempts it is marked failed.
RAPPORTER = {
    "KOE_IGJEN_ETTER_MINUTTER": env_int("RAPPORTER_KOE_IGJEN_ETTER_MINUTTER", 15),
    "MAKS_FORSOK": env_int("RAPPORTER_MAKS_FORSOK", 3),
}
if RAPPORTER["KOE_IGJEN_ETTER_MINUTTER"] < 2 or RAPPORTER["MAKS_FORSOK"] < 1:
    raise ImproperlyConfigured(
        "RAPPORTER_KOE_IGJEN_ETTER_MINUTTER må være minst 2 og RAPPORTER_MAKS_FORSOK minst 1."
    )

# Reminders (prosjekter/paminnelser): default day counts; a portfolio may set its own
# (portefolje.PaminnelsesInnstilling).
PAMINNELSER = {
    # Remind the project manager this many days before a status report is due.
    "DAGER_FOR_RAPPORTFRIST": env_int("PAMINNELSER_DAGER_FOR_RAPPORTFRIST", 7),
    # Escalate to the project owner and the portfolio's chair this many days after the due date.
    "DAGER_TIL_ESKALERING": env_int("PAMINNELSER_DAGER_TIL_ESKALERING", 14),
    # Before a meeting: notes on the agenda not ready, and members who have not scored.
    "DAGER_FOR_MOTE_NOTATER": env_int("PAMINNELSER_DAGER_FOR_MOTE_NOTATER", 7),
    "DAGER_FOR_MOTE_VURDERING": env_int("PAMINNELSER_DAGER_FOR_MOTE_VURDERING", 3),
    # The weekly digest goes out in the first pass on this weekday (0 = Monday).
    "UKESAMMENDRAG_UKEDAG": env_int("PAMINNELSER_UKESAMMENDRAG_UKEDAG", 0),
    # A claimed e-mail still unsent after this many minutes is queued again by the next pass
    # (the worker crashed, or the broker was down); after this many hours the pass gives up.
    "ETTERSEND_ETTER_MINUTTER": env_int("PAMINNELSER_ETTERSEND_ETTER_MINUTTER", 10),
    "GI_OPP_ETTER_TIMER": env_int("PAMINNELSER_GI_OPP_ETTER_TIMER", 72),
}

# Samle: citizens' names and e-mail addresses are removed this many months after an input is
# closed (ideer.tasks.anonymiser_innspill, daily).
INNSPILL_OPPBEVARING_MAANEDER = env_int("INNSPILL_OPPBEVARING_MAANEDER", 24)
if INNSPILL_OPPBEVARING_MAANEDER < 1:
    raise ImproperlyConfigured("INNSPILL_OPPBEVARING_MAANEDER må være minst 1.")
