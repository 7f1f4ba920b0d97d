"""Who reads the portfolio's projects: a municipality's choice, not a code change."""

from django.core.exceptions import ImproperlyConfigured

from portefolje.env import env_str

# «alle_ansatte»: every employee reads every project's published status, deliverables,
# benefits, risks and programmes, as the public results already show citizens the outcome;
# drafts and projects exempt from public access stay with the project and its leader group.
# «portefoljen»: only the project's people and its portfolio's leader group (and the group above).
PROSJEKTER_LESES_AV = env_str("PROSJEKTER_LESES_AV", "alle_ansatte")
if PROSJEKTER_LESES_AV not in ("alle_ansatte", "portefoljen"):
    raise ImproperlyConfigured(
        f"Miljøvariabelen PROSJEKTER_LESES_AV={PROSJEKTER_LESES_AV!r} må være "
        "«alle_ansatte» eller «portefoljen»."
    )
