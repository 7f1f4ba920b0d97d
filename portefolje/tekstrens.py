"""The one text cleaner: for what people type, for what is written out, and for what is stored.

Text pasted from Word brings characters that look like nothing on screen but break the files
made from it: a soft line break is a vertical tab, which XML 1.0 cannot hold, so an XLSX
export, the Atom feed and the minutes (DOCX) failed for everyone once one record held one.

- `rens_enkeltlinje` (a one-line field): no control characters, no bidirectional formatting
  (U+202E shows «txt.exe» as «exe.txt»); tabs and line breaks become spaces.
- `rens_flerlinje` (a text area): control characters removed, except tab and line break; a
  vertical tab, form feed, NEL or Unicode line/paragraph separator becomes a line break.
- `rens_utdata` (every writer: XLSX, CSV, DOCX, PDF, Atom): `rens_flerlinje`, and also NUL,
  lone surrogates and the non-characters XML cannot hold, so text already stored never makes a
  writer fail.

Forms clean on input through `portefolje.skjema.RenTekstMixin`; stored text was cleaned once by
a data migration in each app (`rens_lagret_tekst`).
"""

# Bidirectional formatting characters (embeddings, overrides, isolates and the directional
# marks). No Norwegian title needs them.
BIDI_TEGN = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# What a word processor or a browser means as a new line.
LINJESKIFT = "\x0b\x0c\x85\u2028\u2029"
# C0 and C1 control characters and DEL, except tab, line feed and carriage return. NUL is left
# to Django on input, which refuses it with a message.
_KONTROLL = [
    chr(c) for c in [*range(1, 32), 127, *range(0x80, 0xA0)] if chr(c) not in "\t\n\r" + LINJESKIFT
]

_FLERLINJE = str.maketrans({**dict.fromkeys(_KONTROLL), **dict.fromkeys(LINJESKIFT, "\n")})
_ENKELTLINJE = str.maketrans(
    {
        **dict.fromkeys(_KONTROLL),
        **dict.fromkeys(BIDI_TEGN),
        **dict.fromkeys("\t\n\r" + LINJESKIFT, " "),
    }
)
_UTDATA = str.maketrans(
    {
        **_FLERLINJE,
        0: None,
        0xFFFE: None,
        0xFFFF: None,
        **dict.fromkeys(range(0xD800, 0xE000)),
    }
)
# The characters that make a stored text need cleaning (what `rens_utdata` changes), for a
# database regex that finds the rows to clean.
UREN_TEKST = "[" + "".join(_KONTROLL) + LINJESKIFT + "\ufffe\uffff]"


def rens_enkeltlinje(tekst: str) -> str:
    """`tekst` as one clean line: no control or bidirectional formatting characters; tabs and
    line breaks become spaces."""
    return tekst.translate(_ENKELTLINJE)


def rens_flerlinje(tekst: str) -> str:
    """`tekst` with its line breaks kept (and Word's soft ones made real), and no other control
    characters."""
    return tekst.translate(_FLERLINJE)


def rens_utdata(tekst: str) -> str:
    """`tekst` as every file format can hold it (XML 1.0's characters): for writers."""
    return tekst.translate(_UTDATA)


def _rens_json(verdi):
    if isinstance(verdi, str):
        return rens_utdata(verdi)
    if isinstance(verdi, list):
        return [_rens_json(v) for v in verdi]
    if isinstance(verdi, dict):
        return {k: _rens_json(v) for k, v in verdi.items()}
    return verdi


def rens_lagret_tekst(apps, app_label: str) -> int:
    """Clean every text column, and every text inside a JSON column, of one app's models (for
    its data migration); returns how many rows changed. The database finds the rows that need
    it (a regex), so a clean table costs one scan and no writes."""
    from django.db import models

    endret = 0
    for modell in apps.get_app_config(app_label).get_models():
        if modell._meta.proxy or not modell._meta.managed:
            continue
        felt = [
            f
            for f in modell._meta.local_concrete_fields
            if isinstance(f, models.CharField | models.TextField | models.JSONField)
        ]
        if not felt:
            continue
        qs = modell._base_manager.filter(_hvor_uren(felt)).only("pk", *[f.attname for f in felt])
        for rad in qs.iterator(chunk_size=500):
            ny = {}
            for f in felt:
                verdi = getattr(rad, f.attname)
                renset = _rens_json(verdi)
                if renset != verdi:
                    ny[f.attname] = renset
            if ny:
                modell._base_manager.filter(pk=rad.pk).update(**ny)
                endret += 1
    return endret


# A JSON column read as text holds a control character as an escape («\u000b»), and any other
# character either as itself or escaped: this finds both; Python then decides exactly.
_UREN_JSON = UREN_TEKST + r"|\\u00(0[1-8bcef]|1[0-9a-f]|7f|[89][0-9a-f])|\\u202[89]|\\ufff[ef]"


def _hvor_uren(felt):
    from django.db import models
    from django.db.models import Q
    from django.db.models.functions import Cast

    hvor = Q()
    for f in felt:
        if isinstance(f, models.JSONField):
            hvor |= Q(
                **{f"{f.attname}__isnull": False},
                pk__in=f.model._base_manager.annotate(
                    _som_tekst=Cast(f.attname, models.TextField())
                )
                .filter(_som_tekst__iregex=_UREN_JSON)
                .values("pk"),
            )
        else:
            hvor |= Q(**{f"{f.attname}__regex": UREN_TEKST})
    return hvor
