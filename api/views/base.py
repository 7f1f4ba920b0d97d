"""The API's base view: read-only, visibility from api.synlighet, strict query parameters,
ETag/If-None-Match, and CSV with Norwegian column labels (`?format=csv`).

Adding a resource: a `Lesevisning` subclass with `synlige` (a function of api.synlighet), a
serializer, a filter set and the `select_related` its serializer needs, registered in
api/urls.py, and a line in the walk's table (api/tests/test_vandring.py), which fails until the
new endpoint is there.
"""

import hashlib

from django.http import HttpResponseNotModified
from django.utils.cache import get_conditional_response
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError

from api import synlighet
from portefolje.eksport import csv_svar
from portefolje.eksport import filnavn as lag_filnavn

# Parameters every list takes besides its filters.
FELLES_PARAMETRE = {"side", "per_side", "etter_id", "format"}


class Feil(serializers.Serializer):
    detail = serializers.CharField(help_text="Hva som er galt, på norsk (eller nynorsk).")
    feil = serializers.DictField(required=False, help_text="Per parameter, ved 400.")


FEILSVAR = {
    400: OpenApiResponse(Feil, description="Ugyldig parameter"),
    401: OpenApiResponse(Feil, description="Mangler, ukjent, utløpt eller tilbaketrukket nøkkel"),
    403: OpenApiResponse(Feil, description="Ingen lesetilgang"),
    404: OpenApiResponse(Feil, description="Finnes ikke, eller ikke synlig for deg"),
    429: OpenApiResponse(Feil, description="For mange forespørsler"),
}


class Lesevisning(viewsets.ReadOnlyModelViewSet):
    # One resource, read-only. Subclasses set `synlige`, `serializer_class`, `filterset_class`
    # and `relatert` (select_related) / `forhand` (prefetch_related), and a docstring in
    # Norwegian: it is the resource's description in the schema.

    synlige = staticmethod(lambda bruker: None)
    relatert: tuple[str, ...] = ()
    forhand: tuple[str, ...] = ()
    # Large columns no field of the resource shows (a search vector, a frozen snapshot).
    utelat: tuple[str, ...] = ()
    ordering = ("id",)
    filnavn = "tabell"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator asks for the model
            return self.serializer_class.Meta.model.objects.none()
        qs = self.synlige(self.request.user)
        if self.relatert:
            qs = qs.select_related(*self.relatert)
        if self.forhand:
            qs = qs.prefetch_related(*self.forhand)
        if self.utelat:
            qs = qs.defer(*self.utelat)
        return qs.order_by(*self.ordering)

    def get_serializer_context(self):
        kontekst = super().get_serializer_context()
        kontekst["personopplysninger"] = synlighet.kan_se_personopplysninger(self.request.user)
        return kontekst

    def _sjekk_parametre(self):
        """An unknown query parameter is a 400: a typo in a filter must not return everything."""
        kjente = set(FELLES_PARAMETRE)
        if self.filterset_class is not None:
            kjente |= set(self.filterset_class.base_filters)
        ukjente = sorted(set(self.request.query_params) - kjente)
        if ukjente:
            raise ValidationError(
                {
                    navn[:50]: [
                        _("Unknown parameter. Known: %(kjente)s.")
                        % {"kjente": ", ".join(sorted(kjente))}
                    ]
                    for navn in ukjente[:10]
                }
            )
        format_ = self.request.query_params.get("format")
        if format_ not in (None, "json", "csv"):
            raise ValidationError({"format": [_("«json» or «csv».")]})

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if self.action == "list":
            self._sjekk_parametre()
        elif request.query_params:
            raise ValidationError(
                {
                    navn[:50]: [_("A single object takes no query parameters.")]
                    for navn in sorted(request.query_params)[:10]
                }
            )

    def list(self, request, *args, **kwargs):
        if request.query_params.get("format") == "csv":
            return self._csv()
        return super().list(request, *args, **kwargs)

    def _csv(self):
        qs = self.filter_queryset(self.get_queryset())
        serializer = self.get_serializer()
        felter = list(serializer.fields.values())
        overskrifter = [capfirst(str(f.label or f.field_name)) for f in felter]

        def rader():
            for side in _i_biter(qs):
                for rad in self.get_serializer(side, many=True).data:
                    yield [_celle(rad[f.field_name]) for f in felter]

        return csv_svar([overskrifter], rader(), navn=lag_filnavn(self.filnavn))

    def finalize_response(self, request, response, *args, **kwargs):
        """An ETag on every JSON answer (a hash of the body); `If-None-Match` with the same
        tag gets 304 Not Modified, so Power BI's refresh fetches nothing that has not changed."""
        response = super().finalize_response(request, response, *args, **kwargs)
        if (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not getattr(response, "streaming", False)
        ):
            response.render()
            response["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
            betinget = get_conditional_response(request, etag=response["ETag"], response=response)
            if isinstance(betinget, HttpResponseNotModified):
                return betinget
        return response


def dokumenter(cls):
    """The schema of a resource: its list with `format` and the error answers, its detail."""
    return extend_schema_view(
        list=extend_schema(
            responses={200: cls.serializer_class(many=True), **FEILSVAR},
        ),
        retrieve=extend_schema(responses={200: cls.serializer_class, **FEILSVAR}),
    )(cls)


def _celle(verdi):
    if isinstance(verdi, list | dict):
        import json

        return json.dumps(verdi, ensure_ascii=False)
    return verdi


def _i_biter(qs, storrelse: int = 1000):
    """The queryset in pages of `storrelse` by id (a constant number of queries per page,
    never the whole table in memory)."""
    siste = 0
    while True:
        side = list(qs.filter(pk__gt=siste)[:storrelse])
        if not side:
            return
        yield side
        siste = side[-1].pk
