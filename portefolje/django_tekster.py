"""Django's own texts that its bokmål catalog lacks, translated in portefolje's catalog.

Only marked here, so that `makemessages` keeps the entries; Django looks them up itself.
"""

from django.utils.translation import gettext_noop

# django.db.models.fields.BLANK_CHOICE_LABEL (new in Django 6.1): the empty choice of every
# select built from model choices (e.g. the status report's dimensions).
gettext_noop("- Select an option -")
