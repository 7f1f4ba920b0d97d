"""/resultater/feed/: an Atom feed of new public decisions and newly created public projects.

`?antall=` (1–100, default 30) and `?seksjon=<slug>` are checked first: anything else answers
400 with a sentence saying what is allowed, never a 500. Every text goes out through
`rens_utdata`: XML cannot hold a control character (a vertical tab pasted from Word), and one
stored in one decision must not break the feed for everyone.
"""

from django.contrib.auth.decorators import login_not_required
from django.contrib.syndication.views import Feed
from django.http import HttpResponseBadRequest
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from offentlig import selectors, tekster
from offentlig.forms import FeedForm
from portefolje.tekstrens import rens_utdata

STANDARD_ANTALL = 30


class ResultatFeed(Feed):
    feed_type = Atom1Feed
    title = _("Decisions and projects – Øvre Eiker kommune")
    subtitle = _(
        "New decisions on proposals, and new projects, from the municipality's portfolios."
    )
    link = reverse_lazy("offentlig:prosjekter")

    def __init__(self, *, antall: int, seksjon=None):
        super().__init__()
        self.antall, self.seksjon = antall, seksjon

    def items(self):
        beslutninger = selectors.beslutningsliste(seksjon=self.seksjon)[: self.antall]
        prosjekter = selectors.prosjektliste(seksjon=self.seksjon)[: self.antall]
        poster = [("beslutning", b, b.publisert) for b in beslutninger]
        poster += [("prosjekt", p, p.opprettet) for p in prosjekter]
        poster.sort(key=lambda post: post[2], reverse=True)
        return poster[: self.antall]

    def item_title(self, item):
        art, obj, _tid = item
        if art == "beslutning":
            tittel = gettext("Decision on «%(tittel)s»: %(utfall)s") % {
                "tittel": obj.notat.tittel,
                "utfall": tekster.utfall(obj.utfall),
            }
        else:
            tittel = gettext("New project: %(tittel)s") % {"tittel": obj.tittel}
        return rens_utdata(tittel)

    def item_description(self, item):
        art, obj, _tid = item
        return rens_utdata(obj.begrunnelse if art == "beslutning" else obj.malsetting)

    def item_link(self, item):
        art, obj, _tid = item
        return reverse(f"offentlig:{art}", kwargs={"pk": obj.pk})

    def item_pubdate(self, item):
        return item[2]

    def item_updateddate(self, item):
        return item[2] or timezone.now()


@login_not_required
@require_safe
def feed_view(request):
    form = FeedForm(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest(
            gettext(
                "The feed accepts «antall» (a whole number from 1 to 100) and «seksjon» (a "
                "sector's short name from the results page). Check the address."
            ),
            content_type="text/plain; charset=utf-8",
        )
    return ResultatFeed(
        antall=form.cleaned_data["antall"] or STANDARD_ANTALL,
        seksjon=form.cleaned_data["seksjon"],
    )(request)
