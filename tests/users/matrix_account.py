"""Permission-matrix rows for the account pages ("Mitt konto").

Every signed-in person has an account; visitors are asked to sign in. Wagtail's
own sign-in URLs send everybody to allauth's sign-in page.
"""

from tests.matrix_roles import LOGIN, ROLES, SIGNED_IN

ROWS = {
    "account_overview": ("/konto/", SIGNED_IN),
    "account_name": ("/konto/namn/", SIGNED_IN),
    "account_language": ("/konto/sprak/", SIGNED_IN),
    "account_my_data": ("/konto/mina-uppgifter/", SIGNED_IN),
    "account_my_data_download": ("/konto/mina-uppgifter/hamta/", SIGNED_IN),
    "account_delete": ("/konto/ta-bort/", SIGNED_IN),
    "wagtailadmin_login": ("/admin/login/", dict.fromkeys(ROLES, LOGIN)),
    "wagtailcore_login": ("/_util/login/", dict.fromkeys(ROLES, LOGIN)),
}


def populate(people, forum):
    """The rows need nobody beyond the matrix's people."""
