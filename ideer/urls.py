from django.urls import path

from ideer import views

app_name = "ideer"

urlpatterns = [
    path("ideer/", views.liste_view, name="liste"),
]
