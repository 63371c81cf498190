"""Permission-matrix rows for the posters of the directory: public pages.

Lund has a current activity (``matrix_translations`` publishes one there), so
the PDF row gets a poster; the form is open to everyone too.
"""

from wagtail.models import Page

from directory.models import DirectoryPage
from tests.matrix_roles import EVERYONE

ROWS = {
    "directory.DirectoryPage:poster": ("/aktiviteter/affisch/?kommun=lund", EVERYONE),
    "directory.DirectoryPage:poster_pdf": (
        "/aktiviteter/affisch/pdf/?kommun=lund&sprak=en",
        EVERYONE,
    ),
}


def populate(people, forum):
    """The directory's page, where the poster's routes are."""
    if not DirectoryPage.objects.live().exists():
        home = Page.objects.get(depth=2, locale__language_code="sv")
        page = home.add_child(
            instance=DirectoryPage(title="Aktiviteter", slug="aktiviteter")
        )
        page.save_revision().publish()
