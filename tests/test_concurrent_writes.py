"""Many people writing at once, through a real server, on the suite's database.

The review saw 16 people answering one meeting at once get 13-14 answers of
500 "database is locked" on SQLite, and 20 saves of one consultation response
get 6. Here each person is a thread with a session of their own, against the
live server (one thread and database connection per request, as app servers
have them): no server errors, every write accounted for, the capacity held and
one version per successful save. The suite runs on SQLite and on PostgreSQL,
so this test does too.
"""

import datetime
import http.cookiejar
import threading
import urllib.error
import urllib.parse
import urllib.request

from django.test import Client
from django.utils import timezone

from events.calendar import occurrence_key
from events.models import RSVP, Event
from forum.models import (
    Consultation,
    ConsultationQuestion,
    ConsultationResponse,
    Level,
    ResponseVersion,
    Visibility,
)
from tests.factories import (
    ForumFactory,
    MembershipFactory,
    OrganisationFactory,
    ParticipationFactory,
)


class Person:
    """One browser: its own cookies (session and CSRF) against the live server."""

    def __init__(self, live_server, user):
        self.base = live_server.url
        client = Client()
        client.force_login(user)
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar),
            NoRedirects(),
        )
        self.session = client.cookies["sessionid"].value
        self.headers = {"Cookie": f"sessionid={self.session}"}

    def get(self, path):
        request = urllib.request.Request(self.base + path, headers=self.headers)
        return self._open(request)

    def csrf_token(self, path):
        # Any page that renders a form sets the cookie; the token is in it.
        status = self.get(path)
        assert status == 200, (path, status)
        return next(c.value for c in self.jar if c.name == "csrftoken")

    def _open(self, request):
        try:
            with self.opener.open(request, timeout=60) as response:
                response.read()
                return response.status
        except urllib.error.HTTPError as error:
            error.read()
            return error.code


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def all_at_once(people, action):
    """Run ``action(person)`` in one thread each, released together."""
    barrier = threading.Barrier(len(people))
    statuses = [None] * len(people)

    def run(index, person):
        prepared = action(person)
        barrier.wait(timeout=60)
        statuses[index] = prepared()

    threads = [
        threading.Thread(target=run, args=(i, person))
        for i, person in enumerate(people)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return statuses


def member_of(forum, level):
    participation = ParticipationFactory(forum=forum, level=level)
    return MembershipFactory(organisation=participation.organisation).user


def test_sixteen_people_answer_one_meeting_at_once(live_server, transactional_db):
    forum = ForumFactory()
    start = timezone.localtime().replace(microsecond=0) + datetime.timedelta(days=7)
    meeting = Event.objects.create(
        forum=forum,
        title="Nätverksträff",
        kind=Event.Kind.NETWORK_MEETING,
        visibility=Visibility.INFORMATION,
        start=start,
        end=start + datetime.timedelta(hours=2),
        capacity=10,
    )
    people = [
        Person(live_server, member_of(forum, Level.INFORMATION)) for _ in range(16)
    ]
    path = f"/kalender/{meeting.pk}/svar/"
    data = {"occurrence": occurrence_key(start), "answer": "going"}

    def answer(person):
        token = person.csrf_token(f"/kalender/{meeting.pk}/")
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        cookie = f"sessionid={person.session}; csrftoken={token}"
        request = urllib.request.Request(
            live_server.url + path, body, {"Cookie": cookie}
        )
        return lambda: person._open(request)

    statuses = all_at_once(people, answer)

    assert statuses == [302] * 16, statuses
    answers = RSVP.objects.filter(event=meeting, answer=RSVP.Answer.GOING)
    assert answers.count() == 16
    assert answers.filter(waitlisted=False).count() == 10
    assert answers.filter(waitlisted=True).count() == 6


def test_twenty_saves_of_one_response_at_once(live_server, transactional_db):
    forum = ForumFactory()
    organisation = OrganisationFactory()
    ParticipationFactory(forum=forum, organisation=organisation, level=Level.SAMRAD)
    now = timezone.now()
    consultation = Consultation.objects.create(
        forum=forum,
        title="Samråd om handlingsplanen",
        slug="handlingsplanen",
        proposal="<p>Förslaget.</p>",
        opens_at=now - datetime.timedelta(days=1),
        deadline=now + datetime.timedelta(days=14),
        published=True,
    )
    consultation.invited.add(organisation)
    question = ConsultationQuestion.objects.create(
        consultation=consultation, position=0, text="Vad tycker ni?"
    )
    writers = [MembershipFactory(organisation=organisation).user for _ in range(20)]
    people = [Person(live_server, user) for user in writers]
    path = f"/forum/{forum.slug}/samrad/{consultation.pk}/svar/"

    def save(person):
        # Everybody opened the empty form (version 0) and saves their text.
        token = person.csrf_token(path)
        body = urllib.parse.urlencode(
            {
                "version": 0,
                "general_comment": "",
                f"answer_{question.pk}": f"Svar från {person.session[:6]}",
                "csrfmiddlewaretoken": token,
            }
        ).encode()
        cookie = f"sessionid={person.session}; csrftoken={token}"
        request = urllib.request.Request(
            live_server.url + path, body, {"Cookie": cookie}
        )
        return lambda: person._open(request)

    statuses = all_at_once(people, save)

    assert all(status in (302, 409) for status in statuses), statuses
    saved = statuses.count(302)
    # The first save wins; everyone else is told somebody saved meanwhile.
    assert saved == 1
    response = ConsultationResponse.objects.get(consultation=consultation)
    assert response.version == saved
    assert ResponseVersion.objects.filter(response=response).count() == saved
