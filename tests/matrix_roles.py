"""The kinds of person in the permission matrix and the usual expectations.

Shared by ``tests/test_permissions.py`` and the rooms' own matrix modules
(``tests/<room>/matrix_*.py``), which add rows with ``ROWS`` and the data the
rows need with ``populate(people, forum)``.

Roles: ``anonymous``; members of organisations at each level of the forum
``tia-skane`` (``information``, ``samrad``, ``dialog``, ``partnerskap``); a
member of another forum only (``other_forum``); the admin of the organisation
``sensus``, which takes part at Samråd (``org_admin``); the forum's
``convener``; an ``editor`` (staff in Wagtail's Editors group, member of
nothing: may edit public pages, and that opens nothing private); a
``county_admin`` (staff in the group "Länsadministratörer", not a superuser:
convener of every forum, admin of every organisation); and a ``superuser``,
who has every permission and so the county administrator's powers too.

Every expectation states what each role gets: an editor gets what a
signed-in person without any membership gets, a county administrator what
the superuser gets.
"""

ROLES = [
    "anonymous",
    "information",
    "samrad",
    "dialog",
    "partnerskap",
    "other_forum",
    "org_admin",
    "convener",
    "editor",
    "county_admin",
    "superuser",
]

LOGIN = "login"  # a redirect to the sign-in page
ADMIN_DENIED = "admin_denied"  # Wagtail's "no permission": back to the dashboard
# Conveners of every forum.
COUNTY_ADMINS = {"county_admin": 200, "superuser": 200}
MEMBERS = dict.fromkeys(ROLES, 200) | {
    "anonymous": LOGIN,
    "other_forum": 403,
    "editor": 403,
}
SIGNED_IN = dict.fromkeys(ROLES, 200) | {"anonymous": LOGIN}
CONVENERS = (
    dict.fromkeys(ROLES, 403) | {"anonymous": LOGIN, "convener": 200} | COUNTY_ADMINS
)
EVERYONE = dict.fromkeys(ROLES, 200)
# Not published yet: public pages and feeds do not show it to anybody.
NOBODY = dict.fromkeys(ROLES, 404)
ORG_ADMINS = (
    dict.fromkeys(ROLES, 403) | {"anonymous": LOGIN, "org_admin": 200} | COUNTY_ADMINS
)
