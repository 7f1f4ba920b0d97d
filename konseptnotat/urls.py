from django.urls import path

from konseptnotat.views import behandling, kommentarer, liste, notat, utskrift, versjoner

app_name = "konseptnotat"

urlpatterns = [
    path("", liste.liste_view, name="liste"),
    path("ny/", notat.ny_view, name="ny"),
    path("<int:pk>/", notat.detalj_view, name="detalj"),
    path("<int:pk>/rediger/", notat.rediger_view, name="rediger"),
    path("<int:pk>/send-inn/", notat.send_inn_view, name="send-inn"),
    path("<int:pk>/send-tilbake/", behandling.send_tilbake_view, name="send-tilbake"),
    path("<int:pk>/klar/", behandling.klar_view, name="klar"),
    path("<int:pk>/veileder/", behandling.veileder_view, name="veileder"),
    path("<int:pk>/kommentarer/ny/", kommentarer.kommentar_ny_view, name="kommentar-ny"),
    path(
        "<int:pk>/kommentarer/<int:kommentar_id>/los/",
        kommentarer.kommentar_los_view,
        name="kommentar-los",
    ),
    path("<int:pk>/historikk/", versjoner.historikk_view, name="historikk"),
    path("<int:pk>/historikk/diff/", versjoner.diff_view, name="diff"),
    path("<int:pk>/utskrift/", utskrift.utskrift_view, name="utskrift"),
    path("<int:pk>/pdf/", utskrift.pdf_view, name="pdf"),
]
