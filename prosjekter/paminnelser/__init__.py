"""Styre's reminders: status reports due, overdue and escalated.

- `frister`: when a project's next status report is due (pure functions).
- `regler`: Styre's notification kinds and its rule, registered with the core's reminder pass
  (portefolje.paminnelser), which claims each reminder and sends its e-mail through the core's
  one mail path (portefolje.epost, portefolje.tasks).
- `demo`: demo objects so that a fresh demo database has reminders to send.
"""
