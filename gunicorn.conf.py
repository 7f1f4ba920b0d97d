"""Gunicorn, as the portal runs in production (`make serve`). Every value can be overridden by
the environment variable named beside it, so operators tune it without editing this file."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
# Gunicorn's own rule of thumb: two workers per core plus one. Requests mostly wait on
# PostgreSQL, so threads add concurrency cheaply without more memory per process.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
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
