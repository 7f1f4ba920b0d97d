"""Programmes: create and change one, put projects in it and take them out."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from portefolje.revisjon import logg_hendelse
from portefolje.samtidighet import laas_versjon, lagre_versjon
from prosjekter.models import Program, Programprosjekt, Prosjekt

PROGRAMFELT = ["navn", "portefolje", "eier", "mal", "startdato", "sluttdato"]


def _sjekk_periode(data: dict) -> None:
    start, slutt = data.get("startdato"), data.get("sluttdato")
    if start and slutt and slutt < start:
        raise ValidationError({"sluttdato": _("The end cannot be before the start.")})


@transaction.atomic
def program_opprett(*, data: dict, aktor) -> Program:
    """Create a programme from `data` (PROGRAMFELT). Refuses an end before the start."""
    _sjekk_periode(data)
    program = Program(**{f: data.get(f) for f in PROGRAMFELT if f in data})
    program._history_user = aktor
    program.save()
    logg_hendelse(
        aktor=aktor,
        objekt=program,
        handling="program_opprettet",
        beskrivelse=_("Programme «%(navn)s» created.") % {"navn": program.navn},
    )
    return program


@transaction.atomic
def program_lagre(*, program: Program, data: dict, versjon: int, aktor) -> Program:
    """Change a programme. Refuses a stale form (`Konflikt`), an end before the start, and a
    new portfolio that some of its projects are not in (take them out first)."""
    _sjekk_periode(data)
    lagret = laas_versjon(Program, pk=program.pk, versjon=versjon)
    ny_portefolje = data.get("portefolje", lagret.portefolje)
    if ny_portefolje != lagret.portefolje:
        utenfor = [
            t.prosjekt
            for t in lagret.tilknytninger.select_related("prosjekt__portefolje")
            if not _passer(t.prosjekt, ny_portefolje)
        ]
        if utenfor:
            raise ValidationError(
                {
                    "portefolje": _(
                        "These projects are not in that portfolio: %(liste)s. "
                        "Take them out of the programme first."
                    )
                    % {"liste": ", ".join(p.nummer for p in utenfor)}
                }
            )
    for felt in PROGRAMFELT:
        if felt in data:
            setattr(lagret, felt, data[felt])
    lagret._history_user = aktor
    lagre_versjon(lagret)
    logg_hendelse(
        aktor=aktor,
        objekt=lagret,
        handling="program_endret",
        beskrivelse=_("Programme «%(navn)s» changed.") % {"navn": lagret.navn},
    )
    return lagret


def _passer(prosjekt: Prosjekt, portefolje) -> bool:
    """A programme's projects come from its portfolio or the portfolios directly below it."""
    return portefolje.pk in (prosjekt.portefolje_id, prosjekt.portefolje.forelder_id)


@transaction.atomic
def program_legg_til(*, program: Program, prosjekt: Prosjekt, aktor) -> Programprosjekt:
    """Put a project in a programme. Refuses an archived programme, a project outside the
    programme's portfolio (and those below it), and a project already in a programme (this or
    another): a project belongs to at most one."""
    if program.arkivert:
        raise ValidationError(_("This is archived and can no longer be changed."))
    if not _passer(prosjekt, program.portefolje):
        raise ValidationError(
            {
                "prosjekt": _(
                    "%(prosjekt)s is not in the programme's portfolio (%(portefolje)s) or one "
                    "below it."
                )
                % {"prosjekt": prosjekt, "portefolje": program.portefolje}
            }
        )
    eksisterende = (
        Programprosjekt.objects.select_related("program").filter(prosjekt=prosjekt).first()
    )
    if eksisterende is not None:
        raise ValidationError(
            {
                "prosjekt": _(
                    "%(prosjekt)s is already in the programme «%(program)s». A project belongs "
                    "to at most one programme."
                )
                % {"prosjekt": prosjekt, "program": eksisterende.program}
            }
        )
    try:
        with transaction.atomic():
            tilknytning = Programprosjekt(program=program, prosjekt=prosjekt)
            tilknytning._history_user = aktor
            tilknytning.save()
    except IntegrityError:  # someone put it in a programme in the meantime
        raise ValidationError(
            {"prosjekt": _("%(prosjekt)s is already in a programme.") % {"prosjekt": prosjekt}}
        ) from None
    logg_hendelse(
        aktor=aktor,
        objekt=program,
        handling="program_prosjekt_lagt_til",
        beskrivelse=_("%(prosjekt)s added to the programme «%(program)s».")
        % {"prosjekt": prosjekt, "program": program.navn},
    )
    return tilknytning


@transaction.atomic
def program_fjern(*, program: Program, prosjekt: Prosjekt, aktor) -> None:
    """Take a project out of a programme (the link's history keeps that it was there).
    Refuses a project that is not in this programme."""
    tilknytning = Programprosjekt.objects.filter(program=program, prosjekt=prosjekt).first()
    if tilknytning is None:
        raise ValidationError(_("The project is not in this programme."))
    tilknytning._history_user = aktor
    tilknytning.delete()
    logg_hendelse(
        aktor=aktor,
        objekt=program,
        handling="program_prosjekt_fjernet",
        beskrivelse=_("%(prosjekt)s taken out of the programme «%(program)s».")
        % {"prosjekt": prosjekt, "program": program.navn},
    )
