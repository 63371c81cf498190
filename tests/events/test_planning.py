"""Conveners plan meetings on the site: repetition in words, holidays, checks."""

import datetime

import pytest
import recurring_ical_events
from bs4 import BeautifulSoup
from icalendar import Calendar

from events.models import Event
from events.planning import (
    Ending,
    Repeat,
    build_rule,
    public_holidays,
    rule_choices,
)
from forum.models import Level, Visibility
from tests.dates import today
from tests.factories import (
    ForumFactory,
    MembershipFactory,
    ParticipationFactory,
)

THURSDAY = 3


@pytest.fixture
def forum(db):
    return ForumFactory(slug="tia-skane", name="TIA Skåne")


def member(forum, level=Level.PARTNERSKAP):
    participation = ParticipationFactory(forum=forum, level=level)
    return MembershipFactory(organisation=participation.organisation).user


def first_weekdays(weekday, start, months):
    """The first ``weekday`` of each month, from ``start`` on, ``months`` of them."""
    found = []
    year, month = start.year, start.month
    while len(found) < months:
        day = datetime.date(year, month, 1)
        day += datetime.timedelta(days=(weekday - day.weekday()) % 7)
        if day >= start:
            found.append(day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def form_data(**changes):
    data = {
        "title": "Samordnarmöte",
        "kind": Event.Kind.COORDINATORS_MEETING,
        "visibility": Visibility.PUBLIC,
        "start_date": (today() + datetime.timedelta(days=1)).isoformat(),
        "start_time": "13:00",
        "end_time": "15:00",
        "repeat": Repeat.NONE,
        "ending": Ending.NEVER,
        "venue": "Länsstyrelsen, Malmö",
        "description": "<p>Läget i delregionerna.</p><script>alert(1)</script>",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def plan_url(forum):
    return f"/forum/{forum.slug}/kalender/planera/"


def errors_of(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(e.get_text(" ") for e in soup.select(".field__errors, .notice"))


def test_a_monthly_meeting_with_an_exception_is_in_the_calendar_and_the_feed(
    client, forum, convener
):
    start = today() + datetime.timedelta(days=1)
    thursdays = first_weekdays(THURSDAY, start, 6)
    cancelled = thursdays[2]
    client.force_login(convener)
    response = client.post(
        plan_url(forum),
        form_data(
            start_date=start.isoformat(),
            repeat=Repeat.MONTHLY_WEEKDAY,
            position="1",
            month_weekday=str(THURSDAY),
            ending=Ending.COUNT,
            count="6",
            exception_dates=cancelled.isoformat(),
        ),
    )
    event = Event.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"/kalender/{event.pk}/")
    assert event.forum == forum
    assert event.rrule == "FREQ=MONTHLY;BYDAY=1TH;COUNT=6"
    assert event.exdates == [cancelled.isoformat()]
    assert "<script>" not in event.description
    # The series starts on its first occurrence, the first Thursday.
    assert event.local_start.date() == thursdays[0]
    assert event.local_start.time() == datetime.time(13)
    expected = [day for day in thursdays if day != cancelled]

    # The forum's calendar, month by month.
    in_calendar = []
    for day in thursdays:
        page = client.get(
            f"/forum/{forum.slug}/kalender/", {"manad": f"{day:%Y-%m}"}
        ).content
        soup = BeautifulSoup(page, "html.parser")
        for cell in soup.select(
            "table.calendar-month td:not(.calendar-day--other-month)"
        ):
            if "Samordnarmöte" in cell.get_text():
                in_calendar.append(datetime.date.fromisoformat(cell.time["datetime"]))
    assert sorted(set(in_calendar)) == expected

    # The forum's feed says the same.
    feed = Calendar.from_ical(client.get(f"/ical/forum/{forum.slug}.ics").content)
    occurrences = recurring_ical_events.of(feed).between(
        start, thursdays[-1] + datetime.timedelta(days=40)
    )
    assert sorted(o["DTSTART"].dt.date() for o in occurrences) == expected

    # The event page names the skipped date.
    page = client.get(f"/kalender/{event.pk}/").content.decode()
    assert "Datum då mötet inte blir av" in page
    assert cancelled.isoformat() in page


def test_the_calendar_and_the_event_page_link_to_planning_for_conveners_only(
    client, forum, convener
):
    event = Event.objects.create(
        forum=forum,
        kind=Event.Kind.FORUM_MEETING,
        title="Forummöte",
        visibility=Visibility.PUBLIC,
        start=datetime.datetime.combine(
            today() + datetime.timedelta(days=3), datetime.time(10)
        ).astimezone(),
        end=datetime.datetime.combine(
            today() + datetime.timedelta(days=3), datetime.time(12)
        ).astimezone(),
    )
    client.force_login(convener)
    assert (
        plan_url(forum) in client.get(f"/forum/{forum.slug}/kalender/").content.decode()
    )
    page = client.get(f"/kalender/{event.pk}/").content.decode()
    assert f"/kalender/{event.pk}/andra/" in page
    client.force_login(member(forum))
    assert (
        plan_url(forum)
        not in client.get(f"/forum/{forum.slug}/kalender/").content.decode()
    )
    assert (
        f"/kalender/{event.pk}/andra/"
        not in client.get(f"/kalender/{event.pk}/").content.decode()
    )


def test_a_member_who_is_not_a_convener_may_not_plan(client, forum, convener):
    client.force_login(member(forum))
    assert client.get(plan_url(forum)).status_code == 403
    assert client.post(plan_url(forum), form_data()).status_code == 403
    assert not Event.objects.exists()


def test_skipping_holidays_leaves_out_the_public_holidays_and_not_sundays(
    client, forum, convener
):
    # A weekly series on every day of the week for a year meets every holiday.
    start = today() + datetime.timedelta(days=1)
    until = start + datetime.timedelta(days=365)
    client.force_login(convener)
    response = client.post(
        plan_url(forum),
        form_data(
            start_date=start.isoformat(),
            repeat=Repeat.WEEKLY,
            weekdays=[str(n) for n in range(7)],
            ending=Ending.UNTIL,
            until=until.isoformat(),
            skip_holidays="on",
        ),
    )
    assert response.status_code == 302
    event = Event.objects.get()
    holidays = public_holidays(start, until)
    # Christmas Day, New Year's Day and National Day are in every year's span.
    assert {"Juldagen", "Nyårsdagen", "Nationaldagen"} <= set(holidays.values())
    assert "Söndag" not in holidays.values()
    assert 9 <= len(holidays) <= 15
    assert event.skip_holidays
    assert sorted(event.exdates) == sorted(d.isoformat() for d in holidays)
    page = client.get(f"/kalender/{event.pk}/").content.decode()
    assert "Juldagen" in page

    # Editing shows the convener's own dates only; the holidays stay skipped.
    form = client.get(f"/kalender/{event.pk}/andra/").content.decode()
    soup = BeautifulSoup(form, "html.parser")
    assert soup.select_one("#id_exception_dates").get_text().strip() == ""
    assert soup.select_one("#id_skip_holidays").has_attr("checked")


def test_editing_shows_the_rule_in_words_and_saves(client, forum, convener):
    client.force_login(convener)
    client.post(
        plan_url(forum),
        form_data(repeat=Repeat.BIWEEKLY, weekdays=["1", "3"]),
    )
    event = Event.objects.get()
    assert event.rrule == "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH"
    soup = BeautifulSoup(
        client.get(f"/kalender/{event.pk}/andra/").content, "html.parser"
    )
    assert soup.select_one("#id_repeat option[selected]")["value"] == Repeat.BIWEEKLY
    checked = [i["value"] for i in soup.select("input[name=weekdays][checked]")]
    assert checked == ["1", "3"]
    version = soup.select_one("input[name=version]")["value"]
    data = form_data(
        title="Samordnarmöte (nytt namn)",
        start_date=event.local_start.date().isoformat(),
        repeat=Repeat.BIWEEKLY,
        weekdays=["1", "3"],
        version=version,
    )
    response = client.post(f"/kalender/{event.pk}/andra/", data)
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Samordnarmöte (nytt namn)"
    assert "<script>" not in event.description

    # The same form sent again is from an older version: refused, nothing lost.
    data["title"] = "Ett annat namn"
    response = client.post(f"/kalender/{event.pk}/andra/", data)
    assert response.status_code == 200
    assert "Någon annan har ändrat mötet" in errors_of(response)
    event.refresh_from_db()
    assert event.title == "Samordnarmöte (nytt namn)"


def test_a_rule_the_words_cannot_say_is_shown_and_kept(client, forum, convener):
    start = datetime.datetime.combine(
        today() + datetime.timedelta(days=2), datetime.time(9)
    ).astimezone()
    event = Event.objects.create(
        forum=forum,
        kind=Event.Kind.TRAINING,
        title="Utbildning",
        start=start,
        end=start + datetime.timedelta(hours=1),
        rrule="FREQ=DAILY;INTERVAL=3",
    )
    client.force_login(convener)
    page = client.get(f"/kalender/{event.pk}/andra/").content.decode()
    assert "FREQ=DAILY;INTERVAL=3" in page
    soup = BeautifulSoup(page, "html.parser")
    assert soup.select_one("#id_repeat option[selected]")["value"] == Repeat.KEEP
    response = client.post(
        f"/kalender/{event.pk}/andra/",
        form_data(
            title="Utbildning, dag",
            start_date=start.date().isoformat(),
            start_time="09:00",
            end_time="10:00",
            repeat=Repeat.KEEP,
            version=str(event.sequence),
        ),
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.rrule == "FREQ=DAILY;INTERVAL=3"
    assert event.title == "Utbildning, dag"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"end_time": "12:00"}, "Mötet måste sluta efter att det börjar."),
        (
            {
                "repeat": Repeat.WEEKLY,
                "weekdays": ["0"],
                "ending": Ending.UNTIL,
                "until": today().isoformat(),
            },
            "Det sista datumet kan inte vara före mötets första datum.",
        ),
        (
            {
                "repeat": Repeat.WEEKLY,
                "weekdays": ["0"],
                "ending": Ending.COUNT,
                "count": "501",
            },
            "Serien får ha högst 500 tillfällen.",
        ),
        (
            {
                "repeat": Repeat.WEEKLY,
                "weekdays": [str(n) for n in range(7)],
                "ending": Ending.UNTIL,
                "until": (today() + datetime.timedelta(days=900)).isoformat(),
            },
            "Serien får ha högst 500 tillfällen.",
        ),
        ({"capacity": "-3"}, "Antalet platser kan inte vara negativt."),
        ({"repeat": Repeat.WEEKLY}, "Välj minst en veckodag."),
        ({"repeat": Repeat.MONTHLY_WEEKDAY}, "Välj vilken veckodag i månaden."),
        ({"repeat": Repeat.MONTHLY_DAY, "month_day": "32"}, "31"),
        ({"exception_dates": "nästa tisdag"}, "Skriv datumen som ÅÅÅÅ-MM-DD."),
        (
            {"exception_dates": today().isoformat()},
            "Ett möte som inte upprepas har inga tillfällen att ställa in.",
        ),
        (
            {
                "repeat": Repeat.MONTHLY_DAY,
                "month_day": "15",
                "exception_dates": (today() + datetime.timedelta(days=400))
                .replace(day=16)
                .isoformat(),
            },
            "Mötet har inget tillfälle de här datumen",
        ),
        ({"start_time": "", "end_time": ""}, "Skriv när mötet börjar"),
        ({"start_date": "2-30"}, "Fyll i ett giltigt datum."),
        ({"repeat": "yearly"}, "Välj ett giltigt alternativ."),
    ],
)
def test_bad_input_gets_messages_in_swedish(client, forum, convener, changes, message):
    client.force_login(convener)
    response = client.post(plan_url(forum), form_data(**changes))
    assert response.status_code == 200
    assert message in errors_of(response)
    assert not Event.objects.exists()


def test_rules_in_words_read_back():
    until = today() + datetime.timedelta(days=90)
    cases = [
        {"repeat": Repeat.WEEKLY, "weekdays": [0, 4], "ending": Ending.NEVER},
        {
            "repeat": Repeat.BIWEEKLY,
            "weekdays": [2],
            "ending": Ending.COUNT,
            "count": 8,
        },
        {
            "repeat": Repeat.MONTHLY_WEEKDAY,
            "position": -1,
            "month_weekday": 1,
            "ending": Ending.UNTIL,
            "until": until,
        },
        {"repeat": Repeat.MONTHLY_DAY, "month_day": 15, "ending": Ending.NEVER},
    ]
    for words in cases:
        rule = build_rule(
            words["repeat"],
            weekdays=words.get("weekdays", ()),
            position=words.get("position"),
            weekday=words.get("month_weekday"),
            month_day=words.get("month_day"),
            ending=words["ending"],
            count=words.get("count"),
            until=words.get("until"),
        )
        assert rule_choices(rule) == words
    assert rule_choices("FREQ=YEARLY;BYMONTH=3") is None
    assert rule_choices("FREQ=MONTHLY;BYDAY=5FR") is None


def test_a_meeting_on_a_day_of_the_month_says_so_on_its_page(client, forum, convener):
    client.force_login(convener)
    client.post(
        plan_url(forum),
        form_data(
            repeat=Repeat.MONTHLY_DAY,
            month_day="15",
            ending=Ending.COUNT,
            count="3",
        ),
    )
    event = Event.objects.get()
    assert event.rrule == "FREQ=MONTHLY;BYMONTHDAY=15;COUNT=3"
    assert event.local_start.day == 15
    page = client.get(f"/kalender/{event.pk}/").content.decode()
    assert "Varje månad, dag 15" in page
