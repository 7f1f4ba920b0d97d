"""Django's own account screens, where the portal needs more than Django gives."""

import hashlib

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import PasswordResetForm
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _

from portefolje.klient import klientadresse, over_grensen
from portefolje.skjema import RenTekstMixin
from portefolje.sprak import paa_sprak, sprak_valgt


class PassordTilbakestillingSkjema(RenTekstMixin, PasswordResetForm):
    """Django's reset form; the e-mail goes out in the account holder's written language (their
    profile's choice, else the language of the page they asked from)."""

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        sprak = sprak_valgt(context.get("user")) or translation.get_language()
        with paa_sprak(sprak):
            super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)


@method_decorator(login_not_required, name="dispatch")
class PassordTilbakestillingView(auth_views.PasswordResetView):
    """Django's reset form, throttled per e-mail address and per client.

    The limit counts every request, whether or not the address has an account, and the refusal
    reads the same either way: it tells nobody which addresses exist.
    """

    form_class = PassordTilbakestillingSkjema

    def form_valid(self, form):
        grense = settings.PASSORD_TILBAKESTILLING_PER_TIME
        epost = form.cleaned_data["email"].strip().lower()
        # The address is hashed: the cache (Redis) holds no e-mail addresses in clear text.
        epost_nokkel = hashlib.sha256(epost.encode()).hexdigest()
        # Both counters move on every request, so neither can be probed while the other holds.
        for_mange_adresse = over_grensen(
            f"passord:epost:{epost_nokkel}", grense=grense, sekunder=3600
        )
        for_mange_klient = over_grensen(
            f"passord:klient:{klientadresse(self.request) or 'ukjent'}",
            grense=grense * 2,
            sekunder=3600,
        )
        if for_mange_adresse or for_mange_klient:
            form.add_error(
                None,
                _(
                    "We have received many requests for a new password in a short time. "
                    "Please wait an hour and try again."
                ),
            )
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().form_valid(form)
