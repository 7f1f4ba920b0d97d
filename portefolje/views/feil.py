"""Norwegian error pages. Public: someone who is not logged in can meet them too."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader


@login_not_required
def ugyldig_foresporsel(request, exception=None):
    return render(request, "400.html", status=400)


@login_not_required
def ingen_tilgang(request, exception=None):
    return render(request, "403.html", status=403)


@login_not_required
def ikke_funnet(request, exception=None):
    return render(request, "404.html", status=404)


@login_not_required
def serverfeil(request):
    # Rendered without the request context: the error may have come from a context processor
    # or the database, and the error page must not fail the same way.
    return HttpResponseServerError(loader.get_template("500.html").render())
