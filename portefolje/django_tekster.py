"""Django's own texts that its bokmål catalog lacks, translated in portefolje's catalog.

Only marked here, so that `makemessages` keeps the entries; Django looks them up itself.
"""

from django.utils.translation import gettext_noop

# django.db.models.fields.BLANK_CHOICE_LABEL (new in Django 6.1): the empty choice of every
# select built from model choices (e.g. the status report's dimensions).
gettext_noop("- Select an option -")

# Django's admin: texts newer than its bokmål catalog (the demo administrator sees them).
gettext_noop("Toggle theme (current theme: auto)")
gettext_noop("Toggle theme (current theme: light)")
gettext_noop("Toggle theme (current theme: dark)")
gettext_noop("Start typing to filter…")
gettext_noop("Filter navigation items")
gettext_noop("Skip to main content")
gettext_noop("Breadcrumbs")
gettext_noop("Sidebar")
gettext_noop("Logout")
gettext_noop("Show counts")
gettext_noop("Hide counts")
gettext_noop("Add link")
gettext_noop("Change or view list link")
gettext_noop("Model name")
gettext_noop("Run")
gettext_noop("Error:")
gettext_noop("Added:")
gettext_noop("Changed:")
gettext_noop("Deleted:")
gettext_noop("Set password")
gettext_noop("Enable password-based authentication")
gettext_noop("Disable password-based authentication")
gettext_noop("After you’ve created a user, you’ll be able to edit more user options.")
gettext_noop("Forgotten your login credentials?")
gettext_noop("In case you’ve forgotten, you are:")
gettext_noop("Thanks for spending some quality time with the web site today.")

# django-filter has no bokmål catalog: sorting labels, date choices, messages.
gettext_noop("%s (descending)")
gettext_noop("Ordering")
gettext_noop("Submit")
gettext_noop("Field filters")
gettext_noop("exclude")
gettext_noop("Unknown")
gettext_noop("Any date")
gettext_noop("Today")
gettext_noop("Yesterday")
gettext_noop("Past 7 days")
gettext_noop("This month")
gettext_noop("This year")
gettext_noop("Multiple values may be separated by commas.")
gettext_noop("Range query expects two values.")
gettext_noop("Select a lookup.")

# django-axes has no bokmål catalog: its models and columns in the admin.
gettext_noop("access attempt")
gettext_noop("access attempts")
gettext_noop("Access Attempt")
gettext_noop("access failure")
gettext_noop("access failures")
gettext_noop("access log")
gettext_noop("access logs")
gettext_noop("access attempt expiration")
gettext_noop("access attempt expirations")
gettext_noop("Access lock out")
gettext_noop("User Agent")
gettext_noop("IP Address")
gettext_noop("Username")
gettext_noop("HTTP Accept")
gettext_noop("Path")
gettext_noop("Attempt Time")
gettext_noop("Logout Time")
gettext_noop("Failed Logins")
gettext_noop("Form Data")
gettext_noop("Meta Data")
gettext_noop("GET Data")
gettext_noop("POST Data")
gettext_noop("Account locked: too many login attempts. Please try again later.")
gettext_noop("Account locked: too many login attempts. Contact an admin to unlock your account.")

# Django's «Feltet er påkrevet.»: the portal writes «påkrevd» everywhere.
gettext_noop("This field is required.")
