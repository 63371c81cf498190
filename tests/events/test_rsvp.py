"""Answers (RSVP): one per person and occurrence, capacity and the waiting list."""

import datetime

import pytest
from django.utils import timezone

from events.calendar import occurrence_key
from events.models import RSVP, Event, OccurrenceOverride
from events.rsvp import record_answer
from forum.models import Level, Notification, Visibility
from tests.dates import TUESDAY, at, next_weekday
from tests.events.test_calendar import FAR_OFF_KEYS, make_event, member
from tests.factories import ForumFactory, UserFactory

WEEK = datetime.timedelta(weeks=1)


def tuesday(weeks):
    """17:00 on the Tuesday ``weeks`` after the next one: the series' occurrences."""
    return at(next_weekday(TUESDAY) + weeks * WEEK, 17)


@pytest.fixture
def forum(db):
    return ForumFactory(slug="tia-skane")


@pytest.fixture
def series(forum):
    return make_event(
        forum,
        tuesday(0),
        title="Veckomöte",
        rrule="FREQ=WEEKLY;BYDAY=TU",
        visibility=Visibility.INFORMATION,
    )


@pytest.fixture
def first():
    """The occurrence the tests answer for, four weeks into the series."""
    return tuesday(4)


def answer(client, event, when, reply="going"):
    value = when if isinstance(when, str) else occurrence_key(when)
    return client.post(
        f"/kalender/{event.pk}/svar/", {"occurrence": value, "answer": reply}
    )


def test_going_then_not_going_updates_the_one_answer(client, forum, series, first):
    user = member(forum, Level.INFORMATION)
    client.force_login(user)
    response = answer(client, series, first)
    assert response.status_code == 302
    assert "tillfalle=" in response["Location"]
    rsvp = RSVP.objects.get()
    assert (rsvp.user, rsvp.answer, rsvp.occurrence_start) == (user, "going", first)
    assert rsvp.organisation == user.memberships.get().organisation
    page = client.get(response["Location"]).content.decode()
    assert "Du är anmäld" in page
    assert f"1 från {rsvp.organisation.name}" in page
    answer(client, series, first, reply="not_going")
    assert RSVP.objects.get().answer == RSVP.Answer.NOT_GOING


def test_capacity_waitlist_and_moving_up(client, forum, series, first):
    series.capacity = 1
    series.save()
    one, two = member(forum, Level.SAMRAD), member(forum, Level.DIALOG)
    client.force_login(one)
    answer(client, series, first)
    client.force_login(two)
    response = answer(client, series, first)
    page = client.get(response["Location"]).content.decode()
    assert "väntelistan" in page
    assert "1 av 1 platser" in page
    assert RSVP.objects.get(user=two).waitlisted
    assert not RSVP.objects.get(user=one).waitlisted
    client.force_login(one)
    answer(client, series, first, reply="not_going")
    assert not RSVP.objects.get(user=two).waitlisted
    assert RSVP.objects.get(user=one).answer == RSVP.Answer.NOT_GOING


def test_lowering_the_capacity_of_a_full_occurrence_promotes_nobody_beyond_it(
    client, forum, series, first
):
    series.capacity = 2
    series.save()
    one, two, three = (member(forum, Level.INFORMATION) for _ in range(3))
    for user in (one, two, three):
        record_answer(series, first, user, None, RSVP.Answer.GOING)
    assert RSVP.objects.get(user=three).waitlisted
    # The convener takes a seat away while the occurrence is full.
    series.capacity = 1
    series.save()

    # A seat is given back, but the one left still fills the new capacity.
    client.force_login(one)
    response = answer(client, series, first, reply="not_going")
    assert RSVP.objects.get(user=three).waitlisted
    assert not Notification.objects.filter(user=three).exists()
    page = client.get(response["Location"]).content.decode()
    assert "1 av 1 platser är tagna" in page
    assert "1 står på väntelistan" in page

    # The next seat given back is below the capacity: the waiting one moves up.
    client.force_login(two)
    answer(client, series, first, reply="not_going")
    assert not RSVP.objects.get(user=three).waitlisted
    assert Notification.objects.get(user=three).kind == "waitlist_seat"
    seated = RSVP.objects.filter(answer=RSVP.Answer.GOING, waitlisted=False)
    assert list(seated.values_list("user", flat=True)) == [three.pk]


def test_the_one_who_moves_up_is_told_by_email(
    client, forum, series, first, mailoutbox, django_capture_on_commit_callbacks
):
    series.capacity = 1
    series.save()
    one, two = member(forum, Level.SAMRAD), member(forum, Level.DIALOG)
    for user in (one, two):
        client.force_login(user)
        answer(client, series, first)
    assert not mailoutbox
    client.force_login(one)
    with django_capture_on_commit_callbacks(execute=True):
        # The one who declines reads English; the notice is Swedish all the same.
        client.post(
            f"/en/kalender/{series.pk}/svar/",
            {"occurrence": occurrence_key(first), "answer": "not_going"},
        )
    notification = Notification.objects.get()
    assert (notification.user, notification.kind) == (two, "waitlist_seat")
    assert len(mailoutbox) == 1
    email = mailoutbox[0]
    assert email.to == [two.email]
    assert email.subject == "[TIA] Du har fått en plats: Veckomöte"
    assert f"{first:%Y-%m-%d} 17:00" in email.body
    assert f"http://testserver/kalender/{series.pk}/?tillfalle=" in email.body
    # The one who declined is not told anything.
    assert not Notification.objects.filter(user=one).exists()


def test_waitlist_moves_up_in_answer_order(forum, series, first):
    series.capacity = 1
    series.save()
    a, b, c = (member(forum, Level.INFORMATION) for _ in range(3))
    for user in (a, b, c):
        record_answer(series, first, user, None, RSVP.Answer.GOING)
    _rsvp, promoted = record_answer(series, first, a, None, RSVP.Answer.NOT_GOING)
    assert promoted.user == b
    assert RSVP.objects.get(user=c).waitlisted
    # Other occurrences keep their own seats.
    record_answer(series, tuesday(5), c, None, RSVP.Answer.GOING)
    assert not RSVP.objects.get(user=c, occurrence_start=tuesday(5)).waitlisted


@pytest.mark.parametrize(
    "when",
    [
        lambda first: first + datetime.timedelta(days=1),  # Wednesday: no meeting
        lambda first: first - datetime.timedelta(hours=1),  # wrong time
        lambda first: "nonsense",
        lambda first: "",
    ],
    ids=["wednesday", "wrong-time", "nonsense", "empty"],
)
def test_no_such_occurrence_gives_a_form_error(client, forum, series, first, when):
    client.force_login(member(forum, Level.INFORMATION))
    response = answer(client, series, when(first))
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
        tuesday(-8),
        rrule="FREQ=WEEKLY;BYDAY=TU",
        visibility=Visibility.INFORMATION,
    )
    client.force_login(member(forum, Level.INFORMATION))
    response = answer(client, past, tuesday(-7))
    assert response.status_code == 200
    assert "redan varit" in response.content.decode()
    assert not RSVP.objects.exists()


def test_cancelled_event_or_occurrence_refused(client, forum, series, first):
    client.force_login(member(forum, Level.INFORMATION))
    OccurrenceOverride.objects.create(
        event=series, original_start=first, cancelled=True
    )
    response = answer(client, series, first)
    assert response.status_code == 200
    assert not RSVP.objects.exists()
    Event.objects.filter(pk=series.pk).update(cancelled=True)
    response = answer(client, series, tuesday(5))
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


def test_anonymous_is_sent_to_sign_in(client, series, first):
    response = answer(client, series, first)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_detail_shows_own_answer_and_names(client, forum, series, first):
    user = member(forum, Level.INFORMATION)
    other = UserFactory(first_name="Anna", last_name="Andersson")
    record_answer(series, first, other, None, RSVP.Answer.GOING)
    client.force_login(user)
    page = client.get(
        f"/kalender/{series.pk}/?tillfalle={occurrence_key(first)}"
    ).content.decode()
    assert "Anna Andersson" in page
    assert "Du har inte svarat" in page
