"""Forms for Styre, in modules by area; import them from here. Every refusal is a Norwegian
message next to its field."""

from prosjekter.forms.elementer import (
    BELASTNING_HJELP,
    EgenAllokeringForm,
    GevinstForm,
    IndikatorForm,
    LeveranseForm,
    MalingForm,
    RessursallokeringForm,
    UsikkerhetForm,
)
from prosjekter.forms.felles import (
    DATO,
    MANED,
    PeriodeMixin,
    Personfelt,
    PersonfeltMixin,
    VersjonertMixin,
)
from prosjekter.forms.program import AvhengighetForm, ProgramForm, ProgramprosjektForm
from prosjekter.forms.prosjekt import (
    NyStatusrapportForm,
    ProsjektForm,
    ProsjektOffentlighetForm,
    PubliserForm,
    StatusrapportForm,
)
from prosjekter.forms.styring import (
    KapasitetForm,
    Manedsfelt,
    RessursbehovForm,
    StartvedtakForm,
    StyringsbeslutningForm,
)

__all__ = [
    "AvhengighetForm",
    "ProgramForm",
    "ProgramprosjektForm",
    "BELASTNING_HJELP",
    "DATO",
    "EgenAllokeringForm",
    "GevinstForm",
    "IndikatorForm",
    "KapasitetForm",
    "LeveranseForm",
    "MANED",
    "MalingForm",
    "Manedsfelt",
    "NyStatusrapportForm",
    "PeriodeMixin",
    "Personfelt",
    "PersonfeltMixin",
    "ProsjektForm",
    "ProsjektOffentlighetForm",
    "PubliserForm",
    "RessursallokeringForm",
    "RessursbehovForm",
    "StartvedtakForm",
    "StatusrapportForm",
    "StyringsbeslutningForm",
    "UsikkerhetForm",
    "VersjonertMixin",
]
