from django.urls import path

from rapporter.views import beslutningskvalitet, dashbord, portefoljerapport

app_name = "rapporter"

urlpatterns: list = [
    path("dashbord/", dashbord.dashbord_view, name="dashbord"),
    path("dashbord/<slug:slug>/", dashbord.dashbord_view, name="dashbord-portefolje"),
    path(
        "portefoljer/<slug:slug>/",
        portefoljerapport.portefoljerapporter_view,
        name="portefoljerapporter",
    ),
    path(
        "portefoljerapport/<int:pk>/",
        portefoljerapport.portefoljerapport_view,
        name="portefoljerapport",
    ),
    path(
        "portefoljerapport/<int:pk>/prov-igjen/",
        portefoljerapport.portefoljerapport_prov_igjen_view,
        name="portefoljerapport-prov-igjen",
    ),
    path(
        "portefoljerapport/<int:pk>/<str:format>/",
        portefoljerapport.portefoljerapport_fil_view,
        name="portefoljerapport-fil",
    ),
    path(
        "beslutningskvalitet/",
        beslutningskvalitet.beslutningskvalitet_view,
        name="beslutningskvalitet",
    ),
]
