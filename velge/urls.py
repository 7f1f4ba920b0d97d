"""/portefoljer/: the Velge phase (criteria, meetings, scoring, decisions, minutes)."""

from django.urls import path

from velge.views import (
    arshjul,
    beslutning,
    habilitet,
    moter,
    offentlighet,
    okonomi,
    portefolje,
    protokoll,
    vurdering,
)

app_name = "velge"

mote = "<slug:slug>/moter/<int:pk>/"

urlpatterns = [
    path("", portefolje.oversikt_view, name="oversikt"),
    path("<slug:slug>/", portefolje.detalj_view, name="detalj"),
    path("<slug:slug>/kriterier/", portefolje.kriterier_view, name="kriterier"),
    path(
        "<slug:slug>/beslutningsregel/",
        habilitet.beslutningsregel_view,
        name="beslutningsregel",
    ),
    path(
        "<slug:slug>/beslutninger/<int:pk>/offentlighet/",
        offentlighet.beslutning_offentlighet_view,
        name="beslutning-offentlighet",
    ),
    path("<slug:slug>/arshjul/", arshjul.arshjul_i_ar_view, name="arshjul-i-ar"),
    path("<slug:slug>/arshjul/<int:ar>/", arshjul.arshjul_view, name="arshjul"),
    path("<slug:slug>/arshjul/<int:ar>/punkter/", arshjul.punkt_ny_view, name="arshjul-punkt-ny"),
    path(
        "<slug:slug>/arshjul/<int:ar>/punkter/<int:pk>/fjern/",
        arshjul.punkt_fjern_view,
        name="arshjul-punkt-fjern",
    ),
    path("<slug:slug>/rammer/", okonomi.rammer_view, name="rammer"),
    path("<slug:slug>/scenarioer/", okonomi.scenarioer_view, name="scenarioer"),
    path("<slug:slug>/scenarioer/sammenlign/", okonomi.sammenlign_view, name="sammenlign"),
    path("<slug:slug>/scenarioer/<int:pk>/", okonomi.scenario_view, name="scenario"),
    path("<slug:slug>/moter/ny/", moter.mote_ny_view, name="mote-ny"),
    path(mote, moter.mote_view, name="mote"),
    path(mote + "resultat/", moter.mote_resultat_view, name="mote-resultat"),
    path(mote + "agenda/legg-til/", moter.agenda_legg_til_view, name="agenda-legg-til"),
    path(mote + "agenda/<int:notat_pk>/fjern/", moter.agenda_fjern_view, name="agenda-fjern"),
    path(mote + "vis-vurderinger/", moter.vis_vurderinger_view, name="vis-vurderinger"),
    path(mote + "motepakke/", moter.motepakke_view, name="motepakke"),
    path(mote + "notater/<int:notat_pk>/vurder/", vurdering.vurder_view, name="vurder"),
    path(mote + "notater/<int:notat_pk>/beslutt/", beslutning.beslutt_view, name="beslutt"),
    path(mote + "notater/<int:notat_pk>/inhabil/", habilitet.inhabil_view, name="inhabil"),
    path(mote + "protokoll/", protokoll.protokoll_view, name="protokoll"),
    path(
        mote + "protokoll/godkjenn/",
        protokoll.protokoll_godkjenn_view,
        name="protokoll-godkjenn",
    ),
    path(mote + "protokoll.docx", protokoll.protokoll_docx_view, name="protokoll-docx"),
]
