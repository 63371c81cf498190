"""The permission matrix: every URL of the private side × every kind of person.

A URL pattern of the rooms that this matrix does not cover fails the last
test, so a new view cannot skip the access rule unnoticed.
"""

import datetime

import pytest
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from core.geography.models import County, Municipality, SubRegion
from directory.models import Activity, Language
from forum.models import Coordinator, Level, ParticipationApplication
from partners.models import Invitation, Membership
from tests.audit import matrix_audit
from tests.directory import matrix_open_data, matrix_posters, matrix_translations
from tests.events import matrix_calendar, matrix_feeds, matrix_minutes
from tests.factories import (
    ForumFactory,
    MembershipFactory,
    OrganisationFactory,
    ParticipationFactory,
    UserFactory,
    county_admin,
    editor,
)
from tests.followup import matrix_participation, matrix_report, matrix_statistics
from tests.forum import matrix_consultations, matrix_dialog, matrix_partnership
from tests.knowledge import matrix_knowledge
from tests.matrix_roles import (
    ADMIN_DENIED,
    CONVENERS,
    COUNTY_ADMINS,
    EVERYONE,
    LOGIN,
    MEMBERS,
    NOBODY,
    ORG_ADMINS,
    ROLES,
    SIGNED_IN,
)
from tests.partners import matrix_contact_persons
from tests.users import matrix_account
from tests.website import matrix_documents

# Rooms keep their own rows (and the data the rows need) next to their tests.
ROOM_MATRICES = (
    matrix_calendar,
    matrix_feeds,
    matrix_minutes,
    matrix_consultations,
    matrix_dialog,
    matrix_partnership,
    matrix_documents,
    matrix_account,
    matrix_contact_persons,
    matrix_translations,
    matrix_open_data,
    matrix_posters,
    matrix_audit,
    matrix_knowledge,
    matrix_report,
    matrix_statistics,
    matrix_participation,
)

# The activity pages are open to every active member of the organisation; in
# this matrix, sensus's only member is its admin.
ORG_MEMBERS = ORG_ADMINS
# The convener is also the coordinator of the sub-region of sensus's activity;
# the editor coordinates nothing.
REVIEWERS = (
    dict.fromkeys(ROLES, 403) | {"anonymous": LOGIN, "convener": 200} | COUNTY_ADMINS
)
# Wagtail sends everyone without admin access to the sign-in page; an editor
# has admin access but no permission on these models, and is sent back to the
# dashboard.
ADMIN = dict.fromkeys(ROLES, LOGIN) | {"editor": ADMIN_DENIED} | COUNTY_ADMINS
# A POST that an organisation's admin may make: done, then a redirect.
ORG_ADMIN_POSTED = {"org_admin": 302, "county_admin": 302, "superuser": 302}

# route name → (URL, expected answer per role)
MATRIX = {
    "coordinators": ("/samordnare/", EVERYONE),
    # The site search is public and the same for everyone: it finds only what a
    # visitor may see (tests/website/test_search.py).
    "search": ("/sok/", EVERYONE),
    "forum:forum_list": ("/forum/", SIGNED_IN),
    # The members' search: every signed-in person gets the page; what it finds
    # is each one's own (tests/forum/test_search.py).
    "forum:search": ("/forum/sok/", SIGNED_IN),
    "forum:forum_detail": ("/forum/tia-skane/", MEMBERS),
    "forum:partner_directory": ("/forum/tia-skane/partner/", MEMBERS),
    "forum:partner_detail": ("/forum/tia-skane/partner/sensus/", MEMBERS),
    "forum:partner_directory_csv": ("/forum/tia-skane/partner/export.csv", CONVENERS),
    "partners:my_organisations": ("/organisationer/", SIGNED_IN),
    "partners:organisation_register": ("/organisationer/ny/", SIGNED_IN),
    "partners:membership_request": ("/organisationer/anslut/", SIGNED_IN),
    "partners:organisation_dashboard": ("/organisationer/sensus/", ORG_ADMINS),
    "partners:organisation_edit": ("/organisationer/sensus/redigera/", ORG_ADMINS),
    "partners:membership_decide": (
        "POST /organisationer/sensus/medlemmar/{pending_membership}/",
        ORG_ADMINS | ORG_ADMIN_POSTED,
    ),
    "partners:invitation_create": (
        "/organisationer/sensus/inbjudningar/ny/",
        ORG_ADMINS,
    ),
    # The invitation page itself is open: it tells each visitor what to do.
    "partners:invitation_accept": ("/inbjudan/{token}/", EVERYONE),
    "forum:apply": ("/forum/ansok/sensus/", ORG_ADMINS),
    "forum:applications": ("/forum/tia-skane/ansokningar/", CONVENERS),
    "forum:application_decide": (
        "/forum/tia-skane/ansokningar/{application}/",
        CONVENERS,
    ),
    # An organisation's own activities, and the coordinators' review.
    "directory:activity_list": ("/organisationer/sensus/aktiviteter/", ORG_MEMBERS),
    "directory:activity_create": (
        "/organisationer/sensus/aktiviteter/ny/",
        ORG_MEMBERS,
    ),
    "directory:activity_edit": (
        "/organisationer/sensus/aktiviteter/{activity}/",
        ORG_MEMBERS,
    ),
    "directory:activity_submit": (
        "POST /organisationer/sensus/aktiviteter/{activity}/skicka/",
        ORG_MEMBERS | ORG_ADMIN_POSTED,
    ),
    "directory:activity_confirm": (
        "/organisationer/sensus/aktiviteter/{activity}/bekrafta/",
        ORG_MEMBERS,
    ),
    "directory:activity_end": (
        "POST /organisationer/sensus/aktiviteter/{activity}/avsluta/",
        ORG_MEMBERS | ORG_ADMIN_POSTED,
    ),
    "directory:activity_history": (
        "/organisationer/sensus/aktiviteter/{activity}/historik/",
        ORG_MEMBERS,
    ),
    "directory:review_queue": ("/granskning/aktiviteter/", REVIEWERS),
    "directory:review": ("/granskning/aktiviteter/{activity}/", REVIEWERS),
    "activity_ics": ("/ical/aktivitet/{activity}.ics", NOBODY),
    # The directory's filter as a calendar subscription: public, like the list.
    "activities_ics": ("/ical/aktiviteter.ics", EVERYONE),
    # The admin views that log level changes with the person who made them.
    "wagtailsnippets_forum_participation:add": (
        "/admin/snippets/forum/participation/add/",
        ADMIN,
    ),
    "wagtailsnippets_forum_participation:edit": (
        "/admin/snippets/forum/participation/edit/{participation}/",
        ADMIN,
    ),
    "wagtailsnippets_forum_participation:delete": (
        "/admin/snippets/forum/participation/delete/{participation}/",
        ADMIN,
    ),
    # The admin views that record admin edits in the activity's history.
    "wagtailsnippets_directory_activity:add": (
        "/admin/snippets/directory/activity/add/",
        ADMIN,
    ),
    "wagtailsnippets_directory_activity:edit": (
        "/admin/snippets/directory/activity/edit/{activity_pk}/",
        ADMIN,
    ),
}

for module in ROOM_MATRICES:
    MATRIX.update(module.ROWS)

# The apps whose URLs the matrix must cover.
COVERED_MODULES = (
    "forum.",
    "partners.",
    "events.",
    "knowledge.",
    "directory.",
    "core.audit.",
    "core.documents.",
    "core.images.",
    "core.users.",
    "website.account.",
)


@pytest.fixture(scope="module")
def people(django_db_setup, django_db_blocker):
    """Made once for the module, in a transaction rolled back at its end; each
    test (with ``db``) runs in a savepoint of it, so a POST's changes roll back
    before the next row."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield make_people()
        transaction.set_rollback(True)


def make_people():
    """The matrix's people and the data its rows need (also read by
    ``tests/test_query_params.py``, which fills the same URLs)."""
    forum = ForumFactory(slug="tia-skane")
    other = ForumFactory(slug="annat-forum")
    sensus_participation = ParticipationFactory(
        forum=forum, level=Level.SAMRAD, organisation__slug="sensus"
    )
    sensus = sensus_participation.organisation
    people = {"anonymous": None, "_participation": sensus_participation.pk}
    for name, level in [
        ("information", Level.INFORMATION),
        ("samrad", Level.SAMRAD),
        ("dialog", Level.DIALOG),
        ("partnerskap", Level.PARTNERSKAP),
    ]:
        participation = ParticipationFactory(forum=forum, level=level)
        people[name] = MembershipFactory(organisation=participation.organisation).user
    outsider = ParticipationFactory(forum=other, level=Level.PARTNERSKAP)
    people["other_forum"] = MembershipFactory(organisation=outsider.organisation).user
    people["org_admin"] = MembershipFactory(
        organisation=sensus, role=Membership.Role.ADMIN
    ).user
    people["_pending_membership"] = MembershipFactory(
        organisation=sensus, status=Membership.Status.PENDING
    ).pk
    people["_token"] = Invitation.objects.create(
        organisation=sensus, email="invited@example.org"
    ).token
    applicant = OrganisationFactory(slug="ny-forening")
    people["_application"] = ParticipationApplication.objects.create(
        organisation=applicant,
        forum=forum,
        requested_level=Level.SAMRAD,
        motivation="Vi vill vara med.",
    ).pk
    people["convener"] = UserFactory()
    forum.conveners.add(people["convener"])
    # A submitted activity of sensus in Lund, whose sub-region the convener
    # coordinates.
    county = County.objects.get(code="12")
    mellersta = SubRegion.objects.create(
        county=county, name="Mellersta Skåne", slug="mellersta-skane"
    )
    lund = Municipality.objects.get(code="1281")
    lund.subregion = mellersta
    lund.save()
    Coordinator.objects.create(
        name="Samordnare Mellersta",
        organisation=OrganisationFactory(),
        subregion=mellersta,
        email=people["convener"].email,
        user=people["convener"],
    )
    activity = Activity.objects.create(
        organisation=sensus,
        title="Språkcafé",
        slug="sprakcafe",
        summary="Öva svenska.",
        category=Activity.Category.SWEDISH,
        municipality=lund,
        start_date=timezone.localdate() + datetime.timedelta(days=30),
        status=Activity.Status.SUBMITTED,
    )
    activity.instruction_languages.add(Language.objects.get(code="sv"))
    people["_activity"] = activity.slug
    people["_activity_pk"] = activity.pk
    # Staff without membership: the admin decides what the group gives them.
    people["editor"] = editor()
    people["county_admin"] = county_admin()
    people["superuser"] = UserFactory(is_staff=True, is_superuser=True)
    for module in ROOM_MATRICES:
        module.populate(people, forum)
    return people


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_permission_matrix(db, client, people, name, role):
    url, expected, *post_data = MATRIX[name]
    method, _, url = url.rpartition(" ")
    # "{activity}" in a URL is people["_activity"], and so on.
    url = url.format(**{k[1:]: v for k, v in people.items() if k.startswith("_")})
    if people[role] is not None:
        client.force_login(people[role])
    if method == "POST":
        response = client.post(
            url, post_data[0] if post_data else {"decision": "decline"}
        )
    else:
        response = client.get(url)
    if expected[role] == LOGIN:
        assert response.status_code == 302, (name, role)
        assert response["Location"].startswith("/accounts/login/?next=")
    elif expected[role] == ADMIN_DENIED:
        assert response.status_code == 302, (name, role)
        assert response["Location"] == reverse("wagtailadmin_home"), (name, role)
    else:
        assert response.status_code == expected[role], (name, role)


def test_membership_removed_or_level_lowered_applies_on_the_next_request(
    db, client, people
):
    user = people["information"]
    client.force_login(user)
    assert client.get("/forum/tia-skane/partner/").status_code == 200
    user.memberships.all().delete()
    assert client.get("/forum/tia-skane/partner/").status_code == 403


def iter_patterns(resolver, prefix=""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            namespace = f"{pattern.namespace}:" if pattern.namespace else ""
            yield from iter_patterns(pattern, prefix + namespace)
        elif isinstance(pattern, URLPattern):
            yield prefix + (pattern.name or ""), pattern.callback.__module__


def test_every_private_url_is_in_the_matrix():
    routes = {
        name
        for name, module in iter_patterns(get_resolver())
        if module.startswith(COVERED_MODULES)
    }
    assert routes, "no URLs found: the resolver walk is broken"
    missing = routes - set(MATRIX)
    assert not missing, f"URLs without a row in the permission matrix: {missing}"
