"""Demo people. All fictional; the addresses use the reserved .example domain."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

DEMO_PASSWORD = "tia-demo-2026"

# (email, first name, last name, staff, superuser, Wagtail groups, what they show)
PEOPLE = [
    (
        "anna.lindqvist@lansstyrelsen-skane.example",
        "Anna",
        "Lindqvist",
        True,
        True,
        [],
        "Länsstyrelsen Skåne, sammankallande (administratör)",
    ),
    (
        "omar.haddad@lansstyrelsen-skane.example",
        "Omar",
        "Haddad",
        True,
        False,
        ["Editors"],
        "delregional TIA-samordnare, Nordvästra Skåne (redaktör)",
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
]


def create_people():
    """Create or update the demo users with verified email addresses."""
    User = get_user_model()
    people = []
    for email, first, last, staff, superuser, groups, role in PEOPLE:
        user, created = User.objects.get_or_create(
            email=email,
            defaults={
                "first_name": first,
                "last_name": last,
                "is_staff": staff,
                "is_superuser": superuser,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.add(*Group.objects.filter(name__in=groups))
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        people.append((user, role))
    return people
