"""Entra ID single sign-on. The login flow happens before anyone is logged in, so these views are
exempt from LoginRequiredMiddleware (mozilla-django-oidc's own urls.py does not say so)."""

from django.contrib.auth.decorators import login_not_required
from django.urls import path
from mozilla_django_oidc import views

urlpatterns = [
    path(
        "callback/",
        login_not_required(views.OIDCAuthenticationCallbackView.as_view()),
        name="oidc_authentication_callback",
    ),
    path(
        "authenticate/",
        login_not_required(views.OIDCAuthenticationRequestView.as_view()),
        name="oidc_authentication_init",
    ),
    path("logout/", views.OIDCLogoutView.as_view(), name="oidc_logout"),
]
