"""The county administrator: the one role that reaches across forums and rooms.

It is a permission, never staff status (a Wagtail editor edits public pages
and sees nothing private). The forum's data migration grants it to the group
"Länsadministratörer"; superusers hold every permission. Written here, below
the rooms, so that every room (partners too, which sits below the forum) asks
the same question without importing the forum.
"""

# The permission behind every cross-forum power (``forum.Forum``'s Meta).
ADMINISTER_FORUMS = "forum.administer_forums"


def is_county_admin(user):
    """Whether ``user`` convenes every forum and administers every organisation."""
    return bool(user.is_authenticated and user.has_perm(ADMINISTER_FORUMS))
