"""The icon sprite: the Bootstrap Icons the templates use, as `<symbol>`s in one SVG file.

Built at install time (`make assets` runs this file) from the npm package's own drawings,
node_modules/bootstrap-icons/icons/<name>.svg, into static/build/ikoner.svg (build output, not
committed). A template draws an icon with `{% ikon "bell" %}` (portefolje/templatetags/ikoner.py),
which points into the sprite; this module finds those names by reading every template, so the
sprite holds exactly the icons in use and no icon font or its stylesheet is ever sent.

Standard library only: it runs before the Python packages are needed, and imports nothing of
Django's.
"""

import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROT = Path(__file__).resolve().parents[1]
SPRITE = Path("static/build/ikoner.svg")
TEGNINGER = Path("node_modules/bootstrap-icons/icons")
# Folders that hold no template of the project's own.
IKKE_PROSJEKT = {".venv", "node_modules", ".git", "staticfiles", "build"}

# `{% ikon "name" %}` or `{% ikon 'name' klasse="…" %}`: the name is always written out.
IKON_I_MAL = re.compile(r"""\{%\s*ikon\s+["']([a-z0-9-]+)["']""")
# Any use of the tag, literal name or not (a variable would escape the sprite).
IKONTAGG = re.compile(r"\{%\s*ikon\s+([^\s%]+)")
SVG = re.compile(r"<svg\b([^>]*)>(.*)</svg>", re.S)
VIEWBOX = re.compile(r'viewBox="([^"]+)"')


def maler(rot: Path = ROT) -> Iterator[Path]:
    """Every template file of the project (`templates/` folders, at any depth)."""
    for mappe in sorted(rot.rglob("templates")):
        if not mappe.is_dir() or IKKE_PROSJEKT & set(mappe.relative_to(rot).parts):
            continue
        yield from sorted(f for f in mappe.rglob("*") if f.suffix in {".html", ".txt", ".xml"})


def brukte_ikoner(rot: Path = ROT) -> set[str]:
    """The names of the icons the templates draw."""
    return {navn for mal in maler(rot) for navn in IKON_I_MAL.findall(mal.read_text("utf-8"))}


def symbol(navn: str, svg: str) -> str:
    """One icon's drawing (a whole `<svg>` file) as a `<symbol id="navn">` for the sprite."""
    treff = SVG.search(svg)
    viewbox = VIEWBOX.search(treff.group(1)) if treff else None
    if not treff or not viewbox:
        raise ValueError(f"{navn}.svg er ikke en SVG-tegning med viewBox.")
    innhold = " ".join(linje.strip() for linje in treff.group(2).splitlines() if linje.strip())
    return f'<symbol id="{navn}" viewBox="{viewbox.group(1)}">{innhold}</symbol>'


def sprite(navn: set[str], *, tegninger: Path) -> str:
    """The sprite with the icons `navn`, in name order; refuses a name Bootstrap Icons lacks."""
    ukjente = sorted(n for n in navn if not (tegninger / f"{n}.svg").is_file())
    if ukjente:
        raise ValueError(f"Bootstrap Icons har ikke ikonene: {', '.join(ukjente)}.")
    symboler = (symbol(n, (tegninger / f"{n}.svg").read_text("utf-8")) for n in sorted(navn))
    return (
        '<svg xmlns="http://www.w3.org/2000/svg">'
        + "".join(f"\n{s}" for s in symboler)
        + "\n</svg>\n"
    )


def bygg(rot: Path = ROT) -> set[str]:
    """Write the sprite of the icons the templates use; returns their names."""
    navn = brukte_ikoner(rot)
    maal = rot / SPRITE
    maal.parent.mkdir(parents=True, exist_ok=True)
    maal.write_text(sprite(navn, tegninger=rot / TEGNINGER), encoding="utf-8")
    return navn


if __name__ == "__main__":
    try:
        brukt = bygg()
    except ValueError as feil:
        sys.exit(f"Ikonene ble ikke bygget: {feil}")
    print(f"{SPRITE}: {len(brukt)} ikoner ({', '.join(sorted(brukt))})")
