"""The iCalendar feeds: what they hold, for whom, and that calendar apps read them."""

import datetime
import re
import uuid

import pytest
import recurring_ical_events
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from events.models import CalendarToken, Event, OccurrenceOverride
from forum.models import Level, Visibility
from tests.dates import (
    STOCKHOLM,
    TUESDAY,
    at,
    next_weekday,
    next_year,
    summer_time_starts,
    today,
    winter_time_starts,
)
from tests.factories import (
    ForumFactory,
    MembershipFactory,
    ParticipationFactory,
    UserFactory,
)

UTC = datetime.UTC
DAY, WEEK = datetime.timedelta(days=1), datetime.timedelta(weeks=1)


@pytest.fixture
def forum(db):
    return ForumFactory(slug="tia-skane")


@pytest.fixture
def member(forum):
    """A person whose organisation takes part at the given level."""

    def make(level, in_forum=None):
        participation = ParticipationFactory(forum=in_forum or forum, level=level)
        return MembershipFactory(organisation=participation.organisation).user

    return make


@pytest.fixture
def make_event(forum):
    def make(start=None, hours=2, **fields):
        start = start or timezone.now() + datetime.timedelta(days=3)
        fields = {
            "forum": forum,
            "kind": Event.Kind.FORUM_MEETING,
            "title": "Forummöte",
            "visibility": Visibility.PUBLIC,
            **fields,
        }
        return Event.objects.create(
            start=start, end=start + datetime.timedelta(hours=hours), **fields
        )

    return make


def parse(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def vevents(calendar):
    return list(calendar.walk("VEVENT"))


def summaries(calendar):
    return {str(component["SUMMARY"]) for component in vevents(calendar)}


def between(calendar, start, end):
    return recurring_ical_events.of(calendar).between(start, end)


def personal_url(user):
    token, _created = CalendarToken.objects.get_or_create(user=user)
    return f"/ical/personlig/{token.token}.ics"


# What a VEVENT holds


def test_event_fields(client, make_event):
    start = at(today() + 3 * DAY, 9, 30)
    event = make_event(
        title="Samordnarmöte",
        kind=Event.Kind.COORDINATORS_MEETING,
        description="<p>Lägesbild &amp; planering</p><ul><li>Punkt ett</li></ul>",
        venue="Länsstyrelsen, Malmö",
        start=start,
    )
    calendar = parse(client.get("/ical/kalender.ics"))
    (component,) = vevents(calendar)
    assert str(component["UID"]) == event.uid
    assert component["SEQUENCE"] == event.sequence
    assert str(component["STATUS"]) == "CONFIRMED"
    assert str(component["LOCATION"]) == "Länsstyrelsen, Malmö"
    assert str(component["DESCRIPTION"]) == "Lägesbild & planering\n• Punkt ett"
    assert component["CATEGORIES"].cats == ["Samordnarmöte"]
    assert str(component["URL"]) == f"http://testserver/kalender/{event.pk}/"
    assert component["DTSTAMP"].dt.tzinfo is not None
    assert component["DTSTAMP"].dt.utcoffset() == datetime.timedelta(0)
    assert component["DTSTART"].params["TZID"] == "Europe/Stockholm"
    assert component["DTSTART"].dt == start
    assert component["DTEND"].dt == at(start.date(), 11, 30)
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Stockholm"
    assert b"\r\n" in client.get("/ical/kalender.ics").content


def test_all_day_event_uses_dates(client, make_event):
    day = today() + 10 * DAY
    make_event(start=at(day), hours=24, all_day=True)
    (component,) = vevents(parse(client.get("/ical/kalender.ics")))
    assert component["DTSTART"].params["VALUE"] == "DATE"
    assert component["DTSTART"].dt == day
    assert component["DTEND"].dt == day + DAY


def test_weekly_series_keeps_local_time_across_daylight_saving(client, make_event):
    # Weekly at 17:00 from two weeks before summer time until after winter time.
    year = next_year()
    spring, autumn = summer_time_starts(year), winter_time_starts(year)
    start = at(spring - 12 * DAY, 17)
    cancelled = spring + 9 * DAY
    event = make_event(
        start=start, rrule="FREQ=WEEKLY;COUNT=40", exdates=[cancelled.isoformat()]
    )
    calendar = parse(client.get("/ical/kalender.ics"))
    (component,) = vevents(calendar)
    assert component["RRULE"]["FREQ"] == ["WEEKLY"]
    assert component["DTSTART"].params["TZID"] == "Europe/Stockholm"
    assert component["DTSTART"].dt == start
    exdate = component["EXDATE"]
    assert exdate.params["TZID"] == "Europe/Stockholm"
    assert exdate.dts[0].dt == at(cancelled, 17)
    (zone,) = calendar.walk("VTIMEZONE")
    assert {sub.name for sub in zone.subcomponents} == {"STANDARD", "DAYLIGHT"}

    occurrences = between(calendar, at(spring - 20 * DAY), at(spring + 300 * DAY))
    starts = {o["DTSTART"].dt.astimezone(STOCKHOLM).date(): o for o in occurrences}
    assert len(starts) == 39  # 40 less the excluded date
    assert cancelled not in starts
    assert {o["DTSTART"].dt.astimezone(STOCKHOLM).hour for o in occurrences} == {17}
    assert all(str(o["UID"]) == event.uid for o in occurrences)

    def utc_hour(day):
        return starts[day]["DTSTART"].dt.astimezone(UTC).hour

    assert utc_hour(spring - 5 * DAY) == 16  # winter time, UTC+1
    assert utc_hour(spring + 2 * DAY) == 15  # summer time, UTC+2
    assert utc_hour(autumn - 5 * DAY) == 15
    assert utc_hour(autumn + 2 * DAY) == 16  # winter time again


def test_override_moves_one_occurrence_and_cancels_another(client, make_event):
    first = next_weekday(TUESDAY)
    event = make_event(start=at(first, 17), rrule="FREQ=WEEKLY;COUNT=10")
    moved_from, cancelled_on = first + 4 * WEEK, first + 5 * WEEK
    moved_to = moved_from + DAY
    OccurrenceOverride.objects.create(
        event=event,
        original_start=at(moved_from, 17),
        start=at(moved_to, 18),
        end=at(moved_to, 19, 30),
        venue="Stadshuset",
    )
    OccurrenceOverride.objects.create(
        event=event, original_start=at(cancelled_on, 17), cancelled=True
    )
    calendar = parse(client.get("/ical/kalender.ics"))
    components = vevents(calendar)
    assert len(components) == 3
    assert {str(c["UID"]) for c in components} == {event.uid}
    moved, cancelled = (c for c in components if "RECURRENCE-ID" in c)
    assert moved["RECURRENCE-ID"].dt == at(moved_from, 17)
    assert str(cancelled["STATUS"]) == "CANCELLED"

    occurrences = between(calendar, at(moved_from - DAY), at(moved_from + 3 * DAY))
    assert [o["DTSTART"].dt for o in occurrences] == [at(moved_to, 18)]
    assert str(occurrences[0]["LOCATION"]) == "Stadshuset"
    assert occurrences[0]["DTEND"].dt == at(moved_to, 19, 30)
    # recurring_ical_events keeps cancelled occurrences, marked as such.
    on_that_day = between(calendar, at(cancelled_on), at(cancelled_on + DAY))
    assert on_that_day
    assert all(str(o["STATUS"]) == "CANCELLED" for o in on_that_day)


# UNTIL: inclusive, and in UTC when DTSTART has a time zone (RFC 5545 3.3.10)


@pytest.mark.parametrize(
    ("change", "utc_offset"),
    [(summer_time_starts, 2), (winter_time_starts, 1)],
    ids=["summer", "winter"],
)
@pytest.mark.parametrize("written_as", ["date", "local", "utc"])
def test_until_is_sent_in_utc_and_keeps_the_last_occurrence(
    client, make_event, change, utc_offset, written_as
):
    """Four Tuesdays at 17:00, UNTIL naming the last one as a date or a time."""
    first = change(next_year()) + 2 * DAY
    last = first + 3 * WEEK
    until = {
        "date": f"{last:%Y%m%d}",
        "local": f"{last:%Y%m%d}T170000",
        "utc": f"{last:%Y%m%d}T{17 - utc_offset:02d}0000Z",
    }[written_as]
    make_event(start=at(first, 17), rrule=f"FREQ=WEEKLY;UNTIL={until}")
    response = client.get("/ical/kalender.ics")
    calendar = parse(response)
    (component,) = vevents(calendar)
    if written_as == "date":
        # The whole of the last day, its last second in Stockholm.
        expected = at(last, 23, 59) + datetime.timedelta(seconds=59)
    else:
        expected = at(last, 17)
    expected = expected.astimezone(UTC)
    assert f"UNTIL={expected:%Y%m%dT%H%M%S}Z".encode() in response.content
    (until_value,) = component["RRULE"]["UNTIL"]
    assert until_value == expected
    assert until_value.utcoffset() == datetime.timedelta(0)

    occurrences = between(calendar, at(first), at(last + 2 * WEEK))
    starts = [o["DTSTART"].dt for o in occurrences]
    assert starts == [at(first + n * WEEK, 17) for n in range(4)]
    assert starts[-1].astimezone(UTC).hour == 17 - utc_offset


def test_until_of_an_all_day_series_stays_a_date(client, make_event):
    first = next_weekday(TUESDAY)
    last = first + 3 * WEEK
    make_event(
        start=at(first),
        hours=24,
        all_day=True,
        rrule=f"FREQ=WEEKLY;UNTIL={last:%Y%m%d}",
    )
    response = client.get("/ical/kalender.ics")
    calendar = parse(response)
    (component,) = vevents(calendar)
    assert component["RRULE"]["UNTIL"] == [last]
    assert re.search(rf"UNTIL={last:%Y%m%d}(?![T0-9])".encode(), response.content)
    occurrences = between(calendar, first, last + 2 * WEEK)
    assert [o["DTSTART"].dt for o in occurrences] == [
        first + n * WEEK for n in range(4)
    ]


def test_cancelled_event_has_status_cancelled(client, make_event):
    make_event(cancelled=True, cancellation_note="Sjukdom")
    (component,) = vevents(parse(client.get("/ical/kalender.ics")))
    assert str(component["STATUS"]) == "CANCELLED"
    assert "Sjukdom" in str(component["DESCRIPTION"])


def test_sequence_grows_after_an_edit_and_uid_stays(client, make_event):
    event = make_event()
    first = vevents(parse(client.get("/ical/kalender.ics")))[0]
    event.title = "Flyttat forummöte"
    event.save()
    event.save()
    second = vevents(parse(client.get("/ical/kalender.ics")))[0]
    assert second["SEQUENCE"] > first["SEQUENCE"]
    assert second["SEQUENCE"] == Event.objects.get(pk=event.pk).sequence
    assert str(second["UID"]) == str(first["UID"]) == event.uid


def test_feed_covers_recent_past_and_running_series(client, make_event):
    now = timezone.now()
    make_event(title="Nyss", start=now - datetime.timedelta(days=30))
    make_event(title="Länge sedan", start=now - datetime.timedelta(days=200))
    make_event(
        title="Pågående serie",
        start=now - datetime.timedelta(days=400),
        rrule="FREQ=WEEKLY",
    )
    make_event(
        title="Avslutad serie",
        start=now - datetime.timedelta(days=400),
        rrule="FREQ=WEEKLY;COUNT=3",
    )
    assert summaries(parse(client.get("/ical/kalender.ics"))) == {
        "Nyss",
        "Pågående serie",
    }


def test_cache_headers(client, make_event, member):
    make_event()
    assert client.get("/ical/kalender.ics")["Cache-Control"] == "public, max-age=300"
    assert (
        client.get("/ical/forum/tia-skane.ics")["Cache-Control"]
        == "public, max-age=300"
    )
    response = client.get(personal_url(member(Level.SAMRAD)))
    assert response["Cache-Control"] == "private, max-age=300"


# Who sees what


@pytest.fixture
def mixed(make_event, forum):
    other = ForumFactory(slug="annat-forum")
    make_event(title="Offentligt")
    make_event(title="Samråd", visibility=Visibility.SAMRAD)
    make_event(title="Dialog", visibility=Visibility.DIALOG)
    make_event(title="Annat offentligt", forum=other)
    make_event(title="Annat internt", forum=other, visibility=Visibility.INFORMATION)
    return other


def test_public_feeds_hold_public_events_only(client, mixed):
    assert summaries(parse(client.get("/ical/kalender.ics"))) == {
        "Offentligt",
        "Annat offentligt",
    }
    assert summaries(parse(client.get("/ical/forum/tia-skane.ics"))) == {"Offentligt"}
    assert summaries(parse(client.get("/ical/forum/annat-forum.ics"))) == {
        "Annat offentligt"
    }


def test_public_feeds_ignore_the_session(client, mixed, member):
    client.force_login(member(Level.PARTNERSKAP))
    assert "Samråd" not in summaries(parse(client.get("/ical/kalender.ics")))
    assert "Dialog" not in summaries(parse(client.get("/ical/forum/tia-skane.ics")))


def test_personal_feed_follows_the_access_rule(client, mixed, member):
    samrad = member(Level.SAMRAD)
    url = personal_url(samrad)
    # Signed out: the token is the credential.
    assert summaries(parse(client.get(url))) == {
        "Offentligt",
        "Samråd",
        "Annat offentligt",
    }
    dialog = member(Level.DIALOG)
    assert "Dialog" in summaries(parse(client.get(personal_url(dialog))))


def test_regenerated_token_kills_the_old_url(client, mixed, member):
    user = member(Level.SAMRAD)
    old = personal_url(user)
    user.calendar_token.regenerate()
    assert client.get(old).status_code == 404
    assert client.get(personal_url(user)).status_code == 200


def test_personal_feed_empties_when_membership_ends(client, mixed, member):
    user = member(Level.SAMRAD)
    url = personal_url(user)
    assert "Samråd" in summaries(parse(client.get(url)))
    user.memberships.all().delete()
    assert summaries(parse(client.get(url))) == {"Offentligt", "Annat offentligt"}


def test_personal_feed_of_an_inactive_user_is_gone(client, mixed, member):
    user = member(Level.SAMRAD)
    url = personal_url(user)
    user.is_active = False
    user.save()
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/ical/forum/finns-inte.ics",
        "/ical/personlig/finns-inte.ics",
        "/ical/handelse/999999.ics",
    ],
)
def test_unknown_forum_token_or_event(client, db, url):
    assert client.get(url).status_code == 404


def test_single_event_download(client, make_event, member):
    event = make_event(title="Dialogmöte", visibility=Visibility.DIALOG)
    url = f"/ical/handelse/{event.pk}.ics"
    assert client.get(url).status_code == 404
    client.force_login(member(Level.SAMRAD))
    assert client.get(url).status_code == 404
    client.force_login(member(Level.DIALOG))
    response = client.get(url)
    (component,) = vevents(parse(response))
    assert str(component["UID"]) == event.uid
    assert response["Content-Disposition"] == 'attachment; filename="dialogmote.ics"'
    assert response["Cache-Control"] == "private, max-age=300"


def test_single_public_event_for_anonymous(client, make_event):
    event = make_event()
    assert parse(client.get(f"/ical/handelse/{event.pk}.ics"))


def test_convener_sees_everything_of_the_forum(client, mixed, forum):
    convener = UserFactory()
    forum.conveners.add(convener)
    assert {"Samråd", "Dialog"} <= summaries(parse(client.get(personal_url(convener))))


# The subscription page


def test_subscribe_page_creates_the_token_once(client, member):
    user = member(Level.INFORMATION)
    client.force_login(user)
    response = client.get("/kalender/prenumerera/")
    assert response.status_code == 200
    token = CalendarToken.objects.get(user=user).token
    content = response.content.decode()
    assert f"http://testserver/ical/personlig/{token}.ics" in content
    assert "webcal://testserver/ical/kalender.ics" in content
    assert "http://testserver/ical/forum/tia-skane.ics" in content
    client.get("/kalender/prenumerera/")
    assert CalendarToken.objects.get(user=user).token == token


def test_subscribe_page_needs_sign_in(client, db):
    response = client.get("/kalender/prenumerera/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_regenerate_token(client, member):
    user = member(Level.INFORMATION)
    client.force_login(user)
    old = personal_url(user)
    response = client.post("/kalender/prenumerera/ny-nyckel/", follow=True)
    assert response.redirect_chain[-1][0] == "/kalender/prenumerera/"
    assert "Den gamla adressen fungerar inte längre" in response.content.decode()
    assert client.get(old).status_code == 404
    assert client.get(personal_url(user)).status_code == 200
    assert client.get("/kalender/prenumerera/ny-nyckel/").status_code == 405


# Queries do not grow with the number of events


def bulk_events(forum, count, visibility=Visibility.PUBLIC):
    start = timezone.now() + datetime.timedelta(days=1)
    events = Event.objects.bulk_create(
        Event(
            forum=forum,
            kind=Event.Kind.NETWORK_MEETING,
            title=f"Nätverksmöte {n}",
            visibility=visibility,
            start=start + datetime.timedelta(hours=n),
            end=start + datetime.timedelta(hours=n, minutes=90),
            rrule="FREQ=WEEKLY;COUNT=5" if n % 2 else "",
            uid=str(uuid.uuid4()),
        )
        for n in range(count)
    )
    OccurrenceOverride.objects.bulk_create(
        OccurrenceOverride(
            event=event, original_start=event.start + datetime.timedelta(weeks=1)
        )
        for event in events
        if event.rrule
    )


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context), response


@pytest.mark.parametrize(
    "url",
    ["/ical/kalender.ics", "/ical/forum/tia-skane.ics", "personal"],
)
def test_query_count_is_flat(client, forum, member, url, django_assert_max_num_queries):
    if url == "personal":
        url = personal_url(member(Level.PARTNERSKAP))
    bulk_events(forum, 10)
    small, response = count_queries(client, url)
    assert len(vevents(parse(response))) == 15
    bulk_events(forum, 990)
    large, response = count_queries(client, url)
    assert response.content.count(b"BEGIN:VEVENT") == 1500
    assert small == large
    # The forum or token, the fingerprint, the events, their overrides; for a
    # personal feed also the owner's permissions (a county administrator sees
    # every forum): two queries, once per request.
    personal = 2 if "personlig" in url else 0
    with django_assert_max_num_queries(4 + personal):
        response = client.get(url)
    # A calendar app that has this version already gets a 304 for less.
    with django_assert_max_num_queries(2 + personal):
        again = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


# Conditional GET: calendar apps poll; an unchanged feed is a 304


def etag_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response["ETag"]


def not_modified(client, url, etag):
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    if response.status_code == 304:
        assert response.content == b""
        assert response["ETag"] == etag
        return True
    assert response.status_code == 200
    return False


def test_an_unchanged_feed_is_not_sent_again(client, make_event):
    make_event(title="Forummöte")
    url = "/ical/forum/tia-skane.ics"
    etag = etag_of(client, url)
    assert not_modified(client, url, etag)
    assert client.get(url, HTTP_IF_NONE_MATCH=etag)["Cache-Control"] == (
        "public, max-age=300"
    )
    assert not not_modified(client, url, '"något annat"')


def test_every_change_to_the_feed_changes_its_etag(client, make_event):
    url = "/ical/kalender.ics"
    series = make_event(title="Veckomöte", rrule="FREQ=WEEKLY;BYDAY=TU")
    etag = etag_of(client, url)

    series.title = "Veckomöte (nytt namn)"
    series.save()
    assert not not_modified(client, url, etag)
    etag = etag_of(client, url)

    override = OccurrenceOverride.objects.create(
        event=series,
        original_start=series.occurrence_starts(series.start)[1],
        cancelled=True,
    )
    assert not not_modified(client, url, etag)
    etag = etag_of(client, url)

    # Deleting the change does not touch the event itself.
    OccurrenceOverride.objects.filter(pk=override.pk).delete()
    assert not not_modified(client, url, etag)
    etag = etag_of(client, url)

    other = make_event(title="Nytt möte")
    assert not not_modified(client, url, etag)
    etag = etag_of(client, url)
    other.delete()
    assert not not_modified(client, url, etag)


def test_a_personal_feed_changes_with_the_persons_level(client, mixed, member):
    user = member(Level.DIALOG)
    url = personal_url(user)
    etag = etag_of(client, url)
    assert not_modified(client, url, etag)
    participation = user.memberships.get().organisation.participations.get()
    participation.level = Level.SAMRAD
    participation.save()
    assert not not_modified(client, url, etag)
    assert "Dialog" not in summaries(parse(client.get(url)))


def test_event_links_do_not_follow_the_requesters_language(client, make_event):
    event = make_event()
    response = client.get("/ical/kalender.ics", HTTP_ACCEPT_LANGUAGE="en")
    (component,) = vevents(parse(response))
    assert str(component["URL"]) == f"http://testserver/kalender/{event.pk}/"


def test_a_built_feed_is_served_from_the_cache_until_it_changes(
    client, make_event, django_assert_max_num_queries
):
    event = make_event(title="Forummöte")
    url = "/ical/forum/tia-skane.ics"
    first = client.get(url)
    # No If-None-Match (a calendar app that does not send it): the cached
    # feed, in the forum lookup and the fingerprint only.
    with django_assert_max_num_queries(2):
        again = client.get(url)
    assert again.content == first.content
    event.title = "Forummöte, ny tid"
    event.save()
    assert "Forummöte, ny tid" in summaries(parse(client.get(url)))


def test_a_cached_personal_feed_never_reaches_another_person(
    client, mixed, member, monkeypatch
):
    """Even if two people's fingerprints matched, each gets their own feed."""
    from events import feeds

    monkeypatch.setattr(feeds, "_feed_etag", lambda *args: '"samma"')
    dialog, samrad = member(Level.DIALOG), member(Level.SAMRAD)
    assert "Dialog" in summaries(parse(client.get(personal_url(dialog))))
    assert "Dialog" not in summaries(parse(client.get(personal_url(samrad))))
