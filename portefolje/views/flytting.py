"""The full export for a superuser: one button, and the zip comes back (portefolje.flytting).

Built while the person waits, into a temporary file rather than memory, and only up to
MAKS_BYTE: a larger installation is exported by the IT department with `eksporter_alt`, which
has no bound and no web server's timeout.
"""

import tempfile

from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from portefolje.flytting.ut import ForStorEksport, alt_eksporter
from portefolje.permissions import kan_ta_ut_alle_data
from portefolje.revisjon import logg_hendelse

MAKS_BYTE = 200 * 1024 * 1024


def ta_ut_alle_data_view(request):
    """GET: what the export holds; POST: the zip, or a message if it is too large for the web."""
    if not kan_ta_ut_alle_data(request.user):
        raise PermissionDenied
    for_stor = False
    if request.method == "POST":
        # Closed by FileResponse once sent, or below when the export fails.
        fil = tempfile.TemporaryFile()  # noqa: SIM115
        try:
            resultat = alt_eksporter(mal=fil, maks_byte=MAKS_BYTE)
        except ForStorEksport:
            fil.close()
            for_stor = True
        except BaseException:
            fil.close()
            raise
        else:
            # Taking every record out of the portal is something the audit trail must show.
            logg_hendelse(
                aktor=request.user,
                objekt=request.user,
                handling="alle_data_eksportert",
                beskrivelse=_("%(bruker)s downloaded the full export")
                % {"bruker": request.user.get_username()},
                data={"rader": sum(resultat.rader.values()), "vedlegg": resultat.filer},
            )
            fil.seek(0)
            navn = f"portefoljeportalen-{timezone.localdate():%Y-%m-%d}.zip"
            return FileResponse(fil, as_attachment=True, filename=navn)
    return render(
        request,
        "portefolje/ta_ut_alle_data.html",
        {"for_stor": for_stor, "maks_mb": MAKS_BYTE // (1024 * 1024)},
        status=413 if for_stor else 200,
    )
