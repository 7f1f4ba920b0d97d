"""Filing to the municipality's archive (Noark 5 through Fiks Arkiv V1).

- A phase says what it files by registering a kind (`register.registrer`): a code, the model,
  and a function that describes one object as a case folder and a record with its documents
  (`innhold`). The core never names a phase.
- When the phase's record becomes final (minutes approved, a project closed) it calls
  `tjenester.arkivforsendelse_registrer` in the same transaction; the sending is queued after
  commit (portefolje.koe) and done by a task that calls `tjenester.arkivforsendelse_send`.
- Sending builds the `arkivmelding` (`arkivmelding.py`), validates it against the official
  schema carried in `skjema/fiks-arkiv-v1/`, renders the documents as PDF/A (portefolje.pdf),
  and hands the package to the transport (`transport.py`): today a zip in a drop folder
  (ARKIV_MAPPE); Fiks IO later behind the same interface.
"""
