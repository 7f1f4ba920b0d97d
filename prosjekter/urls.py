from django.urls import path

from prosjekter.views import (
    avhengighet,
    egne_ressurser,
    elementer,
    importering,
    oversikt,
    portefoljeoversikter,
    program,
    prosjekt,
    startplan,
    statusrapport,
    tidslinje,
)

app_name = "prosjekter"


def _elementstier(art, element):
    kind = {"art": art}
    stier = [
        path(f"<int:pk>/{art}/ny/", elementer.element_view, kind, name=f"{art}-ny"),
        path(
            f"<int:pk>/{art}/<int:element_pk>/",
            elementer.element_view,
            kind,
            name=f"{art}-rediger",
        ),
    ]
    if element.arkiveres:
        stier.append(
            path(
                f"<int:pk>/{art}/<int:element_pk>/arkiver/",
                elementer.arkiver_view,
                kind,
                name=f"{art}-arkiver",
            )
        )
    return stier


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
    path("tidslinje/", tidslinje.tidslinje_view, name="tidslinje"),
    path("importer/", importering.import_view, name="import"),
    path("importer/<int:pk>/", importering.import_batch_view, name="import-batch"),
    path("importer/<int:pk>/kobling/", importering.import_kobling_view, name="import-kobling"),
    path("importer/<int:pk>/importer/", importering.import_utfor_view, name="import-utfor"),
    path("importer/<int:pk>/angre/", importering.import_angre_view, name="import-angre"),
    path("tidslinje/pdf/", tidslinje.tidslinje_pdf_view, name="tidslinje-pdf"),
    path("tidslinje/pdf/<int:pk>/", tidslinje.tidslinje_fil_view, name="tidslinje-fil"),
    path(
        "tidslinje/pdf/<int:pk>/prov-igjen/",
        tidslinje.tidslinje_fil_prov_igjen_view,
        name="tidslinje-fil-prov-igjen",
    ),
    path(
        "tidslinje/pdf/<int:pk>/last-ned/",
        tidslinje.tidslinje_fil_last_ned_view,
        name="tidslinje-fil-last-ned",
    ),
    path("programmer/", program.program_liste_view, name="programmer"),
    path("programmer/ny/", program.program_ny_view, name="program-ny"),
    path("programmer/<int:pk>/", program.program_view, name="program"),
    path("programmer/<int:pk>/rediger/", program.program_rediger_view, name="program-rediger"),
    path("programmer/<int:pk>/prosjekt/", program.program_legg_til_view, name="program-legg-til"),
    path(
        "programmer/<int:pk>/prosjekt/<int:prosjekt_pk>/fjern/",
        program.program_fjern_view,
        name="program-fjern",
    ),
    path("startplan/<slug:slug>/", startplan.startplan_view, name="startplan"),
    path("startplan/<slug:slug>/kapasitet/", startplan.kapasitet_view, name="kapasitet"),
    path("startplan/<slug:slug>/<int:pk>/vedtak/", startplan.startvedtak_view, name="startvedtak"),
    path("<int:pk>/", prosjekt.detalj_view, name="detalj"),
    path("<int:pk>/rediger/", prosjekt.rediger_view, name="rediger"),
    path("<int:pk>/offentlighet/", prosjekt.offentlighet_view, name="offentlighet"),
    path(
        "<int:pk>/styringsbeslutning/",
        prosjekt.styringsbeslutning_view,
        name="styringsbeslutning",
    ),
    path("<int:pk>/avhengighet/ny/", avhengighet.avhengighet_ny_view, name="avhengighet-ny"),
    path(
        "<int:pk>/avhengighet/<int:element_pk>/arkiver/",
        avhengighet.avhengighet_arkiver_view,
        name="avhengighet-arkiver",
    ),
    path("<int:pk>/ressursbehov/", startplan.ressursbehov_view, name="ressursbehov"),
    path("<int:pk>/statusrapport/ny/", statusrapport.rapport_ny_view, name="rapport-ny"),
    path("<int:pk>/statusrapport/<int:rapport_pk>/", statusrapport.rapport_view, name="rapport"),
    path(
        "<int:pk>/statusrapport/<int:rapport_pk>/pdf/",
        statusrapport.rapport_pdf_view,
        name="rapport-pdf",
    ),
    path(
        "<int:pk>/statusrapport/<int:rapport_pk>/publiser/",
        statusrapport.rapport_publiser_view,
        name="rapport-publiser",
    ),
    # Each element of a project (elementer.ELEMENTER): «<art>-ny», «<art>-rediger» and, except
    # for measurements (corrected, never archived), «<art>-arkiver», e.g. «leveranse-rediger».
    *[sti for art, element in elementer.ELEMENTER.items() for sti in _elementstier(art, element)],
]
