"""Samle: every idea and order, whatever its road in, registered the same way."""

from ideer.models.innspill import (
    SOK_KONFIG,
    Innspill,
    InnspillQuerySet,
    ny_kvitteringskode,
    sokevektor_uttrykk,
)
from ideer.models.statusendring import StatusEndring
from ideer.models.valg import (
    LUKKEDE_STATUSER,
    OPPHAV_BESTILLING,
    STATUS_FARGE,
    STATUS_FOR_INNSENDER,
    Kanal,
    Opphav,
    Status,
    Type,
)
from ideer.models.vedlegg import (
    FILTYPE_MIME,
    Filtype,
    Vedlegg,
    trygt_filnavn,
    vedlegg_sti,
)

__all__ = [
    "FILTYPE_MIME",
    "LUKKEDE_STATUSER",
    "OPPHAV_BESTILLING",
    "SOK_KONFIG",
    "STATUS_FARGE",
    "STATUS_FOR_INNSENDER",
    "Filtype",
    "Innspill",
    "InnspillQuerySet",
    "Kanal",
    "Opphav",
    "Status",
    "StatusEndring",
    "Type",
    "Vedlegg",
    "ny_kvitteringskode",
    "sokevektor_uttrykk",
    "trygt_filnavn",
    "vedlegg_sti",
]
