"""The workspace shows what needs attention; finished work goes to the archives."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from forum.models import DelegatedTask, JointDecision
from forum.partnership_views import ARCHIVE_PER_PAGE, RECENT_FINISHED
from tests.forum import test_partnership
from tests.forum.test_partnership import BASE, decision

setup = test_partnership.setup

TASKS = f"{BASE}arkiv/uppdrag/"
DECISIONS = f"{BASE}arkiv/beslut/"
PAGE_NAV = re.compile(
    r'<nav class="pagination[^"]*" aria-label="[^"]+">.*?</nav>', re.S
)
TZ = timezone.get_current_timezone()


def moment(year, month=6, day=15):
    return datetime.datetime(year, month, day, 12, tzinfo=TZ)


def years_ago(n):
    return timezone.localdate().year - n


def finished_tasks(setup, count, start=None, title="Klart"):
    """``count`` done tasks reported a day apart, the last one the newest."""
    start = start or moment(years_ago(2))
    return DelegatedTask.objects.bulk_create(
        DelegatedTask(
            forum=setup["forum"],
            title=f"{title}-{n:03}",
            assigned_to=setup["org_a"],
            status=DelegatedTask.Status.DONE,
            report="Rapport.",
            reported_at=start + datetime.timedelta(days=n),
        )
        for n in range(count)
    )


def unfinished_tasks(setup, count):
    """Open and in progress tasks, due from the day before yesterday on."""
    return DelegatedTask.objects.bulk_create(
        DelegatedTask(
            forum=setup["forum"],
            title=f"Att göra-{n:03}",
            assigned_to=setup["org_b"],
            status=DelegatedTask.Status.IN_PROGRESS if n % 2 else "open",
            due_date=timezone.localdate() + datetime.timedelta(days=n - 2),
        )
        for n in range(count)
    )


def decided(setup, count, start=None, title="Avgjort"):
    """``count`` adopted decisions decided a day apart, the last one the newest."""
    start = start or moment(years_ago(2))
    return JointDecision.objects.bulk_create(
        JointDecision(
            forum=setup["forum"],
            title=f"{title}-{n:03}",
            proposal="Förslag.",
            answer_by=start + datetime.timedelta(days=n - 7),
            outcome=JointDecision.Outcome.ADOPTED,
            decided_at=start + datetime.timedelta(days=n),
        )
        for n in range(count)
    )


def pending(setup, title, days):
    """A decision waiting for answers (or, when ``days`` < 0, for its outcome)."""
    item = decision(setup["forum"], days=days)
    item.title = title
    item.save()
    return item


def get(client, setup, url, who="member_a"):
    client.force_login(setup[who])
    response = client.get(url)
    assert response.status_code == 200, url
    return response, response.content.decode()


def titles(items):
    return [item.title for item in items]


def test_the_workspace_shows_every_unfinished_task_and_ten_finished(client, setup):
    unfinished_tasks(setup, 30)
    finished_tasks(setup, 25)
    cancelled = DelegatedTask.objects.create(
        forum=setup["forum"],
        title="Inställd kurs",
        assigned_to=setup["org_a"],
        status=DelegatedTask.Status.CANCELLED,
        due_date=datetime.date(years_ago(6), 1, 1),
        finished_at=moment(years_ago(6), 1, 1),
    )
    response, content = get(client, setup, BASE)
    assert len(response.context["tasks"]) == 30
    for n in range(30):
        assert f"Att göra-{n:03}" in content
    # Due yesterday and the day before, not done: marked late.
    assert content.count("Försenat") == 2
    # The ten most recently finished; the old cancelled task only in the archive.
    shown = [f"Klart-{n:03}" for n in range(24, 14, -1)]
    assert titles(response.context["finished_tasks"]) == shown
    assert RECENT_FINISHED == 10
    for n in range(15):
        assert f"Klart-{n:03}" not in content
    assert "Inställd kurs" not in content
    assert f'href="{TASKS}"' in content
    assert "Alla avslutade uppdrag (26)" in content
    _, archive = get(client, setup, TASKS)
    assert "Inställd kurs" in archive and "Klart-000" in archive
    assert f"/uppdrag/{cancelled.pk}/" in archive  # member_a may still update it


def test_no_archive_link_while_everything_finished_fits(client, setup):
    finished_tasks(setup, 10)
    decided(setup, 10)
    _, content = get(client, setup, BASE)
    assert "Klart-000" in content and "Avgjort-000" in content
    assert "Alla avslutade uppdrag" not in content
    assert "Alla avgjorda beslut" not in content


def test_the_workspace_shows_open_and_awaiting_decisions_and_ten_decided(client, setup):
    for n in range(12):
        pending(setup, f"Öppet-{n:03}", days=n + 1)
    awaiting = pending(setup, "Väntar på sammankallande", days=-1)
    decided(setup, 14)
    response, content = get(client, setup, BASE)
    for n in range(12):
        assert f"Öppet-{n:03}" in content
    assert response.context["awaiting_decisions"] == [awaiting]
    assert "Väntar på sammankallande" in content
    assert titles(response.context["decided_decisions"]) == [
        f"Avgjort-{n:03}" for n in range(13, 3, -1)
    ]
    assert "Avgjort-003" not in content
    assert f'href="{DECISIONS}"' in content
    assert "Alla avgjorda beslut (14)" in content
    # Only conveners are offered to record the outcome.
    assert f"{BASE}beslut/{awaiting.pk}/avgor/" not in content
    _, content = get(client, setup, BASE, "convener")
    assert f"{BASE}beslut/{awaiting.pk}/avgor/" in content


def test_the_task_archive_lists_finished_tasks_newest_first_in_pages(client, setup):
    finished_tasks(setup, 120)
    unfinished_tasks(setup, 3)
    response, content = get(client, setup, TASKS)
    page = response.context["page_obj"]
    assert ARCHIVE_PER_PAGE == 50
    assert page.paginator.count == 120 and page.paginator.num_pages == 3
    assert titles(page) == [f"Klart-{n:03}" for n in range(119, 69, -1)]
    assert "Att göra-000" not in content
    nav = PAGE_NAV.search(content).group()
    assert 'aria-current="page"' in nav and "Sida 1 av 3" in nav
    assert f'href="{TASKS}?sida=2" rel="next"' in nav
    response, content = get(client, setup, f"{TASKS}?sida=3")
    assert titles(response.context["page_obj"]) == [
        f"Klart-{n:03}" for n in range(19, -1, -1)
    ]
    nav = PAGE_NAV.search(content).group()
    assert f'href="{TASKS}?sida=2" rel="prev"' in nav and 'rel="next"' not in nav


def test_the_decision_archive_lists_decided_decisions_in_pages(client, setup):
    decided(setup, 60)
    pending(setup, "Fortfarande öppet", days=7)
    pending(setup, "Väntar på utfall", days=-1)
    response, content = get(client, setup, DECISIONS)
    page = response.context["page_obj"]
    assert page.paginator.count == 60
    assert titles(page) == [f"Avgjort-{n:03}" for n in range(59, 9, -1)]
    assert "Fortfarande öppet" not in content and "Väntar på utfall" not in content
    assert f'href="{DECISIONS}?sida=2" rel="next"' in PAGE_NAV.search(content).group()
    response, _ = get(client, setup, f"{DECISIONS}?sida=2")
    assert titles(response.context["page_obj"]) == [
        f"Avgjort-{n:03}" for n in range(9, -1, -1)
    ]


def test_the_archives_filter_by_year(client, setup):
    year = years_ago(1)  # a whole year, all of it past
    finished_tasks(setup, 60, start=moment(year - 1, 1, 1), title="Ifjol")
    finished_tasks(setup, 3, start=moment(year), title="Iår")
    # Without a report: the day it was cancelled places it in a year.
    DelegatedTask.objects.create(
        forum=setup["forum"],
        title="Avbrutet utan rapport",
        assigned_to=setup["org_a"],
        status=DelegatedTask.Status.CANCELLED,
        due_date=datetime.date(year + 1, 3, 1),
        finished_at=moment(year, 3, 1),
    )
    response, content = get(client, setup, f"{TASKS}?ar={year}")
    assert response.context["year"] == year
    assert titles(response.context["page_obj"]) == [
        "Iår-002",
        "Iår-001",
        "Iår-000",
        "Avbrutet utan rapport",
    ]
    assert "Ifjol-" not in content
    assert f'href="{TASKS}?ar={year - 1}"' in content
    assert f'href="{TASKS}">Alla år' in content
    assert f'<span aria-current="page">{year}</span>' in content
    # The year stays in the page links.
    _, content = get(client, setup, f"{TASKS}?ar={year - 1}")
    assert f'href="{TASKS}?ar={year - 1}&amp;sida=2" rel="next"' in content
    response, _ = get(client, setup, f"{TASKS}?ar={year - 1}&sida=2")
    assert titles(response.context["page_obj"]) == [
        f"Ifjol-{n:03}" for n in range(9, -1, -1)
    ]
    # A year without anything.
    empty = year - 5
    response, content = get(client, setup, f"{TASKS}?ar={empty}")
    assert not response.context["page_obj"].object_list
    assert f"Inga uppdrag avslutades {empty}." in content

    decided(setup, 2, start=moment(year - 2), title="Gammalt")
    decided(setup, 2, start=moment(year), title="Nytt")
    response, content = get(client, setup, f"{DECISIONS}?ar={year - 2}")
    assert titles(response.context["page_obj"]) == ["Gammalt-001", "Gammalt-000"]
    assert "Nytt-" not in content


@pytest.mark.parametrize("url", [TASKS, DECISIONS])
def test_bad_page_and_year_never_fail(client, setup, url):
    finished_tasks(setup, 60)
    decided(setup, 60)
    for sida in ["abc", "0", "-1", "1.5", "999999", "9" * 40, "", "%00", "2"]:
        response, content = get(client, setup, f"{url}?sida={sida}")
        assert response.context["page_obj"].number in (1, 2), sida
        if sida not in ("", "2"):
            assert "Sidnumret finns inte och användes inte" in content, sida
    for ar in ["abc", "20244", "0000", "-2024", "2024x", "２０２４", "9" * 40]:
        response, content = get(client, setup, f"{url}?ar={ar}")
        assert response.context["year"] is None, ar
        assert response.context["paginator"].count == 60, ar
        assert "Året ska skrivas med fyra siffror" in content, ar
    for query in ["?ar=&sida=", "?ar=2024&sida=x", "?ar=x&sida=99", "?ar=1&ar=2"]:
        get(client, setup, f"{url}{query}")
    _, content = get(client, setup, f"{url}?ar=2024")
    assert "Året ska skrivas" not in content and "Sidnumret finns inte" not in content


@pytest.mark.parametrize("url", [TASKS, DECISIONS])
def test_the_archives_answer_everyone_as_the_workspace_does(client, setup, url):
    finished_tasks(setup, 2)
    decided(setup, 2)
    assert client.get(url).status_code == 302
    assert client.get(url)["Location"].startswith("/accounts/login/")
    for who, expected in [
        ("member_a", 200),
        ("member_b", 200),
        ("convener", 200),
        ("dialog", 403),  # below Partnerskap
        ("outsider", 403),
    ]:
        client.force_login(setup[who])
        assert client.get(BASE).status_code == expected, who
        assert client.get(url).status_code == expected, (url, who)
    assert client.get("/forum/finns-inte/partnerskap/arkiv/beslut/").status_code == 404


def fill(setup, count):
    """``count`` unfinished and ``count`` finished tasks, open and decided decisions."""
    for model in (DelegatedTask, JointDecision):
        model.objects.filter(forum=setup["forum"]).delete()
    unfinished_tasks(setup, count)
    finished_tasks(setup, count)
    decided(setup, count)
    for n in range(count):
        decision(setup["forum"], days=n + 1)
    decision(setup["forum"], days=-1)


def queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("who", ["member_a", "convener"])
def test_query_counts_do_not_grow_with_the_years(client, setup, who):
    client.force_login(setup[who])
    year = years_ago(2)  # the year finished_tasks() puts them in
    urls = [BASE, TASKS, f"{TASKS}?ar={year}&sida=2", DECISIONS, f"{DECISIONS}?sida=2"]
    fill(setup, 5)
    client.get(BASE)  # the first request creates the site settings
    small = [queries(client, url) for url in urls]
    fill(setup, 200)
    assert [queries(client, url) for url in urls] == small


@pytest.mark.parametrize("count", [5, 200])
@pytest.mark.parametrize(
    "url, most",
    [
        # Session, user, site chrome (about 11, 3 more for the site settings
        # the first request creates) and the workspace's own 12 queries.
        (BASE, 23),
        # The archive's own: access (3), years, count, page, and for tasks who
        # may update them (2).
        (TASKS, 19),
        (DECISIONS, 17),
    ],
)
def test_pinned_query_counts(
    client, setup, count, url, most, django_assert_max_num_queries
):
    fill(setup, count)
    client.force_login(setup["member_a"])
    with django_assert_max_num_queries(most):
        response = client.get(url)
    assert response.status_code == 200


def test_a_task_is_dated_by_when_it_was_finished(client, setup):
    """Marked done today: first in the archive, whatever its due date or report."""
    finished_tasks(setup, 3, start=timezone.now() - datetime.timedelta(days=30))
    late = DelegatedTask.objects.create(
        forum=setup["forum"],
        title="Sent avslutat",
        assigned_to=setup["org_a"],
        due_date=datetime.date(years_ago(1), 3, 1),
    )
    assert late.finished_at is None
    client.force_login(setup["member_a"])
    url = f"{BASE}uppdrag/{late.pk}/"
    client.post(url, {"status": "done", "report": ""})
    late.refresh_from_db()
    assert late.finished_at is not None
    assert timezone.now() - late.finished_at < datetime.timedelta(minutes=1)

    page = client.get(TASKS).content.decode()
    assert page.index("Sent avslutat") < page.index("Klart-002")
    year = timezone.localdate().year
    assert "Sent avslutat" in client.get(f"{TASKS}?ar={year}").content.decode()
    due_year = f"{TASKS}?ar={years_ago(1)}"
    assert "Sent avslutat" not in client.get(due_year).content.decode()

    # Reopened, it leaves the archive and loses its date.
    client.post(url, {"status": "in_progress", "report": ""})
    late.refresh_from_db()
    assert late.finished_at is None
    assert "Sent avslutat" not in client.get(TASKS).content.decode()
