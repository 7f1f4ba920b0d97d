"""HTML to PDF with WeasyPrint, for documents meant for the archive.

Made from our own escaped HTML and stylesheets only: nothing is fetched over the network. The
PDF is PDF/A-3b (the archive format Noark 5 accepts), with the title, author, keywords and date
from the HTML's <title> and <meta> tags, and page numbers from the stylesheet's @page rules.
Without the system's Pango libraries WeasyPrint cannot load: `PdfUtilgjengelig` then lets the
view answer 503 with a useful text, as the concept note's PDF does.
"""

from django.contrib.staticfiles import finders

from portefolje.tekstrens import rens_utdata


class PdfUtilgjengelig(Exception):
    """WeasyPrint cannot run on this server (the Pango libraries are missing)."""


def _ingen_nettverk(url, *args, **kwargs):
    # The one guard for every PDF: made from our own escaped HTML and stylesheets, nothing may
    # be fetched (a URL in a text people typed would otherwise reach the network).
    raise ValueError(f"Henting av {url} er ikke tillatt i PDF-er.")


def html_til_pdf(html: str, *, stilark: list[str]) -> bytes:
    """The PDF of `html`, styled by the static files named in `stilark`; characters a PDF's
    metadata cannot hold are cleaned first (`rens_utdata`)."""
    try:
        import weasyprint
    except OSError as feil:  # the system's Pango libraries are missing
        raise PdfUtilgjengelig from feil
    css = [weasyprint.CSS(filename=finders.find(navn)) for navn in stilark]
    return weasyprint.HTML(string=rens_utdata(html), url_fetcher=_ingen_nettverk).write_pdf(
        stylesheets=css, pdf_variant="pdf/a-3b"
    )
