"""Read-side queries for Samle that are more than a QuerySet filter."""

import re

from django.db import connection

from ideer.models import Innspill, Status

# Below this trigram similarity two titles are not worth showing as possible duplicates.
LIKHET_GRENSE = 0.3


def foreslatte_duplikater(innspill: Innspill, *, antall: int = 5) -> list[Innspill]:
    """Open inputs whose title resembles this one's, most similar first (one query)."""
    kandidater = Innspill.objects.exclude(pk=innspill.pk).exclude(status=Status.SLATT_SAMMEN)
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import TrigramSimilarity

        # The % operator (trigram_similar) can use the GIN trigram index; its threshold is
        # pg_trgm.similarity_threshold, 0.3 by default, the same as LIKHET_GRENSE.
        return list(
            kandidater.filter(tittel__trigram_similar=innspill.tittel)
            .annotate(likhet=TrigramSimilarity("tittel", innspill.tittel))
            .filter(likhet__gte=LIKHET_GRENSE)
            .order_by("-likhet", "-pk")[:antall]
        )
    # Fallback without pg_trgm: share at least two words of four letters or more in the title.
    ord_ = set(re.findall(r"\w{4,}", innspill.tittel.lower()))
    if not ord_:
        return []
    funn = []
    for kandidat in kandidater.only("pk", "tittel", "status", "opprettet").iterator():
        felles = ord_ & set(re.findall(r"\w{4,}", kandidat.tittel.lower()))
        if len(felles) >= 2:
            kandidat.likhet = len(felles) / len(ord_)
            funn.append(kandidat)
    return sorted(funn, key=lambda k: -k.likhet)[:antall]
