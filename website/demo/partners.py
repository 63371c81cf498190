"""Demo partners: the Skåne forum, its organisations, contacts and coordinators.

The organisations are real public bodies and associations in Skåne. What is said
about them is general, their organisation numbers are left empty and their own
contact details blank: we must not publish wrong facts about real organisations.
Every person is fictional, with an address on the reserved .example domain and a
phone number in the ranges that PTS keeps free for fiction (040-628 04 xx and
070-174 06 05–99).
"""

from datetime import date, timedelta

from allauth.account.models import EmailAddress
from django.db.models import Count
from django.utils import timezone
from django.utils.text import slugify

from core.factories import upsert
from core.geography.models import County, Municipality, SubRegion
from core.users.factories import UserFactory
from forum.factories import (
    AgreementFactory,
    CoordinatorFactory,
    ForumFactory,
    ParticipationApplicationFactory,
    ParticipationFactory,
)
from forum.models import Level, LevelChange, Participation, ParticipationApplication
from partners.factories import (
    ContactPersonFactory,
    MembershipFactory,
    OrganisationFactory,
)
from partners.models import Membership, Organisation
from website.demo.loader import by_level, load, records
from website.demo.people import DEMO_PASSWORD, create_people

SKANE = "12"
CONVENER = "anna.lindqvist@lansstyrelsen-skane.example"
COORDINATOR = "omar.haddad@lansstyrelsen-skane.example"
SENSUS_MEMBER = "karin.berg@sensus.example"
# The county administrative board, a party to every agreement of its forum.
COUNTY_BOARD = "lansstyrelsen-skane"

DATA = load("partners")
FORUM = DATA["forum"]

ALL = None  # serves the whole county: every sub-region, no single municipality

# (slug, name, kind, level in the forum or None, website, municipalities, text)
ORGANISATIONS = records("partners", "organisations")

JOIN_NOTES = by_level(DATA["join_notes"])
JOIN_DAYS_AGO = by_level(DATA["join_days_ago"])

# Organisations whose level was raised later: slug -> (first level, note)
RAISED = {slug: (r["first_level"], r["note"]) for slug, r in DATA["raised"].items()}
RAISED_DAYS_AGO = DATA["raised_days_ago"]

# slug -> [(name, role, scope, visibility)]
CONTACTS = DATA["contacts"]

ADMIN, MEMBER = Membership.Role.ADMIN, Membership.Role.MEMBER

# Demo logins: (email, first name, last name, organisation, role, what they show)
PARTNER_PEOPLE = records("partners", "partner_people")
LEVEL_LOGINS = by_level(DATA["level_logins"])
# Existing demo people (people.py) and the organisation they belong to.
EXISTING_MEMBERS = records("partners", "existing_members")

# (sub-region, name, employer, email or None for name@employer.example)
COORDINATORS = records("partners", "coordinators")

AGREEMENT_TASKS = DATA["agreement_tasks"]
# An application to join the forum and a request to join an organisation.
OPEN_REQUESTS = DATA["open_requests"]


def demo_email(name, slug):
    """'Åsa Öberg', 'sensus' -> 'asa.oberg@sensus.example'."""
    return ".".join(slugify(part) for part in name.split()) + f"@{slug}.example"


def contact_phone(number):
    return f"040-628 04 {number:02d}"


def coordinator_phone(number):
    return f"070-174 06 {10 + number:02d}"


def create_partners():
    """Create the forum and its partners; return (forum, [(user, role)])."""
    people = {user.email: user for user, _ in create_people()}
    forum = create_forum(people[CONVENER])
    orgs = {slug: create_organisation(slug, *rest) for slug, *rest in ORGANISATIONS}
    for slug, _name, _kind, level, *_ in ORGANISATIONS:
        if level:
            join_forum(forum, orgs[slug], level, people[CONVENER])
    create_contacts(orgs)
    logins = create_logins(orgs)
    for email, slug, role in EXISTING_MEMBERS:
        add_member(people[email], orgs[slug], role)
    create_coordinators(orgs, people)
    create_agreements(forum, orgs)
    create_open_requests(forum, orgs, logins)
    return forum, logins


def create_open_requests(forum, orgs, logins):
    """Things waiting for a decision, so conveners and admins see their queues."""
    application = OPEN_REQUESTS["application"]
    org = orgs[application["organisation"]]
    applicant = next(u for u, _ in logins if u.email.endswith(f"{org.slug}.example"))
    if not ParticipationApplication.objects.filter(organisation=org).exists():
        ParticipationApplicationFactory(
            organisation=org,
            forum=forum,
            requested_level=application["requested_level"],
            motivation=application["motivation"],
            applicant=applicant,
        )
    pending = OPEN_REQUESTS["pending_member"]
    newcomer = demo_user(pending["email"], pending["first_name"], pending["last_name"])
    upsert(
        MembershipFactory,
        {"user": newcomer, "organisation": orgs[pending["organisation"]]},
        create={"status": Membership.Status.PENDING},
    )


def create_forum(convener):
    forum, _ = upsert(
        ForumFactory,
        {"slug": FORUM["slug"]},
        name=FORUM["name"],
        description=FORUM["description"],
        county=County.objects.get(code=SKANE),
        subregion=None,
    )
    forum.conveners.add(convener)
    return forum


def create_organisation(slug, name, kind, _level, website, places, description):
    org, _ = upsert(
        OrganisationFactory,
        {"slug": slug},
        name=name,
        kind=kind,
        website=website,
        description=description,
        organisation_number=None,
    )
    if places is ALL:
        org.municipalities.clear()
        org.subregions.set(SubRegion.objects.filter(county__code=SKANE))
    else:
        municipalities = Municipality.objects.filter(
            county__code=SKANE, name__in=places
        )
        assert len(municipalities) == len(places), places
        org.municipalities.set(municipalities)
        org.subregions.set({m.subregion for m in municipalities})
    return org


def join_forum(forum, org, level, convener):
    """Add the participation, with its log, only if it does not exist yet."""
    if Participation.objects.filter(forum=forum, organisation=org).exists():
        return
    first, raise_note = RAISED.get(org.slug, (level, ""))
    days = JOIN_DAYS_AGO[first]
    participation = ParticipationFactory(
        forum=forum,
        organisation=org,
        level=first,
        since=timezone.localdate() - timedelta(days=days),
        changed_by=convener,
        note=JOIN_NOTES[first],
    )
    backdate(participation, first, days)
    if first != level:
        participation.level = level
        participation.save(changed_by=convener, note=raise_note)
        backdate(participation, level, RAISED_DAYS_AGO)


def backdate(participation, to_level, days):
    """Give a fresh log entry a believable date in the past."""
    LevelChange.objects.filter(
        forum=participation.forum,
        organisation=participation.organisation,
        to_level=to_level,
    ).update(changed_at=timezone.now() - timedelta(days=days))


def create_contacts(orgs):
    number = 0
    for slug, contacts in CONTACTS.items():
        for contact in contacts:
            upsert(
                ContactPersonFactory,
                {
                    "organisation": orgs[slug],
                    "email": demo_email(contact["name"], slug),
                },
                **contact,
                phone=contact_phone(number),
            )
            number += 1


def create_logins(orgs):
    logins = []
    for email, first, last, slug, role, description in PARTNER_PEOPLE:
        user = demo_user(email, first, last)
        add_member(user, orgs[slug], role)
        logins.append((user, description))
    return logins


def demo_user(email, first, last):
    """A non-staff demo login with a verified address, as in people.py."""
    user, _created = upsert(
        UserFactory,
        {"email": email},
        create={"first_name": first, "last_name": last, "password": DEMO_PASSWORD},
    )
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def add_member(user, org, role):
    upsert(
        MembershipFactory,
        {"user": user, "organisation": org},
        role=role,
        status=Membership.Status.ACTIVE,
    )


def create_coordinators(orgs, people):
    for number, (region, name, slug, email) in enumerate(COORDINATORS):
        upsert(
            CoordinatorFactory,
            {"email": email or demo_email(name, slug)},
            name=name,
            organisation=orgs[slug],
            subregion=SubRegion.objects.get(county__code=SKANE, name=region),
            phone=coordinator_phone(number),
            user=people.get(email),
        )


def agreement(today):
    """This calendar year's agreement: in force whenever the demo is seeded."""
    return {
        "title": f"Överenskommelse om tidiga insatser {today.year}",
        "valid_from": date(today.year, 1, 1),
        "valid_until": date(today.year, 12, 31),
    }


def create_agreements(forum, orgs):
    """Signed when the year began by the organisation and the county board."""
    fields = agreement(timezone.localdate())
    for slug, tasks in AGREEMENT_TASKS.items():
        made, _ = upsert(
            AgreementFactory,
            {"forum": forum, "organisation": orgs[slug], "title": fields["title"]},
            valid_from=fields["valid_from"],
            valid_until=fields["valid_until"],
            signed_on=fields["valid_from"],
            delegated_tasks=tasks,
        )
        made.parties.add(orgs[slug], orgs[COUNTY_BOARD])


def forum_summary(forum):
    """One line: the forum and how many organisations take part at each level."""
    counts = dict(
        forum.participations.order_by()
        .values("level")
        .annotate(n=Count("pk"))
        .values_list("level", "n")
    )
    levels = ", ".join(f"{level.label} {counts.get(level, 0)}" for level in Level)
    return (
        f"Forum: {forum.name}; {Organisation.objects.count()} organisationer, "
        f"i forumet per nivå: {levels}."
    )
