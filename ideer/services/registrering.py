"""Registering an input from any road in, and attaching files."""

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ideer.models import Innspill, Kanal, Status, StatusEndring, Vedlegg, trygt_filnavn
from ideer.paminnelser import INNSPILL_MOTTATT
from ideer.services.felles import _varsle_innsender
from portefolje.revisjon import logg_hendelse
from portefolje.skjema import Engangsnokkel, opprett_en_gang


@transaction.atomic
def innspill_opprett(
    *,
    data: dict,
    kanal: str,
    aktor=None,
    innsender=None,
    seksjoner=(),
    vedlegg=None,
    skjema_nokkel: Engangsnokkel | None = None,
) -> tuple[Innspill, bool]:
    """Register one input from a form; returns (input, created).

    `data` holds the model's own fields (kind, title, need, ...). A second post with the same
    `skjema_nokkel` (a double click, or parallel posts) returns the first input and creates
    nothing (`portefolje.skjema.opprett_en_gang`); the same key from someone else or another
    form is refused (`FremmedNokkel`). `vedlegg` is an optional (uploaded file, file type) pair
    already checked by the form.
    """
    return opprett_en_gang(
        nokkel=skjema_nokkel,
        opprett=lambda: _innspill_opprett(
            data=data,
            kanal=kanal,
            aktor=aktor,
            innsender=innsender,
            seksjoner=seksjoner,
            vedlegg=vedlegg,
        ),
    )


def _innspill_opprett(*, data, kanal, aktor, innsender, seksjoner, vedlegg) -> Innspill:
    # The language of the form it came through: the one to answer the submitter in.
    innspill = Innspill(**data, kanal=kanal, innsender=innsender, sprak=translation.get_language())
    innspill.full_clean(exclude=["seksjoner"])
    innspill.save()
    if seksjoner:
        innspill.seksjoner.set(seksjoner)
    StatusEndring.objects.create(
        innspill=innspill,
        fra_status=Status.NY,
        til_status=Status.NY,
        endret_av=innsender,
        kommentar=_("Received"),
    )
    if vedlegg:
        fil, filtype = vedlegg
        innspill_legg_ved(innspill=innspill, fil=fil, filtype=filtype, aktor=aktor)
    Innspill.objects.filter(pk=innspill.pk).oppdater_sokevektor()
    logg_hendelse(
        aktor=aktor,
        objekt=innspill,
        handling="innspill_opprettet",
        beskrivelse=_("Input received through %(kanal)s") % {"kanal": Kanal(kanal).label},
        data={"kanal": kanal},
    )
    if kanal == Kanal.OFFENTLIG_SKJEMA:
        _send_kvittering(innspill)
    return innspill


def _send_kvittering(innspill: Innspill) -> None:
    """The receipt e-mail, with the code to follow the input by, to a citizen who gave an address
    and consented (`_varsle_innsender` sends nothing otherwise). Queued when the input is
    committed, through the core's one mail path: a Redis outage delays it, never loses it."""

    def tekst():
        return _(
            "Thank you for your input. It is registered with the code %(kode)s: keep it to "
            "follow what happens to it. We do not answer every input, but we read them all."
        ) % {"kode": innspill.kode}

    _varsle_innsender(
        innspill,
        emne=gettext_lazy("We have received your input"),
        tekst=tekst,
        type=INNSPILL_MOTTATT,
    )


def innspill_legg_ved(*, innspill: Innspill, fil, filtype: str, aktor=None) -> Vedlegg:
    """Store an attachment already checked by `ideer.filer.valider_vedlegg`."""
    vedlegg = Vedlegg(
        innspill=innspill,
        filnavn=trygt_filnavn(fil.name, filtype),
        filtype=filtype,
        storrelse=fil.size,
        lastet_opp_av=aktor if getattr(aktor, "is_authenticated", False) else None,
    )
    vedlegg.fil.save(fil.name, fil, save=False)
    vedlegg.save()
    logg_hendelse(
        aktor=aktor,
        objekt=innspill,
        handling="vedlegg_lagt_ved",
        beskrivelse=_("Attachment added: %(navn)s") % {"navn": vedlegg.filnavn},
    )
    return vedlegg
