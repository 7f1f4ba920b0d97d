from django.urls import path

from prosjekter import views

app_name = "prosjekter"

urlpatterns = [
    path("", views.liste_view, name="liste"),
]
