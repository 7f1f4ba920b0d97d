"""Velge in the back office, one module per area; importing this package registers them.

- `moter`: criteria (also inline on the portfolio), meetings with their agendas, and the
  read-only scores and decisions;
- `arshjul`: the yearly cycle and its named points;
- `habilitet`: the portfolio's decision rule, and the declared disqualifications (read-only).
"""

from velge.admin import arshjul, habilitet, moter  # noqa: F401  (registers the admin classes)
