"""The chair's decision on one note in a meeting."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import format_html
from django.utils.translation import gettext as _

from konseptnotat.portefoljevalg import foreslag_for
from velge import hooks, permissions, selectors, services
from velge.forms import BeslutningForm
from velge.models import Agendapunkt, Beslutning, Utfall
from velge.selectors.grunnlag import grunnlag_for_mote
from velge.views import hent_mote


def beslutt_view(request, slug, pk, notat_pk):
    mote = hent_mote(slug, pk)
    portefolje = mote.portefolje
    punkt = get_object_or_404(
        Agendapunkt.objects.select_related("notat", "notat__eier"), mote=mote, notat_id=notat_pk
    )
    notat = punkt.notat
    inhabile = selectors.inhabile_for(notater=[notat], portefolje=portefolje)[notat.pk]
    if not permissions.kan_beslutte_om(request.user, portefolje, notat, inhabile=inhabile):
        raise PermissionDenied
    # The summary, the costs against the frames, the ranking, the spread, and who has scored
    # against the quorum: the form asks for a confirmation by the same account the page shows.
    grunnlag = grunnlag_for_mote(
        mote=mote, bruker=request.user, kriterier=selectors.aktive_kriterier(portefolje)
    )[notat.pk]
    kvorum = grunnlag.kvorum
    tidligere = (
        Beslutning.objects.filter(mote=mote, notat=notat).select_related("besluttet_av").first()
    )
    form = BeslutningForm(
        request.POST or None, portefolje=portefolje, mote=mote, kvorum=kvorum, notat=notat
    )
    if request.method == "POST" and tidligere is None and form.is_valid():
        beslutning = _fatt(request, mote=mote, notat=notat, form=form)
        if beslutning is not None:
            messages.success(request, _melding(beslutning, bruker=request.user))
            return redirect("velge:mote", slug=slug, pk=mote.pk)
    # The same rule as the proposal on the note's page: one function, so the pages agree.
    forslag = foreslag_for(notat)
    return render(
        request,
        "velge/beslutt.html",
        {
            "portefolje": portefolje,
            "mote": mote,
            "notat": notat,
            "form": form,
            "tidligere": tidligere,
            "palagt": selectors.notat_er_palagt(notat),
            "vektet": selectors.vektet_score_for(notat=notat, portefolje=portefolje),
            "grunnlag": grunnlag,
            # Large and cross-sector cases belong to KLG (docs/velge.md): say so, the chair decides.
            "klg_grunner": forslag.grunner if forslag.til_klg and not portefolje.er_klg else (),
            # E.g. the section's decision to lift the note here, with the section's score.
            "tidligere_beslutninger": Beslutning.objects.filter(notat=notat)
            .exclude(mote=mote)
            .select_related("portefolje", "besluttet_av", "mote"),
        },
    )


def _fatt(request, *, mote, notat, form):
    """The decision as the form holds it; None with the refusal on the form."""
    data = form.cleaned_data
    try:
        return services.beslutning_fatt(
            mote=mote,
            notat=notat,
            aktor=request.user,
            utfall=data["utfall"],
            begrunnelse=data["begrunnelse"],
            parkert_til=data["parkert_til"],
            scenario=data.get("scenario"),
            under_kvorum_grunn=form.under_kvorum_grunn(),
            interne_notater=data["interne_notater"],
            prosjekteier=data["prosjekteier"],
            prosjektleder=data["prosjektleder"],
        )
    except ValidationError as feil:
        # Beside its field when the form has it (the quorum fields only appear below the
        # quorum, which a declaration made meanwhile can change), else at the top.
        ved_felt = hasattr(feil, "error_dict") and set(feil.error_dict) <= set(form.fields)
        form.add_error(None, feil if ved_felt else feil.messages)
        return None


def _melding(beslutning, *, bruker) -> str:
    """What the chair is told: the outcome, where a lifted note went, and a link to what the
    decision became downstream (Styre's project) when there is one."""
    melding = _("Decision recorded: %(utfall)s.") % {"utfall": beslutning.get_utfall_display()}
    if beslutning.utfall == Utfall.LOFTET_TIL_KLG:
        if beslutning.neste_mote:
            melding += " " + _("The note is on the agenda of KLG's meeting %(dato)s.") % {
                "dato": beslutning.neste_mote.dato.strftime("%d.%m.%Y")
            }
        else:
            melding += " " + _(
                "KLG has no upcoming meeting yet: the note waits in KLG's portfolio."
            )
    lenke = hooks.lenker_for(beslutninger=[beslutning], bruker=bruker).get(beslutning.pk)
    if lenke:
        melding = format_html(
            '{} <a href="{}">{}</a>', melding, lenke[0], _("Open %(navn)s") % {"navn": lenke[1]}
        )
    return melding
