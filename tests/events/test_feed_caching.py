"""The feeds' cost and caching: query counts that do not grow, conditional GET
(ETag, 304) and the cache of built feeds.
"""

import datetime
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import Event, OccurrenceOverride
from forum.models import Level, Visibility
from tests.events.feed_helpers import (
    parse,
    personal_url,
    summaries,
    vevents,
)

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
