"""Answers (RSVP): one per person and occurrence, capacity and the waiting list."""

import datetime

import pytest
from django.utils import timezone

from events.calendar import occurrence_key
from events.models import RSVP, Event, OccurrenceOverride
from events.rsvp import record_answer
from forum.models import Level, Notification, Visibility
from tests.events.test_calendar import FAR_OFF_KEYS, local, make_event, member
from tests.factories import ForumFactory, UserFactory


@pytest.fixture
def forum(db):
    return ForumFactory(slug="tia-skane")


@pytest.fixture
def series(forum):
    return make_event(
        forum,
        local(2027, 3, 2, 17),
        title="Veckomöte",
        rrule="FREQ=WEEKLY;BYDAY=TU",
        visibility=Visibility.INFORMATION,
    )


FIRST = local(2027, 3, 30, 17)


def answer(client, event, when=FIRST, reply="going"):
    value = when if isinstance(when, str) else occurrence_key(when)
    return client.post(
        f"/kalender/{event.pk}/svar/", {"occurrence": value, "answer": reply}
    )


def test_going_then_not_going_updates_the_one_answer(client, forum, series):
    user = member(forum, Level.INFORMATION)
    client.force_login(user)
    response = answer(client, series)
    assert response.status_code == 302
    assert "tillfalle=" in response["Location"]
    rsvp = RSVP.objects.get()
    assert (rsvp.user, rsvp.answer, rsvp.occurrence_start) == (user, "going", FIRST)
    assert rsvp.organisation == user.memberships.get().organisation
    page = client.get(response["Location"]).content.decode()
    assert "Du är anmäld" in page
    assert f"1 från {rsvp.organisation.name}" in page
    answer(client, series, reply="not_going")
    assert RSVP.objects.get().answer == RSVP.Answer.NOT_GOING


def test_capacity_waitlist_and_moving_up(client, forum, series):
    series.capacity = 1
    series.save()
    first, second = member(forum, Level.SAMRAD), member(forum, Level.DIALOG)
    client.force_login(first)
    answer(client, series)
    client.force_login(second)
    response = answer(client, series)
    page = client.get(response["Location"]).content.decode()
    assert "väntelistan" in page
    assert "1 av 1 platser" in page
    assert RSVP.objects.get(user=second).waitlisted
    assert not RSVP.objects.get(user=first).waitlisted
    client.force_login(first)
    answer(client, series, reply="not_going")
    assert not RSVP.objects.get(user=second).waitlisted
    assert RSVP.objects.get(user=first).answer == RSVP.Answer.NOT_GOING


def test_the_one_who_moves_up_is_told_by_email(
    client, forum, series, mailoutbox, django_capture_on_commit_callbacks
):
    series.capacity = 1
    series.save()
    first, second = member(forum, Level.SAMRAD), member(forum, Level.DIALOG)
    for user in (first, second):
        client.force_login(user)
        answer(client, series)
    assert not mailoutbox
    client.force_login(first)
    with django_capture_on_commit_callbacks(execute=True):
        # The one who declines reads English; the notice is Swedish all the same.
        client.post(
            f"/en/kalender/{series.pk}/svar/",
            {"occurrence": occurrence_key(FIRST), "answer": "not_going"},
        )
    notification = Notification.objects.get()
    assert (notification.user, notification.kind) == (second, "waitlist_seat")
    assert len(mailoutbox) == 1
    email = mailoutbox[0]
    assert email.to == [second.email]
    assert email.subject == "[TIA] Du har fått en plats: Veckomöte"
    assert "2027-03-30 17:00" in email.body
    assert f"http://testserver/kalender/{series.pk}/?tillfalle=" in email.body
    # The one who declined is not told anything.
    assert not Notification.objects.filter(user=first).exists()


def test_waitlist_moves_up_in_answer_order(forum, series):
    series.capacity = 1
    series.save()
    a, b, c = (member(forum, Level.INFORMATION) for _ in range(3))
    for user in (a, b, c):
        record_answer(series, FIRST, user, None, RSVP.Answer.GOING)
    _rsvp, promoted = record_answer(series, FIRST, a, None, RSVP.Answer.NOT_GOING)
    assert promoted.user == b
    assert RSVP.objects.get(user=c).waitlisted
    # Other occurrences keep their own seats.
    record_answer(series, local(2027, 4, 6, 17), c, None, RSVP.Answer.GOING)
    assert not RSVP.objects.get(
        user=c, occurrence_start=local(2027, 4, 6, 17)
    ).waitlisted


@pytest.mark.parametrize(
    "when",
    [
        local(2027, 3, 31, 17),  # a Wednesday: not an occurrence
        local(2027, 3, 30, 16),  # wrong time
        "nonsense",
        "",
    ],
)
def test_no_such_occurrence_gives_a_form_error(client, forum, series, when):
    client.force_login(member(forum, Level.INFORMATION))
    response = answer(client, series, when)
    assert response.status_code == 200
    assert "field__errors" in response.content.decode()
    assert not RSVP.objects.exists()


@pytest.mark.parametrize("key", FAR_OFF_KEYS)
def test_far_off_occurrence_gives_a_form_error(client, forum, series, key):
    client.force_login(member(forum, Level.INFORMATION))
    response = answer(client, series, key)
    assert response.status_code == 200
    assert "Mötet har inget sådant tillfälle." in response.content.decode()
    assert not RSVP.objects.exists()


def test_past_occurrence_gives_a_form_error(client, forum):
    past = make_event(
        forum,
        local(2026, 1, 6, 17),
        rrule="FREQ=WEEKLY;BYDAY=TU",
        visibility=Visibility.INFORMATION,
    )
    client.force_login(member(forum, Level.INFORMATION))
    response = answer(client, past, local(2026, 1, 13, 17))
    assert response.status_code == 200
    assert "redan varit" in response.content.decode()
    assert not RSVP.objects.exists()


def test_cancelled_event_or_occurrence_refused(client, forum, series):
    client.force_login(member(forum, Level.INFORMATION))
    OccurrenceOverride.objects.create(
        event=series, original_start=FIRST, cancelled=True
    )
    response = answer(client, series)
    assert response.status_code == 200
    assert not RSVP.objects.exists()
    Event.objects.filter(pk=series.pk).update(cancelled=True)
    response = answer(client, series, local(2027, 4, 6, 17))
    assert response.status_code == 200
    assert not RSVP.objects.exists()


def test_event_not_visible_is_404(client, forum):
    event = make_event(
        forum,
        timezone.now() + datetime.timedelta(days=3),
        visibility=Visibility.DIALOG,
    )
    client.force_login(member(forum, Level.SAMRAD))
    response = answer(client, event, event.start)
    assert response.status_code == 404
    assert not RSVP.objects.exists()


def test_public_event_of_another_forum_is_403(client, forum):
    event = make_event(forum, timezone.now() + datetime.timedelta(days=3))
    client.force_login(member(ForumFactory(), Level.PARTNERSKAP))
    assert answer(client, event, event.start).status_code == 403
    page = client.get(f"/kalender/{event.pk}/").content.decode()
    assert 'id="svar"' not in page


def test_anonymous_is_sent_to_sign_in(client, series):
    response = answer(client, series)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_detail_shows_own_answer_and_names(client, forum, series):
    user = member(forum, Level.INFORMATION)
    other = UserFactory(first_name="Anna", last_name="Andersson")
    record_answer(series, FIRST, other, None, RSVP.Answer.GOING)
    client.force_login(user)
    page = client.get(
        f"/kalender/{series.pk}/?tillfalle={occurrence_key(FIRST)}"
    ).content.decode()
    assert "Anna Andersson" in page
    assert "Du har inte svarat" in page
