from django.urls import path

from konseptnotat import views

app_name = "konseptnotat"

urlpatterns = [
    path("", views.liste_view, name="liste"),
]
