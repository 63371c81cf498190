"""Minutes: draft for attendees, approved, published by level; action items."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from events.models import ActionItem, Event, Minutes, MinutesComment, MinutesItem
from forum.models import Level, Visibility
from partners.models import Organisation
from tests.factories import (
    ForumFactory,
    MembershipFactory,
    ParticipationFactory,
    UserFactory,
    county_admin,
    editor,
)

pytestmark = pytest.mark.django_db


def make_meeting(forum, days=-7, visibility=Visibility.INFORMATION, title="Möte"):
    start = timezone.now() + datetime.timedelta(days=days)
    return Event.objects.create(
        forum=forum,
        kind=Event.Kind.FORUM_MEETING,
        title=title,
        visibility=visibility,
        start=start,
        end=start + datetime.timedelta(hours=2),
    )


def member(forum, level):
    participation = ParticipationFactory(forum=forum, level=level)
    return MembershipFactory(organisation=participation.organisation).user


@pytest.fixture
def setting():
    forum = ForumFactory(slug="tia-skane")
    convener = UserFactory(email="convener@lansstyrelsen.example")
    forum.conveners.add(convener)
    attendee = member(forum, Level.DIALOG)
    meeting = make_meeting(forum)
    minutes = Minutes.objects.create(event=meeting, summary="Vi gick igenom läget.")
    minutes.attending_people.add(attendee)
    return forum, convener, attendee, minutes


def url(minutes, suffix=""):
    return f"/kalender/{minutes.event_id}/protokoll/{suffix}"


def edit_data(minutes, **fields):
    data = {
        "summary": "Sammanfattning",
        "visibility": "",
        "items-TOTAL_FORMS": "1",
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
        "items-0-number": "1",
        "items-0-title": "Lägesbild",
        "items-0-decision": "Lägesbilden läggs till handlingarna.",
        "actions-TOTAL_FORMS": "0",
        "actions-INITIAL_FORMS": "0",
        "actions-MIN_NUM_FORMS": "0",
        "actions-MAX_NUM_FORMS": "1000",
    }
    return data | fields


def test_draft_is_for_attendees_and_conveners_only(client, setting):
    forum, convener, attendee, minutes = setting
    for person in (attendee, convener):
        client.force_login(person)
        assert client.get(url(minutes)).status_code == 200
    client.force_login(member(forum, Level.PARTNERSKAP))
    assert client.get(url(minutes)).status_code == 404
    assert client.get(url(minutes, "utskrift/")).status_code == 404


def test_attendee_comments_and_conveners_are_told(client, setting):
    forum, convener, attendee, minutes = setting
    client.force_login(attendee)
    response = client.post(url(minutes), {"body": "Stavfel i § 2."})
    assert response.status_code == 302
    comment = MinutesComment.objects.get()
    assert comment.author == attendee
    assert mail.outbox[-1].to == [convener.email]
    assert "Stavfel i § 2." in mail.outbox[-1].body
    assert "Stavfel i § 2." in client.get(url(minutes)).content.decode()


def test_after_approval_the_comment_form_is_gone(client, setting):
    forum, convener, attendee, minutes = setting
    client.force_login(convener)
    assert client.post(url(minutes, "justera/")).status_code == 302
    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.APPROVED
    assert minutes.approved_by == convener
    assert minutes.approved_at
    client.force_login(attendee)
    page = client.get(url(minutes))
    assert page.status_code == 200
    assert page.context["form"] is None
    client.post(url(minutes), {"body": "För sent?"})
    assert not MinutesComment.objects.exists()


def test_editing_approved_minutes_is_refused(client, setting):
    forum, convener, _, minutes = setting
    Minutes.objects.filter(pk=minutes.pk).update(status=Minutes.Status.APPROVED)
    client.force_login(convener)
    assert client.get(url(minutes, "redigera/")).status_code == 302
    response = client.post(url(minutes, "redigera/"), edit_data(minutes))
    assert response.status_code == 302
    minutes.refresh_from_db()
    assert minutes.summary == "Vi gick igenom läget."
    assert not minutes.items.exists()


def test_wrong_state_changes_nothing(client, setting):
    forum, convener, _, minutes = setting
    client.force_login(convener)
    client.post(url(minutes, "publicera/"))
    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.DRAFT
    client.post(url(minutes, "justera/"))
    client.post(url(minutes, "justera/"))
    client.post(url(minutes, "publicera/"))
    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.PUBLISHED
    assert minutes.published_at


def test_only_conveners_approve(client, setting):
    forum, _, attendee, minutes = setting
    client.force_login(attendee)
    assert client.post(url(minutes, "justera/")).status_code == 403
    assert client.get(url(minutes, "justera/")).status_code == 405
    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.DRAFT


def test_published_minutes_follow_the_narrowed_visibility(client, setting):
    forum, convener, _, minutes = setting
    Minutes.objects.filter(pk=minutes.pk).update(
        status=Minutes.Status.APPROVED, visibility=Visibility.DIALOG
    )
    client.force_login(convener)
    client.post(url(minutes, "publicera/"))
    sent = len(mail.outbox)
    assert sent == 0  # members are not all emailed
    client.force_login(member(forum, Level.DIALOG))
    assert client.get(url(minutes)).status_code == 200
    assert client.get(url(minutes, "utskrift/")).status_code == 200
    # The meeting itself is visible from Information, the minutes are not.
    client.force_login(member(forum, Level.SAMRAD))
    assert client.get(url(minutes)).status_code == 404
    assert client.get(f"/kalender/{minutes.event_id}/dagordning/").status_code == 200


def test_convener_writes_the_minutes(client, setting):
    forum, convener, _, _ = setting
    meeting = make_meeting(forum, visibility=Visibility.SAMRAD)
    organisation = Organisation.objects.filter(participations__forum=forum).first()
    client.force_login(convener)
    assert client.get(f"/kalender/{meeting.pk}/protokoll/redigera/").status_code == 200
    data = edit_data(
        None,
        visibility=str(Visibility.DIALOG),
        attending_organisations=[organisation.pk],
        **{
            "actions-TOTAL_FORMS": "1",
            "actions-0-description": "Skicka kartläggningen",
            "actions-0-owner": organisation.pk,
            "actions-0-due_date": "2030-01-31",
            "actions-0-status": "open",
        },
    )
    response = client.post(f"/kalender/{meeting.pk}/protokoll/redigera/", data)
    assert response.status_code == 302, response.context and [
        response.context["form"].errors,
        response.context["items"].errors,
        response.context["actions"].errors,
    ]
    minutes = Minutes.objects.get(event=meeting)
    assert minutes.visibility == Visibility.DIALOG
    assert list(minutes.attending_organisations.all()) == [organisation]
    assert minutes.items.get().decision == "Lägesbilden läggs till handlingarna."
    assert minutes.action_items.get().owner == organisation


def test_narrowing_below_the_meetings_visibility_is_a_form_error(client, setting):
    forum, convener, _, _ = setting
    meeting = make_meeting(forum, visibility=Visibility.DIALOG)
    client.force_login(convener)
    response = client.post(
        f"/kalender/{meeting.pk}/protokoll/redigera/",
        edit_data(None, visibility=str(Visibility.INFORMATION)),
    )
    assert response.status_code == 200
    assert "visibility" in response.context["form"].errors
    assert not Minutes.objects.filter(event=meeting).exists()


def test_duplicate_paragraph_numbers_are_a_form_error(client, setting):
    forum, convener, _, minutes = setting
    client.force_login(convener)
    data = edit_data(
        minutes,
        **{
            "items-TOTAL_FORMS": "2",
            "items-1-number": "1",
            "items-1-title": "Övrigt",
        },
    )
    response = client.post(url(minutes, "redigera/"), data)
    assert response.status_code == 200
    assert not MinutesItem.objects.exists()


# Action items


def action(minutes, owner, status=ActionItem.Status.OPEN, days=10, **fields):
    return ActionItem.objects.create(
        minutes=minutes,
        owner=owner,
        description=fields.pop("description", "Uppgift"),
        status=status,
        due_date=timezone.localdate() + datetime.timedelta(days=days),
    )


@pytest.fixture
def actions(setting):
    forum, convener, attendee, draft = setting
    owner = attendee.memberships.get().organisation
    published = Minutes.objects.create(
        event=make_meeting(forum, title="Möte i mars"),
        status=Minutes.Status.PUBLISHED,
    )
    narrowed = Minutes.objects.create(
        event=make_meeting(forum, title="Möte i april"),
        status=Minutes.Status.PUBLISHED,
        visibility=Visibility.PARTNERSKAP,
    )
    return {
        "owner": owner,
        "open": action(published, owner, description="Boka lokal", days=-2),
        "done": action(
            published, owner, ActionItem.Status.DONE, description="Klar sak"
        ),
        "narrowed": action(narrowed, owner, description="Hemlig budget"),
        "draft": action(draft, owner, description="Ur utkastet"),
    }


def test_action_items_show_open_ones_the_person_may_see(client, setting, actions):
    forum, convener, _, _ = setting
    client.force_login(member(forum, Level.INFORMATION))
    page = client.get("/forum/tia-skane/atgarder/").content.decode()
    assert "Boka lokal" in page
    assert "försenad" in page
    assert "Klar sak" not in page
    assert "Hemlig budget" not in page
    assert "Ur utkastet" not in page
    client.force_login(member(forum, Level.PARTNERSKAP))
    page = client.get("/forum/tia-skane/atgarder/").content.decode()
    assert "Hemlig budget" in page
    assert "Ur utkastet" not in page
    client.force_login(convener)
    page = client.get("/forum/tia-skane/atgarder/").content.decode()
    assert "Ur utkastet" in page
    assert "Klar sak" not in page


def test_owner_updates_the_status_other_organisations_may_not(client, setting, actions):
    forum, _, attendee, _ = setting
    item = actions["open"]
    client.force_login(attendee)
    response = client.post(f"/atgarder/{item.pk}/", {"status": "in_progress"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == ActionItem.Status.IN_PROGRESS
    assert (
        client.post(f"/atgarder/{item.pk}/", {"status": "nonsense"}).status_code == 302
    )
    item.refresh_from_db()
    assert item.status == ActionItem.Status.IN_PROGRESS
    client.force_login(member(forum, Level.PARTNERSKAP))
    assert client.post(f"/atgarder/{item.pk}/", {"status": "done"}).status_code == 403
    item.refresh_from_db()
    assert item.status == ActionItem.Status.IN_PROGRESS


def test_status_update_redirects_only_to_this_site(client, setting, actions):
    forum, _, attendee, _ = setting
    client.force_login(attendee)
    response = client.post(
        f"/atgarder/{actions['open'].pk}/",
        {"status": "done", "next": "https://evil.example/"},
    )
    assert response["Location"] == "/forum/tia-skane/atgarder/"


@pytest.mark.parametrize("count", [10, 500])
def test_action_items_page_has_a_constant_number_of_queries(
    client, setting, django_assert_max_num_queries, count
):
    forum, _, attendee, _ = setting
    owners = [
        ParticipationFactory(forum=forum, level=Level.SAMRAD).organisation
        for _ in range(5)
    ]
    minutes = [
        Minutes.objects.create(
            event=make_meeting(forum, days=-i - 1), status=Minutes.Status.PUBLISHED
        )
        for i in range(5)
    ]
    for index in range(count):
        item = MinutesItem.objects.create(
            minutes=minutes[index % 5], number=index + 1, title="Punkt"
        )
        ActionItem.objects.create(
            minutes=item.minutes,
            item=item,
            owner=owners[index % 5],
            description=f"Uppgift {index}",
        )
    client.force_login(attendee)
    with django_assert_max_num_queries(17):
        response = client.get("/forum/tia-skane/atgarder/")
    assert response.status_code == 200
    assert len(response.context["items"]) == count


def test_the_minutes_rule_in_one_queryset(setting):
    """Drafts: conveners, county admins, attendees; published: the narrower level."""
    from django.contrib.auth.models import AnonymousUser

    forum, convener, attendee, minutes = setting
    samrad = member(forum, Level.SAMRAD)
    partner = member(forum, Level.PARTNERSKAP)
    outsider = member(ForumFactory(), Level.PARTNERSKAP)
    staff = county_admin()
    # A Wagtail editor reads nothing the forum keeps.
    page_editor = editor()

    def readers():
        people = [convener, attendee, samrad, partner, outsider, staff, page_editor]
        return {
            person
            for person in people
            if Minutes.objects.visible_to(person).filter(pk=minutes.pk).exists()
        }

    assert readers() == {convener, attendee, staff}
    minutes.status = Minutes.Status.PUBLISHED
    minutes.save()
    assert readers() == {convener, attendee, samrad, partner, staff}
    minutes.visibility = Visibility.DIALOG  # narrower than the meeting's
    minutes.save()
    assert readers() == {convener, attendee, partner, staff}
    assert not Minutes.objects.visible_to(AnonymousUser()).exists()
    # An attendee whose organisation left the forum no longer reads a draft.
    minutes.status = Minutes.Status.DRAFT
    minutes.save()
    attendee.memberships.all().delete()
    assert attendee not in readers()


def test_effective_visibility_is_the_rule_the_queryset_filters_by(setting):
    """One rule: the meeting's visibility, or the narrower one set on the minutes."""
    forum, convener, attendee, minutes = setting
    assert minutes.effective_visibility == Visibility.INFORMATION
    minutes.visibility = Visibility.DIALOG
    minutes.save()
    assert minutes.effective_visibility == Visibility.DIALOG
    (annotated,) = Minutes.objects.with_visibility().filter(pk=minutes.pk)
    assert annotated.effective_visibility == Visibility.DIALOG
    meeting = minutes.event
    meeting.visibility = Visibility.PARTNERSKAP
    meeting.save()
    assert minutes.effective_visibility == Visibility.PARTNERSKAP
