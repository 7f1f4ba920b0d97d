"""The ideas list's columns and groupings (`portefolje.tabellvisning`).

Every value is read from the list's one query (`views/liste.py`), which fetches only the fields,
people and portfolio the chosen columns name (`felt`); the sections are always prefetched, so
any choice costs the same queries.
"""

from django.urls import reverse
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from ideer.models import Kanal, Opphav, Status, Type
from ideer.permissions import kan_se_personopplysninger
from portefolje.personer import navn
from portefolje.tabellvisning import Gruppering, Kolonne, Liste, etikett


def _palagt(innspill) -> str:
    return _g("Imposed") if innspill.palagt else ""


KOLONNER = [
    Kolonne("nummer", _("Number"), lambda i: i.pk, standard=True, bredde=9),
    Kolonne(
        "tittel",
        _("Title"),
        lambda i: i.tittel,
        sortering="tittel",
        standard=True,
        bredde=40,
        radhode=True,
        lenke=lambda i: i.get_absolute_url(),
        merke=_palagt,
        felt=("tittel", "palagt"),
    ),
    Kolonne("type", _("Kind"), etikett("type", Type), standard=True, bredde=12, felt=("type",)),
    Kolonne("opphav", _("Source"), etikett("opphav", Opphav), standard=True, felt=("opphav",)),
    Kolonne("kanal", _("Channel"), etikett("kanal", Kanal), standard=True, felt=("kanal",)),
    Kolonne(
        "status",
        _("Status"),
        etikett("status", Status),
        art="farge",
        farge=lambda i: i.status_farge,
        sortering="status",
        standard=True,
        felt=("status",),
    ),
    Kolonne("palagt", _("Imposed"), _palagt, bredde=9, felt=("palagt",)),
    Kolonne(
        "seksjoner",
        _("Sections"),
        lambda i: ", ".join(s.navn for s in i.seksjoner.all()),
        standard=True,
        bredde=24,
    ),
    Kolonne(
        "portefolje",
        _("Portfolio"),
        lambda i: i.portefolje.navn if i.portefolje else "",
        bredde=24,
        felt=("portefolje__navn",),
    ),
    Kolonne(
        "initiativtaker",
        _("Initiator"),
        lambda i: navn(i.initiativtaker) if i.initiativtaker else "",
        bredde=24,
        felt=("initiativtaker__username",),
    ),
    Kolonne(
        "innsender",
        _("Submitted by"),
        lambda i: navn(i.innsender) if i.innsender else "",
        bredde=24,
        felt=("innsender__username",),
    ),
    Kolonne("referanse", _("Reference"), lambda i: i.referanse, felt=("referanse",)),
    Kolonne(
        "opprettet",
        _("Received"),
        lambda i: i.opprettet,
        art="dato",
        sortering="opprettet",
        standard=True,
        bredde=17,
        felt=("opprettet",),
    ),
    Kolonne("endret", _("Changed"), lambda i: i.endret, art="dato", bredde=17, felt=("endret",)),
    Kolonne(
        "parkert_til", _("Parked until"), lambda i: i.parkert_til, art="dato", felt=("parkert_til",)
    ),
    Kolonne(
        "beskrivelse",
        _("Need or problem"),
        lambda i: i.beskrivelse,
        bredde=60,
        felt=("beskrivelse",),
    ),
    # Citizens' names and addresses: the development team only.
    Kolonne(
        "innsender_navn",
        _("Citizen's name"),
        lambda i: i.innsender_navn,
        bredde=24,
        tilgang=kan_se_personopplysninger,
        felt=("innsender_navn",),
    ),
    Kolonne(
        "innsender_epost",
        _("Citizen's e-mail"),
        lambda i: i.innsender_epost,
        bredde=28,
        tilgang=kan_se_personopplysninger,
        felt=("innsender_epost",),
    ),
]

GRUPPERINGER = [
    Gruppering(
        "status", _("Status"), "status", etikett("status", Status), rekkefolge=tuple(Status.values)
    ),
    Gruppering("type", _("Kind"), "type", etikett("type", Type), rekkefolge=tuple(Type.values)),
    Gruppering(
        "opphav", _("Source"), "opphav", etikett("opphav", Opphav), rekkefolge=tuple(Opphav.values)
    ),
    Gruppering(
        "kanal", _("Channel"), "kanal", etikett("kanal", Kanal), rekkefolge=tuple(Kanal.values)
    ),
    Gruppering(
        "portefolje",
        _("Portfolio"),
        "portefolje__navn",
        lambda i: i.portefolje.navn if i.portefolje else "",
    ),
]

INNSPILLSLISTE = Liste(
    nokkel="ideer",
    tittel=_("Ideas and orders"),
    kolonner=KOLONNER,
    adresse=lambda: reverse("ideer:liste"),
    grupperinger=GRUPPERINGER,
)
