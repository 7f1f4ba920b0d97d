"""The declared moves of Styre's states: a project's state and phase, a status report's state.
The only place that says which exist.

A project's state and phase change only through the chair's steering decision
(`services.styringsbeslutning_fatt`); the decision form offers only the moves declared here from
where the project stands, and `NY_TILSTAND` says what each kind of decision does to the state.

- State: a project not started, active or on hold can be continued (made active), put on hold
  (not when already on hold) or stopped; an active, held or stopped project can be closed.
  Closed is final.
- Phase: the state's project model runs forwards; a decision may move to any later phase, or one
  step back (e.g. back to planning), while the project is neither stopped nor closed.
- Status report: a draft is published by the people who write the project's reports
  (`services.statusrapport_publiser`); a published report is history and moves no more, so
  only a draft can be changed (`rapport_kan_endres`).
"""

from portefolje.overganger import Overgang, registrer
from prosjekter.models import (
    Beslutningstype,
    Fase,
    Filstatus,
    Prosjekt,
    Rapporttilstand,
    Statusrapport,
    Tidslinjefil,
    Tilstand,
)
from prosjekter.permissions import kan_redigere, kan_styre


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

# What each steering decision does to the project's state (phase changes come from the form).
NY_TILSTAND = {
    Beslutningstype.FORTSETT: Tilstand.AKTIV,
    Beslutningstype.PA_VENT: Tilstand.PA_VENT,
    Beslutningstype.STOPP: Tilstand.STOPPET,
    Beslutningstype.AVSLUTT: Tilstand.AVSLUTTET,
}


def _rapportskriver(rapport, bruker) -> bool:
    return kan_redigere(bruker, rapport.prosjekt)


RAPPORTTILSTAND = registrer(
    Statusrapport,
    "tilstand",
    [Overgang([Rapporttilstand.UTKAST], Rapporttilstand.PUBLISERT, _rapportskriver)],
)


def rapport_kan_endres(rapport) -> bool:
    """A report is written while it can still move on (a draft); once published it is history."""
    return bool(RAPPORTTILSTAND.mulige(rapport))


def kan_publisere(rapport, bruker) -> bool:
    """Whether `bruker` may publish `rapport` now (the form offers the choice only then)."""
    return Rapporttilstand.PUBLISERT in RAPPORTTILSTAND.tillatte(rapport, bruker)


def beslutningstyper(prosjekt, bruker) -> list[str]:
    """The steering decisions `bruker` may make on `prosjekt` now (the form's choices)."""
    tilstander = TILSTAND.tillatte(prosjekt, bruker)
    typer = [t for t, tilstand in NY_TILSTAND.items() if tilstand in tilstander]
    if FASE.tillatte(prosjekt, bruker):
        typer.append(Beslutningstype.ENDRE_FASE)
    return [t for t in Beslutningstype.values if t in typer]


def faser(prosjekt, bruker) -> list[str]:
    """The phases a decision may move `prosjekt` to now, in the project model's order."""
    tillatte = FASE.tillatte(prosjekt, bruker)
    return [f for f in _REKKEFOLGE if f in tillatte]


def _systemet(fil, bruker) -> bool:
    # The worker and the sweep act for nobody; a person's request never makes these moves.
    return bruker is None


def _bestiller(fil, bruker) -> bool:
    return bruker is not None and bruker.pk == fil.bestilt_av_id


# The timeline's PDF moves as a portfolio report does (rapporter/overganger.py): the worker takes
# and finishes it or records the failure, the sweep queues it again or gives up, and the person
# who ordered it asks for a failed one again (the page's «Try again»).
TIDSLINJEFIL = registrer(
    Tidslinjefil,
    "status",
    [
        Overgang([Filstatus.VENTER], Filstatus.LAGES, _systemet),
        Overgang([Filstatus.LAGES], Filstatus.FERDIG, _systemet),
        Overgang([Filstatus.LAGES], Filstatus.FEILET, _systemet),
        Overgang([Filstatus.VENTER, Filstatus.LAGES], Filstatus.VENTER, _systemet),
        Overgang([Filstatus.VENTER, Filstatus.LAGES], Filstatus.FEILET, _systemet),
        Overgang([Filstatus.FEILET], Filstatus.VENTER, _bestiller),
    ],
)
