"""The declared moves of a project's state and phase (Styre). The only place that says which exist.

Both change only through the chair's steering decision (`services.styringsbeslutning_fatt`); the
decision form offers only the moves declared here from where the project stands.

- State: a project not started, active or on hold can be continued (made active), put on hold
  (not when already on hold) or stopped; an active, held or stopped project can be closed.
  Closed is final.
- Phase: the state's project model runs forwards; a decision may move to any later phase, or one
  step back (e.g. back to planning), while the project is neither stopped nor closed.
"""

from portefolje.overganger import Overgang, registrer
from prosjekter.models import Fase, Prosjekt, Tilstand
from prosjekter.permissions import kan_styre


def _styrer(prosjekt, bruker) -> bool:
    return kan_styre(bruker, prosjekt)


def _styrer_i_gang(prosjekt, bruker) -> bool:
    return prosjekt.tilstand not in (Tilstand.STOPPET, Tilstand.AVSLUTTET) and kan_styre(
        bruker, prosjekt
    )


TILSTAND = registrer(
    Prosjekt,
    "tilstand",
    [
        Overgang(
            [Tilstand.IKKE_STARTET, Tilstand.AKTIV, Tilstand.PA_VENT], Tilstand.AKTIV, _styrer
        ),
        Overgang([Tilstand.IKKE_STARTET, Tilstand.AKTIV], Tilstand.PA_VENT, _styrer),
        Overgang(
            [Tilstand.IKKE_STARTET, Tilstand.AKTIV, Tilstand.PA_VENT], Tilstand.STOPPET, _styrer
        ),
        Overgang([Tilstand.AKTIV, Tilstand.PA_VENT, Tilstand.STOPPET], Tilstand.AVSLUTTET, _styrer),
    ],
)

_REKKEFOLGE = list(Fase.values)


def _faseoverganger():
    for i, fra in enumerate(_REKKEFOLGE):
        forrige = _REKKEFOLGE[i - 1 : i]
        for til in forrige + _REKKEFOLGE[i + 1 :]:
            yield Overgang([fra], til, _styrer_i_gang)


FASE = registrer(Prosjekt, "fase", list(_faseoverganger()))


def beslutningstyper(prosjekt, bruker) -> list[str]:
    """The steering decisions `bruker` may make on `prosjekt` now (the form's choices)."""
    from prosjekter.models import Beslutningstype
    from prosjekter.services import NY_TILSTAND

    tilstander = TILSTAND.tillatte(prosjekt, bruker)
    typer = [t for t, tilstand in NY_TILSTAND.items() if tilstand in tilstander]
    if FASE.tillatte(prosjekt, bruker):
        typer.append(Beslutningstype.ENDRE_FASE)
    return [t for t in Beslutningstype.values if t in typer]


def faser(prosjekt, bruker) -> list[str]:
    """The phases a decision may move `prosjekt` to now, in the project model's order."""
    tillatte = FASE.tillatte(prosjekt, bruker)
    return [f for f in _REKKEFOLGE if f in tillatte]
