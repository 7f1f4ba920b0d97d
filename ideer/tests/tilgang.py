"""Access rules for Samle's URLs, read by the permission walk (see portefolje/tests/tilgang.py).

Public: the citizens' form and the receipt (the unguessable code is the key). Every employee
may read the list and each input, see their own, and send ideas. Triage, import and attachment
downloads are for the development team (downloads also for the submitter): an outsider gets
403 or 404.
"""

OFFENTLIGE = {"ideer:folg", "ideer:offentlig-ny", "ideer:kvittering"}

ALLE_ANSATTE = {"ideer:liste", "ideer:ny", "ideer:mine", "ideer:detalj"}

# The employee form: anyone may send an idea.
ALLE_ANSATTE_POST = {"ideer:ny"}


def _innspill(**_):
    from ideer.models import Innspill

    return Innspill.objects.order_by("pk").first()


def _pk(**kwargs):
    return {"pk": _innspill(**kwargs).pk}


def _kode(**kwargs):
    return {"kode": _innspill(**kwargs).kode}


def _vedlegg(**_):
    from ideer.models import Vedlegg

    vedlegg = Vedlegg.objects.order_by("pk").first()
    return {"pk": vedlegg.innspill_id, "vedlegg_id": vedlegg.pk}


EKSEMPEL_KWARGS = {
    "ideer:detalj": _pk,
    "ideer:triage": _pk,
    "ideer:vedlegg": _vedlegg,
    "ideer:kvittering": _kode,
}
