"""Permission-matrix rows for the statistics upload: county staff only.

A county administrator (and a superuser) opens the page, downloads the example
file and uploads; everybody else signed in gets 403, a visitor the sign-in.
"""

from tests.matrix_roles import COUNTY_ADMINS, LOGIN, ROLES

COUNTY_STAFF = dict.fromkeys(ROLES, 403) | {"anonymous": LOGIN} | COUNTY_ADMINS

ROWS = {
    "followup:statistics": ("/uppfoljning/statistik/", COUNTY_STAFF),
    "followup:statistics/post": (
        "POST /uppfoljning/statistik/",
        COUNTY_STAFF,
        # No file: the form says so (200); nobody else gets that far.
        {"county": "12"},
    ),
    "followup:statistics_template": (
        "/uppfoljning/statistik/mall.csv",
        COUNTY_STAFF,
    ),
}


def populate(people, forum):
    pass
