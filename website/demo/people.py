"""Demo people. All fictional; the addresses use the reserved .example domain."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

DEMO_PASSWORD = "tia-demo-2026"
# Created by migration forum.0009: convener of every forum, admin of every
# organisation, the rooms' records in the admin. Editors and Moderators are
# Wagtail's own groups (pages, images, documents).
COUNTY_ADMINISTRATORS = "Länsadministratörer"

# (email, first name, last name, staff, superuser, groups, what they show)
PEOPLE = [
    (
        "anna.lindqvist@lansstyrelsen-skane.example",
        "Anna",
        "Lindqvist",
        True,
        False,
        [COUNTY_ADMINISTRATORS, "Moderators"],
        "Länsstyrelsen Skåne, sammankallande och länsadministratör "
        "(alla forum och organisationer; publicerar sidor)",
    ),
    (
        "omar.haddad@lansstyrelsen-skane.example",
        "Omar",
        "Haddad",
        True,
        False,
        ["Editors"],
        "delregional TIA-samordnare, Nordvästra Skåne (redaktör: sidor; "
        "granskar aktiviteter i sin delregion)",
    ),
    (
        "karin.berg@sensus.example",
        "Karin",
        "Berg",
        False,
        False,
        [],
        "medlem i Studieförbundet Sensus (nivå Dialog)",
    ),
    (
        "per.ekstrom@lansstyrelsen-skane.example",
        "Per",
        "Ekström",
        True,
        True,
        [],
        "systemadministratör (superanvändare: alla behörigheter, "
        "användare och grupper)",
    ),
]


def create_people():
    """Create or update the demo users with verified email addresses.

    Their staff and superuser flags and groups are set on every run, so a
    database seeded before a change of role gets the new one.
    """
    User = get_user_model()
    people = []
    for email, first, last, staff, superuser, groups, role in PEOPLE:
        user, created = User.objects.update_or_create(
            email=email,
            defaults={"is_staff": staff, "is_superuser": superuser},
            create_defaults={
                "first_name": first,
                "last_name": last,
                "is_staff": staff,
                "is_superuser": superuser,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.set(Group.objects.filter(name__in=groups))
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        people.append((user, role))
    return people
