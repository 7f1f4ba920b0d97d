"""/portefoljer/: the Velge phase."""

from django.urls import path

from portefolje.views import portefoljer

app_name = "portefolje"

urlpatterns = [
    path("", portefoljer.oversikt_view, name="oversikt"),
    path("<slug:slug>/", portefoljer.detalj_view, name="detalj"),
]
