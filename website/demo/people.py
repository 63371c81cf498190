"""Demo people. All fictional; the addresses use the reserved .example domain."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from core.factories import upsert
from core.users.factories import UserFactory
from website.demo.loader import records

DEMO_PASSWORD = "tia-demo-2026"
# Created by migration forum.0009: convener of every forum, admin of every
# organisation, the rooms' records in the admin. Editors and Moderators are
# Wagtail's own groups (pages, images, documents).
COUNTY_ADMINISTRATORS = "Länsadministratörer"

# (email, first name, last name, staff, superuser, groups, what they show)
PEOPLE = records("people", "people")


def create_people():
    """Create or update the demo users with verified email addresses.

    Their staff and superuser flags and groups are set on every run, so a
    database seeded before a change of role gets the new one.
    """
    people = []
    for email, first, last, staff, superuser, groups, role in PEOPLE:
        user, _created = upsert(
            UserFactory,
            {"email": email},
            create={"first_name": first, "last_name": last, "password": DEMO_PASSWORD},
            is_staff=staff,
            is_superuser=superuser,
        )
        user.groups.set(Group.objects.filter(name__in=groups))
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        people.append((user, role))
    return people
