"""The demo's audit log: sign-ins (one after a wrong password), a level raised
by the convener and the publication of the past meeting's minutes."""

import datetime

from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.utils import timezone

from core.audit.models import Action, AuditEntry
from events.models import Minutes
from forum.models import Level, Participation
from website.demo.loader import load

DATA = load("audit")


def at(days_ago, time):
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    hour, minute = map(int, time.split(":"))
    moment = datetime.datetime.combine(day, datetime.time(hour, minute))
    return timezone.make_aware(moment)


def write(action, when, ip, *, actor=None, **fields):
    request = RequestFactory().get("/", REMOTE_ADDR=ip)
    values = {
        "actor": actor,
        "request": request,
        "subject_user": None,
        "organisation": None,
        "forum": None,
        "obj": None,
        "details": {},
    } | fields
    AuditEntry.objects.create(**AuditEntry.fields_for(action, **values), when=when)


def create_audit_entries(forum):
    """Once: a database that has the demo's entries keeps them as they are."""
    addresses = [row["ip"] for row in DATA["sign_ins"]]
    if AuditEntry.objects.filter(ip_address__in=addresses).exists():
        return
    people = {user.email: user for user in get_user_model().objects.all()}
    for row in DATA["sign_ins"]:
        user = people.get(row["email"])
        if user is None:
            continue
        when = at(row["days_ago"], row["time"])
        if row.get("failed_first"):
            write(
                Action.SIGN_IN_FAILED,
                when - datetime.timedelta(minutes=1),
                row["ip"],
                details={"email": user.email},
            )
        write(Action.SIGNED_IN, when, row["ip"], actor=user, subject_user=user)
    change = DATA["level_change"]
    participation = (
        Participation.objects.filter(forum=forum, level__gt=Level.INFORMATION)
        .select_related("organisation", "forum")
        .first()
    )
    if participation:
        previous = participation.level - 1
        levels = [Level(previous).label, participation.get_level_display()]
        write(
            Action.LEVEL_RAISED,
            at(change["days_ago"], change["time"]),
            change["ip"],
            actor=people.get(change["by"]),
            organisation=participation.organisation,
            forum=forum,
            obj=participation,
            details={
                "previous": previous,
                "level": participation.level,
                "levels": " → ".join(str(label) for label in levels),
                "note": change["note"],
            },
        )
    publication = DATA["minutes_publication"]
    minutes = (
        Minutes.objects.published()
        .filter(event__forum=forum, published_at__isnull=False)
        .select_related("event__forum")
        .first()
    )
    if minutes:
        write(
            Action.MINUTES_PUBLISHED,
            minutes.published_at,
            publication["ip"],
            actor=people.get(publication["by"]),
            forum=forum,
            obj=minutes,
        )


def audit_summary():
    return f"{AuditEntry.objects.count()} poster i säkerhetsloggen."
