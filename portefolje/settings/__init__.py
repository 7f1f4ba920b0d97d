"""Settings for Porteføljeportalen (`DJANGO_SETTINGS_MODULE=portefolje.settings`).

One module per concern; each takes what it needs from `grunnlag`, and no name is set in two.
Everything that differs between a laptop and production comes from the environment (see
README, «Konfigurasjon»), and a bad value stops the start with the variable's name.
"""

from portefolje.settings.api import *  # noqa: F403
from portefolje.settings.arkiv import *  # noqa: F403
from portefolje.settings.bakgrunn import *  # noqa: F403
from portefolje.settings.epost import *  # noqa: F403
from portefolje.settings.grunnlag import *  # noqa: F403
from portefolje.settings.innlogging import *  # noqa: F403
from portefolje.settings.sikkerhet import *  # noqa: F403
from portefolje.settings.tilgang import *  # noqa: F403
