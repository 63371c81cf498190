"""Demo content for the member's desk: unread replies, draft minutes to review
and a closed consultation still waiting for feedback (``data/desk.json``)."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from core.factories import upsert
from events.factories import MinutesFactory
from events.models import Event, Minutes
from forum.factories import (
    ConsultationFactory,
    ConsultationQuestionFactory,
    ThreadFollowFactory,
)
from forum.models import Consultation, Forum, Thread, ThreadFollow, Visibility
from partners.models import Organisation
from website.demo.events import make_event
from website.demo.loader import load
from website.demo.partners import CONVENER, FORUM


def create_desk_content():
    """Create what is missing; return the number of rows created."""
    data = load("desk")
    forum = Forum.objects.get(slug=FORUM["slug"])
    users = {u.email: u for u in get_user_model().objects.all()}
    return (
        create_reads(forum, users, data["reads"])
        + create_draft_minutes(forum, users, data["draft_minutes"])
        + create_consultation(forum, users, data["consultation_without_feedback"])
    )


def create_reads(forum, users, reads):
    """Follows whose last visit was before the latest replies: unread on the desk."""
    now = timezone.now()
    created = 0
    for read in reads:
        thread = Thread.objects.get(forum=forum, title=read["thread"])
        follow, new = upsert(
            ThreadFollowFactory, {"thread": thread, "user": users[read["email"]]}
        )
        created += new
        if follow.last_read_at is None:
            # Only once: after the person opens the thread, a new seed keeps it.
            ThreadFollow.objects.filter(pk=follow.pk).update(
                last_read_at=now - timedelta(days=read["read_days_ago"])
            )
    return created


def create_draft_minutes(forum, users, spec):
    start = (timezone.now() - timedelta(days=spec["days_ago"])).replace(
        hour=13, minute=0, second=0, microsecond=0
    )
    event, created = make_event(
        forum,
        spec["title"],
        kind=Event.Kind.DIALOGUE_MEETING,
        visibility=Visibility.INFORMATION,
        venue=spec["venue"],
        organiser=Organisation.objects.get(slug="lansstyrelsen-skane"),
        start=start,
        end=start + timedelta(hours=2),
        description=spec["description"],
    )
    if not created:
        return 0
    minutes = MinutesFactory(
        event=event, status=Minutes.Status.DRAFT, summary=spec["summary"]
    )
    minutes.attending_people.set(users[email] for email in spec["attending"])
    return 1


def create_consultation(forum, users, spec):
    if Consultation.objects.filter(forum=forum, slug=spec["slug"]).exists():
        return 0
    now = timezone.now()
    consultation = ConsultationFactory(
        forum=forum,
        slug=spec["slug"],
        title=spec["title"],
        proposal=spec["proposal"],
        visibility=Visibility.SAMRAD,
        opens_at=now - timedelta(days=spec["opened_days_ago"]),
        deadline=now - timedelta(days=spec["closed_days_ago"]),
        published=True,
        created_by=users[CONVENER],
    )
    for position, text in enumerate(spec["questions"], start=1):
        ConsultationQuestionFactory(
            consultation=consultation, position=position, text=text
        )
    return 1
