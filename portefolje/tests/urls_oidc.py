"""The project's URLs with single sign-on switched on, as settings would do with OIDC_* set."""

from django.urls import include, path

from portefolje.urls import urlpatterns as prosjektets

urlpatterns = [*prosjektets, path("oidc/", include("portefolje.urls_oidc"))]
