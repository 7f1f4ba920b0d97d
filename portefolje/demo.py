"""Demo content for the portfolio core: sections, portfolios, the seven demo users and roles.

Called by `manage.py demo_data` before the phases' own demo modules (ideer.demo, ...). Every
function here is idempotent: it looks things up by natural key and creates only what is missing.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from portefolje.models import Medlemskap, Portefolje, Profil, Rolle, Seksjon
from portefolje.models.organisasjon import KLG_SLUG, UTVIKLINGSTEAM_GRUPPE

DEMO_PASSORD = "demo"

SEKSJONER = [
    ("helse-og-omsorg", "Helse og omsorg"),
    ("oppvekst-og-kultur", "Oppvekst og kultur"),
    ("samfunnsutvikling", "Samfunnsutvikling"),
    ("organisasjon-og-okonomi", "Organisasjon og økonomi"),
]


@dataclass(frozen=True)
class DemoPerson:
    brukernavn: str
    fornavn: str
    etternavn: str
    tittel: str
    seksjon: str | None
    kan_logge_inn: bool = True


# The seven demo users the README lists, and a few colleagues who sit in the leader groups (they
# cannot log in; they exist so meetings have several members who score).
PERSONER = [
    DemoPerson("admin", "Ada", "Admin", "Systemforvalter", "organisasjon-og-okonomi"),
    DemoPerson("ansatt", "Aksel", "Ansatt", "Rådgiver", "samfunnsutvikling"),
    DemoPerson("initiativtaker", "Ingrid", "Initiativtaker", "Enhetsleder", "helse-og-omsorg"),
    DemoPerson("utvikler", "Ulrik", "Utvikler", "Utviklingsrådgiver", "organisasjon-og-okonomi"),
    DemoPerson("klg", "Kari", "Kommunedirektør", "Kommunedirektør", None),
    DemoPerson(
        "helseleder", "Henrik", "Helseleder", "Kommunalsjef helse og omsorg", "helse-og-omsorg"
    ),
    DemoPerson("prosjektleder", "Pia", "Prosjektleder", "Prosjektleder", "organisasjon-og-okonomi"),
    DemoPerson(
        "oppvekstleder",
        "Olav",
        "Oppvekstsjef",
        "Kommunalsjef oppvekst og kultur",
        "oppvekst-og-kultur",
        False,
    ),
    DemoPerson(
        "samfunnsleder",
        "Siri",
        "Samfunnssjef",
        "Kommunalsjef samfunnsutvikling",
        "samfunnsutvikling",
        False,
    ),
    DemoPerson(
        "okonomisjef", "Øystein", "Økonomisjef", "Økonomisjef", "organisasjon-og-okonomi", False
    ),
    DemoPerson(
        "omsorgsleder",
        "Marte",
        "Omsorgsleder",
        "Virksomhetsleder hjemmetjenesten",
        "helse-og-omsorg",
        False,
    ),
]

# (portfolio slug, username, role)
MEDLEMSKAP = [
    (KLG_SLUG, "klg", Rolle.LEDER),
    (KLG_SLUG, "helseleder", Rolle.MEDLEM),
    (KLG_SLUG, "oppvekstleder", Rolle.MEDLEM),
    (KLG_SLUG, "samfunnsleder", Rolle.MEDLEM),
    (KLG_SLUG, "okonomisjef", Rolle.MEDLEM),
    (KLG_SLUG, "utvikler", Rolle.SEKRETAER),
    ("helse-og-omsorg", "helseleder", Rolle.LEDER),
    ("helse-og-omsorg", "omsorgsleder", Rolle.MEDLEM),
    ("helse-og-omsorg", "initiativtaker", Rolle.MEDLEM),
    ("helse-og-omsorg", "utvikler", Rolle.SEKRETAER),
    ("oppvekst-og-kultur", "oppvekstleder", Rolle.LEDER),
    ("samfunnsutvikling", "samfunnsleder", Rolle.LEDER),
    ("organisasjon-og-okonomi", "okonomisjef", Rolle.LEDER),
]


_HASH: list[str] = []


def _demo_hash() -> str:
    if not _HASH:
        _HASH.append(make_password(DEMO_PASSORD))
    return _HASH[0]


def opprett(*, storrelse: str, logg) -> None:
    seksjoner = {
        slug: Seksjon.objects.get_or_create(slug=slug, defaults={"navn": navn})[0]
        for slug, navn in SEKSJONER
    }
    # Made by migration 0002; created here too for a database that was flushed since.
    klg = Portefolje.objects.get_or_create(
        slug=KLG_SLUG, defaults={"navn": "Kommunedirektørens ledergruppe (KLG)"}
    )[0]
    for slug, seksjon in seksjoner.items():
        Portefolje.objects.get_or_create(
            slug=slug,
            defaults={
                "navn": f"Ledergruppe {seksjon.navn.lower()}",
                "seksjon": seksjon,
                "forelder": klg,
                "beskrivelse": f"Seksjonen {seksjon.navn} styrer sin egen portefølje.",
            },
        )

    User = get_user_model()
    utviklingsteam = Group.objects.get_or_create(name=UTVIKLINGSTEAM_GRUPPE)[0]
    brukere = {}
    for person in PERSONER:
        bruker, ny = User.objects.get_or_create(
            username=person.brukernavn,
            defaults={
                "first_name": person.fornavn,
                "last_name": person.etternavn,
                "email": f"{person.brukernavn}@ovre-eiker.example",
                "is_staff": person.brukernavn == "admin",
                "is_superuser": person.brukernavn == "admin",
            },
        )
        if ny:
            if person.kan_logge_inn:
                # Hashed once for all demo users: each hash takes a deliberate half second.
                bruker.password = _demo_hash()
            else:
                bruker.set_unusable_password()
            bruker.save(update_fields=["password"])
        Profil.objects.get_or_create(
            bruker=bruker,
            defaults={
                "tittel": person.tittel,
                "seksjon": seksjoner.get(person.seksjon) if person.seksjon else None,
            },
        )
        brukere[person.brukernavn] = bruker
    brukere["utvikler"].groups.add(utviklingsteam)

    portefoljer = {p.slug: p for p in Portefolje.objects.all()}
    for slug, brukernavn, rolle in MEDLEMSKAP:
        Medlemskap.objects.get_or_create(
            portefolje=portefoljer[slug], bruker=brukere[brukernavn], defaults={"rolle": rolle}
        )
    logg(
        f"Organisasjon: {len(seksjoner)} seksjoner, {len(portefoljer)} porteføljer, {len(brukere)} personer"
    )
