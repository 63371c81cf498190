"""The kinds of person in the permission matrix and the usual expectations.

Shared by ``tests/test_permissions.py`` and the rooms' own matrix modules
(``tests/<room>/matrix_*.py``), which add rows with ``ROWS`` and the data the
rows need with ``populate(people, forum)``.

Roles: ``anonymous``; members of organisations at each level of the forum
``tia-skane`` (``information``, ``samrad``, ``dialog``, ``partnerskap``); a
member of another forum only (``other_forum``); the admin of the organisation
``sensus``, which takes part at Samråd (``org_admin``); the forum's
``convener``; and ``staff``.
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
    "staff",
]

LOGIN = "login"  # a redirect to the sign-in page
MEMBERS = dict.fromkeys(ROLES, 200) | {"anonymous": LOGIN, "other_forum": 403}
SIGNED_IN = dict.fromkeys(ROLES, 200) | {"anonymous": LOGIN}
CONVENERS = dict.fromkeys(ROLES, 403) | {
    "anonymous": LOGIN,
    "convener": 200,
    "staff": 200,
}
EVERYONE = dict.fromkeys(ROLES, 200)
# Not published yet: public pages and feeds do not show it to anybody.
NOBODY = dict.fromkeys(ROLES, 404)
ORG_ADMINS = dict.fromkeys(ROLES, 403) | {
    "anonymous": LOGIN,
    "org_admin": 200,
    "staff": 200,
}
