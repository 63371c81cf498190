"""What every part of the growth shares: volumes, marks, lookups."""

import datetime
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from core.geography.models import Municipality, SubRegion
from forum.models import Forum, Level
from partners.models import ContactPerson, Membership, Organisation
from website.demo.partners import CONVENER, FORUM, SKANE

STOCKHOLM = ZoneInfo("Europe/Stockholm")
PREFIX = "bench-"
BATCH = 500

# The volumes at --scale 1.0: a county forum a few years in.
VOLUMES = {
    "organisations": 75,
    "users": 1000,
    # Every fifth has ended: 2,000 stay in the public directory.
    "activities": 2500,
    "events": 1000,
    "consultations": 40,
    "threads": 300,
    "tasks": 200,
    "decisions": 20,
}
RESPONSES_PER_CONSULTATION = 20
LONG_THREAD_POSTS = 200  # thread number 0; the others have 2–16 posts


def volumes(scale):
    """How many of each at ``scale``; at least one of each."""
    counts = {name: max(1, round(n * scale)) for name, n in VOLUMES.items()}
    counts["long_thread_posts"] = max(20, round(LONG_THREAD_POSTS * scale))
    return counts


def missing(target, values, pattern):
    """The numbers below ``target`` that no marked value carries yet.

    ``pattern`` takes the number out of a value, e.g. 12 from 'bench-0012-…'.
    """
    regex = re.compile(pattern)
    present = set()
    for value in values:
        match = regex.match(value or "")
        if match:
            present.add(int(match[1]))
    return [n for n in range(target) if n not in present]


def user_ref(user_id):
    """The user with ``user_id`` for a bulk row, without a query (or None)."""
    return get_user_model()(pk=user_id) if user_id else None


def paragraph(*sentences):
    return "<p>" + " ".join(sentences) + "</p>"


def bullet_list(items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


@dataclass
class Growth:
    """What a run created, by kind."""

    created: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)

    def add(self, kind, count):
        self.created[kind] = self.created.get(kind, 0) + count


def bench_level(number):
    """The forum level of bench organisation ``number``; None: not in the forum."""
    if number % 9 == 8:
        return None
    if number % 15 == 0:
        return Level.PARTNERSKAP
    return [
        Level.INFORMATION,
        Level.SAMRAD,
        Level.SAMRAD,
        Level.DIALOG,
        Level.DIALOG,
        Level.INFORMATION,
        Level.SAMRAD,
    ][number % 7]


class GrowerBase:
    """The state a run shares, and the lookups every kind needs."""

    def __init__(self, scale):
        self.scale = scale
        self.volumes = volumes(scale)
        self.now = timezone.now()
        self.today = timezone.localdate(self.now)
        self.growth = Growth()
        self.forum = Forum.objects.get(slug=FORUM["slug"])
        self.municipalities = list(
            Municipality.objects.filter(county__code=SKANE)
            .select_related("subregion")
            .order_by("name")
        )
        self.subregions = list(
            SubRegion.objects.filter(county__code=SKANE).order_by("name")
        )
        self.convener = get_user_model().objects.filter(email=CONVENER).first()

    @transaction.atomic
    def grow(self):
        self.organisations()
        self.users()
        self.activities()
        self.events()
        self.consultations()
        self.threads()
        self.tasks()
        self.decisions()
        self.target_group_figures()
        return self.growth

    # ------------------------------------------------------------ lookups

    def all_organisations(self):
        return list(Organisation.objects.order_by("slug"))

    def levels(self):
        """organisation id -> level in the forum."""
        return dict(self.forum.participations.values_list("organisation_id", "level"))

    def orgs_from(self, level):
        levels = self.levels()
        return [o for o in self.all_organisations() if levels.get(o.pk, 0) >= level]

    def members_by_org(self):
        """organisation id -> [user id] of its active members, oldest first."""
        members = {}
        for org_id, user_id in (
            Membership.objects.active()
            .order_by("organisation_id", "pk")
            .values_list("organisation_id", "user_id")
        ):
            members.setdefault(org_id, []).append(user_id)
        return members

    def public_contacts(self):
        """organisation id -> [contact id] of its public contact persons."""
        contacts = {}
        for org_id, contact_id in (
            ContactPerson.objects.filter(visibility=ContactPerson.Visibility.PUBLIC)
            .order_by("organisation_id", "pk")
            .values_list("organisation_id", "pk")
        ):
            contacts.setdefault(org_id, []).append(contact_id)
        return contacts

    def local(self, day, hour=0, minute=0):
        return datetime.datetime(
            day.year, day.month, day.day, hour, minute, tzinfo=STOCKHOLM
        )
