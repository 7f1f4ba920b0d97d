"""Create, read, edit and submit a concept note."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import model_to_dict
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from konseptnotat import permissions, selectors, services
from konseptnotat.forms import KlarForm, KommentarForm, KonseptnotatForm, SendTilbakeForm
from konseptnotat.mal import SEKSJON_ETTER_NOKKEL, SEKSJONER, mangler_i
from konseptnotat.portefoljevalg import foreslag_for
from konseptnotat.views.felles import hent_notat
from konseptnotat.visning import feltnavn, tekst_for
from portefolje.historikk import historikk_for
from portefolje.overganger import UlovligOvergang
from portefolje.permissions import er_utvikler
from portefolje.samtidighet import Konflikt
from portefolje.skjema import engangsnokkel, feil_til_skjema, opprett_en_gang
from portefolje.spor import heltall_fra_get

FEIL_MANGLER = gettext_lazy("Required before the note can be submitted.")


def _kan_starte_fra(user, innspill) -> bool:
    return (
        innspill.initiativtaker_id == user.pk or innspill.innsender_id == user.pk
    ) or er_utvikler(user)


def _seksjoner_i_skjema(form, konflikt=None):
    """The form's fields grouped by the template's sections, with any conflicting saved text."""
    konflikt = konflikt or {}
    return [
        {
            "seksjon": s,
            "felter": [form[f] for f in s.felter],
            "konflikt": [(feltnavn(f), konflikt[f]) for f in s.felter if f in konflikt],
            "har_feil": any(form[f].errors for f in s.felter),
        }
        for s in SEKSJONER
    ]


def _rediger_side(request, notat, form, *, konflikt=None, mangler=None, status=200):
    tittel_konflikt = (konflikt or {}).get("tittel")
    return render(
        request,
        "konseptnotat/rediger.html",
        {
            "notat": notat,
            "form": form,
            "seksjoner": _seksjoner_i_skjema(form, konflikt),
            "tittel_konflikt": tittel_konflikt,
            "konflikt": bool(konflikt),
            "mangler": [
                {
                    "seksjon": SEKSJON_ETTER_NOKKEL[n],
                    "felter": [(f, feltnavn(f)) for f in felter],
                }
                for n, felter in (mangler or {}).items()
            ],
        },
        status=status,
    )


def _skjema_med_mangler(notat, data, mangler):
    """A bound form over `data` with «required before submitting» next to each empty field."""
    data = data.copy()
    data["fra_versjon"] = str(notat.versjon)
    form = KonseptnotatForm(data, instance=notat)
    form.is_valid()
    for felter in mangler.values():
        for felt in felter:
            if felt not in form.errors:
                form.add_error(felt, FEIL_MANGLER)
    return form


def _lagret_data(notat) -> dict:
    """The saved note as form data, to show the form as the note stands."""
    felter = KonseptnotatForm._meta.fields
    data = {}
    for felt, verdi in model_to_dict(notat, fields=felter).items():
        if isinstance(verdi, list):
            data[felt] = [getattr(v, "pk", v) for v in verdi]
        elif verdi is None or verdi is False:
            data[felt] = "" if verdi is None else False
        else:
            data[felt] = verdi
    return data


class _Data(dict):
    """A dict that answers `getlist` like a QueryDict, for forms bound to saved data."""

    def getlist(self, key, default=None):
        verdi = self.get(key, default if default is not None else [])
        return verdi if isinstance(verdi, list) else [verdi]

    def copy(self):
        return _Data(self)


def ny_view(request):
    """A new draft; `?innspill=<id>` starts from an input and carries its text over."""
    innspill = None
    if request.GET.get("innspill"):
        innspill = get_object_or_404(
            selectors.innspill(heltall_fra_get(request, "innspill", standard=0))
        )
        if not _kan_starte_fra(request.user, innspill):
            raise PermissionDenied
    if request.method == "POST":
        form = KonseptnotatForm(request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            nokkel = engangsnokkel(request, data.pop("skjema_nokkel"))
            try:
                notat, _ny = opprett_en_gang(
                    nokkel=nokkel,
                    opprett=lambda: services.notat_opprett(
                        eier=request.user,
                        data=data,
                        innspill=[innspill] if innspill else [],
                        medforfattere=data.pop("medforfattere", []),
                    ),
                )
            except ValidationError as feil:
                feil_til_skjema(form, feil)
            else:
                messages.success(request, _("The draft is saved as version 1."))
                return redirect(notat)
    else:
        initial = {}
        profil = getattr(request.user, "profil", None)
        if profil is not None and profil.seksjon_id:
            initial["seksjon"] = profil.seksjon_id
        if innspill is not None:
            initial.update(services.data_fra_innspill(innspill))
        form = KonseptnotatForm(initial=initial)
    return render(
        request,
        "konseptnotat/ny.html",
        {"form": form, "seksjoner": _seksjoner_i_skjema(form), "innspill": innspill},
    )


STATUSFELT = ("status", "portefolje", "veileder", "eier", "innsendt")


@require_safe
def detalj_view(request, pk):
    notat = hent_notat(request, pk)
    user = request.user
    kommentarer = list(selectors.kommentarer(notat))
    per_seksjon = {}
    for k in kommentarer:
        per_seksjon.setdefault(k.seksjon, []).append(k)
    for k in kommentarer:
        k.notat = notat
        k.kan_loses = k.er_apen and permissions.kan_lose_kommentar(user, k)
    innhold = services.innhold_av(notat)
    kan_merke_klar = permissions.kan_merke_klar(user, notat)
    forslag = foreslag_for(notat)
    klar_form = (
        KlarForm(initial={"portefolje": notat.portefolje or (forslag and forslag.portefolje)})
        if kan_merke_klar
        else None
    )
    return render(
        request,
        "konseptnotat/detalj.html",
        {
            "notat": notat,
            "innhold": innhold,
            "generelle_kommentarer": per_seksjon.get("", []),
            "kommentarer_per_seksjon": per_seksjon,
            "vis_kommentarer": True,
            "frosne": selectors.frosne_versjoner(notat),
            "apne_kommentarer": sum(1 for k in kommentarer if k.er_apen),
            "mangler": [
                {"seksjon": SEKSJON_ETTER_NOKKEL[n], "felter": [feltnavn(f) for f in felter]}
                for n, felter in mangler_i(innhold).items()
            ]
            if permissions.kan_redigere(user, notat)
            else [],
            "kan_redigere": permissions.kan_redigere(user, notat),
            "kan_kommentere": permissions.kan_kommentere(user, notat),
            "kan_sende_tilbake": permissions.kan_sende_tilbake(user, notat),
            "kan_merke_klar": kan_merke_klar,
            "kan_bli_veileder": permissions.kan_bli_veileder(user, notat),
            "forslag": forslag,
            "klar_form": klar_form,
            "send_tilbake_form": SendTilbakeForm()
            if permissions.kan_sende_tilbake(user, notat)
            else None,
            "kommentar_form": KommentarForm() if permissions.kan_kommentere(user, notat) else None,
            # The text's changes are on the History page (word diff); here: where it stands.
            "feltlogg": historikk_for(notat, bare=STATUSFELT),
        },
    )


def rediger_view(request, pk):
    """Edit the answers; a save from a stale version is refused and the text kept for merging."""
    notat = hent_notat(request, pk, permissions.er_forfatter)
    if not permissions.kan_redigere(request.user, notat):
        if request.method != "POST":
            raise PermissionDenied
        # Submitted (or sent on) while this author was writing: keep their text on the screen.
        form = KonseptnotatForm(request.POST, instance=notat)
        form.is_valid()
        form.add_error(
            None,
            _(
                "The note was submitted or moved on while you were editing, so it can no longer "
                "be changed. Your text has not been saved; copy what you need from the form."
            ),
        )
        return _rediger_side(request, notat, form, status=409)
    if request.method != "POST":
        form = KonseptnotatForm(instance=notat, initial={"fra_versjon": notat.versjon})
        return _rediger_side(request, notat, form)

    form = KonseptnotatForm(request.POST, instance=notat)
    if not form.is_valid():
        return _rediger_side(request, notat, form)
    data = dict(form.cleaned_data)
    fra_versjon = data.pop("fra_versjon")
    try:
        notat = services.notat_lagre(
            notat=notat, data=data, fra_versjon=fra_versjon, aktor=request.user
        )
    except Konflikt as feil:
        return _konflikt(request, feil.objekt, request.POST, fra_versjon, str(feil))
    except (services.NotatFeil, UlovligOvergang) as feil:
        messages.error(request, str(feil))
        return redirect(notat)
    if "send_inn" in request.POST:
        return _send_inn(request, notat, data=request.POST)
    messages.success(request, _("Saved as version %(versjon)s.") % {"versjon": notat.versjon})
    return redirect(notat)


def _konflikt(request, gjeldende, postet, fra_versjon, melding):
    """Show the person's own text again, with the saved text beside each field that changed."""
    gjeldende = hent_notat(request, gjeldende.pk)
    naa = services.innhold_av(gjeldende)
    start = selectors.innhold_i_versjon(gjeldende, fra_versjon)
    konflikt = {
        felt: tekst_for(felt, verdi) or _("(empty)")
        for felt, verdi in naa.items()
        if start is None or start.get(felt) != verdi
    }
    data = postet.copy()
    # Their next save builds on what is saved now: they have seen it beside their own text.
    data["fra_versjon"] = str(gjeldende.versjon)
    form = KonseptnotatForm(data, instance=gjeldende)
    form.is_valid()
    form.add_error(None, melding)
    return _rediger_side(request, gjeldende, form, konflikt=konflikt, status=409)


def _send_inn(request, notat, *, data):
    try:
        notat = services.notat_send_inn(notat=notat, aktor=request.user)
    except services.Ufullstendig as feil:
        form = _skjema_med_mangler(notat, data, feil.mangler)
        form.add_error(None, str(feil))
        return _rediger_side(request, notat, form, mangler=feil.mangler)
    except (services.NotatFeil, UlovligOvergang) as feil:
        messages.error(request, str(feil))
        return redirect(notat)
    messages.success(
        request,
        _("The note is submitted. The development team will read it and guide you if needed."),
    )
    return redirect(notat)


def send_inn_view(request, pk):
    """Submit the note as saved; if something is missing, show the form with what and where."""
    notat = hent_notat(request, pk, permissions.kan_sende_inn)
    if request.method != "POST":  # after the permission check: an outsider learns nothing
        return HttpResponseNotAllowed(["POST"])
    return _send_inn(request, notat, data=_Data(_lagret_data(notat)))
