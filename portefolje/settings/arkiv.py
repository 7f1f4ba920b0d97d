"""Filing to the municipality's archive (Noark 5 through Fiks Arkiv): where the packages go and
how the case folders are classified. Empty ARKIV_MAPPE: the portal files nothing."""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from portefolje.env import env_int, env_str

# The drop folder the archive system imports from (the folder transport): each record lands as
# one zip of arkivmelding.xml and its PDF/A files, written whole (temporary name, then renamed).
ARKIV_MAPPE = env_str("ARKIV_MAPPE", "") or ""
if ARKIV_MAPPE and not Path(ARKIV_MAPPE).is_absolute():
    raise ImproperlyConfigured(f"ARKIV_MAPPE må være en absolutt sti, ikke {ARKIV_MAPPE!r}.")

ARKIV = {
    # The name the archive knows the portal by (arkivmelding's <system>, the external keys).
    "SYSTEM": env_str("ARKIV_SYSTEM", "Porteføljeportalen"),
    # The municipality's classification of the case folders: the scheme (ordningsprinsipp,
    # e.g. «FE» for function/subject) and the class in it (ordningsverdi, e.g. «033»).
    # Empty class: no classification is sent, and the archive applies its own default.
    "ORDNINGSPRINSIPP": env_str("ARKIV_ORDNINGSPRINSIPP", "FE"),
    "ORDNINGSVERDI": env_str("ARKIV_ORDNINGSVERDI", ""),
    # A failed sending is tried again after 1, 2, 4 … minutes, this many times in all; then it
    # waits for the «Try again» button on the archive page.
    "MAKS_FORSOK": env_int("ARKIV_MAKS_FORSOK", 5),
    # An item still waiting this many minutes after its last move is queued again by the sweep
    # (the broker was down, or the worker died).
    "KOE_IGJEN_ETTER_MINUTTER": env_int("ARKIV_KOE_IGJEN_ETTER_MINUTTER", 15),
}
if not ARKIV["SYSTEM"] or not ARKIV["ORDNINGSPRINSIPP"]:
    raise ImproperlyConfigured("ARKIV_SYSTEM og ARKIV_ORDNINGSPRINSIPP kan ikke være tomme.")
if ARKIV["MAKS_FORSOK"] < 1 or ARKIV["KOE_IGJEN_ETTER_MINUTTER"] < 2:
    raise ImproperlyConfigured(
        "ARKIV_MAKS_FORSOK må være minst 1 og ARKIV_KOE_IGJEN_ETTER_MINUTTER minst 2."
    )
