"""Access rules for Begrunne's URLs, read by the project-wide permission walk (tests/).

Drafts are private to their authors and the development team; from submission on, every
employee may read a note (detail, history, diff, print, PDF). Writing (edit, submit, comment,
send back, mark ready, become guide) is for authors, guides and the development team only.
The examples use a demo note that is ready for KLG (readable by all), so the walk sees 200 on
the reading pages and 403 on the writing ones for an outsider.
"""

OFFENTLIGE: set[str] = set()

ALLE_ANSATTE = {
    "konseptnotat:liste",
    "konseptnotat:ny",
    "konseptnotat:detalj",
    "konseptnotat:historikk",
    "konseptnotat:diff",
    "konseptnotat:utskrift",
    "konseptnotat:pdf",
}

# Anyone may start their own note.
ALLE_ANSATTE_POST = {"konseptnotat:ny"}


def _klart_notat(**_):
    from konseptnotat.models import Konseptnotat, Status

    notat = Konseptnotat.objects.filter(status=Status.KLAR).order_by("pk").first()
    return {"pk": notat.pk}


def _kommentar(**_):
    from konseptnotat.models import Kommentar, Status

    kommentar = Kommentar.objects.filter(notat__status=Status.KLAR).order_by("pk").first()
    return {"pk": kommentar.notat_id, "kommentar_id": kommentar.pk}


EKSEMPEL_KWARGS = dict.fromkeys(
    [
        "konseptnotat:detalj",
        "konseptnotat:rediger",
        "konseptnotat:send-inn",
        "konseptnotat:send-tilbake",
        "konseptnotat:klar",
        "konseptnotat:veileder",
        "konseptnotat:kommentar-ny",
        "konseptnotat:historikk",
        "konseptnotat:diff",
        "konseptnotat:utskrift",
        "konseptnotat:pdf",
    ],
    _klart_notat,
) | {"konseptnotat:kommentar-los": _kommentar}
