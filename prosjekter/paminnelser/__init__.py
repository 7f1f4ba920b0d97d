"""Påminnelser: reminders for status reports and meeting deadlines, each sent once.

- `frister`: when a project's next status report is due (pure functions).
- `regler`: one rule per kind of reminder; each yields who should be reminded of what.
- `runde`: the reminder pass: claims each reminder (a `Varsel` row) and sends its e-mail after
  the claim commits; re-queues claimed e-mails that were never sent.
- `epost`: renders and sends one notification's e-mail, exactly once per claim.
- `demo`: demo objects so that a fresh demo database has reminders to send.
"""
