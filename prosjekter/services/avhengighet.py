"""Dependencies between projects: register one (never a cycle), archive one."""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from portefolje.revisjon import logg_hendelse
from portefolje.samtidighet import laas_versjon, lagre_versjon
from prosjekter.models import Avhengighet, Leveranse, Prosjekt


def sti_mellom(*, fra_id: int, til_id: int, kanter) -> list[int] | None:
    """The project ids on a path fra → … → til along `kanter` ((depends, depends on) pairs),
    or None when there is none. Breadth first, so the path shown is a shortest one."""
    naboer = defaultdict(set)
    for a, b in kanter:
        naboer[a].add(b)
    forrige = {fra_id: None}
    ko = [fra_id]
    while ko:
        neste = []
        for node in ko:
            if node == til_id:
                sti = []
                while node is not None:
                    sti.append(node)
                    node = forrige[node]
                return sti[::-1]
            for nabo in naboer[node]:
                if nabo not in forrige:
                    forrige[nabo] = node
                    neste.append(nabo)
        ko = neste
    return None


def _sjekk_hva(*, prosjekt, avhenger_av, leveranse) -> None:
    """Not on itself, and a deliverable only of the project depended on, and not archived."""
    if prosjekt.pk == avhenger_av.pk:
        raise ValidationError({"avhenger_av": _("A project cannot depend on itself.")})
    if leveranse is not None and (leveranse.prosjekt_id != avhenger_av.pk or leveranse.arkivert):
        raise ValidationError(
            {
                "leveranse": _("Choose one of %(prosjekt)s's deliverables.")
                % {"prosjekt": avhenger_av}
            }
        )


def _sjekk_ingen_sirkel(*, prosjekt, avhenger_av) -> None:
    """Refuses A → B when B already depends, directly or through others, on A; the message
    names the chain. Locks the open dependencies until the caller's transaction ends."""
    # Serialise registrations: the cycle check reads every open edge, and two registrations
    # (A→B and B→A) must not both pass it.
    kanter = list(
        Avhengighet.objects.aktive()
        .select_for_update()
        .order_by("pk")
        .values_list("prosjekt_id", "avhenger_av_id")
    )
    sti = sti_mellom(fra_id=avhenger_av.pk, til_id=prosjekt.pk, kanter=kanter)
    if sti is None:
        return
    nummer = dict(Prosjekt.objects.filter(pk__in=sti).values_list("pk", "nummer"))
    kjede = " → ".join([prosjekt.nummer, *[nummer[p] for p in sti]])
    raise ValidationError(
        {
            "avhenger_av": _(
                "This would make a cycle: %(kjede)s. A project cannot wait, through others, "
                "for itself."
            )
            % {"kjede": kjede}
        }
    )


@transaction.atomic
def avhengighet_registrer(
    *,
    prosjekt: Prosjekt,
    avhenger_av: Prosjekt,
    leveranse: Leveranse | None = None,
    trengs_dato=None,
    notat: str = "",
    aktor,
) -> Avhengighet:
    """`prosjekt` (A) depends on `avhenger_av` (B), or on one of B's deliverables.

    Refuses a dependency on itself, a deliverable that is not B's (or is archived), the same
    dependency twice, and one that would close a cycle (B already depends, directly or through
    others, on A): the message names the chain. Takes a lock on the open dependencies, so two
    people cannot close a cycle between them at the same moment.
    """
    _sjekk_hva(prosjekt=prosjekt, avhenger_av=avhenger_av, leveranse=leveranse)
    _sjekk_ingen_sirkel(prosjekt=prosjekt, avhenger_av=avhenger_av)
    avhengighet = Avhengighet(
        prosjekt=prosjekt,
        avhenger_av=avhenger_av,
        leveranse=leveranse,
        trengs_dato=trengs_dato,
        notat=notat,
        opprettet_av=aktor if getattr(aktor, "is_authenticated", False) else None,
    )
    avhengighet._history_user = avhengighet.opprettet_av
    try:
        with transaction.atomic():
            avhengighet.save()
    except IntegrityError:
        raise ValidationError(
            {"avhenger_av": _("This dependency is registered already.")}
        ) from None
    logg_hendelse(
        aktor=aktor,
        objekt=prosjekt,
        handling="avhengighet_registrert",
        beskrivelse=_("%(a)s depends on %(b)s.") % {"a": prosjekt, "b": avhengighet.hva()},
    )
    return avhengighet


@transaction.atomic
def avhengighet_arkiver(*, avhengighet: Avhengighet, aktor) -> Avhengighet:
    """Archive a dependency (it no longer holds). Refuses one that is archived already."""
    lagret = laas_versjon(Avhengighet, pk=avhengighet.pk, versjon=None)
    if lagret.arkivert:
        raise ValidationError(_("This is archived and can no longer be changed."))
    lagret.arkivert = True
    lagret._history_user = aktor
    lagre_versjon(lagret, felter=["arkivert"])
    logg_hendelse(
        aktor=aktor,
        objekt=lagret.prosjekt,
        handling="avhengighet_arkivert",
        beskrivelse=_("%(a)s no longer depends on %(b)s.")
        % {"a": lagret.prosjekt, "b": lagret.hva()},
    )
    return lagret
