"""Which written language a person gets: bokmål or nynorsk (språklova).

The municipality sets the default (`LANGUAGE_CODE` in the environment); each employee may choose
on «Min profil» (`Profil.sprak`), and anyone, signed in or not, may choose on any page with
Django's `set_language` (the language cookie). A person's choice wins over the municipality's
default; the browser's Accept-Language does not count, since nearly every Norwegian browser says
«nb» and a nynorsk municipality would otherwise never be shown in nynorsk.

E-mail is written in the recipient's language: `sprak_for(bruker)` for an employee, the language
a citizen wrote their input in for a citizen without an account. What people typed stays as
they wrote it.
"""

from django.conf import settings
from django.utils import translation

# The session key that carries a signed-in person's choice from their profile.
SESJONSNOKKEL = "portefolje_sprak"


def sprakkoder() -> list[str]:
    return [kode for kode, _navn in settings.LANGUAGES]


def sprak_gyldig(kode) -> bool:
    return isinstance(kode, str) and kode in sprakkoder()


def sprak_eller_standard(kode) -> str:
    """`kode` if the portal has it, else the municipality's default."""
    return kode if sprak_gyldig(kode) else settings.LANGUAGE_CODE


def sprak_valgt(bruker) -> str:
    """The language a person chose on their profile; "" when they follow the default."""
    if bruker is None or not getattr(bruker, "pk", None):
        return ""
    kjent = bruker.__dict__.get("_profil_sprak")
    if kjent is not None:
        return kjent
    from portefolje.models import Profil

    valgt = Profil.objects.filter(bruker_id=bruker.pk).values_list("sprak", flat=True).first()
    valgt = valgt if sprak_gyldig(valgt) else ""
    bruker.__dict__["_profil_sprak"] = valgt
    return valgt


def sprak_for(bruker) -> str:
    """The language to write to `bruker` in: their choice, or the municipality's default."""
    return sprak_valgt(bruker) or settings.LANGUAGE_CODE


def sprak_for_brukere(bruker_ider) -> dict[int, str]:
    """{user id: language} for many people in one query (the reminder pass)."""
    from portefolje.models import Profil

    ider = set(bruker_ider)
    valgt = dict(Profil.objects.filter(bruker_id__in=ider).values_list("bruker_id", "sprak"))
    return {pk: sprak_eller_standard(valgt.get(pk)) for pk in ider}


def paa_sprak(kode):
    """`with paa_sprak(kode):` – texts in `kode`, or in the default when it is unknown."""
    return translation.override(sprak_eller_standard(kode))


def profilsprak_i_okten(sender=None, request=None, user=None, **kwargs) -> None:
    """Receiver for `user_logged_in`: the profile's language follows the person into the
    session, so no page needs a query to know it."""
    if request is None or not hasattr(request, "session"):
        return
    valgt = sprak_valgt(user)
    if valgt:
        request.session[SESJONSNOKKEL] = valgt
    else:
        request.session.pop(SESJONSNOKKEL, None)


def profilsprak_lagre(*, bruker, sprak: str, request=None) -> str:
    """Save the person's choice on their profile ("" follows the municipality's default) and,
    given the request, in their session; returns the language now in effect.

    Refuses (ValueError) a code the portal does not have.
    """
    from portefolje.models import Profil

    if sprak and not sprak_gyldig(sprak):
        raise ValueError(f"Ukjent språkkode: {sprak!r}")
    Profil.objects.update_or_create(bruker=bruker, defaults={"sprak": sprak})
    bruker.__dict__["_profil_sprak"] = sprak
    if request is not None and hasattr(request, "session"):
        if sprak:
            request.session[SESJONSNOKKEL] = sprak
        else:
            request.session.pop(SESJONSNOKKEL, None)
    return sprak_eller_standard(sprak)


def sprak_informasjonskapsel(svar, sprak: str):
    """Set (or, for "" = the default, delete) set_language's cookie on `svar`, so the login page
    after logging out stays in the person's language too."""
    if sprak_gyldig(sprak):
        svar.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            sprak,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    else:
        svar.delete_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    return svar
