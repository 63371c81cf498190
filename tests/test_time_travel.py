"""What depends on today still holds a year and two years from now.

The suite computes its dates from the clock or freezes it (``tests/dates.py``);
no test writes a future year. These tests travel with time-machine to show
that what people see as "now" follows the clock, not a date written into the
code, the demo data or the tests.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from time_machine import escape_hatch
from wagtail.models import Page

from core.geography.models import Municipality
from directory.models import Activity, DirectoryPage, Language
from events.models import Event
from forum.models import (
    Consultation,
    ConsultationQuestion,
    ConsultationResponse,
    Level,
    LevelChange,
    Visibility,
)
from tests.dates import at, today
from tests.factories import ForumFactory, MembershipFactory, ParticipationFactory

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture(params=[365, 730], ids=["a-year-ahead", "two-years-ahead"])
def ahead(request, time_machine):
    """The clock moved ``days`` ahead of the machine's, and running on from there."""
    days = datetime.timedelta(days=request.param)
    time_machine.move_to(timezone.now() + days, tick=True)
    machine_now = escape_hatch.datetime.datetime.now(datetime.UTC)
    assert abs(timezone.now() - machine_now - days) < datetime.timedelta(minutes=1)
    return days


def test_the_calendar_opens_on_this_month_and_lists_what_is_coming(client, ahead):
    forum = ForumFactory(slug="tia-skane")
    now = timezone.now()
    for title, start in [("Snart", now + 3 * DAY), ("Förbi", now - 3 * DAY)]:
        Event.objects.create(
            forum=forum,
            kind=Event.Kind.NETWORK_MEETING,
            title=title,
            visibility=Visibility.PUBLIC,
            start=start,
            end=start + datetime.timedelta(hours=2),
        )
    weekly_start = at(today() - 10 * 7 * DAY, 17)
    series = Event.objects.create(
        forum=forum,
        kind=Event.Kind.COORDINATORS_MEETING,
        title="Veckomöte",
        visibility=Visibility.PUBLIC,
        start=weekly_start,
        end=weekly_start + datetime.timedelta(hours=2),
        rrule="FREQ=WEEKLY",
    )

    month = BeautifulSoup(client.get("/kalender/").content, "html.parser")
    (marked,) = month.select('td[aria-current="date"]')
    assert marked.find("time")["datetime"] == today().isoformat()
    listing = client.get("/kalender/?visa=lista").content.decode()
    assert "Snart" in listing and "Förbi" not in listing

    detail = BeautifulSoup(client.get(f"/kalender/{series.pk}/").content, "html.parser")
    first = detail.select(".occurrence-list time")[0]["datetime"]
    next_start = datetime.datetime.fromisoformat(first)
    assert next_start + datetime.timedelta(hours=2) > now  # not over yet
    assert next_start <= now + 7 * DAY


def test_an_open_consultation_takes_responses_until_its_deadline(
    client, ahead, time_machine
):
    forum = ForumFactory(slug="tia-skane")
    organisation = ParticipationFactory(forum=forum, level=Level.SAMRAD).organisation
    client.force_login(MembershipFactory(organisation=organisation).user)
    now = timezone.now()
    # It has taken part for a year, so it is invited to what opened yesterday.
    LevelChange.objects.update(changed_at=now - 365 * DAY)
    consultation = Consultation.objects.create(
        forum=forum,
        title="Handlingsplan",
        slug="handlingsplan",
        proposal="<p>Förslaget.</p>",
        opens_at=now - DAY,
        deadline=now + 2 * DAY,
        published=True,
    )
    question = ConsultationQuestion.objects.create(
        consultation=consultation, position=0, text="Vad tycker ni?"
    )
    url = f"/forum/tia-skane/samrad/{consultation.pk}/svar/"
    data = {"version": 0, "general_comment": "", f"answer_{question.pk}": "Bra."}

    assert list(Consultation.objects.open()) == [consultation]
    assert client.post(url, data).status_code == 302
    assert ConsultationResponse.objects.get().organisation == organisation

    time_machine.shift(3 * DAY)
    assert not Consultation.objects.open().exists()
    refused = client.post(url, data | {"version": 1})
    assert refused.status_code == 403
    assert "Sista dag för svar har passerat" in refused.content.decode()
    assert ConsultationResponse.objects.get().version == 1


def test_the_directory_lists_what_runs_now(client, ahead):
    home = Page.objects.get(depth=2, locale__language_code="sv").specific
    page = home.add_child(
        instance=DirectoryPage(title="Aktiviteter", slug="aktiviteter")
    )
    page.save_revision().publish()
    organisation = MembershipFactory().organisation
    for slug, title, start, end in [
        ("pagar", "Pågår", today() - 30 * DAY, today() + 30 * DAY),
        ("slutade", "Slutade igår", today() - 60 * DAY, today() - DAY),
    ]:
        activity = Activity.objects.create(
            organisation=organisation,
            title=title,
            slug=slug,
            summary="Vi ses.",
            category=Activity.Category.SWEDISH,
            municipality=Municipality.objects.get(slug="malmoe"),
            start_date=start,
            end_date=end,
            start_time=datetime.time(17),
            end_time=datetime.time(19),
            rrule="FREQ=WEEKLY",
            status=Activity.Status.PUBLISHED,
            published_at=timezone.now(),
        )
        activity.instruction_languages.add(Language.objects.get(code="sv"))
    listed = client.get("/aktiviteter/").context["activities"]
    assert [activity.title for activity in listed] == ["Pågår"]
    assert today() <= listed[0].next_session < today() + 7 * DAY
