"""/api/v1/: the read-only API, its schema and documentation, and one's own keys."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from api.urls_ressurser import urlpatterns as ressurser
from api.views import dokumentasjon, nokler

app_name = "api"

urlpatterns = [
    path("", dokumentasjon.RotVisning.as_view(), name="rot"),
    path("schema/", SpectacularAPIView.as_view(urlconf="api.urls_skjema"), name="skjema"),
    path("dokumentasjon/", dokumentasjon.dokumentasjon_view, name="dokumentasjon"),
    path("nokler/ny/", nokler.nokkel_ny_view, name="nokkel-ny"),
    path(
        "nokler/<int:pk>/trekk-tilbake/",
        nokler.nokkel_trekk_tilbake_view,
        name="nokkel-trekk-tilbake",
    ),
    *ressurser,
]
