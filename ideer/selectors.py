"""Read-side queries for Samle that are more than a QuerySet filter."""

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import connection
from django.db.models import BooleanField, FloatField, Q, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext as _

from ideer.models import SOK_KONFIG, Innspill, Status
from portefolje.historikk import historikk_for
from portefolje.models import Hendelse
from portefolje.personer import navn

# Below this trigram similarity of the whole text (title and need) two inputs are not worth
# showing as possible duplicates.
LIKHET_GRENSE = 0.3
# Bounds: candidates considered per page view, and the text compared (the cost grows with it).
MAKS_KANDIDATER = 200
MAKS_TEKST = 2_000
# The SQLite fallback reads at most this many of the newest inputs.
MAKS_UTEN_POSTGRES = 2_000
VIS_ORD = 6


def _tekst(innspill) -> str:
    return f"{innspill.tittel} {innspill.beskrivelse}"[:MAKS_TEKST]


def _ord(tekst: str) -> list[str]:
    """The words worth naming: four letters or more, in the order they come, once each."""
    return list(dict.fromkeys(re.findall(r"\w{4,}", tekst.lower())))


def felles_ord(a: str, b: str) -> list[str]:
    """The words two texts share, to show a person why an input is suggested."""
    i_b = set(_ord(b))
    return [o for o in _ord(a) if o in i_b][:VIS_ORD]


def _trigrammer(tekst: str) -> set[str]:
    """pg_trgm's trigrams: each word lower-cased, two spaces before it and one after."""
    trigrammer = set()
    for ord_ in re.findall(r"\w+", tekst.lower()):
        ord_ = f"  {ord_} "
        trigrammer.update(ord_[i : i + 3] for i in range(len(ord_) - 2))
    return trigrammer


def trigram_likhet(a: str, b: str) -> float:
    """pg_trgm's similarity(), for the fallback without PostgreSQL."""
    ta, tb = _trigrammer(a), _trigrammer(b)
    return len(ta & tb) / len(ta | tb) if ta and tb else 0.0


def foreslatte_duplikater(innspill: Innspill, *, antall: int = 5) -> list[Innspill]:
    """Open inputs whose whole text (title and need) resembles this one's, most similar first.

    A shared place name no longer makes two ideas duplicates: the similarity is over the whole
    text, not the title alone. Each suggestion carries `likhet` (0–1) and `felles_ord`, the words
    the two share, so the page can say why it is suggested. On PostgreSQL one query: the
    full-text index finds inputs that share a word or resemble the title, the best
    MAKS_KANDIDATER of those are compared by trigram similarity of the whole text.
    """
    tekst = _tekst(innspill)
    kandidater = Innspill.objects.exclude(pk=innspill.pk).exclude(status=Status.SLATT_SAMMEN)
    if connection.vendor == "postgresql":
        funn = _lignende_pa_postgres(kandidater, innspill, tekst, antall)
    else:
        funn = _lignende_uten_postgres(kandidater, tekst, antall)
    for kandidat in funn:
        kandidat.felles_ord = felles_ord(_tekst(kandidat), tekst)
    return funn


def _lignende_pa_postgres(kandidater, innspill: Innspill, tekst: str, antall: int) -> list:
    from django.contrib.postgres.search import TrigramSimilarity

    # Any shared word (plainto_tsquery's AND turned into OR), through the GIN index.
    deler_ord = RawSQL(
        '"ideer_innspill"."sokevektor" @@ '
        "replace(plainto_tsquery(%s::regconfig, %s)::text, '&', '|')::tsquery",
        [SOK_KONFIG, tekst],
        output_field=BooleanField(),
    )
    rangering = RawSQL(
        'ts_rank("ideer_innspill"."sokevektor", '
        "replace(plainto_tsquery(%s::regconfig, %s)::text, '&', '|')::tsquery)",
        [SOK_KONFIG, tekst],
        output_field=FloatField(),
    )
    beste = (
        kandidater.annotate(deler_ord=deler_ord, rang=rangering)
        .filter(Q(deler_ord=True) | Q(tittel__trigram_similar=innspill.tittel))
        .order_by("-rang", "-pk")
        .values("pk")[:MAKS_KANDIDATER]
    )
    hele_teksten = Substr(
        Concat("tittel", Value(" "), "beskrivelse", output_field=TextField()), 1, MAKS_TEKST
    )
    return list(
        Innspill.objects.filter(pk__in=beste)
        .only("pk", "tittel", "beskrivelse", "status", "opprettet")
        .annotate(likhet=TrigramSimilarity(hele_teksten, tekst))
        .filter(likhet__gte=LIKHET_GRENSE)
        .order_by("-likhet", "-pk")[:antall]
    )


def _lignende_uten_postgres(kandidater, tekst: str, antall: int) -> list:
    funn = []
    nyeste = kandidater.only("pk", "tittel", "beskrivelse", "status", "opprettet").order_by("-pk")
    for kandidat in nyeste[:MAKS_UTEN_POSTGRES]:
        kandidat.likhet = trigram_likhet(tekst, _tekst(kandidat))
        if kandidat.likhet >= LIKHET_GRENSE:
            funn.append(kandidat)
    return sorted(funn, key=lambda k: (-k.likhet, -k.pk))[:antall]


# Records with no action to close them (an edit in the admin) are one moment while they come
# within this of each other.
SAMME_OYEBLIKK = timedelta(seconds=2)
# The status step tells these; its field change would say it twice.
STEGFELT = ("status", "lukket")
# Personal data stays out of the field changes for those who may not see it.
PERSONFELT = ("innsender", "innsender_navn", "innsender_epost", "samtykke_epost", "anonymisert")
STEG, FELT, HANDLING = 0, 1, 2  # the order one service call writes them in
# Whose «who» a moment shows: the action's, else the step's, else the history row's.
HVEM_FORST = {HANDLING: 0, STEG: 1, FELT: 2}


@dataclass
class Oyeblikk:
    """One entry on an input's timeline: when, who acted, and what happened (one or more lines)."""

    tidspunkt: datetime
    hvem: str
    hva: list[str] = field(default_factory=list)


@dataclass
class _Spor:
    tidspunkt: datetime
    kilde: int
    hvem: str
    tekst: str
    kommentar: str = ""


def innspill_tidslinje(innspill: Innspill, *, handlinger: bool, personopplysninger: bool):
    """The input's one history, newest first: each moment someone acted, with who, when, what.

    Three records meet here, each kept for what it does best: the status steps (with the triage
    comment), the audit trail's actions (their intent, «Avvist: …»; their text only with
    `handlinger`, for the development team) and django-simple-history's field changes (edits in
    the admin too). A service writes the step, then the row, then the action last, so an action
    closes its moment: what one call wrote is one entry. Who acted is said one way: the action's
    actor (the person the service acted for) if there is one, else the step's, else the row's.
    Three queries, plus one per model a changed foreign key points to.
    """
    ingen = _("the public / the system")
    spor = [
        _Spor(
            steg.tidspunkt,
            STEG,
            navn(steg.endret_av, tom=ingen),
            _("Status: %(fra)s → %(til)s")
            % {"fra": steg.get_fra_status_display(), "til": steg.get_til_status_display()}
            if steg.fra_status != steg.til_status
            else "",
            steg.kommentar,
        )
        for steg in innspill.statushistorikk.select_related("endret_av")
    ]
    spor += [
        _Spor(h.tidspunkt, HANDLING, navn(h.aktor, tom=ingen), h.beskrivelse)
        for h in Hendelse.objects.for_objekt(innspill).order_by("-tidspunkt", "-id")[:100]
    ]
    utelat = STEGFELT if personopplysninger else STEGFELT + PERSONFELT
    spor += [
        _Spor(linje.tidspunkt, FELT, linje.hvem, "; ".join(str(e) for e in linje.endringer))
        for linje in historikk_for(innspill, utelat=utelat)
        # The creation is the step «Received»; a save that changed nothing shown is no moment.
        if linje.handling == "~" and linje.endringer
    ]
    oyeblikk = [_oyeblikk(gruppe, handlinger=handlinger) for gruppe in _grupper(spor)]
    return sorted(oyeblikk, key=lambda o: o.tidspunkt, reverse=True)


def _grupper(spor: list[_Spor]) -> list[list[_Spor]]:
    grupper: list[list[_Spor]] = [[]]
    for s in sorted(spor, key=lambda s: (s.tidspunkt, s.kilde)):
        gruppe = grupper[-1]
        if gruppe and s.tidspunkt - gruppe[-1].tidspunkt > SAMME_OYEBLIKK:
            grupper.append(gruppe := [])
        gruppe.append(s)
        if s.kilde == HANDLING:
            grupper.append([])
    return [gruppe for gruppe in grupper if gruppe]


def _oyeblikk(gruppe: list[_Spor], *, handlinger: bool) -> Oyeblikk:
    forst = min(gruppe, key=lambda s: HVEM_FORST[s.kilde])
    tekster = [s.tekst for s in gruppe if s.kilde == HANDLING] if handlinger else []
    hva = list(tekster)
    for s in gruppe:
        if s.kilde == STEG:
            # An action already says the move in its own words; the step adds its comment.
            if s.tekst and not tekster:
                hva.append(s.tekst)
            if s.kommentar and not any(s.kommentar in tekst for tekst in tekster):
                hva.append(s.kommentar)
        elif s.kilde == FELT:
            hva.append(s.tekst)
    return Oyeblikk(tidspunkt=gruppe[0].tidspunkt, hvem=forst.hvem, hva=hva)
