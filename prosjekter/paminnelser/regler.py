"""One rule per kind of reminder. A rule reads the data as it is today and yields `Kandidat`s:
who should be reminded of what, for which period. It never writes; the pass (runde) claims.

A rule yields the same candidates however often it runs on the same data, which is what makes a
missed, repeated or concurrent pass harmless: the claim (a unique `Varsel` row) decides.
"""

import logging
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, Max, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ideer.models import Innspill
from ideer.models import Status as InnspillStatus
from konseptnotat.models import Konseptnotat
from konseptnotat.models import Status as NotatStatus
from portefolje import startside
from portefolje.models import (
    Hendelse,
    Medlemskap,
    PaminnelsesInnstilling,
    Rolle,
    Varsel,
    Varseltype,
)
from portefolje.models.organisasjon import UTVIKLINGSTEAM_GRUPPE
from portefolje.models.varsler import dager_for, standard_dager
from prosjekter.models import Prosjekt, Rapporttilstand, Tilstand
from prosjekter.paminnelser.frister import prosjekt_rapportfrist
from velge.models import Agendapunkt, Beslutning, Kriterium, Mote, Utfall, Vurdering

logger = logging.getLogger("prosjekter.paminnelser")


@dataclass
class Kandidat:
    """One reminder to one person; (mottaker, type, objekt, periode) is its claim key."""

    mottaker: object
    type: str
    objekt: object
    periode: str
    tittel: str
    tekst: str
    lenke: str


def _dato(d: date) -> str:
    return date_format(d, "j. F Y")


def _aktiv(bruker) -> bool:
    return bruker is not None and bruker.is_active


# --- status reports ---------------------------------------------------------------------------


def _rapportprosjekter():
    """Active projects with their last published report's time; the pass reads each once."""
    return (
        Prosjekt.objects.filter(tilstand=Tilstand.AKTIV)
        .annotate(
            siste_publisert=Max(
                "statusrapporter__publisert",
                filter=Q(statusrapporter__tilstand=Rapporttilstand.PUBLISERT),
            )
        )
        .select_related(
            "prosjektleder", "prosjekteier", "portefolje", "portefolje__paminnelsesinnstilling"
        )
        .prefetch_related("portefolje__medlemskap__bruker")
        .order_by("pk")
    )


def _ansvarlig(prosjekt):
    """Who gets a project's report reminders: its manager; without one, its owner, then the
    portfolio's chair, so the reminder is not lost."""
    if _aktiv(prosjekt.prosjektleder):
        return prosjekt.prosjektleder
    kandidat = next(
        (b for b in (prosjekt.prosjekteier, prosjekt.portefolje.leder) if _aktiv(b)), None
    )
    logger.warning(
        "Prosjekt %s har ingen aktiv prosjektleder; påminnelsen går til %s",
        prosjekt.pk,
        kandidat.username if kandidat else "ingen",
    )
    return kandidat


def statusrapport(*, idag: date) -> Iterator[Kandidat]:
    """Due soon (N days before) and overdue to the manager; escalated after M more days to the
    owner and the portfolio's chair. Only active projects; the period is the due date, so a new
    published report starts a new cycle."""
    for prosjekt in _rapportprosjekter():
        frist = prosjekt_rapportfrist(prosjekt)
        if frist is None:
            continue
        lenke = prosjekt.get_absolute_url()
        periode = frist.isoformat()
        dager_for_frist = dager_for(prosjekt.portefolje, "dager_for_rapportfrist")
        dager_til_eskalering = dager_for(prosjekt.portefolje, "dager_til_eskalering")
        if frist - timedelta(days=dager_for_frist) <= idag <= frist:
            mottaker = _ansvarlig(prosjekt)
            if mottaker:
                yield Kandidat(
                    mottaker=mottaker,
                    type=Varseltype.STATUSRAPPORT_SNART,
                    objekt=prosjekt,
                    periode=periode,
                    tittel=_("Status report for «%(prosjekt)s» is due %(frist)s")
                    % {"prosjekt": prosjekt.tittel, "frist": _dato(frist)},
                    tekst=_(
                        "The next status report for the project «%(prosjekt)s» is due "
                        "%(frist)s. Write it and publish it on the project's page."
                    )
                    % {"prosjekt": prosjekt.tittel, "frist": _dato(frist)},
                    lenke=lenke,
                )
        elif idag > frist:
            mottaker = _ansvarlig(prosjekt)
            dager = (idag - frist).days
            if mottaker:
                yield Kandidat(
                    mottaker=mottaker,
                    type=Varseltype.STATUSRAPPORT_FORFALT,
                    objekt=prosjekt,
                    periode=periode,
                    tittel=_("Status report for «%(prosjekt)s» is overdue")
                    % {"prosjekt": prosjekt.tittel},
                    tekst=_(
                        "The status report for the project «%(prosjekt)s» was due %(frist)s. "
                        "Publish it as soon as you can; if it is %(dager)s days late, the "
                        "project owner and the portfolio's chair are told."
                    )
                    % {
                        "prosjekt": prosjekt.tittel,
                        "frist": _dato(frist),
                        "dager": dager_til_eskalering,
                    },
                    lenke=lenke,
                )
            if dager >= dager_til_eskalering:
                leder = prosjekt.portefolje.leder
                mottakere = {b.pk: b for b in (prosjekt.prosjekteier, leder) if _aktiv(b)}
                if not mottakere:
                    logger.warning(
                        "Prosjekt %s: ingen prosjekteier eller porteføljeleder å eskalere til",
                        prosjekt.pk,
                    )
                for mottaker in mottakere.values():
                    yield Kandidat(
                        mottaker=mottaker,
                        type=Varseltype.STATUSRAPPORT_ESKALERT,
                        objekt=prosjekt,
                        periode=periode,
                        tittel=_("Status report for «%(prosjekt)s» is %(dager)s days overdue")
                        % {"prosjekt": prosjekt.tittel, "dager": dager},
                        tekst=_(
                            "The status report for the project «%(prosjekt)s» was due %(frist)s "
                            "and is still not published. Project manager: %(leder)s."
                        )
                        % {
                            "prosjekt": prosjekt.tittel,
                            "frist": _dato(frist),
                            "leder": (
                                prosjekt.prosjektleder.get_full_name()
                                or prosjekt.prosjektleder.username
                                if prosjekt.prosjektleder
                                else _("none")
                            ),
                        },
                        lenke=lenke,
                    )


# --- concept notes sent back ------------------------------------------------------------------


def konseptnotat_til_revisjon(*, idag: date) -> Iterator[Kandidat]:
    """A concept note sent back with comments, to its owner. The period is the audit event that
    sent it back, so a note sent back twice gives two reminders."""
    siste = Hendelse.objects.filter(
        objekt_type=Konseptnotat._meta.label_lower,
        objekt_id=OuterRef("pk"),
        handling="til_revisjon",
    ).order_by("-id")
    notater = (
        Konseptnotat.objects.filter(status=NotatStatus.TIL_REVISJON)
        .annotate(
            hendelse_id=Subquery(siste.values("id")[:1]),
            kommentar=Subquery(siste.values("beskrivelse")[:1]),
        )
        .select_related("eier")
        .order_by("pk")
    )
    for notat in notater:
        if not _aktiv(notat.eier):
            continue
        yield Kandidat(
            mottaker=notat.eier,
            type=Varseltype.KONSEPTNOTAT_TIL_REVISJON,
            objekt=notat,
            periode=f"hendelse-{notat.hendelse_id}" if notat.hendelse_id else f"v{notat.versjon}",
            tittel=_("Your concept note «%(notat)s» was sent back for revision")
            % {"notat": notat.tittel},
            tekst=(notat.kommentar or "") + "\n" + _("Revise the note and submit it again."),
            lenke=notat.get_absolute_url(),
        )


# --- before a meeting -------------------------------------------------------------------------


def _kommende_moter(idag: date, felt: str) -> list:
    """Meetings from today that are within their portfolio's window for `felt`."""
    lengst = max(
        [
            standard_dager(felt),
            *PaminnelsesInnstilling.objects.exclude(**{f"{felt}__isnull": True}).values_list(
                felt, flat=True
            ),
        ]
    )
    moter = (
        Mote.objects.filter(dato__gte=idag, dato__lte=idag + timedelta(days=lengst))
        .select_related("portefolje", "portefolje__paminnelsesinnstilling")
        .order_by("dato", "pk")
    )
    return [m for m in moter if (m.dato - idag).days <= dager_for(m.portefolje, felt)]


def mote_notater_ikke_klare(*, idag: date) -> Iterator[Kandidat]:
    """Notes on an upcoming meeting's agenda that are not ready, to their owners and guides."""
    moter = _kommende_moter(idag, "dager_for_mote_notater")
    punkter = (
        Agendapunkt.objects.filter(mote__in=moter)
        .exclude(notat__status__in=[NotatStatus.KLAR, NotatStatus.BEHANDLET])
        .select_related("mote", "mote__portefolje", "notat", "notat__eier", "notat__veileder")
        .order_by("mote__dato", "pk")
    )
    for punkt in punkter:
        notat, mote = punkt.notat, punkt.mote
        mottakere = {b.pk: b for b in (notat.eier, notat.veileder) if _aktiv(b)}
        for mottaker in mottakere.values():
            yield Kandidat(
                mottaker=mottaker,
                type=Varseltype.MOTE_NOTAT_IKKE_KLART,
                objekt=notat,
                periode=f"mote-{mote.pk}",
                tittel=_("«%(notat)s» is on the agenda %(dato)s but is not ready")
                % {"notat": notat.tittel, "dato": _dato(mote.dato)},
                tekst=_(
                    "The concept note «%(notat)s» is on the agenda of «%(mote)s» on %(dato)s, "
                    "but it is not marked ready for decision. Finish it before the meeting."
                )
                % {"notat": notat.tittel, "mote": str(mote), "dato": _dato(mote.dato)},
                lenke=notat.get_absolute_url(),
            )


def mote_ikke_vurdert(*, idag: date) -> Iterator[Kandidat]:
    """Members (chair and members, who score) who have not scored every note on an upcoming
    meeting's agenda on every active criterion: one reminder per member and meeting."""
    moter = _kommende_moter(idag, "dager_for_mote_vurdering")
    if not moter:
        return
    notater_per_mote = defaultdict(list)
    for punkt in (
        Agendapunkt.objects.filter(mote__in=moter)
        .exclude(notat__status=NotatStatus.BEHANDLET)
        .select_related("notat")
        .order_by("rekkefolge", "pk")
    ):
        notater_per_mote[punkt.mote_id].append(punkt.notat)
    portefoljer = {m.portefolje_id for m in moter}
    kriterier = defaultdict(set)
    for k_id, p_id in Kriterium.objects.filter(portefolje__in=portefoljer, aktiv=True).values_list(
        "pk", "portefolje_id"
    ):
        kriterier[p_id].add(k_id)
    medlemmer = defaultdict(list)
    for medlemskap in Medlemskap.objects.filter(
        portefolje__in=portefoljer, rolle__in=[Rolle.LEDER, Rolle.MEDLEM], bruker__is_active=True
    ).select_related("bruker"):
        medlemmer[medlemskap.portefolje_id].append(medlemskap.bruker)
    alle_notater = {n.pk for notater in notater_per_mote.values() for n in notater}
    vurdert = {
        (rad["medlem_id"], rad["notat_id"], rad["kriterium__portefolje_id"]): rad["antall"]
        for rad in Vurdering.objects.filter(
            notat__in=alle_notater, kriterium__aktiv=True, kriterium__portefolje__in=portefoljer
        )
        .values("medlem_id", "notat_id", "kriterium__portefolje_id")
        .annotate(antall=Count("kriterium", distinct=True))
    }
    for mote in moter:
        antall_kriterier = len(kriterier[mote.portefolje_id])
        notater = notater_per_mote.get(mote.pk, [])
        if not antall_kriterier or not notater:
            continue
        for medlem in medlemmer[mote.portefolje_id]:
            mangler = [
                n
                for n in notater
                if vurdert.get((medlem.pk, n.pk, mote.portefolje_id), 0) < antall_kriterier
            ]
            if not mangler:
                continue
            yield Kandidat(
                mottaker=medlem,
                type=Varseltype.MOTE_IKKE_VURDERT,
                objekt=mote,
                periode="",
                tittel=ngettext(
                    "%(antall)d note to score before the meeting %(dato)s",
                    "%(antall)d notes to score before the meeting %(dato)s",
                    len(mangler),
                )
                % {"antall": len(mangler), "dato": _dato(mote.dato)},
                tekst=_("You have not scored these notes on every criterion yet:")
                + "\n"
                + "\n".join(f"– {n.tittel}" for n in mangler),
                lenke=mote.portefolje.get_absolute_url(),
            )


# --- parked inputs and notes ------------------------------------------------------------------


def _utviklingsteamet():
    return list(
        get_user_model()
        .objects.filter(groups__name=UTVIKLINGSTEAM_GRUPPE, is_active=True)
        .order_by("pk")
    )


def parkert_frist(*, idag: date) -> Iterator[Kandidat]:
    """Parked inputs and notes whose «parked until» date has come, to the development team.
    The period is that date: parked again to a later date gives a new reminder then."""
    innspill = list(
        Innspill.objects.filter(status=InnspillStatus.PARKERT, parkert_til__lte=idag).order_by("pk")
    )
    nyere = Beslutning.objects.filter(notat=OuterRef("notat"), besluttet__gt=OuterRef("besluttet"))
    beslutninger = list(
        Beslutning.objects.filter(utfall=Utfall.PARKERT, parkert_til__lte=idag)
        .exclude(Q(notat__status__in=[NotatStatus.KLAR, NotatStatus.INNSENDT]))
        .annotate(har_nyere=Subquery(nyere.values("pk")[:1]))
        .filter(har_nyere__isnull=True)
        .select_related("notat")
        .order_by("pk")
    )
    if not innspill and not beslutninger:
        return
    team = _utviklingsteamet()
    if not team:
        logger.warning("Ingen i utviklingsteamet å minne om parkerte saker")
    for sak in innspill:
        for mottaker in team:
            yield Kandidat(
                mottaker=mottaker,
                type=Varseltype.PARKERT_FRIST,
                objekt=sak,
                periode=sak.parkert_til.isoformat(),
                tittel=_("Parked input «%(tittel)s» is due for a new look")
                % {"tittel": sak.tittel},
                tekst=_("The input was parked until %(dato)s. Take it up again or close it.")
                % {"dato": _dato(sak.parkert_til)},
                lenke=sak.get_absolute_url(),
            )
    for beslutning in beslutninger:
        notat = beslutning.notat
        for mottaker in team:
            yield Kandidat(
                mottaker=mottaker,
                type=Varseltype.PARKERT_FRIST,
                objekt=notat,
                periode=beslutning.parkert_til.isoformat(),
                tittel=_("Parked concept note «%(tittel)s» is due for a new look")
                % {"tittel": notat.tittel},
                tekst=_(
                    "The portfolio parked the note until %(dato)s. Bring it to a meeting again "
                    "or close it."
                )
                % {"dato": _dato(beslutning.parkert_til)},
                lenke=notat.get_absolute_url(),
            )


# --- weekly digest ----------------------------------------------------------------------------


def ukesammendrag(*, idag: date) -> Iterator[Kandidat]:
    """The weekly digest, for those who turned it on: unread notifications and what waits for
    them on the start page. Claimed per ISO week, on the configured weekday; none if empty."""
    if idag.weekday() != settings.PAMINNELSER["UKESAMMENDRAG_UKEDAG"]:
        return
    ar, uke, _dag = idag.isocalendar()
    periode = f"{ar}-U{uke:02d}"
    brukere = get_user_model().objects.filter(
        is_active=True,
        varselinnstillinger__type=Varseltype.UKESAMMENDRAG,
        varselinnstillinger__epost=True,
    )
    for bruker in brukere.order_by("pk"):
        uleste = list(
            Varsel.objects.filter(mottaker=bruker)
            .uleste()
            .exclude(type=Varseltype.UKESAMMENDRAG)[:15]
        )
        oppgaver = [o for blokk in startside.blokker_for(bruker) for o in blokk.oppgaver][:15]
        if not uleste and not oppgaver:
            continue
        linjer = []
        if uleste:
            linjer.append(_("Unread notifications:"))
            linjer += [f"– {v.tittel}" for v in uleste]
        if oppgaver:
            linjer.append(_("Waiting for you:"))
            linjer += [f"– {o.tekst}" for o in oppgaver]
        yield Kandidat(
            mottaker=bruker,
            type=Varseltype.UKESAMMENDRAG,
            objekt=bruker,
            periode=periode,
            tittel=_("Your week in the portfolio portal (week %(uke)d)") % {"uke": uke},
            tekst="\n".join(linjer),
            lenke=reverse("startside"),
        )


REGLER = [
    statusrapport,
    konseptnotat_til_revisjon,
    mote_notater_ikke_klare,
    mote_ikke_vurdert,
    parkert_frist,
    ukesammendrag,
]
