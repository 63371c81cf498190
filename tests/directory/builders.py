"""Activities, sub-regions and coordinators for the self-service and review tests."""

import datetime

from django.utils import timezone

from core.geography.models import County, Municipality, SubRegion
from core.geography.reference import swedish_slug
from directory.models import Activity, Language
from forum.models import Coordinator
from partners.models import Membership
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

LUND, MALMO, HELSINGBORG = "1281", "1280", "1283"


def subregion(name="Mellersta Skåne", codes=(LUND,)):
    """A Skåne sub-region holding the municipalities with ``codes``."""
    county = County.objects.get(code="12")
    sub, _ = SubRegion.objects.get_or_create(
        county=county, name=name, defaults={"slug": swedish_slug(name)}
    )
    Municipality.objects.filter(code__in=codes).update(subregion=sub)
    return sub


def coordinator(subregion, user=None):
    user = user or UserFactory()
    Coordinator.objects.create(
        name=f"{user.first_name} {user.last_name}",
        organisation=OrganisationFactory(),
        subregion=subregion,
        email=user.email,
        user=user,
    )
    return user


def member(organisation, role=Membership.Role.MEMBER):
    return MembershipFactory(organisation=organisation, role=role).user


def tuesday(weeks=0):
    """A Tuesday about a month ahead (the form's first session), or ``weeks`` after."""
    soon = timezone.localdate() + datetime.timedelta(days=28)
    first = soon + datetime.timedelta(days=(1 - soon.weekday()) % 7)
    return first + datetime.timedelta(weeks=weeks)


def form_data(**overrides):
    """What a member types into the activity form: a weekly language café in Lund.

    Every Tuesday from about a month ahead, for 22 weeks.
    """
    data = {
        "title": "Språkcafé i Lund",
        "summary": "Öva svenska över en kopp kaffe.",
        "description": "<p>Varje tisdag på biblioteket.</p>",
        "category": Activity.Category.SWEDISH,
        "target_group": Activity.TargetGroup.EVERYONE,
        "age_band": Activity.AgeBand.ADULTS,
        "instruction_languages": [Language.objects.get(code="sv").pk],
        "support_languages": [
            Language.objects.get(code="ar").pk,
            Language.objects.get(code="fa").pk,
        ],
        "municipality": Municipality.objects.get(code=LUND).pk,
        "mode": Activity.Mode.IN_PERSON,
        "venue": "Stadsbiblioteket",
        "address": "Sankt Petri kyrkogata 6, Lund",
        "start_date": tuesday().isoformat(),
        "end_date": tuesday(22).isoformat(),
        "start_time": "17:00",
        "end_time": "19:00",
        "rrule": "FREQ=WEEKLY;BYDAY=TU",
        "exdates": "",
        "capacity": "20",
        "free_of_charge": "on",
        "join_method": Activity.JoinMethod.DROP_IN,
        "registration_url": "",
        "contact_person": "",
        "accessibility_notes": "",
        "funding": Activity.Funding.OTHER,
        "grant_reference": "",
        "grant_amount": "",
        "how_to_join": "",
        # The translations' formset, empty: what the page sends untouched.
        "translations-TOTAL_FORMS": "0",
        "translations-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def make_activity(organisation, status=Activity.Status.DRAFT, **fields):
    """An activity saved directly, as if it had gone through the form."""
    values = {
        "title": "Samhällsinformation på arabiska",
        "summary": "Om samhället, på arabiska.",
        "category": Activity.Category.SOCIETY,
        "municipality": Municipality.objects.get(code=LUND),
        "start_date": timezone.localdate() + datetime.timedelta(days=7),
        "status": status,
    }
    values.update(fields)
    values.setdefault("slug", swedish_slug(values["title"]))
    activity = Activity.objects.create(organisation=organisation, **values)
    activity.instruction_languages.add(Language.objects.get(code="ar"))
    return activity
