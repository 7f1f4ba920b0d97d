"""The Celery app. Broker from CELERY_BROKER_URL: Redis in production and CI, Kombu's filesystem
transport when trying the portal out (see settings)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portefolje.settings")

app = Celery("portefolje")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
