"""What the public may read, and nothing more: public decisions and projects and their benefits.

Everything here starts from `offentlige_beslutninger()` / `offentlige_prosjekter()`, so an
object the chair exempted (unntatt offentlighet) is never found, listed, counted or linked.
Each list is a fixed number of queries however many rows it has.
"""

from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.urls import reverse

from offentlig import tekster
from offentlig.felt import OFFENTLIGE_FELT
from prosjekter.models import Gevinst, Indikator, Maling, Prosjekt
from prosjekter.selectors import indikator_status, publiserte_rapporter, siste_publiserte
from velge.models import Beslutning, Utfall


def offentlige_beslutninger():
    """Decisions on the public record, newest published first: their meeting's minutes are
    approved (`publisert` set) and they are not exempt from public access."""
    return Beslutning.objects.filter(unntatt_offentlighet=False, publisert__isnull=False).order_by(
        "-publisert", "-besluttet", "-id"
    )


def offentlige_prosjekter():
    """Projects not exempt from public access. A project a decision made is public once that
    decision is, when its meeting's minutes are approved."""
    return Prosjekt.objects.filter(unntatt_offentlighet=False).filter(
        Q(beslutning__isnull=True) | Q(beslutning__publisert__isnull=False)
    )


def prosjektliste(*, q: str = "", seksjon=None, tema: str = ""):
    """Public projects matching the search, newest first, with their latest overall status."""
    prosjekter = (
        offentlige_prosjekter()
        .select_related("tjenesteomrade", "portefolje__seksjon")
        .only(
            *OFFENTLIGE_FELT["prosjekter.Prosjekt"],
            "tjenesteomrade__navn",
            "portefolje__navn",
            "portefolje__seksjon__navn",
        )
        .annotate(siste_farge=siste_publiserte("farge"))
        .order_by("-opprettet", "-id")
    )
    if q:
        prosjekter = prosjekter.filter(
            Q(tittel__icontains=q) | Q(malsetting__icontains=q) | Q(nummer__iexact=q)
        )
    if seksjon is not None:
        prosjekter = prosjekter.filter(
            Q(tjenesteomrade=seksjon) | Q(tjenesteomrade__isnull=True, portefolje__seksjon=seksjon)
        )
    if tema:
        prosjekter = prosjekter.filter(type=tema)
    return prosjekter


def beslutningsliste(*, q: str = "", seksjon=None, tema: str = ""):
    """Public decisions matching the search, newest first. The theme is the kind of project an
    approved decision became, so a theme leaves only those."""
    beslutninger = (
        offentlige_beslutninger()
        .select_related("notat", "portefolje", "mote")
        .only(
            *OFFENTLIGE_FELT["velge.Beslutning"],
            "notat__tittel",
            "portefolje__navn",
            "mote__dato",
        )
    )
    if q:
        beslutninger = beslutninger.filter(
            Q(notat__tittel__icontains=q) | Q(begrunnelse__icontains=q)
        )
    if seksjon is not None:
        beslutninger = beslutninger.filter(
            Q(notat__seksjon=seksjon) | Q(notat__seksjon__isnull=True, portefolje__seksjon=seksjon)
        )
    if tema:
        beslutninger = beslutninger.filter(
            prosjekt__type=tema, prosjekt__unntatt_offentlighet=False
        )
    return beslutninger


def beslutning_prosjekter(beslutninger) -> dict[int, Prosjekt]:
    """For approved decisions among `beslutninger`, their public project (one query)."""
    godkjente = [b.pk for b in beslutninger if b.utfall == Utfall.GODKJENT]
    if not godkjente:
        return {}
    return {
        p.beslutning_id: p
        for p in offentlige_prosjekter()
        .filter(beslutning_id__in=godkjente)
        .only("pk", "tittel", "beslutning_id")
    }


@dataclass
class Gevinstlinje:
    gevinst: Gevinst
    indikatorer: list[tuple[Indikator, dict]]


def prosjektside(prosjekt: Prosjekt) -> dict:
    """The public page's data: latest published status, benefits with realisation so far, the
    public decisions on its concept note, and how many inputs it came from."""
    siste = (
        publiserte_rapporter(prosjekt)
        .only(*OFFENTLIGE_FELT["prosjekter.Statusrapport"], "prosjekt_id")
        .first()
    )
    gevinster = (
        prosjekt.gevinster.filter(arkivert=False)
        .only(*OFFENTLIGE_FELT["prosjekter.Gevinst"], "prosjekt_id")
        .prefetch_related(
            Prefetch(
                "indikatorer",
                queryset=Indikator.objects.filter(arkivert=False).only(
                    *OFFENTLIGE_FELT["prosjekter.Indikator"], "gevinst_id"
                ),
            ),
            Prefetch(
                "indikatorer__malinger",
                queryset=Maling.objects.only(*OFFENTLIGE_FELT["prosjekter.Maling"], "indikator_id"),
            ),
        )
        .order_by("tittel", "id")
    )
    linjer = [
        Gevinstlinje(g, [(i, indikator_status(i)) for i in g.indikatorer.all()]) for g in gevinster
    ]
    beslutninger = (
        list(
            offentlige_beslutninger()
            .filter(notat_id=prosjekt.konseptnotat_id)
            .select_related("portefolje", "mote")
            .only(*OFFENTLIGE_FELT["velge.Beslutning"], "portefolje__navn", "mote__dato")
            .order_by("besluttet", "id")
        )
        if prosjekt.konseptnotat_id
        else []
    )
    return {
        "siste": siste,
        "samlet_status": tekster.samlet_status(siste.farge if siste else None),
        "gevinster": linjer,
        "beslutninger": beslutninger,
        "antall_innspill": prosjekt.innspill.count(),
    }


def eierrolle(prosjekt: Prosjekt) -> str:
    """The project owner's role (their profile's title), never their name; "" if unknown."""
    eier = prosjekt.prosjekteier
    if eier is None:
        return ""
    profil = getattr(eier, "profil", None)
    return profil.tittel if profil is not None else ""


def resultater_for_innspill(*, innspill) -> list[tuple[str, str]]:
    """For the receipt (ideer.hooks): the public decisions on the concept notes an input (or the
    input it was merged into) went into, and the public projects it became. Two queries."""
    from django.utils import formats
    from django.utils.translation import gettext

    ider = [innspill.pk]
    if innspill.slatt_sammen_med_id:
        ider.append(innspill.slatt_sammen_med_id)
    lenker = []
    for b in (
        offentlige_beslutninger()
        .filter(notat__innspill__in=ider)
        .select_related("notat", "mote")
        .only("utfall", "besluttet", "notat__tittel", "mote__dato")
        .order_by("besluttet", "id")
        .distinct()
    ):
        lenker.append(
            (
                reverse("offentlig:beslutning", kwargs={"pk": b.pk}),
                gettext("Decision %(dato)s on «%(tittel)s»: %(utfall)s")
                % {
                    "dato": formats.date_format(b.dato, "j.n.Y"),
                    "tittel": b.notat.tittel,
                    "utfall": tekster.utfall(b.utfall),
                },
            )
        )
    for p in (
        offentlige_prosjekter()
        .filter(Q(innspill__in=ider) | Q(konseptnotat__innspill__in=ider))
        .only("pk", "tittel")
        .order_by("opprettet", "id")
        .distinct()
    ):
        lenker.append(
            (
                reverse("offentlig:prosjekt", kwargs={"pk": p.pk}),
                gettext("The project «%(tittel)s»: its status and what it has achieved")
                % {"tittel": p.tittel},
            )
        )
    return lenker
