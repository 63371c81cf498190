"""The forum page as the member's desk: what needs them now, per level."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from events.factories import (
    AgendaProposalFactory,
    EventFactory,
    MinutesFactory,
)
from events.models import Minutes
from forum.factories import (
    ConsultationFactory,
    ConsultationResponseFactory,
    DelegatedTaskFactory,
    JointDecisionFactory,
    PostFactory,
    PostModerationFactory,
    ThreadFactory,
    ThreadFollowFactory,
)
from forum.models import Level, ParticipationApplication, ThreadFollow, Visibility
from tests.factories import (
    ForumFactory,
    MembershipFactory,
    OrganisationFactory,
    ParticipationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def now():
    return timezone.now()


def member(forum, level):
    organisation = ParticipationFactory(forum=forum, level=level).organisation
    return MembershipFactory(organisation=organisation).user


def desk(client, forum, user):
    client.force_login(user)
    response = client.get(reverse("forum:forum_detail", args=[forum.slug]))
    assert response.status_code == 200
    return response


def section_keys(response):
    desk = response.context["desk"]
    return {s.key for s in desk.sections}, {s.key for s in desk.convener_sections}


def hrefs(response):
    desk = response.context["desk"]
    urls = {room.url for room in desk.rooms}
    for section in desk.sections + desk.convener_sections:
        urls |= {item.url for item in section.items}
    return urls


@pytest.fixture
def forum():
    return ForumFactory()


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        (Level.INFORMATION, {"meeting", "minutes"}),
        # From Samråd up, the follow-up's detail (by default): participation.
        (Level.SAMRAD, {"meeting", "minutes", "consultations", "followup"}),
        (
            Level.DIALOG,
            {"meeting", "minutes", "consultations", "dialog", "followup"},
        ),
        (
            Level.PARTNERSKAP,
            {"meeting", "minutes", "consultations", "dialog", "partnership"}
            | {"followup"},
        ),
    ],
)
def test_each_level_sees_its_sections_and_no_convener_section(
    client, forum, level, expected
):
    response = desk(client, forum, member(forum, level))
    sections, convener = section_keys(response)
    assert sections == expected
    assert convener == set()
    assert "För sammankallande" not in response.content.decode()


@pytest.mark.parametrize("level", list(Level))
def test_rooms_above_the_level_are_text_never_links(client, forum, level):
    response = desk(client, forum, member(forum, level))
    html = response.content.decode()
    for name, opened_at in [
        ("forum:consultations", Level.SAMRAD),
        ("forum:threads", Level.DIALOG),
        ("forum:partnership", Level.PARTNERSKAP),
    ]:
        href = f'href="{reverse(name, args=[forum.slug])}"'
        assert (href in html) == (level >= opened_at), name
    locked = response.context["desk"].locked_rooms
    assert len(locked) == Level.PARTNERSKAP - level
    if level < Level.PARTNERSKAP:
        assert "delegerade uppdrag" in html


def test_every_desk_link_opens_for_the_member(client, forum):
    # Something in every section of a Partnerskap member's desk.
    user = member(forum, Level.PARTNERSKAP)
    organisation = user.memberships.get().organisation
    ConsultationFactory(forum=forum, published=True)
    thread = ThreadFactory(forum=forum)
    ThreadFollowFactory(thread=thread, user=user)
    PostFactory(thread=thread)
    JointDecisionFactory(forum=forum, answer_by=now() + 5 * DAY)
    DelegatedTaskFactory(
        forum=forum, assigned_to=organisation, due_date=timezone.localdate() - DAY
    )
    event = EventFactory(forum=forum, visibility=Visibility.INFORMATION)
    past = EventFactory(forum=forum, start=now() - 3 * DAY)
    MinutesFactory(event=past).attending_people.add(user)
    response = desk(client, forum, user)
    urls = hrefs(response)
    assert any(str(event.pk) in url for url in urls)
    assert len(urls) >= 12
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_open_consultation_shows_deadline_and_whether_answered(client, forum):
    user = member(forum, Level.SAMRAD)
    organisation = user.memberships.get().organisation
    answered = ConsultationFactory(
        forum=forum, published=True, title="Handlingsplanen", deadline=now() + 3 * DAY
    )
    ConsultationFactory(
        forum=forum, published=True, title="Lägesbilden", deadline=now() + 10 * DAY
    )
    ConsultationFactory(forum=forum, published=False, title="Utkastet")
    ConsultationFactory(
        forum=forum,
        published=True,
        title="Det stängda",
        opens_at=now() - 20 * DAY,
        deadline=now() - DAY,
    )
    ConsultationResponseFactory(consultation=answered, organisation=organisation)
    html = desk(client, forum, user).content.decode()
    assert "Handlingsplanen" in html and "Lägesbilden" in html
    assert "Utkastet" not in html and "Det stängda" not in html
    assert "Er organisation har svarat." in html
    assert "Er organisation har inte svarat än." in html
    assert "2 dagar kvar" in html or "3 dagar kvar" in html


def test_unread_replies_clear_when_the_thread_is_opened(client, forum):
    user = member(forum, Level.DIALOG)
    other = member(forum, Level.DIALOG)
    thread = ThreadFactory(forum=forum, title="Språkcaféer i Lund", created_by=other)
    ThreadFollowFactory(thread=thread, user=user)
    PostFactory(thread=thread, author=other)
    PostFactory(thread=thread, author=other)
    PostFactory(thread=thread, author=user)  # one's own reply is not unread
    PostFactory(thread=thread, author=other, hidden=True)
    quiet = ThreadFactory(forum=forum, title="Tyst tråd")
    ThreadFollowFactory(thread=quiet, user=user)
    html = desk(client, forum, user).content.decode()
    assert "Språkcaféer i Lund" in html and "2 olästa svar" in html
    assert "Tyst tråd" not in html

    client.get(reverse("forum:thread_detail", args=[forum.slug, thread.pk]))
    assert ThreadFollow.objects.get(thread=thread, user=user).last_read_at
    html = desk(client, forum, user).content.decode()
    assert "Språkcaféer i Lund" not in html
    assert "Inga olästa svar" in html

    PostFactory(thread=thread, author=other)
    assert "1 oläst svar" in desk(client, forum, user).content.decode()


def test_partnership_shows_decisions_to_answer_and_tasks_due(client, forum):
    user = member(forum, Level.PARTNERSKAP)
    organisation = user.memberships.get().organisation
    JointDecisionFactory(
        forum=forum, title="Gemensam budget", answer_by=now() + 4 * DAY
    )
    answered = JointDecisionFactory(
        forum=forum, title="Redan besvarat", answer_by=now() + 4 * DAY
    )
    answered.answers.create(organisation=organisation, answer="consent")
    DelegatedTaskFactory(
        forum=forum,
        assigned_to=organisation,
        title="Kartlägg behoven",
        due_date=timezone.localdate() - 2 * DAY,
    )
    DelegatedTaskFactory(
        forum=forum,
        assigned_to=organisation,
        title="Långt fram",
        due_date=timezone.localdate() + 90 * DAY,
    )
    DelegatedTaskFactory(
        forum=forum, title="Någon annans", due_date=timezone.localdate()
    )
    html = desk(client, forum, user).content.decode()
    assert "Gemensam budget" in html and "Redan besvarat" not in html
    assert "Kartlägg behoven" in html and "försenat" in html
    assert "Långt fram" not in html and "Någon annans" not in html


def test_next_meeting_links_agenda_and_answer(client, forum):
    user = member(forum, Level.INFORMATION)
    EventFactory(forum=forum, title="Senare möte", start=now() + 20 * DAY)
    soon = EventFactory(forum=forum, title="Nätverksträff", start=now() + 2 * DAY)
    EventFactory(forum=forum, title="Förbi", start=now() - 2 * DAY)
    EventFactory(
        forum=forum,
        title="Bara för dialog",
        start=now() + DAY,
        visibility=Visibility.DIALOG,
    )
    response = desk(client, forum, user)
    meeting = next(s for s in response.context["desk"].sections if s.key == "meeting")
    assert meeting.items[0].text == "Nätverksträff"
    urls = [item.url for item in meeting.items]
    assert reverse("events:agenda", args=[soon.pk]) in urls
    assert any(url.endswith("#svar") for url in urls)


def test_draft_minutes_of_attended_meetings(client, forum):
    user = member(forum, Level.INFORMATION)
    attended = EventFactory(forum=forum, title="Forummöte i maj", start=now() - DAY)
    MinutesFactory(event=attended).attending_people.add(user)
    other = EventFactory(forum=forum, title="Annat möte", start=now() - DAY)
    MinutesFactory(event=other)
    html = desk(client, forum, user).content.decode()
    assert "Forummöte i maj" in html and "Annat möte" not in html
    Minutes.objects.update(status=Minutes.Status.APPROVED)
    assert "Inga protokoll väntar" in desk(client, forum, user).content.decode()


def test_conveners_see_what_waits_for_them(client, forum):
    convener = UserFactory()
    forum.conveners.add(convener)
    ParticipationApplication.objects.create(
        forum=forum,
        organisation=OrganisationFactory(),
        applicant=UserFactory(),
        requested_level=Level.DIALOG,
        motivation="Vi vill vara med.",
    )
    ConsultationFactory(
        forum=forum,
        published=True,
        title="Utan återkoppling",
        opens_at=now() - 20 * DAY,
        deadline=now() - DAY,
    )
    event = EventFactory(forum=forum, start=now() + 5 * DAY)
    AgendaProposalFactory(event=event, title="Punkt om praktik")
    MinutesFactory(event=EventFactory(forum=forum, title="Gammalt", start=now() - DAY))
    PostModerationFactory(post__thread__forum=forum, reason="Personuppgifter")
    response = desk(client, forum, convener)
    _, convener_keys = section_keys(response)
    assert convener_keys == {
        "applications",
        "feedback",
        "moderation",
        "minutes_to_approve",
        "proposals",
    }
    html = response.content.decode()
    for text in [
        "1 ansökan väntar på beslut",
        "Utan återkoppling",
        "Punkt om praktik",
        "Gammalt",
        "Personuppgifter",
    ]:
        assert text in html
    for url in hrefs(response):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("count", [2, 12])
def test_desk_has_constant_queries(client, forum, django_assert_max_num_queries, count):
    user = member(forum, Level.PARTNERSKAP)
    forum.conveners.add(user)
    organisation = user.memberships.get().organisation
    for i in range(count):
        ConsultationFactory(forum=forum, published=True)
        ConsultationFactory(
            forum=forum, published=True, opens_at=now() - 9 * DAY, deadline=now() - DAY
        )
        thread = ThreadFactory(forum=forum)
        ThreadFollowFactory(thread=thread, user=user)
        post = PostFactory(thread=thread)
        PostModerationFactory(post=post)
        JointDecisionFactory(forum=forum, answer_by=now() + 3 * DAY)
        DelegatedTaskFactory(
            forum=forum, assigned_to=organisation, due_date=timezone.localdate()
        )
        event = EventFactory(forum=forum, start=now() + (i + 1) * DAY)
        AgendaProposalFactory(event=event)
        past = EventFactory(forum=forum, start=now() - (i + 1) * DAY)
        MinutesFactory(event=past).attending_people.add(user)
    client.force_login(user)
    # 31 today at both sizes, about half of them the base template and session
    # (one the knowledge room's: the forum has no knowledge index here; three
    # the follow-up's links: the county's settings, its forum, its figures;
    # the first request of a process also reads the locales).
    with django_assert_max_num_queries(32):
        response = client.get(reverse("forum:forum_detail", args=[forum.slug]))
    assert response.status_code == 200
    sections = response.context["desk"].sections
    assert len(next(s for s in sections if s.key == "dialog").items) == count
