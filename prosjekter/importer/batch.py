"""An import batch from upload to undo: plan (the preview, nothing written), import, undo.

Re-importing finds each object by the source's own key (`Importkobling`) and updates it; an
unchanged object is left alone. Each batch records what it created or changed and the version
it left behind (`Importendring`), so undo can refuse when someone has changed an object since.
"""

import hashlib
import logging

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.db.models import ProtectedError, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ideer.importfil import ImportFeil
from portefolje.revisjon import logg_hendelse
from prosjekter.importer.msproject import mspdi_planlegg
from prosjekter.importer.plan import Plan, Rad
from prosjekter.importer.prosjektportalen import pp365_planlegg
from prosjekter.importer.skriving import MODELLER, endrede_felt, for_endring, rad_skriv
from prosjekter.models import Batchtilstand, Importbatch, Importendring, Importkobling, Prosjekt

logger = logging.getLogger(__name__)

NOKKEL_LENGDE = Importkobling._meta.get_field("ekstern_nokkel").max_length
LESERE = {"msproject": mspdi_planlegg, "prosjektportalen": pp365_planlegg}
ART_NAVN = {
    "prosjekt": gettext_lazy("project"),
    "leveranse": gettext_lazy("deliverable"),
    "statusrapport": gettext_lazy("status report"),
    "usikkerhet": gettext_lazy("uncertainty"),
    "gevinst": gettext_lazy("benefit"),
    "indikator": gettext_lazy("indicator"),
    "maling": gettext_lazy("measurement"),
}


def _lagret_nokkel(nokkel: str) -> str:
    # A key built from titles (benefit/indicator/date) may outgrow the column: its hash keeps
    # it unique.
    if len(nokkel) <= NOKKEL_LENGDE:
        return nokkel
    return f"{nokkel[:200]}#{hashlib.sha256(nokkel.encode()).hexdigest()[:40]}"


def _kobling(kilde: str, art: str, nokkel: str) -> Importkobling | None:
    return Importkobling.objects.filter(
        kilde=kilde, art=art, ekstern_nokkel=_lagret_nokkel(nokkel)
    ).first()


def _objekt(kobling: Importkobling | None, art: str):
    if kobling is None:
        return None
    return MODELLER[art].objects.filter(pk=kobling.objekt_id).first()


def _finn_prosjekt(plan_prosjekter: dict, kilde: str, navn: str) -> str | None:
    """A child row's project: one in this batch (by key or title), one imported before, or one
    already in the portal (by number or title, then written «#id»)."""
    if navn in plan_prosjekter:
        return plan_prosjekter[navn]
    if _kobling(kilde, "prosjekt", navn) is not None:
        return navn
    treff = list(Prosjekt.objects.filter(Q(nummer=navn) | Q(tittel=navn)).values_list("pk")[:2])
    return f"#{treff[0][0]}" if len(treff) == 1 else None


def _knytt_foreldre(plan: Plan, kilde: str) -> None:
    """Resolve each row's parent; a row whose parent is nowhere is dropped with a problem."""
    prosjekter = {r.nokkel: r.nokkel for r in plan.rader if r.art == "prosjekt"}
    prosjekter.update({r.tittel: r.nokkel for r in plan.rader if r.art == "prosjekt"})
    kjente, beholdt = set(), []
    for rad in plan.sortert():
        if rad.art in ("indikator", "maling"):
            funnet = rad.forelder if rad.forelder in kjente else None
        elif rad.art != "prosjekt":
            funnet = _finn_prosjekt(prosjekter, kilde, rad.forelder)
            if funnet is None:
                plan.problem(
                    rad.sted,
                    _("We found no project «%(navn)s»: the row is skipped.")
                    % {"navn": rad.forelder},
                )
        else:
            funnet = ""
        if funnet is not None and (rad.art, rad.nokkel) not in kjente:
            rad.forelder = funnet
            kjente.update({(rad.art, rad.nokkel), rad.nokkel})
            beholdt.append(rad)
    plan.rader = beholdt


def _sjekk_rader(plan: Plan) -> None:
    """Cut text to its column, and drop a row whose end comes before its start (the database
    would refuse it), with a problem."""
    beholdt = []
    for rad in plan.rader:
        modell = MODELLER[rad.art]
        for felt, verdi in rad.data.items():
            lengde = getattr(modell._meta.get_field(felt), "max_length", None)
            if isinstance(verdi, str) and lengde and len(verdi) > lengde:
                rad.data[felt] = verdi[:lengde]
        start, slutt = rad.data.get("startdato"), rad.data.get("sluttdato")
        if start and slutt and slutt < start:
            plan.problem(rad.sted, _("The end date is before the start date: the row is skipped."))
            continue
        beholdt.append(rad)
    plan.rader = beholdt


def importbatch_planlegg(*, batch: Importbatch) -> Plan:
    """What the batch's files would create or update. Reads only; a file that cannot be read
    becomes a problem naming the file."""
    plan = Plan()
    for fil in batch.filer.all():
        try:
            delplan = LESERE[batch.kilde](
                bytes(fil.innhold), filnavn=fil.navn, kobling=batch.kobling
            )
        except ImportFeil as feil:
            plan.problem(fil.navn, str(feil))
            continue
        plan.rader.extend(delplan.rader)
        plan.problemer.extend(delplan.problemer)
        plan.ukjente.update(delplan.ukjente)
    _sjekk_rader(plan)
    _knytt_foreldre(plan, batch.kilde)
    return plan


def importbatch_forhandsvis(*, batch: Importbatch) -> tuple[Plan, list[dict]]:
    """The plan, and per row whether it would be created, updated (with which fields) or left
    as it is. Writes nothing."""
    plan = importbatch_planlegg(batch=batch)
    linjer = []
    for rad in plan.rader:
        objekt = _objekt(_kobling(batch.kilde, rad.art, rad.nokkel), rad.art)
        endret = list(endrede_felt(objekt, rad.data)) if objekt is not None else []
        handling = "ny" if objekt is None else ("endres" if endret else "uendret")
        linjer.append(
            {"rad": rad, "art": ART_NAVN[rad.art], "handling": handling, "endret": endret}
        )
    return plan, linjer


def _forelder(rad: Rad, kilde: str):
    if rad.art == "prosjekt":
        return None
    if rad.forelder.startswith("#"):
        return Prosjekt.objects.get(pk=int(rad.forelder[1:]))
    art = {"indikator": "gevinst", "maling": "indikator"}.get(rad.art, "prosjekt")
    return _objekt(_kobling(kilde, art, rad.forelder), art)


def _importer_rad(*, batch: Importbatch, rad: Rad, aktor) -> str:
    """Write one row in its own savepoint; 'ny', 'endret' or 'uendret'."""
    kobling = _kobling(batch.kilde, rad.art, rad.nokkel)
    objekt = _objekt(kobling, rad.art)
    data = rad.data if objekt is None else endrede_felt(objekt, rad.data)
    if objekt is not None and not data:
        return "uendret"
    for_ = for_endring(objekt, list(data)) if objekt is not None else {}
    data = rad.data if objekt is None else {f: rad.data[f] for f in data}
    forelder = _forelder(rad, batch.kilde)
    if rad.art != "prosjekt" and forelder is None:
        raise ValidationError(_("What the row belongs to was not imported: the row is skipped."))
    with transaction.atomic():
        lagret = rad_skriv(
            art=rad.art,
            objekt=objekt,
            forelder=forelder,
            data=data,
            portefolje=batch.portefolje,
            aktor=aktor,
        )
        if kobling is None or objekt is None:
            kobling, _ny = Importkobling.objects.update_or_create(
                kilde=batch.kilde,
                art=rad.art,
                ekstern_nokkel=_lagret_nokkel(rad.nokkel),
                defaults={"objekt_id": lagret.pk},
            )
        Importendring.objects.create(
            batch=batch,
            kobling=kobling,
            opprettet_objekt=objekt is None,
            for_endring=for_,
            versjon_etter=lagret.versjon,
        )
    return "ny" if objekt is None else "endret"


def _melding(feil: ValidationError) -> str:
    return " ".join(feil.messages)


@transaction.atomic
def importbatch_importer(*, batch: Importbatch, aktor) -> dict:
    """Create and update what the preview showed. A row the services refuse (a date outside the
    project's period) is skipped with its problem in the report; the rest is written. Refuses a
    batch that is already imported."""
    batch = Importbatch.objects.select_for_update().get(pk=batch.pk)
    if batch.tilstand != Batchtilstand.FORHANDSVIST:
        raise ValidationError(_("This import has already been carried out."))
    plan = importbatch_planlegg(batch=batch)
    telling = {"ny": 0, "endret": 0, "uendret": 0}
    problemer = [[p.sted, p.melding] for p in plan.problemer]
    for rad in plan.sortert():
        try:
            telling[_importer_rad(batch=batch, rad=rad, aktor=aktor)] += 1
        except ValidationError as feil:
            problemer.append([rad.sted, _melding(feil)])
        except DatabaseError:
            # The row's own savepoint is rolled back; the rest of the import goes on.
            logger.warning("Importrad avvist av databasen: %s", rad.sted, exc_info=True)
            problemer.append([rad.sted, _("The row could not be saved. Check its values.")])
    batch.rapport = {**telling, "problemer": problemer}
    batch.tilstand, batch.importert = Batchtilstand.IMPORTERT, timezone.now()
    batch.save(update_fields=["rapport", "tilstand", "importert"])
    batch.filer.all().delete()
    logg_hendelse(
        aktor=aktor,
        objekt=batch,
        handling="importert",
        beskrivelse=_("Import from %(kilde)s: %(ny)s created, %(endret)s updated.")
        % {"kilde": batch.get_kilde_display(), **telling},
        data=telling,
    )
    return batch.rapport


def _endret_siden(endringer) -> list[str]:
    """What someone has changed since the batch: objects gone, or at another version."""
    endret = []
    for endring in endringer:
        art = endring.kobling.art
        objekt = _objekt(endring.kobling, art)
        if objekt is None or objekt.versjon != endring.versjon_etter:
            endret.append(f"{ART_NAVN[art]} «{objekt or endring.kobling.ekstern_nokkel}»")
    return endret


def _angre_endring(endring: Importendring) -> None:
    art = endring.kobling.art
    objekt = _objekt(endring.kobling, art)
    if endring.opprettet_objekt:
        try:
            objekt.delete()
        except ProtectedError:
            raise ValidationError(
                _("%(art)s «%(navn)s» has been given content by hand since the import.")
                % {"art": ART_NAVN[art], "navn": objekt}
            ) from None
        endring.kobling.delete()
        return
    modell = MODELLER[art]
    for attname, verdi in endring.for_endring.items():
        felt = next(f for f in modell._meta.concrete_fields if f.attname == attname)
        setattr(objekt, attname, felt.to_python(verdi))
    objekt.versjon += 1
    objekt.save()
    # The object is back as the batch before left it: that batch may still be undone.
    Importendring.objects.filter(
        kobling=endring.kobling,
        versjon_etter=endring.versjon_etter - 1,
        batch__tilstand=Batchtilstand.IMPORTERT,
    ).exclude(batch=endring.batch).update(versjon_etter=objekt.versjon)


@transaction.atomic
def importbatch_angre(*, batch: Importbatch, aktor) -> None:
    """Undo a whole batch: delete what it created and put back what it changed. Refused, naming
    what changed, if anyone has changed one of its objects since (by its version), or added
    something to one."""
    batch = Importbatch.objects.select_for_update().get(pk=batch.pk)
    if batch.tilstand != Batchtilstand.IMPORTERT:
        raise ValidationError(_("Only an import that has been carried out can be undone."))
    endringer = list(batch.endringer.select_related("kobling").order_by("-id"))
    endret = _endret_siden(endringer)
    if endret:
        raise ValidationError(
            _("The import cannot be undone: changed since the import: %(hva)s.")
            % {"hva": ", ".join(endret)}
        )
    for endring in endringer:
        _angre_endring(endring)
    batch.tilstand, batch.angret = Batchtilstand.ANGRET, timezone.now()
    batch.save(update_fields=["tilstand", "angret"])
    logg_hendelse(
        aktor=aktor,
        objekt=batch,
        handling="angret",
        beskrivelse=_("Import from %(kilde)s undone: %(antall)s changes reversed.")
        % {"kilde": batch.get_kilde_display(), "antall": len(endringer)},
    )
