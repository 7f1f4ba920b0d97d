from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy

from portefolje.views import (
    arkiv,
    flytting,
    helse,
    konto,
    profil,
    sider,
    sprak,
    startside,
    varsler,
    visninger,
)

urlpatterns = [
    path("", startside.startside_view, name="startside"),
    path("helse/", helse.helse_view, name="helse"),
    path("tilgjengelighet/", sider.tilgjengelighet_view, name="tilgjengelighet"),
    path("personvern/", sider.personvern_view, name="personvern"),
    path("profil/", profil.profil_view, name="profil"),
    # Django's set_language, for the portal's two written languages (portefolje.views.sprak).
    path("i18n/setlang/", sprak.sprak_velg_view, name="set_language"),
    path("varsler/", varsler.varsler_view, name="varsler"),
    path(
        "varsler/innstillinger/",
        varsler.varsler_innstillinger_view,
        name="varsler-innstillinger",
    ),
    path("varsler/les-alle/", varsler.varsler_les_alle_view, name="varsler-les-alle"),
    path("varsler/<int:pk>/les/", varsler.varsel_les_view, name="varsel-les"),
    # What a portfolio has filed to the archive (portefolje.arkiv), for the chair and secretary.
    path("arkiv/<slug:slug>/", arkiv.arkiv_view, name="arkiv"),
    path(
        "arkiv/<slug:slug>/<int:pk>/prov-igjen/",
        arkiv.arkiv_prov_igjen_view,
        name="arkiv-prov-igjen",
    ),
    # Saved views of the lists people shape (portefolje.tabellvisning); opened on the list's own
    # page with ?visning=<id>.
    path("visninger/ny/", visninger.visning_ny_view, name="visning-ny"),
    path("visninger/<int:pk>/", visninger.visning_view, name="visning"),
    path("visninger/<int:pk>/slett/", visninger.visning_slett_view, name="visning-slett"),
    # Django's own login, logout and password reset, with Norwegian templates; the reset
    # request is throttled (portefolje.views.konto).
    path(
        "konto/password_reset/",
        konto.PassordTilbakestillingView.as_view(),
        name="password_reset",
    ),
    path("konto/", include("django.contrib.auth.urls")),
    # The full export, for a superuser (portefolje.flytting); before the admin's catch-all.
    path("admin/ta-ut-alle-data/", flytting.ta_ut_alle_data_view, name="ta-ut-alle-data"),
    path("admin/", admin.site.urls),
    # The four phases.
    path("", include("ideer.urls")),
    path("konseptnotater/", include("konseptnotat.urls")),
    path("portefoljer/", include("velge.urls")),
    path("prosjekter/", include("prosjekter.urls")),
    # What the phases produce, for readers outside the flow: reports and dashboards, the public
    # results, and the read-only API.
    path("rapporter/", include("rapporter.urls")),
    path("resultater/", include("offentlig.urls")),
    path("api/v1/", include("api.urls")),
]

if settings.OIDC_ENABLED:
    urlpatterns.append(path("oidc/", include("portefolje.urls_oidc")))

handler400 = "portefolje.views.feil.ugyldig_foresporsel"
handler403 = "portefolje.views.feil.ingen_tilgang"
handler404 = "portefolje.views.feil.ikke_funnet"
handler500 = "portefolje.views.feil.serverfeil"

admin.site.site_header = gettext_lazy("Portfolio portal – administration")
admin.site.site_title = gettext_lazy("Portfolio portal")
