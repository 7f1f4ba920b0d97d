"""The router of the resources alone, for the schema (api/urls_skjema.py)."""

from rest_framework.routers import SimpleRouter

from api.views.ressurser import RESSURSER

ruter = SimpleRouter()
for prefiks, visning in RESSURSER.items():
    ruter.register(prefiks, visning, basename=prefiks)

urlpatterns = ruter.urls
