from django.urls import path

from prosjekter.views import (
    egne_ressurser,
    elementer,
    oversikt,
    portefoljeoversikter,
    prosjekt,
    startplan,
    statusrapport,
)

app_name = "prosjekter"

urlpatterns = [
    path("", oversikt.liste_view, name="liste"),
    path("gevinster/", portefoljeoversikter.gevinstoversikt_view, name="gevinstoversikt"),
    path("risiko/", portefoljeoversikter.risikooversikt_view, name="risikooversikt"),
    path("ressurser/", portefoljeoversikter.ressursoversikt_view, name="ressursoversikt"),
    path("ressurser/mine/", egne_ressurser.egne_ressurser_view, name="mine-ressurser"),
    path(
        "ressurser/mine/<int:pk>/arkiver/",
        egne_ressurser.egen_ressurs_arkiver_view,
        name="min-ressurs-arkiver",
    ),
    path("startplan/<slug:slug>/", startplan.startplan_view, name="startplan"),
    path("startplan/<slug:slug>/kapasitet/", startplan.kapasitet_view, name="kapasitet"),
    path("startplan/<slug:slug>/<int:pk>/vedtak/", startplan.startvedtak_view, name="startvedtak"),
    path("<int:pk>/", prosjekt.detalj_view, name="detalj"),
    path("<int:pk>/rediger/", prosjekt.rediger_view, name="rediger"),
    path(
        "<int:pk>/styringsbeslutning/",
        prosjekt.styringsbeslutning_view,
        name="styringsbeslutning",
    ),
    path("<int:pk>/ressursbehov/", startplan.ressursbehov_view, name="ressursbehov"),
    path("<int:pk>/statusrapport/ny/", statusrapport.rapport_ny_view, name="rapport-ny"),
    path("<int:pk>/statusrapport/<int:rapport_pk>/", statusrapport.rapport_view, name="rapport"),
    path(
        "<int:pk>/statusrapport/<int:rapport_pk>/publiser/",
        statusrapport.rapport_publiser_view,
        name="rapport-publiser",
    ),
]

# One pair (or triple) of screens per kind of element: register, change, archive.
for art in elementer.ARTER:
    urlpatterns += [
        path(
            f"<int:pk>/{art}/ny/",
            elementer.element_view,
            {"art": art},
            name=f"{art}-ny",
        ),
        path(
            f"<int:pk>/{art}/<int:element_pk>/",
            elementer.element_view,
            {"art": art},
            name=f"{art}-rediger",
        ),
    ]
    if art != "maling":  # measurements are corrected, not archived
        urlpatterns.append(
            path(
                f"<int:pk>/{art}/<int:element_pk>/arkiver/",
                elementer.element_arkiver_view,
                {"art": art},
                name=f"{art}-arkiver",
            )
        )
