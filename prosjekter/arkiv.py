"""What Styre files to the archive (portefolje.arkiv): the decision that closes a project, with
its closing report (the last published status report), in the project's case folder.

Registered in ProsjekterConfig.ready(); `avslutning_arkiver` is called by
`styringsbeslutning_fatt` in its transaction when the decision closes the project.
"""

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from portefolje.arkiv import register
from portefolje.arkiv.innhold import Arkivinnhold, Del, Dokument, Registrering, Saksmappe
from portefolje.arkiv.tjenester import arkivforsendelse_registrer
from portefolje.belop import kroner
from portefolje.personer import navn
from prosjekter.models import Styringsbeslutning
from prosjekter.selectors import publiserte_rapporter

AVSLUTNING = "prosjekter.avslutning"


def _sluttrapport(prosjekt) -> Del | None:
    rapport = publiserte_rapporter(prosjekt).select_related("skrevet_av").first()
    if rapport is None:
        return None
    return Del(
        _("Closing report"),
        rader=[
            (_("Published"), formats.date_format(timezone.localtime(rapport.publisert), "j. F Y")),
            (_("Written by"), navn(rapport.skrevet_av) if rapport.skrevet_av_id else "–"),
            (_("Overall status"), rapport.get_farge_display()),
            (_("Achieved since the last report"), rapport.oppnadd or "–"),
            (_("Budget"), kroner(rapport.budsjett)),
            (_("Cost to date"), kroner(rapport.kostnad_hittil)),
            (_("Forecast"), kroner(rapport.prognose)),
        ],
    )


def avslutning_beskriv(beslutning: Styringsbeslutning) -> Arkivinnhold:
    """The closing decision and report as a journal entry in the project's case folder; a
    project exempt from public access is filed with its legal basis."""
    b = Styringsbeslutning.objects.select_related(
        "prosjekt__prosjektleder", "prosjekt__portefolje", "besluttet_av"
    ).get(pk=beslutning.pk)
    prosjekt = b.prosjekt
    sak = f"{prosjekt.nummer} {prosjekt.tittel}"
    tittel = _("Project closed: %(prosjekt)s") % {"prosjekt": sak}
    hjemmel = prosjekt.hjemmel if prosjekt.unntatt_offentlighet else ""
    offentlig = _("Project closed in %(portefolje)s") % {"portefolje": prosjekt.portefolje.navn}
    deler = [
        Del(
            _("Decision"),
            rader=[
                (_("Decision"), b.get_type_display()),
                (_("Rationale"), b.begrunnelse),
                (_("Decided by"), navn(b.besluttet_av)),
                (_("Date"), formats.date_format(timezone.localtime(b.besluttet), "j. F Y")),
            ],
        )
    ]
    if (rapport := _sluttrapport(prosjekt)) is not None:
        deler.append(rapport)
    dokument = Dokument(
        navn=f"avslutning-{b.pk}",
        tittel=tittel,
        ingress=[prosjekt.portefolje.navn],
        deler=deler,
        dokumenttype="VEDTAK",
        forfatter=navn(b.besluttet_av),
    )
    return Arkivinnhold(
        mappe=Saksmappe(
            noekkel=f"prosjekt-{prosjekt.pk}",
            tittel=sak,
            saksdato=prosjekt.startdato,
            saksansvarlig=navn(prosjekt.prosjektleder) if prosjekt.prosjektleder_id else "",
            offentlig_tittel=offentlig if hjemmel else "",
        ),
        registrering=Registrering(
            noekkel=f"styringsbeslutning-{b.pk}",
            tittel=tittel,
            dato=timezone.localdate(b.besluttet),
            dokumenter=[dokument],
            opprettet=b.besluttet,
            opprettet_av=dokument.forfatter,
            offentlig_tittel=offentlig if hjemmel else "",
            skjermingshjemmel=hjemmel,
        ),
    )


def registrer() -> None:
    register.registrer(AVSLUTNING, modell=Styringsbeslutning, beskriv=avslutning_beskriv)


def avslutning_arkiver(*, beslutning: Styringsbeslutning) -> None:
    """File the decision that closed the project, with its closing report (sent after commit)."""
    prosjekt = beslutning.prosjekt
    arkivforsendelse_registrer(
        art=AVSLUTNING,
        objekt=beslutning,
        portefolje=prosjekt.portefolje,
        tittel=_("Project closed: %(prosjekt)s")
        % {"prosjekt": f"{prosjekt.nummer} {prosjekt.tittel}"},
    )
