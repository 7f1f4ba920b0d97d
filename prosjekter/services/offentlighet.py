"""Public access to a project: public by default, exempt only by the chair with a legal basis."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from portefolje.revisjon import logg_hendelse
from portefolje.samtidighet import laas_versjon, lagre_versjon
from prosjekter import permissions
from prosjekter.models import Prosjekt
from velge.services import hjemmel_for_unntak


@transaction.atomic
def prosjekt_sett_offentlighet(
    *, prosjekt: Prosjekt, unntatt: bool, hjemmel: str, versjon: int, aktor
) -> Prosjekt:
    """The chair marks the project as exempt from public access (with its legal basis), or public.

    Refuses (PermissionDenied) anyone but the chair of the project's portfolio; (ValidationError,
    nothing changed) an exemption without a legal basis; and (`Konflikt`) a form opened before
    someone else's save. The same choice sent again changes and logs nothing.
    """
    if not permissions.kan_merke_offentlighet(aktor, prosjekt):
        raise PermissionDenied
    hjemmel = hjemmel_for_unntak(unntatt=unntatt, hjemmel=hjemmel)
    laast = laas_versjon(Prosjekt, pk=prosjekt.pk, versjon=versjon)
    if (laast.unntatt_offentlighet, laast.hjemmel) == (unntatt, hjemmel):
        return laast
    laast.unntatt_offentlighet, laast.hjemmel = unntatt, hjemmel
    laast._history_user = aktor
    lagre_versjon(laast, felter=["unntatt_offentlighet", "hjemmel"])
    logg_hendelse(
        aktor=aktor,
        objekt=laast,
        handling="unntatt_offentlighet" if unntatt else "offentlig",
        beskrivelse=(
            _("The project %(nummer)s is exempt from public access (%(hjemmel)s).")
            if unntatt
            else _("The project %(nummer)s is public.")
        )
        % {"nummer": laast.nummer, "hjemmel": hjemmel},
        data={"unntatt": unntatt, "hjemmel": hjemmel},
    )
    return laast
