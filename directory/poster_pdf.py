"""The poster's HTML as a PDF, through WeasyPrint, without the network.

WeasyPrint would fetch any URL a document names; ours names only the fonts
among our static files, as ``tia-static:fonts/…``, and the fetcher below
serves those from disk and refuses everything else, so rendering never makes
a request.
"""

import mimetypes

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

STATIC_SCHEME = "tia-static:"


def static_path(name):
    """The file of static file ``name`` on disk, or None."""
    if ".." in name.split("/"):
        return None
    path = finders.find(name)
    if path is None and staticfiles_storage.exists(name):
        path = staticfiles_storage.path(name)
    return path


class StaticFilesFetcher(URLFetcher):
    """Our static files, named ``tia-static:<path>``; nothing else."""

    def fetch(self, url, headers=None):
        if not url.startswith(STATIC_SCHEME):
            raise ValueError(f"A poster fetches only our static files, not {url!r}")
        name = url.removeprefix(STATIC_SCHEME)
        path = static_path(name)
        if path is None:
            raise FileNotFoundError(name)
        with open(path, "rb") as file:
            body = file.read()
        content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, {"Content-Type": content_type})


def write_pdf(html):
    """The PDF of ``html`` (bytes), tagged, so that screen readers follow its
    table and the language of each part."""
    return HTML(string=html, url_fetcher=StaticFilesFetcher()).write_pdf(pdf_tags=True)
