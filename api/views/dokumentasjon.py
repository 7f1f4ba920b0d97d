"""The API's root (what there is) and its documentation page (Swagger UI, served from the
drf-spectacular-sidecar package, with the start script in static/, so the CSP holds)."""

from django.shortcuts import render
from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from api.views.ressurser import RESSURSER


class RotVisning(APIView):
    """The resources and where the schema and the documentation are."""

    @extend_schema(exclude=True)
    def get(self, request):
        return Response(
            {
                "ressurser": {
                    navn: request.build_absolute_uri(reverse(f"api:{navn}-list"))
                    for navn in RESSURSER
                },
                "skjema": request.build_absolute_uri(reverse("api:skjema")),
                "dokumentasjon": request.build_absolute_uri(reverse("api:dokumentasjon")),
            }
        )


def dokumentasjon_view(request):
    return render(request, "api/dokumentasjon.html", {"skjema_url": reverse("api:skjema")})
