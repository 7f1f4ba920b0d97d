"""How a package reaches the archive: one interface, a folder transport today.

`Transport.send(pakke)` delivers one package and returns a `Kvittering`, or raises
`Transportfeil` with a message in plain Norwegian for the secretary. `mottatt(filnavn)` says
whether the archive has taken a package delivered earlier (the folder transport: the archive
system has imported the zip and moved it away).

Fiks IO (KS's message service, with the «arkivmelding opprett» message type and a receipt
message back) is a later transport behind the same interface: its `send` posts the same
arkivmelding.xml and files, its receipt moves the item to «kvittert».
"""

import io
import os
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Arkivpakke:
    """One arkivmelding and the files it names, ready to leave. `navn`: ASCII, no extension."""

    navn: str
    arkivmelding: bytes
    filer: dict[str, bytes] = field(default_factory=dict)


@dataclass(frozen=True)
class Kvittering:
    """What the transport answers: where the package went."""

    filnavn: str


class Transportfeil(Exception):
    """The package could not be delivered; the message is for the secretary."""


class Transport(Protocol):
    def send(self, pakke: Arkivpakke) -> Kvittering: ...

    def mottatt(self, filnavn: str) -> bool: ...


class Mappetransport:
    """A zip of `arkivmelding.xml` and its files in a drop folder, as archive systems import
    them. Written whole or not at all: to a hidden temporary file in the same folder, flushed
    to disk, then renamed, so the archive system never reads half a zip."""

    def __init__(self, mappe: str | Path):
        # Empty: filing is off; never the working directory.
        self.mappe = Path(mappe) if str(mappe) else None

    def send(self, pakke: Arkivpakke) -> Kvittering:
        if self.mappe is None:
            raise Transportfeil(
                _("Filing to the archive is not set up (ARKIV_MAPPE is empty). Tell IT operations.")
            )
        filnavn = f"{pakke.navn}.zip"
        innhold = io.BytesIO()
        with zipfile.ZipFile(innhold, "w", zipfile.ZIP_DEFLATED) as zip_:
            zip_.writestr("arkivmelding.xml", pakke.arkivmelding)
            for navn, data in pakke.filer.items():
                zip_.writestr(navn, data)
        try:
            fd, midlertidig = tempfile.mkstemp(
                prefix=f".{pakke.navn}.", suffix=".tmp", dir=self.mappe
            )
        except OSError as feil:
            raise Transportfeil(self._melding(feil)) from feil
        try:
            with os.fdopen(fd, "wb") as fil:
                fil.write(innhold.getvalue())
                fil.flush()
                os.fsync(fil.fileno())
            os.replace(midlertidig, self.mappe / filnavn)
        except OSError as feil:
            Path(midlertidig).unlink(missing_ok=True)
            raise Transportfeil(self._melding(feil)) from feil
        return Kvittering(filnavn=filnavn)

    def mottatt(self, filnavn: str) -> bool:
        return (
            self.mappe is not None and self.mappe.is_dir() and not (self.mappe / filnavn).exists()
        )

    def _melding(self, feil: OSError) -> str:
        if isinstance(feil, FileNotFoundError):
            return _("The archive folder %(mappe)s does not exist. Tell IT operations.") % {
                "mappe": self.mappe
            }
        if isinstance(feil, PermissionError):
            return _(
                "The portal may not write to the archive folder %(mappe)s. Tell IT operations."
            ) % {"mappe": self.mappe}
        return _(
            "Could not write to the archive folder %(mappe)s (%(feil)s). Tell IT operations."
        ) % {
            "mappe": self.mappe,
            "feil": feil.strerror or type(feil).__name__,
        }


def transport() -> Transport:
    """The configured transport: the drop folder in ARKIV_MAPPE."""
    return Mappetransport(settings.ARKIV_MAPPE)
