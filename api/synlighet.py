"""What the API shows to whom: the querysets behind every endpoint.

A person sees through the API exactly what the pages show them, by the same `synlige_for`
querysets and the same rules as the apps' `permissions.py` (tested per object in
api/tests/test_vandring.py against those predicates). A service account (api.Tjenestekonto) has
no pages: it reads its chosen portfolios as a reader would, and never anything personal — no
drafts, no citizens' names or e-mail addresses, no score before the chair has revealed it.
"""

from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from ideer.models import Innspill
from konseptnotat.models import SKJULTE_STATUSER, Konseptnotat, KonseptnotatVersjon
from portefolje.models import Medlemskap, Portefolje, Rolle
from portefolje.permissions import er_utvikler
from prosjekter.models import (
    Gevinst,
    Indikator,
    Leveranse,
    Maling,
    Program,
    Prosjekt,
    Rapporttilstand,
    Ressursallokering,
    Statusrapport,
    Styringsbeslutning,
    Usikkerhet,
)
from velge.models import Agendapunkt, Beslutning, Kriterium, Mote, Vurdering
from velge.selectors import er_avslort, tellende


def tjenestekonto_for(bruker):
    """The user's service account, or None (cached on the user: asked once per request)."""
    if not getattr(bruker, "is_authenticated", False):
        return None
    if "_api_tjenestekonto" not in bruker.__dict__:
        from api.models import Tjenestekonto

        bruker.__dict__["_api_tjenestekonto"] = Tjenestekonto.objects.filter(bruker=bruker).first()
    return bruker.__dict__["_api_tjenestekonto"]


def kontoens_portefoljer(konto) -> set[int]:
    """The chosen portfolios and those under them (as a member of KLG reads the sections')."""
    if "_portefoljer" not in konto.__dict__:
        valgte = set(konto.portefoljer.values_list("pk", flat=True))
        under = Portefolje.objects.filter(forelder_id__in=valgte).values_list("pk", flat=True)
        konto.__dict__["_portefoljer"] = valgte | set(under)
    return konto.__dict__["_portefoljer"]


def lesbare_portefoljer(bruker):
    """The portfolios `bruker` may name in a filter."""
    konto = tjenestekonto_for(bruker)
    if konto is None:
        return Portefolje.objects.all()
    return Portefolje.objects.filter(pk__in=kontoens_portefoljer(konto))


def _i_kontoens(qs, konto, felt: str):
    return qs.filter(**{f"{felt}__in": kontoens_portefoljer(konto)})


# --- Velge and the core: portfolios, criteria, meetings and decisions are open to employees.


def portefoljer(bruker):
    return lesbare_portefoljer(bruker)


def kriterier(bruker):
    """Active criteria, as the portfolio page shows them."""
    qs = Kriterium.objects.filter(aktiv=True)
    konto = tjenestekonto_for(bruker)
    return qs if konto is None else _i_kontoens(qs, konto, "portefolje")


def moter(bruker):
    konto = tjenestekonto_for(bruker)
    qs = Mote.objects.all()
    return qs if konto is None else _i_kontoens(qs, konto, "portefolje")


def beslutninger(bruker):
    konto = tjenestekonto_for(bruker)
    qs = Beslutning.objects.all()
    return qs if konto is None else _i_kontoens(qs, konto, "portefolje")


def _avslort():
    """The score's note has had its scores shown in its criterion's portfolio (one rule with
    the pages: `velge.selectors.er_avslort`)."""
    return er_avslort(notat=OuterRef("notat"), portefolje=OuterRef("kriterium__portefolje"))


def _pa_sakslisten(agendapunkter):
    """The counting scores (velge.selectors.tellende) on active criteria whose note is on one of
    `agendapunkter` in the criterion's portfolio."""
    return tellende(
        Vurdering.objects.filter(
            Exists(
                agendapunkter.filter(
                    notat=OuterRef("notat"), mote__portefolje=OuterRef("kriterium__portefolje")
                )
            ),
            kriterium__aktiv=True,
        )
    )


def vurderinger(bruker):
    """Individual scores where the scoring page shows them (velge.selectors.notatresultater):
    to the portfolio's chair and members who score, for their own scores, and for the others'
    once they have scored every active criterion of the note or the chair has revealed them.
    A service account sees only revealed scores, of its portfolios."""
    konto = tjenestekonto_for(bruker)
    if konto is not None:
        qs = _pa_sakslisten(Agendapunkt.objects.all())
        return _i_kontoens(qs, konto, "kriterium__portefolje").filter(_avslort())
    if not bruker.is_authenticated:
        return Vurdering.objects.none()
    # Only agenda items of portfolios she scores in, and only of notes she has scored herself or
    # whose scores a meeting has revealed: every score shown to her is on one of those, and
    # said outright the planner starts from those few items and reads their scores by index,
    # rather than pairing every agenda item in the portal with every criterion first (which
    # grew with the meetings and the scores).
    aktuelle = (
        Vurdering.objects.filter(medlem=bruker)
        .values("notat")
        .union(Agendapunkt.objects.filter(mote__vurderinger_synlige=True).values("notat"))
    )
    qs = _pa_sakslisten(
        Agendapunkt.objects.filter(
            notat__in=aktuelle,
            mote__portefolje__in=Medlemskap.objects.filter(
                bruker=bruker, rolle__in=[Rolle.LEDER, Rolle.MEDLEM]
            ).values("portefolje"),
        )
    )
    aktive = (
        Kriterium.objects.filter(portefolje=OuterRef("kriterium__portefolje"), aktiv=True)
        .order_by()
        .values("portefolje")
        .annotate(n=Count("pk"))
        .values("n")
    )
    mine = (
        Vurdering.objects.filter(
            medlem=bruker,
            notat=OuterRef("notat"),
            kriterium__portefolje=OuterRef("kriterium__portefolje"),
            kriterium__aktiv=True,
        )
        .order_by()
        .values("notat")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return qs.alias(
        _aktive=Coalesce(Subquery(aktive), 0), _mine=Coalesce(Subquery(mine), 0)
    ).filter(Q(medlem=bruker) | Q(_mine__gte=F("_aktive")) | _avslort())


# --- Samle and Begrunne


def innspill(bruker):
    """Every employee reads every input; a service account those assigned to its portfolios.
    Citizens' names and e-mail addresses: see `kan_se_personopplysninger`."""
    konto = tjenestekonto_for(bruker)
    qs = Innspill.objects.synlige_for(bruker)
    return qs if konto is None else _i_kontoens(qs, konto, "portefolje")


def kan_se_personopplysninger(bruker) -> bool:
    """ideer.permissions.kan_se_personopplysninger: the development team only (never a
    service account, which is in no group)."""
    from ideer.permissions import kan_se_personopplysninger as regel

    return tjenestekonto_for(bruker) is None and regel(bruker)


def konseptnotater(bruker):
    """Submitted notes for everyone; drafts for their authors and the development team."""
    konto = tjenestekonto_for(bruker)
    if konto is None:
        return Konseptnotat.objects.synlige_for(bruker)
    qs = Konseptnotat.objects.exclude(status__in=SKJULTE_STATUSER)
    return _i_kontoens(qs, konto, "portefolje")


def konseptnotatversjoner(bruker):
    """Frozen versions: of the notes the reader sees, and those a meeting or a decision shows
    (the meeting pack and the minutes are open to every employee)."""
    qs = KonseptnotatVersjon.objects.filter(frosset=True)
    konto = tjenestekonto_for(bruker)
    if konto is not None:
        return qs.filter(notat__in=konseptnotater(bruker))
    if not bruker.is_authenticated:
        return qs.none()
    if er_utvikler(bruker):
        return qs
    return qs.filter(
        Q(notat__in=Konseptnotat.objects.synlige_for(bruker).values("pk"))
        | Exists(Agendapunkt.objects.filter(versjon=OuterRef("pk")))
        | Exists(Beslutning.objects.filter(versjon=OuterRef("pk")))
    )


# --- Styre: a project and all its parts for those who may read its page


def prosjekter(bruker):
    konto = tjenestekonto_for(bruker)
    if konto is None:
        return Prosjekt.objects.synlige_for(bruker)
    return _i_kontoens(Prosjekt.objects.all(), konto, "portefolje")


def _av_prosjekter(modell, bruker, felt="prosjekt"):
    return modell.objects.filter(**{f"{felt}__in": prosjekter(bruker).values("pk")})


def statusrapporter(bruker):
    """Published reports; drafts only for those who may edit the project
    (prosjekter.permissions.kan_redigere: manager, owner, the portfolio's chair, superuser)."""
    qs = _av_prosjekter(Statusrapport, bruker)
    publisert = Q(tilstand=Rapporttilstand.PUBLISERT)
    if tjenestekonto_for(bruker) is not None:
        return qs.filter(publisert)
    if bruker.is_superuser:
        return qs
    # The editable projects as a subquery, not a join: counting years of reports for the
    # page's `count` then needs no pass over the projects per report.
    return qs.filter(
        publisert | Q(prosjekt__in=Prosjekt.objects.redigerbare_for(bruker).values("pk"))
    )


# Archived parts are gone from the project's page (prosjekter.selectors.prosjektside): not here
# either. An indicator shows with its benefit, a measurement with its indicator.


def leveranser(bruker):
    return _av_prosjekter(Leveranse, bruker).filter(arkivert=False)


def gevinster(bruker):
    return _av_prosjekter(Gevinst, bruker).filter(arkivert=False)


def indikatorer(bruker):
    return _av_prosjekter(Indikator, bruker, "gevinst__prosjekt").filter(
        arkivert=False, gevinst__arkivert=False
    )


def malinger(bruker):
    return _av_prosjekter(Maling, bruker, "indikator__gevinst__prosjekt").filter(
        indikator__arkivert=False, indikator__gevinst__arkivert=False
    )


def allokeringer(bruker):
    return _av_prosjekter(Ressursallokering, bruker).filter(arkivert=False)


def usikkerheter(bruker):
    return _av_prosjekter(Usikkerhet, bruker).filter(arkivert=False)


def styringsbeslutninger(bruker):
    return _av_prosjekter(Styringsbeslutning, bruker)


def programmer(bruker):
    """Programmes as the programme page decides (Program.objects.synlige_for); a service account
    reads those of its portfolios."""
    konto = tjenestekonto_for(bruker)
    if konto is None:
        return Program.objects.synlige_for(bruker)
    return _i_kontoens(Program.objects.all(), konto, "portefolje")
