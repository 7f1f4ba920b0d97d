"""Status colours, in one place: a colour is never shown without its word.

Every phase maps its own states to one of these (`Farge`) and renders the badge through the
shared tag `{% statusmerke %}` (portefolje/templatetags/farger.py), whose CSS classes live in
static/css/portal.css.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Farge(models.TextChoices):
    GRONN = "gronn", _("Green")
    GUL = "gul", _("Yellow")
    ROD = "rod", _("Red")
    GRA = "gra", _("Not set")


# Worst last: the overall colour of several is the highest-ranked one.
FARGE_RANG = {Farge.GRA: 0, Farge.GRONN: 1, Farge.GUL: 2, Farge.ROD: 3}


def css_klasse(farge: str) -> str:
    """The badge class for a colour value, e.g. «status-gronn»."""
    return f"status-{farge or Farge.GRA}"


def verste(farger) -> str:
    """The worst of the colours that are set, or «not set» when none is."""
    satte = [f for f in farger if f and f != Farge.GRA]
    return max(satte, key=FARGE_RANG.__getitem__) if satte else Farge.GRA
