"""What Velge files to the archive (portefolje.arkiv): the approved minutes of a meeting, in the
meeting's folder, and each decision, in its concept note's case folder.

Registered in VelgeConfig.ready(); `protokoll_arkiver` is called by `protokoll_godkjenn`, the
one place minutes become approved, in its transaction.
"""

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from portefolje.arkiv import register
from portefolje.arkiv.innhold import (
    Arkivinnhold,
    Del,
    Dokument,
    Motemappe,
    Registrering,
    Saksmappe,
)
from portefolje.arkiv.tjenester import arkivforsendelse_registrer
from portefolje.personer import navn
from velge.models import Beslutning, Protokollgodkjenning
from velge.protokoll import beslutningsrader, godkjent_tekst, protokoll_for

PROTOKOLL = "velge.protokoll"
BESLUTNING = "velge.beslutning"


def _dato(d) -> str:
    return formats.date_format(d, "j. F Y")


def _sakens_rader(b: Beslutning) -> list[tuple[str, str]]:
    rader = [(etikett, str(verdi)) for etikett, verdi in beslutningsrader(b)]
    if b.unntatt_offentlighet:
        rader.append((_("Exempt from public access"), b.hjemmel))
    return rader


def protokoll_beskriv(godkjenning: Protokollgodkjenning) -> Arkivinnhold:
    """The approved minutes as a meeting document in the meeting's folder; exempt from public
    access on the legal bases of the exempt decisions it records, if any."""
    p = protokoll_for(godkjenning.mote)
    mote = p.mote
    hjemler = list(dict.fromkeys(b.hjemmel for b in p.beslutninger if b.unntatt_offentlighet))
    tittel = _("Minutes: %(portefolje)s, %(dato)s") % {
        "portefolje": mote.portefolje.navn,
        "dato": _dato(mote.dato),
    }
    deler = [
        Del(
            _("Leader group"),
            punkter=[f"{navn(m.bruker)} ({m.get_rolle_display()})" for m in p.medlemmer],
        )
    ]
    deler += [
        Del(f"{_('Case')} {nr}: {b.notat.tittel}", rader=_sakens_rader(b))
        for nr, b in enumerate(p.beslutninger, start=1)
    ]
    if p.ubehandlet:
        deler.append(Del(_("On the agenda, not decided"), punkter=[n.tittel for n in p.ubehandlet]))
    dokument = Dokument(
        navn=f"protokoll-{mote.pk}",
        tittel=tittel,
        ingress=[x for x in (mote.tittel, mote.sted, godkjent_tekst(p)) if x],
        deler=deler,
        dokumenttype="PROTOKOLL",
        forfatter=navn(godkjenning.godkjent_av) if godkjenning.godkjent_av_id else "",
    )
    return Arkivinnhold(
        mappe=Motemappe(
            noekkel=f"mote-{mote.pk}",
            tittel=str(mote),
            motenummer=f"{mote.portefolje.slug}-{mote.dato:%Y%m%d}-{mote.pk}",
            utvalg=mote.portefolje.navn,
            motedato=mote.dato,
            motested=mote.sted,
        ),
        registrering=Registrering(
            noekkel=f"protokoll-{mote.pk}",
            tittel=tittel,
            dato=timezone.localdate(godkjenning.godkjent),
            dokumenter=[dokument],
            opprettet=godkjenning.godkjent,
            opprettet_av=dokument.forfatter,
            offentlig_tittel=tittel if hjemler else "",
            skjermingshjemmel="; ".join(hjemler),
        ),
    )


def beslutning_beskriv(b: Beslutning) -> Arkivinnhold:
    """A decision as a journal entry in its concept note's case folder; an exempt decision
    carries its legal basis (skjermingshjemmel), and only a title without the note's is public."""
    b = Beslutning.objects.select_related(
        "notat__eier", "besluttet_av", "versjon", "mote", "portefolje", "scenario"
    ).get(pk=b.pk)
    notat = b.notat
    tittel = _("Decision on %(notat)s: %(utfall)s") % {
        "notat": notat.tittel,
        "utfall": b.get_utfall_display(),
    }
    offentlig = _("Decision in %(portefolje)s") % {"portefolje": b.portefolje.navn}
    dokument = Dokument(
        navn=f"vedtak-{b.pk}",
        tittel=tittel,
        ingress=[b.portefolje.navn + (f", {_dato(b.mote.dato)}" if b.mote_id else "")],
        deler=[Del(_("Decision"), rader=_sakens_rader(b))],
        dokumenttype="VEDTAK",
        forfatter=navn(b.besluttet_av),
    )
    return Arkivinnhold(
        mappe=Saksmappe(
            noekkel=f"konseptnotat-{notat.pk}",
            tittel=notat.tittel,
            saksdato=timezone.localdate(notat.opprettet),
            saksansvarlig=navn(notat.eier) if notat.eier_id else "",
            offentlig_tittel=offentlig if b.unntatt_offentlighet else "",
        ),
        registrering=Registrering(
            noekkel=f"beslutning-{b.pk}",
            tittel=tittel,
            dato=b.dato,
            dokumenter=[dokument],
            opprettet=b.besluttet,
            opprettet_av=dokument.forfatter,
            offentlig_tittel=offentlig if b.unntatt_offentlighet else "",
            skjermingshjemmel=b.hjemmel if b.unntatt_offentlighet else "",
        ),
    )


def registrer() -> None:
    register.registrer(PROTOKOLL, modell=Protokollgodkjenning, beskriv=protokoll_beskriv)
    register.registrer(BESLUTNING, modell=Beslutning, beskriv=beslutning_beskriv)


def protokoll_arkiver(*, godkjenning: Protokollgodkjenning) -> None:
    """File the approved minutes and each of the meeting's decisions (sent after commit)."""
    mote = godkjenning.mote
    arkivforsendelse_registrer(
        art=PROTOKOLL,
        objekt=godkjenning,
        portefolje=mote.portefolje,
        tittel=_("Minutes: %(mote)s") % {"mote": mote},
    )
    for b in Beslutning.objects.filter(mote=mote).select_related("notat").order_by("id"):
        arkivforsendelse_registrer(
            art=BESLUTNING,
            objekt=b,
            portefolje=mote.portefolje,
            tittel=_("Decision on %(notat)s: %(utfall)s")
            % {"notat": b.notat.tittel, "utfall": b.get_utfall_display()},
        )
