"""Styre: projects, from decision to realised benefits.

The vocabulary and value lists follow Prosjektportalen, which the municipality uses today. One
module per area; everything is importable from `prosjekter.models` as before.
"""

from prosjekter.models.avhengighet import (  # noqa: F401
    Avhengighet,
    Glipp,
    glipp,
)
from prosjekter.models.importering import (  # noqa: F401
    Batchtilstand,
    Importbatch,
    Importendring,
    Importfil,
    Importkobling,
    Kilde,
)
from prosjekter.models.leveranser import (  # noqa: F401
    LEVERANSE_FARGE,
    Enhet,
    Gevinst,
    Gevinsttype,
    Indikator,
    Leveranse,
    Leveransestatus,
    Maling,
)
from prosjekter.models.program import (  # noqa: F401
    Program,
    Programprosjekt,
)
from prosjekter.models.prosjekt import (  # noqa: F401
    Fase,
    Nummerserie,
    Prosjekt,
    ProsjektQuerySet,
    Prosjekttype,
    Tilstand,
)
from prosjekter.models.ressurser import (  # noqa: F401
    Allokeringsstatus,
    Allokeringstype,
    Ressursallokering,
)
from prosjekter.models.status import (  # noqa: F401
    DIMENSJONER,
    FARGE_FOR_VERDI,
    Fremdrift,
    Gevinstoppnaelse,
    Kvalitet,
    Okonomi,
    Rapporttilstand,
    Risikoniva,
    Statusrapport,
    farge_for,
    samlet_farge,
)
from prosjekter.models.styring import (  # noqa: F401
    Beslutningstype,
    Kapasitet,
    Ressursbehov,
    Startvedtak,
    Styringsbeslutning,
)
from prosjekter.models.tidslinjefil import (  # noqa: F401
    Filstatus,
    Tidslinjefil,
)
from prosjekter.models.usikkerhet import (  # noqa: F401
    Strategi,
    Usikkerhet,
    Usikkerhetsstatus,
    Usikkerhetstype,
)
