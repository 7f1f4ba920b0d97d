"""Telling everyone concerned about a decision: the note's owner, co-authors and guiding
developer get the outcome and the public justification; a note lifted to KLG tells KLG's
secretary. Each gets a notification in the portal, e-mailed by their own settings."""

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portefolje.models import Medlemskap, Portefolje, Rolle
from portefolje.varsler import varsel_opprett, varseltype_registrer
from velge.models import Beslutning, Utfall

BESLUTNING_UTFALL = varseltype_registrer(
    "beslutning_utfall",
    navn=gettext_lazy("Decision on your concept note"),
    beskrivelse=gettext_lazy(
        "To the note's owner, co-authors and guide: the outcome and its public justification."
    ),
)
BESLUTNING_TIL_KLG = varseltype_registrer(
    "beslutning_til_klg",
    navn=gettext_lazy("Note lifted to KLG"),
    beskrivelse=gettext_lazy("To KLG's secretary, when a portfolio lifts a note to KLG."),
)


def berorte(beslutning: Beslutning) -> list:
    """The note's owner, co-authors and guiding developer, each once, active accounts only."""
    notat = beslutning.notat
    personer = [notat.eier, notat.veileder, *notat.medforfattere.all()]
    unike = {p.pk: p for p in personer if p is not None and p.is_active}
    return list(unike.values())


def klg_sekretaerer() -> list:
    klg = Portefolje.objects.klg()
    return [
        m.bruker
        for m in Medlemskap.objects.filter(portefolje=klg, rolle=Rolle.SEKRETAER)
        .select_related("bruker")
        .order_by("bruker__last_name", "bruker_id")
        if m.bruker.is_active
    ]


def beslutning_varsle(*, beslutning: Beslutning) -> int:
    """Notify everyone concerned by `beslutning`; returns how many notifications were made.

    Called by the decision service inside its transaction: the e-mails leave after it commits,
    and a decision rolled back tells nobody. Each person is told once per decision.
    """
    notat, portefolje = beslutning.notat, beslutning.portefolje
    utfall = beslutning.get_utfall_display
    lenke = reverse("konseptnotat:detalj", kwargs={"pk": notat.pk})

    def tittel():
        return _("«%(notat)s»: %(utfall)s") % {"notat": notat.tittel, "utfall": utfall()}

    def tekst():
        linjer = [
            _("%(portefolje)s decided on %(dato)s: %(utfall)s.")
            % {
                "portefolje": portefolje.navn,
                "dato": formats.date_format(beslutning.dato, "j. F Y"),
                "utfall": utfall(),
            },
            _("Justification: %(begrunnelse)s") % {"begrunnelse": beslutning.begrunnelse},
        ]
        if beslutning.parkert_til:
            linjer.append(
                _("Parked until %(dato)s.")
                % {"dato": formats.date_format(beslutning.parkert_til, "j. F Y")}
            )
        return "\n\n".join(linjer)

    mottakere = [(p, BESLUTNING_UTFALL) for p in berorte(beslutning)]
    if beslutning.utfall == Utfall.LOFTET_TIL_KLG:
        mottakere += [(p, BESLUTNING_TIL_KLG) for p in klg_sekretaerer()]
    laget = 0
    for mottaker, type in mottakere:
        varsel = varsel_opprett(
            type=type,
            objekt=beslutning,
            mottaker=mottaker,
            tittel=tittel,
            tekst=tekst,
            lenke=lenke,
        )
        laget += varsel is not None
    return laget
