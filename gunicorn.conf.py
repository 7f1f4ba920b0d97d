"""Gunicorn, as the portal runs in production (`make serve`). Every value can be overridden by
the environment variable named beside it, so operators tune it without editing this file.

Why these values: docs/drift.md, «Produksjonsserver», and docs/ytelse.md, «Serveren og hver
forespørsel» (measured under the meeting-morning load).
"""

import os

bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")


def _kjerner() -> int:
    """The cores this process may run on: a container's CPU set, not the host's count
    (multiprocessing.cpu_count() gives 64 on a large host even when the portal has two)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


# The portal is CPU-bound: a page spends most of its time in Python (templates, the ORM), only a
# few milliseconds waiting on PostgreSQL. More processes than cores only take turns on them, and
# threads in one process take turns on its GIL: both add switching and memory, not throughput.
# One process per core plus one, to use a core while another process waits on the database.
workers = int(os.environ.get("GUNICORN_WORKERS", _kjerner() + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# gthread even with one thread: idle keep-alive connections (browsers, the proxy) wait in the
# worker's event loop instead of holding it, so a slow client never blocks a process.
worker_class = "gthread"
# The app (Django, every app's modules, the URL patterns and templates' code) is imported once in
# the master and shared copy-on-write by the workers: less memory, and a worker recycled by
# max_requests starts at once instead of importing it all again on the cores that serve people.
# Safe: importing the portal opens no database, cache or broker connection (each worker opens
# its own on first use).
preload_app = True
# A request that runs this long is stuck; kill the worker rather than queue more behind it.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak never grows unbounded.
max_requests = 2000
max_requests_jitter = 200
# Logs to stdout/stderr, like the rest of the portal; the platform collects them.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
wsgi_app = "portefolje.wsgi:application"
