"""Scoring one note in a meeting: alone first, then the others' scores."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from velge import permissions, selectors, services
from velge.forms import InhabilitetForm, VurderingForm
from velge.models import Agendapunkt, Beslutning, Vurdering
from velge.views import hent_mote


def vurder_view(request, slug, pk, notat_pk):
    mote = hent_mote(slug, pk)
    portefolje = mote.portefolje
    if not permissions.kan_vurdere(request.user, portefolje):
        raise PermissionDenied
    punkt = get_object_or_404(
        Agendapunkt.objects.select_related("notat", "notat__eier"), mote=mote, notat_id=notat_pk
    )
    notat = punkt.notat
    kriterier = selectors.aktive_kriterier(portefolje)
    alle = _alle(notat, kriterier)
    besluttet = Beslutning.objects.filter(mote=mote, notat=notat).exists()
    inhabile = selectors.inhabile_for(notater=[notat], portefolje=portefolje)[notat.pk]
    inhabil = next((i for i in inhabile if i.bruker.pk == request.user.pk), None)
    form = VurderingForm(
        request.POST or None,
        kriterier=kriterier,
        eksisterende={v.kriterium_id: v for v in alle if v.medlem_id == request.user.pk},
        endelige=selectors.endelige_for(medlem=request.user, notat=notat, portefolje=portefolje),
    )
    if (
        request.method == "POST"
        and not besluttet
        and inhabil is None
        and _lagret(request, form, mote, notat)
    ):
        return redirect("velge:vurder", slug=slug, pk=mote.pk, notat_pk=notat.pk)
    [resultat] = selectors.notatresultater(
        notater=[notat],
        kriterier=kriterier,
        bruker=request.user,
        portefolje=portefolje,
        avslort_alle=mote.vurderinger_synlige,
    )
    return render(
        request,
        "velge/vurder.html",
        {
            "portefolje": portefolje,
            "mote": mote,
            "notat": notat,
            "form": form,
            "resultat": resultat,
            "kriterier": kriterier,
            "tabell": _tabell(alle, kriterier) if resultat.synlig else [],
            "besluttet": besluttet,
            "inhabil": inhabil,
            "inhabile": inhabile,
            "inhabil_form": InhabilitetForm(),
            "laast": bool(kriterier) and form.endelige >= {k.pk for k in kriterier},
            "avslort": resultat.synlig and not resultat.ferdig_vurdert_av_meg,
            "neste": selectors.neste_a_vurdere(
                mote=mote, notat=notat, bruker=request.user, kriterier=kriterier
            ),
        },
    )


def _alle(notat, kriterier) -> list:
    """Everyone's scores of the note. A disqualified member's count nowhere, nor are they
    shown among everyone's."""
    return list(
        selectors.tellende(Vurdering.objects.filter(notat=notat, kriterium__in=kriterier))
        .select_related("medlem")
        .order_by("medlem__first_name", "medlem__username")
    )


def _lagret(request, form, mote, notat) -> bool:
    """Save the member's scores from a valid form; False (the refusal on the form) if not."""
    if not form.is_valid():
        return False
    try:
        services.vurdering_lagre(mote=mote, notat=notat, medlem=request.user, poeng=form.poeng())
    except ValidationError as feil:
        form.add_error(None, feil)
        return False
    messages.success(request, _("Your scores for «%(notat)s» are saved.") % {"notat": notat})
    return True


def _tabell(alle, kriterier) -> list:
    """The others' scores, member by member: (member, [score or None per criterion])."""
    medlemmer = {}
    for v in alle:
        medlemmer.setdefault(v.medlem, {})[v.kriterium_id] = v
    return [(medlem, [rad.get(k.pk) for k in kriterier]) for medlem, rad in medlemmer.items()]
