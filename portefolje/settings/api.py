"""The read-only API (api/): DRF with its own token authentication, and its OpenAPI schema."""

from portefolje.env import env_str

REST_FRAMEWORK = {
    # The token first: a request without credentials gets 401 with `WWW-Authenticate: Token`.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.autentisering.NokkelAutentisering",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "api.paginering.Sidedeling",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": ["api.struping.ApiStruping"],
    "EXCEPTION_HANDLER": "api.feil.feilsvar",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "URL_FORMAT_OVERRIDE": None,
}
# Requests per user (or address) and period, counted in the cache; empty turns it off.
API_STRUPING = env_str("API_STRUPING", "600/min")
SPECTACULAR_SETTINGS = {
    "TITLE": "Porteføljeportalen API",
    "DESCRIPTION": (
        "Lesetilgang til porteføljer, innspill, konseptnotater, møter, vurderinger, "
        "beslutninger og prosjekter. Autentisering: `Authorization: Token <nøkkel>` "
        "(lag nøkkelen på «Min profil») eller innlogget økt. Hver liste tar `?format=csv`: "
        "hele den filtrerte listen som CSV (semikolon, UTF-8) med norske kolonneoverskrifter, "
        "for Excel og Power BI. Listene sorteres på id og deles i sider (`side`, `per_side`); "
        "hvert svar har en ETag, og `If-None-Match` gir 304 når ingenting er endret."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "ProsjekttilstandEnum": "prosjekter.models.prosjekt.Tilstand",
        "ProsjektfaseEnum": "prosjekter.models.prosjekt.Fase",
        "RapporttilstandEnum": "prosjekter.models.status.Rapporttilstand",
    },
}
