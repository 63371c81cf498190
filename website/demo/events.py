"""Demo calendar: the forum's meetings, public events, agendas, minutes and RSVPs.

Dates are relative to today, times are Stockholm wall-clock time. Events are
matched on title and forum, and everything that hangs on an event (agenda,
proposals, minutes, RSVPs, overrides) is only made together with a new event,
so running the seed again creates nothing. The people are the fictional demo
logins; the text is ours, not the organisations'.
"""

import datetime
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db.models import Count
from django.utils import timezone
from django.utils.text import slugify

from core.geography.models import SubRegion
from events.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    AgendaProposalFactory,
    EventFactory,
    MinutesCommentFactory,
    MinutesFactory,
    MinutesItemFactory,
    OccurrenceOverrideFactory,
    RSVPFactory,
)
from events.models import (
    RSVP,
    ActionItem,
    AgendaProposal,
    Event,
    Minutes,
    MinutesComment,
)
from forum.models import Forum, Visibility
from partners.models import ContactPerson, Organisation
from website.demo.loader import load, records
from website.demo.partners import CONVENER, COORDINATOR, FORUM, LEVEL_LOGINS

STOCKHOLM = ZoneInfo("Europe/Stockholm")
KIND = Event.Kind
PUBLIC, INFORMATION, SAMRAD, DIALOG = (
    Visibility.PUBLIC,
    Visibility.INFORMATION,
    Visibility.SAMRAD,
    Visibility.DIALOG,
)
ONLINE = "https://example.org/mote/"

NADIA = LEVEL_LOGINS[DIALOG]  # nadia.karimi@abf-skane.example
ELIN = LEVEL_LOGINS[Visibility.PARTNERSKAP]  # elin.sjoberg@malmo-stad.example
AMINA = LEVEL_LOGINS[SAMRAD]  # amina.warsame@vuxenskolan.example
SARA = LEVEL_LOGINS[INFORMATION]  # sara.holm@rodakorset.example
HASSAN = "hassan.ahmadi@sensus.example"
KARIN = "karin.berg@sensus.example"
LARS = "lars.mattsson@ystads-kommun.example"

DATA = load("events")
# The coordinators' monthly meeting, a recurring event.
SERIES = DATA["series"]
# (sub-region, days from today, venue, organiser)
NETWORK_MEETINGS = records("events", "network_meetings")
# Public events: (days from today, hour, minute, hours long, kind, title,
# organiser, sub-region or None, venue, online, capacity, text, cancellation)
PUBLIC_EVENTS = records("events", "public_events")

PAST_FORUM_MEETING = DATA["past_forum_meeting"]
NEXT_FORUM_MEETING = DATA["next_forum_meeting"]

# (title, presenter, hh, mm, minutes)
PAST_AGENDA = records("events", "past_agenda")
PAST_ACCEPTED = DATA["past_accepted"]  # the item that came from a member's proposal
NEXT_AGENDA = records("events", "next_agenda")

# (number, title, notes, decision)
MINUTES_ITEMS = records("events", "minutes_items")
# (minutes item number, description, owner, days from today, status)
ACTION_ITEMS = records("events", "action_items")

ATTENDING_ORGANISATIONS = DATA["attending_organisations"]
ATTENDING_PEOPLE = DATA["attending_people"]
# The texts of the two forum meetings: proposals, minutes, a comment.
PAST_MEETING = DATA["past_meeting"]
NEXT_MEETING = DATA["next_meeting"]


def local(day, hour=0, minute=0):
    return datetime.datetime(
        day.year, day.month, day.day, hour, minute, tzinfo=STOCKHOLM
    )


def weekday(day):
    """The day itself, or the Friday before when it falls on a weekend."""
    return day - datetime.timedelta(days=max(0, day.weekday() - 4))


def second_tuesday(year, month):
    first = datetime.date(year, month, 1)
    return first + datetime.timedelta(days=(1 - first.weekday()) % 7 + 7)


def create_events():
    """Create the demo calendar; return the number of events created."""
    today = timezone.localdate()
    forum = Forum.objects.get(slug=FORUM["slug"])
    users = {u.email: u for u in get_user_model().objects.all()}
    orgs = {org.slug: org for org in Organisation.objects.all()}
    created = 0
    created += create_series(forum, orgs, today)
    created += create_network_meetings(forum, orgs, today)
    created += create_public_events(forum, orgs, today, users)
    created += create_past_forum_meeting(forum, orgs, today, users)
    created += create_next_forum_meeting(forum, orgs, today, users)
    return created


def public_contact(org):
    return (
        ContactPerson.objects.filter(
            organisation=org, visibility=ContactPerson.Visibility.PUBLIC
        )
        .order_by("pk")
        .first()
    )


def make_event(forum, title, **fields):
    """The event with this title in the forum, or a new one checked and saved.

    Returns (event, created)."""
    existing = Event.objects.filter(forum=forum, title=title).first()
    if existing:
        return existing, False
    organiser = fields.get("organiser")
    if organiser and "contact" not in fields:
        fields["contact"] = public_contact(organiser)
    event = EventFactory.build(forum=forum, title=title, **fields)
    event.full_clean()
    event.save()
    return event, True


def create_series(forum, orgs, today):
    back = today - _days(120)  # the series started some four months ago
    start = local(second_tuesday(back.year, back.month), 13, 0)
    fields = {
        **{k: v for k, v in SERIES.items() if k != "title"},
        "organiser": orgs[SERIES["organiser"]],
        "start": start,
        "end": start + datetime.timedelta(hours=2, minutes=30),
    }
    probe = EventFactory.build(forum=forum, **fields)
    occurrences = probe.occurrence_starts(window_end=local(today, 23, 59) + _days(95))
    past = [o for o in occurrences if o.date() < today]
    coming = [o for o in occurrences if o.date() >= today]
    # One past meeting did not happen (the convener took it off the series) …
    fields["exdates"] = [past[1].date().isoformat()]
    event, created = make_event(forum, SERIES["title"], **fields)
    if created:
        # … and one coming meeting is cancelled, the rest of the series kept.
        OccurrenceOverrideFactory(
            event=event,
            original_start=coming[1],
            cancelled=True,
            note="Inställt. Frågorna tas i stället upp på nästa samordnarmöte.",
        )
    return int(created)


def _days(n):
    return datetime.timedelta(days=n)


def create_network_meetings(forum, orgs, today):
    created = 0
    for region, days, venue, organiser in NETWORK_MEETINGS:
        subregion = SubRegion.objects.get(county__code="12", name=region)
        start = local(today + _days(days), 9, 30)
        _event, new = make_event(
            forum,
            f"Nätverksmöte {region}",
            kind=KIND.NETWORK_MEETING,
            visibility=INFORMATION,
            subregion=subregion,
            venue=venue,
            organiser=orgs[organiser],
            start=start,
            end=start + datetime.timedelta(hours=2, minutes=30),
            description=(
                f"<p>Nätverksmöte för alla som arbetar med tidiga insatser i "
                f"{region}: nya aktiviteter, behov som inte möts och "
                f"samarbeten över organisationsgränserna.</p>"
            ),
        )
        created += new
    return created


def create_public_events(forum, orgs, today, users):
    created = 0
    for spec in PUBLIC_EVENTS:
        (days, hour, minute, hours, kind, title, organiser, region, venue, online) = (
            spec[:10]
        )
        capacity, text, cancellation = spec[10:]
        start = local(today + _days(days), hour, minute)
        event, new = make_event(
            forum,
            title,
            kind=kind,
            visibility=PUBLIC,
            subregion=(
                SubRegion.objects.get(county__code="12", name=region)
                if region
                else None
            ),
            venue=venue,
            online_url=ONLINE + slugify(title)[:60] if online else "",
            organiser=orgs[organiser],
            start=start,
            end=start + datetime.timedelta(hours=hours),
            capacity=capacity,
            description=f"<p>{text}</p>",
            cancelled=bool(cancellation),
            cancellation_note=cancellation,
        )
        created += new
        if new and title == "Traumamedvetet bemötande":
            fill_with_waiting_list(event, users)
    return created


def fill_with_waiting_list(event, users):
    """The training is full: as many going as places, then a waiting list."""
    going = [KARIN, HASSAN, NADIA, ELIN, AMINA, SARA]
    waiting = [LARS, COORDINATOR]
    answered = timezone.now() - _days(10)
    for n, email in enumerate(going + waiting):
        user = users[email]
        RSVPFactory(
            event=event,
            occurrence_start=event.start,
            user=user,
            organisation=first_organisation(user),
            answer=RSVP.Answer.GOING,
            waitlisted=email in waiting,
            answered_at=answered + datetime.timedelta(hours=5 * n),
        )


def first_organisation(user):
    membership = user.memberships.filter(status="active").first()
    return membership.organisation if membership else None


def add_agenda(event, agenda, proposals=None):
    proposals = proposals or {}
    for position, (title, presenter, hour, minute, minutes) in enumerate(agenda, 1):
        AgendaItemFactory(
            event=event,
            position=position,
            title=title,
            presenter=presenter,
            starts_at=datetime.time(hour, minute),
            duration_minutes=minutes,
            proposal=proposals.get(position),
        )


def proposal(event, orgs, users, spec, **decision):
    """A member's agenda proposal; ``decision`` holds the convener's answer."""
    return AgendaProposalFactory(
        event=event,
        title=spec["title"],
        description=spec["description"],
        proposed_by=users[spec["proposed_by"]],
        organisation=orgs[spec["organisation"]],
        **decision,
    )


def create_past_forum_meeting(forum, orgs, today, users):
    start = local(weekday(today - _days(23)), 9, 30)
    event, created = make_event(
        forum,
        PAST_FORUM_MEETING,
        kind=KIND.FORUM_MEETING,
        visibility=SAMRAD,
        venue=PAST_MEETING["venue"],
        online_url=ONLINE + "forum",
        organiser=orgs["lansstyrelsen-skane"],
        start=start,
        end=start + datetime.timedelta(hours=2, minutes=30),
        description=PAST_MEETING["description"],
    )
    if not created:
        return 0
    convener = users[CONVENER]
    decided = start - _days(10)
    accepted, declined = (
        proposal(
            event,
            orgs,
            users,
            PAST_MEETING[key],
            status=status,
            reason=PAST_MEETING[key]["reason"],
            decided_by=convener,
            decided_at=decided,
        )
        for key, status in (
            ("accepted_proposal", AgendaProposal.Status.ACCEPTED),
            ("declined_proposal", AgendaProposal.Status.DECLINED),
        )
    )
    AgendaProposal.objects.filter(pk__in=[accepted.pk, declined.pk]).update(
        created_at=start - _days(20)
    )
    add_agenda(event, PAST_AGENDA, {PAST_ACCEPTED + 1: accepted})

    minutes = MinutesFactory(
        event=event,
        status=Minutes.Status.PUBLISHED,
        summary=PAST_MEETING["minutes_summary"],
        approved_by=convener,
        approved_at=start + _days(7),
        published_at=start + _days(8),
    )
    minutes.attending_organisations.set([orgs[s] for s in ATTENDING_ORGANISATIONS])
    minutes.attending_people.set([users[e] for e in ATTENDING_PEOPLE])
    items = {}
    for number, title, notes, decision in MINUTES_ITEMS:
        items[number] = MinutesItemFactory(
            minutes=minutes, number=number, title=title, notes=notes, decision=decision
        )
    for number, description, owner, days, status in ACTION_ITEMS:
        ActionItemFactory(
            minutes=minutes,
            item=items[number],
            description=description,
            owner=orgs[owner],
            due_date=today + _days(days),
            status=status,
        )
    comment = MinutesCommentFactory(
        minutes=minutes,
        author=users[PAST_MEETING["comment"]["author"]],
        body=PAST_MEETING["comment"]["body"],
    )
    MinutesComment.objects.filter(pk=comment.pk).update(created_at=start + _days(3))
    return 1


def create_next_forum_meeting(forum, orgs, today, users):
    start = local(weekday(today + _days(24)), 9, 30)
    event, created = make_event(
        forum,
        NEXT_FORUM_MEETING,
        kind=KIND.FORUM_MEETING,
        visibility=SAMRAD,
        venue=NEXT_MEETING["venue"],
        online_url=ONLINE + "forum",
        organiser=orgs["lansstyrelsen-skane"],
        start=start,
        end=start + datetime.timedelta(hours=2, minutes=30),
        description=NEXT_MEETING["description"],
    )
    if not created:
        return 0
    add_agenda(event, NEXT_AGENDA)
    for spec in NEXT_MEETING["proposals"]:
        proposal(event, orgs, users, spec)
    for email in [CONVENER, COORDINATOR, ELIN, NADIA, AMINA]:
        user = users[email]
        RSVPFactory(
            event=event,
            occurrence_start=event.start,
            user=user,
            organisation=first_organisation(user),
            answer=RSVP.Answer.GOING,
        )
    return 1


def event_summary():
    """One line: the calendar's events, minutes and open queues."""
    kinds = dict(
        Event.objects.order_by()
        .values("kind")
        .annotate(n=Count("pk"))
        .values_list("kind", "n")
    )
    return (
        f"Kalender: {Event.objects.count()} händelser "
        f"({Event.objects.exclude(rrule='').count()} återkommande, "
        f"{Event.objects.filter(visibility=PUBLIC).count()} offentliga, "
        f"{kinds.get(KIND.NETWORK_MEETING, 0)} nätverksmöten); "
        f"{Minutes.objects.published().count()} publicerade protokoll, "
        f"{ActionItem.objects.open().count()} öppna åtgärder, "
        f"{AgendaProposal.objects.filter(status='pending').count()} förslag "
        f"väntar på beslut, {RSVP.objects.count()} anmälningar"
    )
