"""Workflows for concept notes. Other phases (Velge) call these; they never write notes directly.

Velge relies on `innhold_av`, `versjon_lagre`, `versjon_frys`, `notat_sett_behandlet`,
`notat_send_til_revisjon` and `notat_flytt_til_portefolje` with exactly these keyword signatures.
"""

from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from konseptnotat.mal import INNHOLDSFELTER, SEKSJON_ETTER_NOKKEL, mangler_i
from konseptnotat.models import (
    REDIGERBARE_STATUSER,
    Kommentar,
    Konseptnotat,
    KonseptnotatVersjon,
    Status,
)
from konseptnotat.overganger import STATUS
from portefolje.revisjon import logg_hendelse
from portefolje.samtidighet import Konflikt
from portefolje.varsler import varsel_opprett, varselinnstillinger_for

# Fields the authors write, besides the template's answers.
M2M_FELTER = {"berorte_seksjoner"}


class NotatFeil(Exception):
    """A workflow step that is not allowed; the message is for the user."""


class Ufullstendig(NotatFeil):
    """The note lacks required answers; `mangler` maps section key to its empty fields."""

    def __init__(self, mangler: dict[str, list[str]]):
        self.mangler = mangler
        titler = ", ".join(str(SEKSJON_ETTER_NOKKEL[n].tittel) for n in mangler)
        super().__init__(
            _("The note cannot be submitted yet. Missing answers in: %(seksjoner)s.")
            % {"seksjoner": titler}
        )


def _som_json(verdi):
    if isinstance(verdi, Decimal):
        return str(verdi)
    return verdi


def innhold_av(notat: Konseptnotat) -> dict:
    """A snapshot of the note's answers, as stored in a version (JSON-safe)."""
    innhold = {}
    for felt in INNHOLDSFELTER:
        if felt == "berorte_seksjoner":
            innhold[felt] = sorted(s.navn for s in notat.berorte_seksjoner.all())
        else:
            innhold[felt] = _som_json(getattr(notat, felt))
    return innhold


def versjon_lagre(*, notat: Konseptnotat, aktor) -> KonseptnotatVersjon:
    """Keep what the note says now as its version number `notat.versjon`.

    A frozen version is never changed: if `notat.versjon` names one and the text differs, the
    note moves on to a new version number first.
    """
    innhold = innhold_av(notat)
    eksisterende = notat.versjoner.filter(nummer=notat.versjon).first()
    if eksisterende is not None and eksisterende.frosset:
        if eksisterende.innhold == innhold:
            return eksisterende
        hoyeste = notat.versjoner.aggregate(m=Max("nummer"))["m"]
        notat.versjon = hoyeste + 1
        Konseptnotat.objects.filter(pk=notat.pk).update(versjon=notat.versjon)
    versjon, _created = KonseptnotatVersjon.objects.update_or_create(
        notat=notat,
        nummer=notat.versjon,
        defaults={"innhold": innhold, "lagret_av": aktor},
    )
    return versjon


@transaction.atomic
def versjon_frys(*, notat: Konseptnotat, aktor) -> KonseptnotatVersjon:
    """Freeze the version that goes to a portfolio meeting or decision.

    Returns the latest version, saved first if the note has changed since, marked frozen; a
    frozen version is never changed again.
    """
    notat = Konseptnotat.objects.select_for_update().get(pk=notat.pk)
    siste = notat.versjoner.order_by("-nummer").first()
    if siste is None or siste.innhold != innhold_av(notat):
        if siste is not None and siste.nummer >= notat.versjon:
            notat.versjon = siste.nummer + 1
            notat.save(update_fields=["versjon"])
        siste = versjon_lagre(notat=notat, aktor=aktor)
    if not siste.frosset:
        siste.frosset = True
        siste.save(update_fields=["frosset"])
        logg_hendelse(
            aktor=aktor,
            objekt=notat,
            handling="versjon_frosset",
            beskrivelse=_("Version %(nummer)s is frozen.") % {"nummer": siste.nummer},
            data={"versjon": siste.nummer},
        )
    return siste


def _varsle_forfattere(
    *, notat, aktor, type: str, tittel: str, tekst: str, periode: str, epost: bool = False
):
    """Notify the owner and co-authors in the portal, except whoever did it.

    With `epost`, the notification is also marked for e-mail where the person has an address and
    wants this kind by e-mail; the reminder pass sends it.
    """
    mottakere = [notat.eier, *notat.medforfattere.all()]
    for mottaker in mottakere:
        if getattr(aktor, "pk", None) == mottaker.pk:
            continue
        varsel_opprett(
            mottaker=mottaker,
            type=type,
            objekt=notat,
            tittel=tittel,
            tekst=tekst,
            lenke=notat.get_absolute_url(),
            periode=periode,
            epost=epost
            and bool(mottaker.email)
            and varselinnstillinger_for(bruker=mottaker).get(type, True),
        )


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
    # Same claim key as the reminder pass's rule for this kind (prosjekter/paminnelser/regler.py),
    # so the authors hear it at once and the pass, which sends the e-mail, adds no second notice.
    _varsle_forfattere(
        notat=laast,
        aktor=aktor,
        type="konseptnotat_til_revisjon",
        tittel=_("Your concept note «%(tittel)s» was sent back for revision")
        % {"tittel": laast.tittel},
        tekst=kommentar,
        periode=f"hendelse-{hendelse.pk}",
        epost=True,
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


def _bruker_eller_none(aktor):
    return aktor if getattr(aktor, "is_authenticated", False) else None


def _sett_felter(notat: Konseptnotat, data: dict) -> list:
    """Copy the template's answers from `data` onto the note; returns the M2M values to set."""
    m2m = {}
    for felt in ("tittel", "seksjon", *INNHOLDSFELTER):
        if felt not in data:
            continue
        if felt in M2M_FELTER:
            m2m[felt] = data[felt]
        else:
            setattr(notat, felt, data[felt])
    return m2m


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
    laast = Konseptnotat.objects.select_for_update().get(pk=notat.pk)
    if laast.versjon != fra_versjon:
        raise Konflikt(
            laast,
            _(
                "Someone else saved this note (version %(versjon)s) after you opened it. Your "
                "text has not been saved. Compare it with the saved text, merge, and save again."
            )
            % {"versjon": laast.versjon},
        )
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
        laast.versjon = fra_versjon + 1
        laast.save()
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
            type="konseptnotat_innsendt",
            objekt=laast,
            tittel=_("The concept note «%(tittel)s» was submitted") % {"tittel": laast.tittel},
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
        type="konseptnotat_klar",
        tittel=_("Your concept note «%(tittel)s» is ready for %(portefolje)s")
        % {"tittel": laast.tittel, "portefolje": portefolje},
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
        beskrivelse=_("Guide: %(navn)s.") % {"navn": veileder.get_full_name() or veileder.username},
    )


@transaction.atomic
def kommentar_opprett(*, notat: Konseptnotat, seksjon: str, tekst: str, aktor) -> Kommentar:
    """Guidance on one section (`mal.Seksjon.nokkel`, or "" for the whole note).

    The owner and co-authors are notified in the portal (not the one who wrote it).
    """
    if seksjon and seksjon not in SEKSJON_ETTER_NOKKEL:
        raise NotatFeil(_("Unknown section."))
    tekst = tekst.strip()
    if not tekst:
        raise NotatFeil(_("Write a comment."))
    kommentar = Kommentar.objects.create(
        notat=notat, seksjon=seksjon, forfatter=aktor, tekst=tekst, versjon=notat.versjon
    )
    logg_hendelse(
        aktor=aktor,
        objekt=notat,
        handling="kommentar",
        beskrivelse=_("Comment on %(seksjon)s.")
        % {"seksjon": SEKSJON_ETTER_NOKKEL[seksjon].tittel if seksjon else _("the whole note")},
        data={"kommentar": kommentar.pk},
    )
    seksjonstittel = SEKSJON_ETTER_NOKKEL[seksjon].tittel if seksjon else _("the whole note")
    _varsle_forfattere(
        notat=notat,
        aktor=aktor,
        type="konseptnotat_kommentar",
        tittel=_("New comment on «%(tittel)s»: %(seksjon)s")
        % {"tittel": notat.tittel, "seksjon": seksjonstittel},
        tekst=tekst[:500],
        periode=f"kommentar-{kommentar.pk}",
    )
    return kommentar


@transaction.atomic
def kommentar_los(*, kommentar: Kommentar, aktor) -> Kommentar:
    """Mark a comment resolved (idempotent)."""
    laast = Kommentar.objects.select_for_update().get(pk=kommentar.pk)
    if laast.lost is None:
        laast.lost = timezone.now()
        laast.lost_av = aktor
        laast.save(update_fields=["lost", "lost_av"])
        logg_hendelse(
            aktor=aktor,
            objekt=laast.notat,
            handling="kommentar_lost",
            beskrivelse=_("Comment resolved."),
            data={"kommentar": laast.pk},
        )
    return laast


def data_fra_innspill(innspill) -> dict:
    """A new note's starting answers, carried over from an input (innspill)."""
    return {
        "tittel": innspill.tittel,
        "bakgrunn_og_behov": innspill.beskrivelse,
        "alternativer": innspill.losningsforslag
        and _("Suggested solution from the input: %(forslag)s")
        % {"forslag": innspill.losningsforslag},
        "forventede_gevinster": innspill.forventet_gevinst,
        "berorte_seksjoner": list(innspill.seksjoner.all()),
    }
