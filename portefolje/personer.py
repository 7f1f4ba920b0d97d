"""How a person is named everywhere in the portal: the full name, or the user name when the
profile has none (service accounts and people imported without names)."""


def navn(bruker, tom: str = "") -> str:
    """`bruker`'s full name, or user name; `tom` when there is nobody (or nobody signed in)."""
    if bruker is None or bruker.is_anonymous:
        return tom
    return bruker.get_full_name() or bruker.get_username()
