"""The project's URLs plus two deliberately careless views, for the permission walk's self-test."""

from django.urls import path

from portefolje.urls import handler403, handler404, handler500
from portefolje.urls import urlpatterns as prosjektets
from tests.test_tilgangsvandring import glemt_sjekk_view

urlpatterns = [
    *prosjektets,
    path("glemt-sjekk/", glemt_sjekk_view, name="glemt-sjekk"),
    path("glemt-sjekk/<int:pk>/", glemt_sjekk_view, name="glemt-sjekk-objekt"),
]

__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]
