"""A note's way from draft to decision: create, save, submit, mark ready, guide, and the steps
Velge takes."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from konseptnotat.mal import mangler_i
from konseptnotat.models import (
    REDIGERBARE_STATUSER,
    Kommentar,
    Konseptnotat,
    Status,
)
from konseptnotat.overganger import STATUS
from konseptnotat.services.felles import (
    NotatFeil,
    Ufullstendig,
    _bruker_eller_none,
    _sett_felter,
    _varsle_forfattere,
)
from konseptnotat.services.versjoner import innhold_av, versjon_lagre
from konseptnotat.varsler import (
    KONSEPTNOTAT_INNSENDT,
    KONSEPTNOTAT_KLAR,
    KONSEPTNOTAT_TIL_REVISJON,
)
from portefolje import personer
from portefolje.revisjon import logg_hendelse
from portefolje.samtidighet import laas_versjon, lagre_versjon
from portefolje.varsler import varsel_opprett


@transaction.atomic
def notat_sett_behandlet(*, notat: Konseptnotat, aktor) -> None:
    """Called by the portfolio's decision (Velge): the note has been decided on.

    Refuses (`UlovligOvergang`) a note that is not ready, or an `aktor` who does not chair it.
    """
    laast = Konseptnotat.objects.select_for_update().get(pk=notat.pk)
    STATUS.sjekk(laast, Status.BEHANDLET, aktor)
    laast.status = Status.BEHANDLET
    laast.save(update_fields=["status", "endret"])
    notat.status = Status.BEHANDLET
    logg_hendelse(
        aktor=aktor,
        objekt=notat,
        handling="behandlet",
        beskrivelse=_("The concept note has been decided on."),
    )


@transaction.atomic
def notat_send_til_revisjon(*, notat: Konseptnotat, aktor, kommentar: str) -> None:
    """Send the note back to its owner with a comment (development team or a portfolio).

    The comment is kept as an open comment on the whole note, and the authors are notified.
    Refuses (`UlovligOvergang`) a note that is not submitted or ready.
    """
    laast = Konseptnotat.objects.select_for_update().get(pk=notat.pk)
    STATUS.sjekk(laast, Status.TIL_REVISJON, aktor)
    laast.status = Status.TIL_REVISJON
    laast.save(update_fields=["status", "endret"])
    notat.status = Status.TIL_REVISJON
    Kommentar.objects.create(
        notat=laast,
        seksjon="",
        forfatter=_bruker_eller_none(aktor),
        tekst=kommentar,
        versjon=laast.versjon,
    )
    hendelse = logg_hendelse(
        aktor=aktor,
        objekt=notat,
        handling="til_revisjon",
        beskrivelse=_("Sent back for revision: %(kommentar)s") % {"kommentar": kommentar},
    )
    # The notice and its e-mail (queued on commit) happen here, at the action; no reminder rule
    # makes it again. The period is the audit event, so a note sent back twice is told twice.
    _varsle_forfattere(
        notat=laast,
        aktor=aktor,
        type=KONSEPTNOTAT_TIL_REVISJON,
        tittel=lambda: (
            _("Your concept note «%(tittel)s» was sent back for revision")
            % {"tittel": laast.tittel}
        ),
        tekst=kommentar,
        periode=f"hendelse-{hendelse.pk}",
    )


@transaction.atomic
def notat_flytt_til_portefolje(*, notat: Konseptnotat, portefolje, aktor) -> None:
    """Move a ready note to another portfolio, e.g. when a section lifts it to KLG.

    Refuses (`UlovligOvergang`) a note that is not ready, or an `aktor` who does not chair it.
    """
    laast = Konseptnotat.objects.select_for_update().get(pk=notat.pk)
    STATUS.sjekk(laast, Status.KLAR, aktor)
    laast.portefolje, laast.status = portefolje, Status.KLAR
    laast.save(update_fields=["portefolje", "status", "endret"])
    notat.portefolje, notat.status = portefolje, Status.KLAR
    logg_hendelse(
        aktor=aktor,
        objekt=notat,
        handling="flyttet",
        beskrivelse=_("Moved to the portfolio %(portefolje)s.") % {"portefolje": portefolje},
    )


@transaction.atomic
def notat_opprett(*, eier, data: dict, innspill=(), medforfattere=(), aktor=None) -> Konseptnotat:
    """Create a draft owned by `eier` from the form's `data`, linked to `innspill`; version 1."""
    aktor = aktor or eier
    notat = Konseptnotat(eier=eier, status=Status.UTKAST, versjon=1)
    m2m = _sett_felter(notat, data)
    notat.full_clean(exclude=["eier"])
    notat.save()
    for felt, verdier in m2m.items():
        getattr(notat, felt).set(verdier)
    if innspill:
        notat.innspill.set(innspill)
    if medforfattere:
        notat.medforfattere.set([m for m in medforfattere if m.pk != eier.pk])
    versjon_lagre(notat=notat, aktor=aktor)
    logg_hendelse(
        aktor=aktor,
        objekt=notat,
        handling="opprettet",
        beskrivelse=_("The concept note was created."),
        data={"innspill": [i.pk for i in innspill]},
    )
    return notat


@transaction.atomic
def notat_lagre(*, notat: Konseptnotat, data: dict, fra_versjon: int, aktor) -> Konseptnotat:
    """Save the authors' changes, if nobody else saved since `fra_versjon` (optimistic lock).

    Raises `Konflikt` (nothing written) if the note has moved on, and `NotatFeil` if it
    is no longer open for editing. Every save that changes something becomes a new version.
    """
    laast = laas_versjon(Konseptnotat, pk=notat.pk, versjon=fra_versjon)
    if laast.status not in REDIGERBARE_STATUSER:
        raise NotatFeil(
            _("The note is «%(status)s» and can no longer be edited.")
            % {"status": laast.get_status_display()}
        )
    for_endring = (innhold_av(laast), laast.seksjon_id)
    m2m = _sett_felter(laast, data)
    laast.full_clean(exclude=["eier"])
    for felt, verdier in m2m.items():
        getattr(laast, felt).set(verdier)
    if "medforfattere" in data:
        laast.medforfattere.set([m for m in data["medforfattere"] if m.pk != laast.eier_id])
    if (innhold_av(laast), laast.seksjon_id) != for_endring:
        lagre_versjon(laast)
        versjon_lagre(notat=laast, aktor=aktor)
        logg_hendelse(
            aktor=aktor,
            objekt=laast,
            handling="lagret",
            beskrivelse=_("Saved as version %(versjon)s.") % {"versjon": laast.versjon},
            data={"versjon": laast.versjon},
        )
    return laast


@transaction.atomic
def notat_send_inn(*, notat: Konseptnotat, aktor) -> Konseptnotat:
    """Submit a draft (or a revised note) to the development team, if it is complete.

    Raises `Ufullstendig` naming the empty required fields per section.
    """
    laast = Konseptnotat.objects.select_for_update().get(pk=notat.pk)
    if laast.status not in REDIGERBARE_STATUSER:
        raise NotatFeil(
            _("The note is «%(status)s» and cannot be submitted.")
            % {"status": laast.get_status_display()}
        )
    STATUS.sjekk(laast, Status.INNSENDT, aktor)
    mangler = mangler_i(innhold_av(laast))
    if mangler:
        raise Ufullstendig(mangler)
    laast.status = Status.INNSENDT
    laast.innsendt = timezone.now()
    laast.save(update_fields=["status", "innsendt", "endret"])
    logg_hendelse(
        aktor=aktor,
        objekt=laast,
        handling="innsendt",
        beskrivelse=_("Submitted (version %(versjon)s).") % {"versjon": laast.versjon},
        data={"versjon": laast.versjon},
    )
    if laast.veileder_id and laast.veileder_id != getattr(aktor, "pk", None):
        varsel_opprett(
            mottaker=laast.veileder,
            type=KONSEPTNOTAT_INNSENDT,
            objekt=laast,
            tittel=lambda: (
                _("The concept note «%(tittel)s» was submitted") % {"tittel": laast.tittel}
            ),
            lenke=laast.get_absolute_url(),
            periode=f"v{laast.versjon}",
        )
    return laast


@transaction.atomic
def notat_merk_klar(*, notat: Konseptnotat, portefolje, aktor) -> Konseptnotat:
    """The development team marks a submitted note complete and assigns its portfolio."""
    laast = Konseptnotat.objects.select_for_update().get(pk=notat.pk)
    if laast.status not in (Status.INNSENDT, Status.KLAR):
        raise NotatFeil(
            _("Only a submitted note can be marked ready; this one is «%(status)s».")
            % {"status": laast.get_status_display()}
        )
    STATUS.sjekk(laast, Status.KLAR, aktor)
    laast.status = Status.KLAR
    laast.portefolje = portefolje
    laast.save(update_fields=["status", "portefolje", "endret"])
    logg_hendelse(
        aktor=aktor,
        objekt=laast,
        handling="klar",
        beskrivelse=_("Ready for decision in %(portefolje)s.") % {"portefolje": portefolje},
        data={"portefolje": portefolje.slug},
    )
    _varsle_forfattere(
        notat=laast,
        aktor=aktor,
        type=KONSEPTNOTAT_KLAR,
        tittel=lambda: (
            _("Your concept note «%(tittel)s» is ready for %(portefolje)s")
            % {"tittel": laast.tittel, "portefolje": portefolje}
        ),
        tekst="",
        periode=f"klar-{portefolje.slug}",
    )
    return laast


@transaction.atomic
def notat_sett_veileder(*, notat: Konseptnotat, veileder, aktor) -> None:
    """Make a member of the development team the note's guide."""
    laast = Konseptnotat.objects.select_for_update().get(pk=notat.pk)
    laast.veileder = veileder
    laast.save(update_fields=["veileder", "endret"])
    notat.veileder = veileder
    logg_hendelse(
        aktor=aktor,
        objekt=notat,
        handling="veileder",
        beskrivelse=_("Guide: %(navn)s.") % {"navn": personer.navn(veileder)},
    )


def seksjon_fra_innspill(innspill):
    """The section that owns a note started from an input, or None when the input does not say.

    The portfolio the development team assigned the input to decides (its section); otherwise
    the input's one affected section. The author's own section is only the fallback: a note
    about home care written by someone in IT still belongs to Helse og omsorg.
    """
    if innspill.portefolje_id and innspill.portefolje.seksjon_id:
        return innspill.portefolje.seksjon
    seksjoner = list(innspill.seksjoner.all()[:2])
    return seksjoner[0] if len(seksjoner) == 1 else None


def data_fra_innspill(innspill) -> dict:
    """A new note's starting answers, carried over from an input (innspill)."""
    seksjon = seksjon_fra_innspill(innspill)
    return {
        **({"seksjon": seksjon.pk} if seksjon else {}),
        "tittel": innspill.tittel,
        "bakgrunn_og_behov": innspill.beskrivelse,
        "alternativer": innspill.losningsforslag
        and _("Suggested solution from the input: %(forslag)s")
        % {"forslag": innspill.losningsforslag},
        "forventede_gevinster": innspill.forventet_gevinst,
        "berorte_seksjoner": list(innspill.seksjoner.all()),
    }
