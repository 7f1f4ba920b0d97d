"""Files as Microsoft Project and Prosjektportalen 365 write them, built for the import tests."""

import io

from openpyxl import Workbook

MSPDI = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Project xmlns="http://schemas.microsoft.com/project">
  <SaveVersion>14</SaveVersion>
  <GUID>6A1F0C2E-1B7D-4C3E-9A2B-0D5E8F7A1C11</GUID>
  <Name>Nytt journalsystem.xml</Name>
  <Title>{tittel}</Title>
  <Manager>Kari Nordmann</Manager>
  <StartDate>2026-01-05T08:00:00</StartDate>
  <FinishDate>2026-12-18T17:00:00</FinishDate>
  <ExtendedAttributes>
    <ExtendedAttribute><FieldID>188743731</FieldID><FieldName>Text1</FieldName>
      <Alias>Arkivsak</Alias></ExtendedAttribute>
    <ExtendedAttribute><FieldID>188743767</FieldID><FieldName>Cost1</FieldName>
      <Alias>Ramme</Alias></ExtendedAttribute>
  </ExtendedAttributes>
  <Tasks>
    <Task><UID>0</UID><ID>0</ID><Name>{tittel}</Name><OutlineLevel>0</OutlineLevel>
      <Summary>1</Summary><Milestone>0</Milestone><Start>2026-01-05T08:00:00</Start>
      <Finish>2026-12-18T17:00:00</Finish><PercentComplete>35</PercentComplete>
      <ExtendedAttribute><FieldID>188743731</FieldID><Value>2026/1234</Value></ExtendedAttribute>
      <ExtendedAttribute><FieldID>188743767</FieldID><Value>2500000</Value></ExtendedAttribute>
    </Task>
    <Task><UID>1</UID><ID>1</ID><Name>Anskaffelse</Name><OutlineLevel>1</OutlineLevel>
      <Summary>1</Summary><Milestone>0</Milestone><Start>2026-01-05T08:00:00</Start>
      <Finish>2026-04-30T17:00:00</Finish><PercentComplete>100</PercentComplete></Task>
    <Task><UID>2</UID><ID>2</ID><Name>Utlysning på Doffin</Name><OutlineLevel>2</OutlineLevel>
      <Summary>0</Summary><Milestone>0</Milestone><Start>2026-01-05T08:00:00</Start>
      <Finish>2026-02-27T17:00:00</Finish><PercentComplete>100</PercentComplete></Task>
    <Task><UID>3</UID><ID>3</ID><Name>Kontrakt signert</Name><OutlineLevel>2</OutlineLevel>
      <Summary>0</Summary><Milestone>1</Milestone><Start>2026-04-30T17:00:00</Start>
      <Finish>2026-04-30T17:00:00</Finish><PercentComplete>100</PercentComplete></Task>
    <Task><UID>4</UID><ID>4</ID><Name>Innføring</Name><OutlineLevel>1</OutlineLevel>
      <Summary>1</Summary><Milestone>0</Milestone><Start>2026-05-04T08:00:00</Start>
      <Finish>2026-12-18T17:00:00</Finish><PercentComplete>10</PercentComplete></Task>
    <Task><UID>5</UID><ID>5</ID><Name>Systemet i drift</Name><OutlineLevel>2</OutlineLevel>
      <Summary>0</Summary><Milestone>1</Milestone><Start>2026-11-30T08:00:00</Start>
      <Finish>2026-11-30T08:00:00</Finish><PercentComplete>0</PercentComplete></Task>
  </Tasks>
</Project>
"""


def mspdi(tittel: str = "Nytt journalsystem") -> bytes:
    return MSPDI.format(tittel=tittel).encode()


def _xlsx(tittel: str, overskrifter: list, rader: list, gruppe: list | None = None) -> bytes:
    """A sheet as Prosjektportalen exports it: a merged title row, then the headers (perhaps
    under merged group headers), then the rows, with a blank row between."""
    bok = Workbook()
    ark = bok.active
    ark.append([tittel])
    ark.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(overskrifter))
    if gruppe:
        ark.append([g for g, _span in gruppe for _ in range(_span)])
        kolonne = 1
        for navn, span in gruppe:
            ark.cell(row=2, column=kolonne, value=navn if navn else None)
            for k in range(kolonne + 1, kolonne + span):
                ark.cell(row=2, column=k, value=None)
            if span > 1:
                ark.merge_cells(
                    start_row=2, start_column=kolonne, end_row=2, end_column=kolonne + span - 1
                )
            kolonne += span
    ark.append(overskrifter)
    for i, rad in enumerate(rader):
        if i == 1:
            ark.append([])
        ark.append(rad)
    buffer = io.BytesIO()
    bok.save(buffer)
    return buffer.getvalue()


def prosjektoversikt() -> bytes:
    return _xlsx(
        "Prosjektoversikt",
        ["ID", "Tittel", "Prosjekt leder", "STARTDATO", "Sluttdato", "Mål", "Budsjett", "Farge"],
        [
            [
                "pp-17",
                "Digital byggesak",
                "Kari Nordmann",
                "01.02.2026",
                "15.12.2026",
                "Raskere byggesaker",
                1_200_000,
                "blå",
            ],
            ["pp-18", "Ny skolearena", "", "2026-03-01", "2027-06-30", "", None, ""],
        ],
    )


def statusrapporter() -> bytes:
    return _xlsx(
        "Statusrapporter",
        ["Prosjekt", "Publisert", "Status", "Kommentar", "Status", "Kommentar", "Risiko"],
        [
            [
                "Digital byggesak",
                "2026-03-31",
                "På plan",
                "Som planlagt",
                "Mindre overskridelser",
                "Konsulenttimer",
                "Lav",
            ],
            [
                "Digital byggesak",
                "2026-06-30",
                "Forsinket",
                "Leverandøren er sen",
                "Over budsjett",
                "",
                "Høy",
            ],
        ],
        gruppe=[("", 2), ("Fremdrift", 2), ("Økonomi", 2), ("", 1)],
    )


def usikkerheter() -> bytes:
    return _xlsx(
        "Usikkerhet",
        [
            "ID",
            "Prosjekt",
            "Tittel",
            "Kategori",
            "Sannsynlighet",
            "Konsekvens",
            "Strategi",
            "Status",
            "Tiltak",
        ],
        [
            [
                "u-1",
                "Digital byggesak",
                "Leverandøren leverer sent",
                "Risiko",
                4,
                3,
                "Redusere",
                "Åpen",
                "Ukentlig oppfølging",
            ],
            [
                "u-2",
                "Digital byggesak",
                "Gjenbruk av løsning",
                "Mulighet",
                2,
                4,
                "Utnytte",
                "Åpen",
                "",
            ],
            ["u-3", "Digital byggesak", "Ugyldig", "Risiko", 9, 3, "", "", ""],
        ],
    )


def gevinster() -> bytes:
    return _xlsx(
        "Gevinstoversikt",
        [
            "Prosjekt",
            "Gevinst",
            "Gevinsttype",
            "Måleindikator",
            "Enhet",
            "Nullpunkt",
            "Målverdi",
            "Måledato",
            "Målt verdi",
            "Kommentar",
        ],
        [
            [
                "Digital byggesak",
                "Kortere saksbehandling",
                "Tid spart",
                "Dager per sak",
                "antall",
                40,
                20,
                "2026-06-30",
                35,
                "Første måling",
            ],
            [
                "Digital byggesak",
                "Kortere saksbehandling",
                "Tid spart",
                "Dager per sak",
                "antall",
                40,
                20,
                "2026-09-30",
                30,
                "",
            ],
        ],
    )


def pp365_filer() -> dict[str, bytes]:
    return {
        "Prosjektoversikt.xlsx": prosjektoversikt(),
        "Statusrapporter.xlsx": statusrapporter(),
        "Usikkerhet.xlsx": usikkerheter(),
        "Gevinster.xlsx": gevinster(),
    }
