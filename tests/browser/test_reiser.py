"""The portal's main journeys in a real browser, one test per journey.

A demo user logs in and out; then the whole flow on the demo data: a citizen sends an input and
follows it (1), the development team answers it and orders a concept note (2), the initiator
writes and submits the note and the team marks it ready (3), KLG's chair scores a note on the
upcoming meeting's agenda and approves it as a project (4), KLG's chair sets up a meeting today
and takes it from agenda to approved minutes, only then is the justification public (4b), and a
project manager publishes a status report (5). Selectors are by role and label, in Norwegian, as
a user would find them.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import logg_inn, logg_ut, som_om_det_tok_tid

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


# --- the foundation: log in, see the start page, log out


@pytest.mark.parametrize(
    ("brukernavn", "fullt_navn"),
    [("ansatt", "Aksel Ansatt"), ("klg", "Kari Kommunedirektør"), ("utvikler", "Ulrik Utvikler")],
)
def test_demo_user_logs_in_sees_the_start_page_and_logs_out(side, demo, brukernavn, fullt_navn):
    side.goto("/")
    expect(side).to_have_url(re.compile(r"/konto/login/\?next=/$"))

    logg_inn(side, brukernavn)

    expect(side).to_have_url(re.compile(r"/$"))
    expect(side.get_by_role("heading", level=1)).to_be_visible()
    meny = side.get_by_role("navigation", name="Hovedmeny")
    for fase in ("Samle", "Begrunne", "Velge", "Styre"):
        expect(meny.get_by_role("link", name=re.compile(fase))).to_be_visible()

    logg_ut(side, fullt_navn)

    expect(side).to_have_url(re.compile(r"/konto/login/"))
    side.goto("/")
    expect(side).to_have_url(re.compile(r"/konto/login/\?next=/$"))


def test_wrong_password_keeps_the_person_on_the_login_form(side, demo):
    logg_inn(side, "klg", passord="feil-passord")

    expect(side).to_have_url(re.compile(r"/konto/login/"))
    expect(side.get_by_role("alert").or_(side.locator(".alert-danger")).first).to_contain_text(
        "korrekt brukernavn og passord"
    )


# --- 1. a citizen sends an input and follows it by receipt code (Samle)


def send_innspill_som_innbygger(side, tittel: str) -> str:
    """Fill and send the public form; return the receipt page's address."""
    side.goto("/innspill/ny/")
    expect(side.get_by_role("heading", level=1)).to_contain_text("idé")
    side.get_by_label("Ideen din med få ord").fill(tittel)
    side.get_by_label("Hva er behovet eller problemet?").fill(
        "Gangveien fra Hokksund stasjon til skolen er mørk om morgenen fra oktober til mars."
    )
    som_om_det_tok_tid(side)
    side.get_by_role("button", name=re.compile("Send")).click()
    side.wait_for_load_state()
    expect(side.get_by_text(re.compile("kvitteringskode", re.I)).first).to_be_visible()
    return side.url


def test_citizen_sends_an_input_and_follows_it_by_receipt_code(side, demo):
    tittel = "Bedre belysning på gangveien til Hokksund skole"

    kvittering = send_innspill_som_innbygger(side, tittel)

    assert re.search(r"/innspill/[^/]+/$", kvittering), kvittering
    side.context.clear_cookies()
    side.goto(kvittering)
    expect(side.get_by_text(tittel).first).to_be_visible()
    expect(side.get_by_text("Status", exact=True).first).to_be_visible()


# --- 2. the development team finds it, answers and orders a concept note (Samle)


def test_development_team_finds_answers_and_orders_a_concept_note(side, demo):
    tittel = "Digital nøkkelboks for hjemmetjenesten"
    kvittering = send_innspill_som_innbygger(side, tittel)
    side.context.clear_cookies()

    logg_inn(side, "utvikler")
    side.goto("/ideer/?q=nøkkelboks")
    side.get_by_role("link", name=tittel).first.click()
    expect(side.get_by_role("heading", level=1)).to_contain_text(tittel)

    svar = "Takk! Vi ber hjemmetjenesten skrive et konseptnotat."
    # One triage form: choose what to do, fill in its fields, «Lagre».
    triage = side.get_by_role("region", name="Hva vil du gjøre?")
    triage.get_by_role("radio", name="Svar offentlig").check()
    triage.get_by_role("textbox", name="Offentlig svar").fill(svar)
    triage.get_by_role("button", name="Lagre").click()
    expect(side.locator("#triage-kvittering")).to_contain_text("Svaret er lagret")
    expect(side.get_by_text(svar).first).to_be_visible()

    triage.get_by_role("radio", name=re.compile("skrive konseptnotat")).check()
    triage.get_by_role("combobox", name="Initiativtaker").select_option(
        label="Ingrid Initiativtaker (initiativtaker)"
    )
    triage.get_by_role("button", name="Lagre").click()
    expect(side.locator("#triage-kvittering")).to_contain_text("Konseptnotat er bestilt.")
    expect(side.get_by_text("Konseptnotat bestilt").first).to_be_visible()

    side.context.clear_cookies()
    side.goto(kvittering)
    expect(side.get_by_text(svar).first).to_be_visible()


# --- 3. the initiator writes and submits the note (Begrunne)


NOTATSVAR = [
    ("Bakgrunn og behov", "Nøkler kommer bort og hentes manuelt hver morgen."),
    ("Mål", "Ingen nøkkelhenting; sporbar tilgang til boligene."),
    ("Forventede gevinster", "30 minutter spart per vakt i hjemmetjenesten."),
    ("Alternativer, inkludert nullalternativet", "Nullalternativet: dagens nøkkelskap."),
    ("Kostnader og ressursbehov", "Anslag fra leverandørdialog og Drammen kommune."),
    ("Risiko", "Innbyggernes aksept og strømbrudd."),
    ("Forankring i strategi, plan eller vedtak", "Digitaliseringsstrategien 2025–2028."),
    ("Berørte seksjoner og interessenter", "Helse og omsorg, brukerne og IKT."),
    ("Avhengigheter", "Velferdsteknologiplattformen."),
    ("Grov tidsplan", "Pilot våren, utrulling høsten."),
    ("Investering (kr)", "450000"),
    ("Årlig driftskostnad (kr)", "60000"),
    ("Interne timer", "300"),
]


def test_initiator_writes_and_submits_the_concept_note(side, demo):
    logg_inn(side, "initiativtaker")
    bestilt = side.get_by_role("link", name=re.compile(r"^Skriv konseptnotat: ")).first
    innspill = bestilt.inner_text().removeprefix("Skriv konseptnotat: ").strip()
    bestilt.click()

    expect(side).to_have_url(re.compile(r"/konseptnotater/ny/\?innspill=\d+$"))
    expect(side.get_by_role("heading", level=1)).to_have_text("Nytt konseptnotat")
    expect(side.get_by_text(f"Du starter fra innspillet «{innspill}»")).to_be_visible()
    tittelfelt = side.get_by_role("textbox", name=re.compile(r"^Tittel"))
    expect(tittelfelt).to_have_value(innspill)
    tittel = "Digital nøkkelboks for hjemmetjenesten"
    tittelfelt.fill(tittel)
    side.get_by_label("Eiende seksjon").select_option(label="Helse og omsorg")
    for felt, svar in NOTATSVAR:
        side.get_by_label(felt, exact=True).fill(svar)
    side.get_by_label("Spart tid").check()
    side.get_by_role("button", name="Lagre utkast").click()

    expect(side).to_have_url(re.compile(r"/konseptnotater/\d+/$"))
    notat_url = side.url
    expect(side.get_by_role("heading", level=1)).to_have_text(tittel)
    expect(side.get_by_text("Utkastet er lagret som versjon 1.")).to_be_visible()
    expect(side.get_by_text("Dette mangler før notatet kan sendes inn")).to_have_count(0)
    side.get_by_role("button", name="Send inn", exact=True).click()

    expect(side.get_by_text("Notatet er sendt inn.", exact=False)).to_be_visible()
    expect(side.locator("h1 + p .status")).to_have_text("Innsendt")
    expect(side.get_by_role("link", name="Rediger", exact=True)).to_have_count(0)

    # The development team reads it and marks it ready for the proposed portfolio.
    logg_ut(side, "Ingrid Initiativtaker")
    logg_inn(side, "utvikler")
    side.goto(notat_url)
    expect(side.get_by_text(innspill).first).to_be_visible()
    portefolje = side.get_by_label("Porteføljen som behandler")
    expect(portefolje).to_be_visible()
    valgt = portefolje.locator("option:checked").inner_text()
    side.get_by_role("button", name="Merk klar for behandling").click()

    expect(side.get_by_text(f"Notatet er klart for behandling i {valgt}.")).to_be_visible()
    expect(side.locator("h1 + p .status")).to_have_text("Klar for behandling")


# --- 4. KLG scores a note in its meeting, the chair approves it, the project appears (Velge)


def test_klg_scores_the_note_the_chair_approves_and_the_project_appears(side, demo):
    tittel = "Innbyggerapp for Øvre Eiker"  # on the agenda of KLG's upcoming meeting (demo)
    logg_inn(side, "klg")
    side.goto("/portefoljer/klg/")
    side.get_by_role("link", name=re.compile("KLG porteføljemøte, desember")).first.click()
    expect(side.get_by_role("heading", level=1)).to_contain_text("desember")
    sak = side.get_by_role("region", name=re.compile(re.escape(tittel)))
    sak.get_by_role("link", name=re.compile(r"^Vurder\b")).click()

    expect(side.get_by_role("heading", level=1)).to_have_text(f"Vurder: {tittel}")
    kriterier = side.get_by_role("group").filter(has=side.get_by_role("radio"))
    expect(kriterier).to_have_count(6)
    for kriterium in kriterier.all():
        kriterium.get_by_role("radio", name=re.compile(r"^4 – ")).check()
    side.get_by_label(re.compile(r"^Kommentar til «Strategisk forankring»")).fill(
        "Følger opp digitaliseringsstrategien."
    )
    side.get_by_role("button", name="Lagre vurderingen min").click()

    expect(side.get_by_text(f"Vurderingen din av «{tittel}» er lagret.")).to_be_visible()
    # Having scored, the chair sees everyone's scores (the others' come from the demo).
    poengtabell = side.get_by_role("table")
    expect(poengtabell.get_by_role("rowheader", name="Kari Kommunedirektør")).to_be_visible()
    expect(side.get_by_text(re.compile(r"Vektet sum \(0–100\): \d+,\d"))).to_be_visible()

    side.get_by_role("navigation", name="Brødsmulesti").get_by_role(
        "link", name=re.compile("^Møte")
    ).click()
    sak.get_by_role("link", name=re.compile(r"^Beslutt\b")).click()
    expect(side.get_by_role("heading", level=1)).to_have_text(f"Beslutt: {tittel}")
    expect(side.get_by_text(re.compile(r"Vektet sum \(0–100\): \d+,\d"))).to_be_visible()
    side.get_by_role("radio", name="Godkjent som prosjekt").check()
    side.get_by_label("Begrunnelse").fill("Høy gevinst for innbyggerne; passer strategien.")
    side.get_by_role("button", name="Lagre beslutningen").click()
    # The demo meeting lies ahead: deciding before its day is a warning to confirm.
    bekreft = side.get_by_role("checkbox", name=re.compile("Registrer beslutningen nå"))
    expect(bekreft).to_be_visible()
    bekreft.check()
    side.get_by_role("button", name="Lagre beslutningen").click()

    lagret = re.compile(r"Beslutningen er lagret: Godkjent som prosjekt\.")
    expect(side.get_by_text(lagret)).to_be_visible()
    # The message leads to the new project.
    expect(side.get_by_role("link", name=re.compile(r"^Åpne P-\d{4}-\d{3}"))).to_be_visible()
    expect(sak.get_by_text("Godkjent som prosjekt")).to_be_visible()
    expect(sak.get_by_role("link", name=re.compile(r"^(Vurder|Beslutt)\b"))).to_have_count(0)

    side.goto("/prosjekter/")
    side.get_by_role("link", name=tittel, exact=True).click()
    expect(side.get_by_role("heading", level=1)).to_contain_text(tittel)


def test_a_meeting_from_agenda_to_approved_minutes_and_the_public_record(
    side, demo, settings, tmp_path
):
    """KLG's chair sets up a meeting today and puts a ready note on its agenda with the page's
    own search, scores it, decides with a public justification and internal notes; nothing is
    public until the chair approves the minutes, then the justification is (the internal notes
    never are), and the minutes and decision are filed to the archive."""
    from django.utils import timezone

    settings.ARKIV_MAPPE = str(tmp_path)
    tittel = "Innbyggerapp for Øvre Eiker"
    offentlig = "Appen gir innbyggerne raskere svar fra kommunen."
    internt = "kostnaden er usikker"
    logg_inn(side, "klg")
    side.goto("/portefoljer/klg/")
    side.get_by_role("link", name="Nytt møte").click()
    side.get_by_label("Dato").fill(timezone.localdate().isoformat())
    side.get_by_label("Tittel").fill("KLG ekstraordinært møte")
    side.get_by_role("button", name="Opprett møtet").click()
    expect(side.get_by_text("Møtet er opprettet.", exact=False)).to_be_visible()

    side.get_by_label("Finn et konseptnotat som er klart for beslutning").fill("Innbyggerapp")
    side.get_by_role("button", name="Søk", exact=True).click()
    side.get_by_role("button", name=f"Sett på sakslisten {tittel}").click()
    sak = side.get_by_role("region", name=re.compile(re.escape(tittel)))
    expect(sak).to_be_visible()
    sak.get_by_role("link", name=re.compile(r"^Vurder\b")).click()
    for kriterium in side.get_by_role("group").filter(has=side.get_by_role("radio")).all():
        kriterium.get_by_role("radio", name=re.compile(r"^4 – ")).check()
    side.get_by_role("button", name="Lagre vurderingen min").click()
    side.get_by_role("navigation", name="Brødsmulesti").get_by_role(
        "link", name=re.compile("^Møte")
    ).click()
    sak.get_by_role("link", name=re.compile(r"^Beslutt\b")).click()

    hvem = side.get_by_role("region", name="Hvem har vurdert")
    expect(hvem.get_by_text(re.compile(r"\d+ av \d+ har vurdert"))).to_be_visible()
    expect(side.get_by_text(re.compile("Denne teksten blir offentlig"))).to_be_visible()
    side.get_by_role("radio", name="Godkjent som prosjekt").check()
    side.get_by_label("Offentlig begrunnelse").fill(offentlig)
    side.get_by_label("Interne notater (aldri offentlige)").fill(internt)
    expect(side.get_by_label("Prosjekteier")).not_to_have_value("")
    side.get_by_role("button", name="Lagre beslutningen").click()
    expect(side.get_by_text(re.compile(r"Beslutningen er lagret: Godkjent"))).to_be_visible()
    moteside = side.url

    # Not public yet: the minutes are a draft.
    for offentlig_side in ("/resultater/", "/resultater/beslutninger/"):
        side.goto(offentlig_side)
        expect(side.get_by_text(offentlig)).to_have_count(0)
    side.goto(moteside)
    side.get_by_role("link", name="Protokoll", exact=True).click()
    expect(side.get_by_text(re.compile("^Utkast: protokollen er ikke godkjent"))).to_be_visible()
    expect(side.get_by_text(offentlig)).to_be_visible()
    side.get_by_label(re.compile("Jeg har lest protokollen")).check()
    side.get_by_role("button", name="Godkjenn protokollen").click()
    expect(side.get_by_text(re.compile(r"Protokollen er godkjent\. Beslutningene"))).to_be_visible()

    side.get_by_role("link", name="Protokollen og beslutningene som er arkivert").click()
    arkivert = side.get_by_role("listitem").filter(has_text=tittel)
    expect(arkivert.get_by_text("Sendt", exact=True)).to_be_visible()
    assert len(list(tmp_path.glob("*.zip"))) >= 2
    side.go_back()

    side.get_by_role("link", name="Se de offentlige beslutningene").click()
    kort = side.get_by_role("listitem").filter(has_text=tittel)
    expect(kort.get_by_text(offentlig)).to_be_visible()
    expect(
        kort.get_by_text(re.compile("Publisert .* med den godkjente protokollen"))
    ).to_be_visible()
    expect(side.get_by_text(internt)).to_have_count(0)


# --- 5. the project manager publishes a status report (Styre)


def test_project_manager_publishes_a_status_report(side, demo):
    prosjekt = "Velferdsteknologi i hjemmetjenesten"
    oppnadd = "Piloten er i gang i to soner i Hokksund."
    logg_inn(side, "prosjektleder")
    side.goto("/prosjekter/")
    side.get_by_role("link", name="Mine prosjekter").click()
    expect(side).to_have_url(re.compile(r"visning=mine"))
    side.get_by_role("link", name=prosjekt, exact=True).click()
    expect(side.get_by_role("heading", level=1)).to_contain_text(prosjekt)

    side.get_by_role("link", name="Ny statusrapport").click()
    expect(side.get_by_role("heading", level=1)).to_have_text("Ny statusrapport")
    side.get_by_label("Oppnådd siden forrige rapport").fill(oppnadd)
    side.get_by_label("Hva som kommer nå").fill("Utrulling til resten av kommunen i mars.")
    fremdrift = side.get_by_label("Fremdrift", exact=True)
    expect(fremdrift.locator("option").first).to_have_text("- Velg et alternativ -")
    fremdrift.select_option(label="På plan (grønn)")
    side.get_by_label("Økonomi", exact=True).select_option(label="På budsjett (grønn)")
    side.get_by_label("Kvalitet", exact=True).select_option(label="Iht. plan (grønn)")
    side.get_by_label("Risiko", exact=True).select_option(label="Middels (gul)")
    side.get_by_label("Kommentar til risiko").fill("Leverandøren er sent ute med integrasjonen.")
    side.get_by_label("Gevinstoppnåelse", exact=True).select_option(
        label="Forventes oppnådd (grønn)"
    )
    # Publishing is final: the portal asks once, on its own page.
    side.get_by_role("button", name="Lagre og publiser").click()
    expect(side.get_by_role("heading", level=1)).to_have_text("Publisere statusrapporten?")
    side.get_by_role("button", name="Publiser", exact=True).click()

    expect(side.get_by_text("Statusrapporten er publisert.")).to_be_visible()
    expect(side.get_by_role("heading", level=1)).to_contain_text(prosjekt)
    siste = side.get_by_role("table", name=re.compile("Siste publiserte rapport"))
    expect(siste.get_by_role("row", name=re.compile("Fremdrift"))).to_contain_text("På plan")
    expect(siste.get_by_role("row", name=re.compile("Risiko"))).to_contain_text("Middels")
    expect(side.get_by_text(oppnadd, exact=True)).to_be_visible()

    side.get_by_role("link", name=re.compile(r"^Rapport av ")).first.click()
    expect(side.get_by_role("heading", level=1)).to_contain_text("Statusrapport av")
    expect(side.get_by_text("Publisert og låst for endringer.", exact=False)).to_be_visible()
    expect(side.get_by_text(oppnadd, exact=True)).to_be_visible()
    expect(side.get_by_role("textbox")).to_have_count(0)
    expect(side.get_by_role("button", name=re.compile("Lagre|Publiser"))).to_have_count(0)
