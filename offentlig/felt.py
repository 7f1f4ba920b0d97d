"""What is public about each object, declared once: every other field stays inside the portal.

The public pages read only these fields (the selectors load them with `.only()` where a model is
fetched on its own), and the test that walks every public page plants a unique marker in every
other text field of these models and of the models they point to, and looks for it.
People's names are never public; a project's owner is shown by the role in their profile.
"""

OFFENTLIGE_FELT = {
    "velge.Beslutning": {
        "utfall",
        "begrunnelse",
        "parkert_til",
        "besluttet",
        "publisert",
        "mote",
    },
    "prosjekter.Prosjekt": {
        "tittel",
        "nummer",
        "malsetting",
        "type",
        "fase",
        "tilstand",
        "startdato",
        "sluttdato",
        "tjenesteomrade",
        "portefolje",
        "opprettet",
    },
    # Only the latest published report, never a draft.
    "prosjekter.Statusrapport": {"farge", "oppnadd", "neste", "utfordringer", "publisert"},
    "prosjekter.Gevinst": {"tittel", "beskrivelse", "type", "realiseringsdato"},
    "prosjekter.Indikator": {"navn", "enhet", "nullpunkt", "malverdi"},
    "prosjekter.Maling": {"dato", "verdi"},
    "konseptnotat.Konseptnotat": {"tittel"},
    "portefolje.Portefolje": {"navn"},
    "portefolje.Seksjon": {"navn", "slug"},
    "portefolje.Profil": {"tittel"},
}
