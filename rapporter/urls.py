from django.urls import path

from rapporter.views import beslutningskvalitet

app_name = "rapporter"

urlpatterns: list = [
    path(
        "beslutningskvalitet/",
        beslutningskvalitet.beslutningskvalitet_view,
        name="beslutningskvalitet",
    ),
]
