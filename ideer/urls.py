from django.urls import path

from ideer.views import detalj, importer, liste, skjema

app_name = "ideer"

# /ideer/..., /innspill/ny/ and /innspill/<kode>/ are a public contract (docs/arkitektur.md).
urlpatterns = [
    path("ideer/", liste.liste_view, name="liste"),
    path("ideer/ny/", skjema.ny_view, name="ny"),
    path("ideer/mine/", liste.mine_view, name="mine"),
    path("ideer/importer/", importer.import_view, name="importer"),
    path("ideer/<int:pk>/", detalj.detalj_view, name="detalj"),
    path("ideer/<int:pk>/triage/", detalj.triage_view, name="triage"),
    path("ideer/<int:pk>/vedlegg/<int:vedlegg_id>/", detalj.vedlegg_view, name="vedlegg"),
    path("innspill/", skjema.folg_view, name="folg"),
    path("innspill/ny/", skjema.offentlig_ny_view, name="offentlig-ny"),
    path("innspill/<str:kode>/", skjema.kvittering_view, name="kvittering"),
]
