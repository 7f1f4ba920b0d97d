"""What the OpenAPI schema describes: the resources under /api/v1/ (not the key forms)."""

from django.urls import include, path

urlpatterns = [path("api/v1/", include(("api.urls_ressurser", "api")))]
