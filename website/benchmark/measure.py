"""Measure the key pages: queries per request, median and p95 server time, size.

Requests go through Django's test ``Client`` in the same process, so the time
is the server's own (URL resolving, middleware, views, templates, database),
without a network or a web server in front. Members are signed in with
``force_login``; the queries of every request are counted with
``CaptureQueriesContext``.
"""

import math
import statistics
import time
import warnings
from dataclasses import asdict, dataclass, field

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Count, Q
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import timezone

from core.geography.models import Municipality
from directory.models import Activity, DirectoryPage
from events.models import Event
from forum.models import (
    Consultation,
    ConsultationResponse,
    DelegatedTask,
    Forum,
    JointDecision,
    Level,
    Participation,
    Post,
    Thread,
)
from forum.second_factor import record_in_session
from knowledge.followup.models import TargetGroupFigure
from partners.models import ContactPerson, Membership, Organisation
from website.demo.partners import CONVENER, FORUM, LEVEL_LOGINS, SKANE

ANONYMOUS, MEMBER, CONVENER_ROLE = "anonymous", "member", "convener"
# Who each role is: the demo logins (website/demo/partners.py).
ROLE_LOGINS = {
    MEMBER: LEVEL_LOGINS[Level.PARTNERSKAP],  # Malmö stad
    CONVENER_ROLE: CONVENER,  # Länsstyrelsen Skåne, convener of the forum
}


@dataclass
class Target:
    name: str
    role: str
    url: str


@dataclass
class Result:
    name: str
    role: str
    url: str
    status: int | str
    ok: bool
    requests: int = 0
    queries: int | None = None
    queries_min: int | None = None
    queries_max: int | None = None
    median_ms: float | None = None
    p95_ms: float | None = None
    min_ms: float | None = None
    max_ms: float | None = None
    bytes: int | None = None
    error: str = ""


@dataclass
class Report:
    results: list = field(default_factory=list)
    row_counts: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)

    @property
    def failures(self):
        return [r for r in self.results if not r.ok] + self.problems

    def as_dict(self):
        return {
            "results": [asdict(r) for r in self.results],
            "row_counts": self.row_counts,
            "failures": [
                f if isinstance(f, str) else f"{f.name} ({f.role}): {f.status}"
                for f in self.failures
            ],
        }


def percentile(values, share):
    """Nearest-rank percentile: the smallest value with ``share`` at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def targets(forum_slug=FORUM["slug"]):
    """The key URLs, each with the role that asks: (targets, problems)."""
    found, problems = [], []

    def add(name, role, url_or_none, why=""):
        if url_or_none is None:
            problems.append(f"{name}: nothing to measure ({why})")
        else:
            found.append(Target(name, role, url_or_none))

    forum = Forum.objects.filter(slug=forum_slug).first()
    if forum is None:
        return [], [f"No forum {forum_slug!r}: run seed_demo first."]
    directory = DirectoryPage.live_localized()
    add("home", ANONYMOUS, "/")
    if directory is None:
        problems.append("No live directory page: run seed_demo first.")
    else:
        base = directory.get_url()
        add("activities", ANONYMOUS, base)
        malmo = Municipality.objects.filter(county__code=SKANE, name="Malmö").first()
        place = malmo or Municipality.objects.filter(county__code=SKANE).first()
        add(
            "activities kommun+sprak",
            ANONYMOUS,
            f"{base}?kommun={place.slug}&sprak=ar" if place else None,
            "no municipality",
        )
        activity = (
            Activity.objects.current()
            .annotate(languages=Count("instruction_languages"))
            .order_by("-languages", "slug")
            .first()
        )
        add(
            "activity page",
            ANONYMOUS,
            base
            + directory.reverse_subpage(
                "activity_detail", kwargs={"slug": activity.slug}
            )
            if activity
            else None,
            "no current activity",
        )
    calendar = reverse("events:calendar")
    add("calendar month", ANONYMOUS, calendar)
    add("calendar month", MEMBER, calendar)
    add(
        "forum calendar",
        MEMBER,
        reverse("events:forum_calendar", args=[forum.slug]),
    )
    add("feed public", ANONYMOUS, reverse("events_feed_public"))
    add("feed forum", ANONYMOUS, reverse("events_feed_forum", args=[forum.slug]))
    add(
        "partner directory",
        MEMBER,
        reverse("forum:partner_directory", args=[forum.slug]),
    )
    add("consultations", MEMBER, reverse("forum:consultations", args=[forum.slug]))
    consultation = (
        Consultation.objects.filter(forum=forum)
        .annotate(responses_count=Count("responses"))
        .order_by("-responses_count", "pk")
        .first()
    )
    add(
        "consultation page",
        CONVENER_ROLE,
        reverse("forum:consultation_detail", args=[forum.slug, consultation.pk])
        if consultation
        else None,
        "no consultation",
    )
    add("dialog threads", MEMBER, reverse("forum:threads", args=[forum.slug]))
    thread = (
        Thread.objects.filter(forum=forum)
        .annotate(posts_count=Count("posts"))
        .order_by("-posts_count", "pk")
        .first()
    )
    add(
        "long thread",
        MEMBER,
        reverse("forum:thread_detail", args=[forum.slug, thread.pk])
        if thread
        else None,
        "no thread",
    )
    if thread:
        # The last page of the longest thread: where a reply lands.
        add(
            "long thread, last page",
            MEMBER,
            reverse("forum:thread_detail", args=[forum.slug, thread.pk]) + "?sida=9999",
        )
    add("partnership", MEMBER, reverse("forum:partnership", args=[forum.slug]))
    add(
        "finished tasks",
        MEMBER,
        reverse("forum:task_archive", args=[forum.slug]),
    )
    add(
        "decided decisions",
        MEMBER,
        reverse("forum:decision_archive", args=[forum.slug]),
    )
    report = reverse("followup:report")
    add("situation report Skåne", ANONYMOUS, f"{report}?lan={SKANE}")
    add("situation report Skåne", CONVENER_ROLE, f"{report}?lan={SKANE}")
    add("situation report country", ANONYMOUS, report)
    add("situation report country", CONVENER_ROLE, report)
    return found, problems


def row_counts(forum_slug=FORUM["slug"]):
    """The sizes of the main tables, as measured against."""
    today = timezone.localdate()
    in_forum = Q(forum__slug=forum_slug)
    return {
        "activities (public directory)": Activity.objects.current(today).count(),
        "activities (all)": Activity.objects.count(),
        "organisations": Organisation.objects.count(),
        "participations": Participation.objects.filter(in_forum).count(),
        "contact persons": ContactPerson.objects.count(),
        "users": get_user_model().objects.count(),
        "memberships": Membership.objects.count(),
        "events": Event.objects.filter(in_forum).count(),
        "event series": Event.objects.filter(in_forum).exclude(rrule="").count(),
        "consultations": Consultation.objects.filter(in_forum).count(),
        "consultation responses": ConsultationResponse.objects.filter(
            consultation__forum__slug=forum_slug
        ).count(),
        "dialog threads": Thread.objects.filter(in_forum).count(),
        "dialog posts": Post.objects.filter(thread__forum__slug=forum_slug).count(),
        "delegated tasks": DelegatedTask.objects.filter(in_forum).count(),
        "joint decisions": JointDecision.objects.filter(in_forum).count(),
        "target-group figures": TargetGroupFigure.objects.count(),
    }


def body_size(response):
    if response.streaming:
        return sum(len(chunk) for chunk in response.streaming_content)
    return len(response.content)


def fetch(client, url):
    """(status, queries, seconds, bytes) of one GET; an exception is a failure."""
    # The connection keeps at most 9,000 queries; once full, CaptureQueriesContext
    # would count 0. Start every request from an empty log.
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        response = client.get(url)
        seconds = time.perf_counter() - start
    return response.status_code, len(queries), seconds, body_size(response)


def clients(roles):
    """A Client per role; members signed in. A missing login fails its URLs."""
    made = {ANONYMOUS: Client()}
    users = get_user_model().objects
    for role in set(roles) & set(ROLE_LOGINS):
        user = users.filter(email=ROLE_LOGINS[role], is_active=True).first()
        if user is None:
            continue
        made[role] = Client()
        made[role].force_login(user)
        # Conveners and staff have entered their second factor, as in real use.
        record_in_session(made[role].session, user)
    return made


def measure(requests=30, forum_slug=FORUM["slug"], progress=None):
    """Warm up each target once, then time ``requests`` GETs; return a Report."""
    report = Report(row_counts=row_counts(forum_slug))
    found, problems = targets(forum_slug)
    report.problems += problems
    # As in production: no debug pages; and the test client's host is allowed.
    with (
        override_settings(DEBUG=False, ALLOWED_HOSTS=["testserver"]),
        warnings.catch_warnings(),
    ):
        # WhiteNoise looks for collected static files, which pages do not need.
        warnings.filterwarnings("ignore", "No directory at", UserWarning)
        by_role = clients(target.role for target in found)
        try:
            for target in found:
                result = measure_one(by_role.get(target.role), target, requests)
                report.results.append(result)
                if progress:
                    progress(result)
        finally:
            for client in by_role.values():
                client.logout()  # the sessions force_login made
    return report


def measure_one(client, target, requests):
    result = Result(target.name, target.role, target.url, status="", ok=False)
    if client is None:
        email = ROLE_LOGINS.get(target.role)
        result.status = f"no login for {target.role}"
        result.error = f"no active user {email}: run seed_demo"
        return result
    try:
        status, *_ = fetch(client, target.url)  # warm-up: caches, lazy imports
        times, counts, size = [], [], 0
        for _ in range(requests):
            status, queries, seconds, size = fetch(client, target.url)
            if status != 200:
                break
            times.append(seconds * 1000)
            counts.append(queries)
    except Exception as error:  # a page that crashes is a failure, not the end
        result.status = "error"
        result.error = f"{type(error).__name__}: {error}"
        return result
    result.status = status
    result.ok = status == 200 and len(times) == requests
    if not times:
        return result
    result.requests = len(times)
    result.queries = round(statistics.median(counts))
    result.queries_min, result.queries_max = min(counts), max(counts)
    result.median_ms = round(statistics.median(times), 1)
    result.p95_ms = round(percentile(times, 0.95), 1)
    result.min_ms, result.max_ms = round(min(times), 1), round(max(times), 1)
    result.bytes = size
    return result


def table(report):
    """The results as a plain-text table, then the row counts."""
    headers = ["page", "role", "status", "queries", "median ms", "p95 ms", "kB", "url"]
    rows = []
    for r in report.results:
        queries = "" if r.queries is None else str(r.queries)
        if r.queries_min is not None and r.queries_min != r.queries_max:
            queries = f"{r.queries_min}–{r.queries_max}"
        rows.append(
            [
                r.name,
                r.role,
                str(r.status),
                queries,
                "" if r.median_ms is None else f"{r.median_ms:.1f}",
                "" if r.p95_ms is None else f"{r.p95_ms:.1f}",
                "" if r.bytes is None else f"{r.bytes / 1024:.1f}",
                r.url,
            ]
        )
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(8)]
    numeric = {2, 3, 4, 5, 6}

    def line(cells):
        return "  ".join(
            cell.rjust(widths[i]) if i in numeric else cell.ljust(widths[i])
            for i, cell in enumerate(cells)
        ).rstrip()

    lines = [line(headers), line(["-" * w for w in widths])]
    lines += [line(row) for row in rows]
    lines.append("")
    lines.append("Rows:")
    label_width = max(len(label) for label in report.row_counts)
    for label, count in report.row_counts.items():
        lines.append(f"  {label:<{label_width}}  {count:>7}")
    return "\n".join(lines)
