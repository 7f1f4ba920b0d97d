"""Read-side queries for Samle that are more than a QuerySet filter."""

import re

from django.db import connection
from django.db.models import BooleanField, FloatField, Q, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat, Substr

from ideer.models import SOK_KONFIG, Innspill, Status

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
        funn = list(
            Innspill.objects.filter(pk__in=beste)
            .only("pk", "tittel", "beskrivelse", "status", "opprettet")
            .annotate(
                likhet=TrigramSimilarity(
                    Substr(
                        Concat("tittel", Value(" "), "beskrivelse", output_field=TextField()),
                        1,
                        MAKS_TEKST,
                    ),
                    tekst,
                )
            )
            .filter(likhet__gte=LIKHET_GRENSE)
            .order_by("-likhet", "-pk")[:antall]
        )
    else:
        funn = []
        nyeste = kandidater.only("pk", "tittel", "beskrivelse", "status", "opprettet").order_by(
            "-pk"
        )[:MAKS_UTEN_POSTGRES]
        for kandidat in nyeste:
            kandidat.likhet = trigram_likhet(tekst, _tekst(kandidat))
            if kandidat.likhet >= LIKHET_GRENSE:
                funn.append(kandidat)
        funn = sorted(funn, key=lambda k: (-k.likhet, -k.pk))[:antall]
    for kandidat in funn:
        kandidat.felles_ord = felles_ord(_tekst(kandidat), tekst)
    return funn
