"""The member's desk: what in a forum needs the signed-in person now.

Every list goes through the access rule (``visible_to``, the person's level)
and costs a fixed number of queries, however many rows there are. Rooms above
``forum/`` (the calendar's meetings, minutes and agenda proposals) add their
own sections through :func:`register`, so the forum never imports them.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from partners.models import Membership

from .access import is_convener, level_in
from .models import (
    Consultation,
    ConsultationResponse,
    DecisionAnswer,
    DelegatedTask,
    JointDecision,
    Level,
    PostModeration,
    ThreadFollow,
)
from .models.partnership import partner_organisations

# A task counts as due on the desk this many days before its date.
TASK_DUE_SOON = datetime.timedelta(days=14)
MODERATION_LOG_LENGTH = 5


@dataclass
class DeskItem:
    """One thing to act on: a link and a line saying why it is here."""

    text: str
    url: str
    note: str = ""
    urgent: bool = False


@dataclass
class DeskSection:
    """A heading with its items; ``empty`` is said when there is nothing."""

    key: str
    title: str
    items: list = field(default_factory=list)
    empty: str = ""
    convener: bool = False


@dataclass
class Room:
    """A part of the forum: a link from ``level`` up, text below it."""

    label: str
    url: str
    level: int
    opens: str = ""


@dataclass
class Desk:
    forum: object
    level: int
    convener: bool
    sections: list
    convener_sections: list
    rooms: list
    locked_rooms: list


_providers = []


def register(provider):
    """Add ``provider(user, forum, level, convener, now)`` → list of sections."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def _org_members(user, prefix="organisation"):
    return {
        f"{prefix}__memberships__user": user,
        f"{prefix}__memberships__status": Membership.Status.ACTIVE,
    }


def time_left(deadline, now):
    """'3 dagar kvar', '5 timmar kvar', 'mindre än en timme kvar' or, once
    ``deadline`` is past, 'Sista dag har passerat'."""
    left = deadline - now
    if left <= datetime.timedelta(0):
        return _("Sista dag har passerat")
    if left.days >= 1:
        return ngettext("%(count)d dag kvar", "%(count)d dagar kvar", left.days) % {
            "count": left.days
        }
    hours = left.seconds // 3600
    if hours >= 1:
        return ngettext("%(count)d timme kvar", "%(count)d timmar kvar", hours) % {
            "count": hours
        }
    return _("mindre än en timme kvar")


def _local(value, fmt="j F Y H:i"):
    return date_format(timezone.localtime(value), fmt)


def consultations_section(user, forum, now):
    answered = ConsultationResponse.objects.filter(
        consultation=OuterRef("pk"), **_org_members(user)
    )
    consultations = (
        Consultation.objects.filter(forum=forum)
        .visible_to(user)
        .open(now)
        .annotate(answered=Exists(answered))
        .order_by("deadline")
    )
    items = []
    for consultation in consultations:
        status = (
            _("Er organisation har svarat.")
            if consultation.answered
            else _("Er organisation har inte svarat än.")
        )
        items.append(
            DeskItem(
                consultation.title,
                reverse(
                    "forum:consultation_detail", args=[forum.slug, consultation.pk]
                ),
                _("Sista dag %(deadline)s (%(left)s). %(status)s")
                % {
                    "deadline": _local(consultation.deadline),
                    "left": time_left(consultation.deadline, now),
                    "status": status,
                },
                urgent=not consultation.answered,
            )
        )
    return DeskSection(
        "consultations",
        _("Öppna samråd"),
        items,
        _("Inga samråd är öppna just nu."),
    )


def partnership_section(user, forum, now):
    answered = DecisionAnswer.objects.filter(
        decision=OuterRef("pk"), **_org_members(user)
    )
    # Only a partner organisation answers: a convener without one has none.
    partners = partner_organisations(forum).filter(
        memberships__user=user, memberships__status=Membership.Status.ACTIVE
    )
    decisions = (
        JointDecision.objects.filter(
            Exists(partners), forum=forum, outcome=JointDecision.Outcome.PENDING
        )
        .annotate(answered=Exists(answered))
        .filter(answered=False)
        .order_by("answer_by")
    )
    items = [
        DeskItem(
            decision.title,
            reverse("forum:decision_detail", args=[forum.slug, decision.pk]),
            _("Gemensamt beslut – svara senast %(date)s.")
            % {"date": _local(decision.answer_by)},
            urgent=True,
        )
        for decision in decisions
    ]
    today = timezone.localdate(now)
    tasks = (
        DelegatedTask.objects.filter(
            forum=forum,
            due_date__lte=today + TASK_DUE_SOON,
            **_org_members(user, "assigned_to"),
        )
        .exclude(status__in=DelegatedTask.FINISHED)
        .select_related("assigned_to")
        .distinct()
        .order_by("due_date", "pk")
    )
    for task in tasks:
        overdue = task.due_date < today
        note = (
            _("Uppdrag till %(org)s – försenat, skulle vara klart %(date)s.")
            if overdue
            else _("Uppdrag till %(org)s – klart senast %(date)s.")
        ) % {"org": task.assigned_to.name, "date": _local_date(task.due_date)}
        items.append(
            DeskItem(
                task.title,
                reverse("forum:task_update", args=[forum.slug, task.pk]),
                note,
                urgent=overdue,
            )
        )
    return DeskSection(
        "partnership",
        _("Partnerskap: beslut och uppdrag"),
        items,
        _(
            "Inga beslut väntar på er organisation och inga uppdrag är på väg att "
            "förfalla."
        ),
    )


def _local_date(value):
    return date_format(value, "j F Y")


def unread_threads(user, forum):
    """Followed threads with replies by others since the person last opened them."""
    follows = (
        ThreadFollow.objects.filter(user=user, thread__forum=forum)
        .filter(thread__in=forum.threads.visible_to(user))
        .annotate(
            unread=Count(
                "thread__posts",
                filter=Q(
                    thread__posts__created_at__gt=Coalesce(
                        F("last_read_at"), F("created_at")
                    ),
                    thread__posts__hidden=False,
                )
                & ~Q(thread__posts__author=user),
            )
        )
        .filter(unread__gt=0)
        .select_related("thread")
        .order_by("-thread__last_activity_at")
    )
    return list(follows)


def dialog_section(user, forum, now):
    items = [
        DeskItem(
            follow.thread.title,
            reverse("forum:thread_detail", args=[forum.slug, follow.thread.pk]),
            ngettext("%(count)d oläst svar", "%(count)d olästa svar", follow.unread)
            % {"count": follow.unread},
        )
        for follow in unread_threads(user, forum)
    ]
    return DeskSection(
        "dialog",
        _("Olästa svar i trådar du bevakar"),
        items,
        _("Inga olästa svar i de trådar du bevakar."),
    )


def convener_sections(user, forum, now):
    pending = forum.applications.pending().count()
    applications = DeskSection(
        "applications",
        _("Ansökningar att avgöra"),
        [
            DeskItem(
                ngettext(
                    "%(count)d ansökan väntar på beslut",
                    "%(count)d ansökningar väntar på beslut",
                    pending,
                )
                % {"count": pending},
                reverse("forum:applications", args=[forum.slug]),
                urgent=True,
            )
        ]
        if pending
        else [],
        _("Inga ansökningar väntar."),
        convener=True,
    )
    without_feedback = (
        Consultation.objects.filter(
            forum=forum,
            published=True,
            deadline__lte=now,
            feedback_published_at__isnull=True,
        )
        .visible_to(user)
        .order_by("deadline")
    )
    feedback = DeskSection(
        "feedback",
        _("Samråd som väntar på återkoppling"),
        [
            DeskItem(
                consultation.title,
                reverse(
                    "forum:consultation_feedback", args=[forum.slug, consultation.pk]
                ),
                _("Stängde %(date)s utan publicerad återkoppling.")
                % {"date": _local(consultation.deadline)},
                urgent=True,
            )
            for consultation in without_feedback
        ],
        _("Alla stängda samråd har fått återkoppling."),
        convener=True,
    )
    log = (
        PostModeration.objects.filter(post__thread__forum=forum)
        .select_related("post__thread", "moderator")
        .order_by("-created_at")[:MODERATION_LOG_LENGTH]
    )
    moderation = DeskSection(
        "moderation",
        _("Senaste moderering i dialogen"),
        [
            DeskItem(
                entry.post.thread.title,
                reverse("forum:post_moderate", args=[forum.slug, entry.post.pk]),
                _("%(action)s %(date)s av %(who)s: %(reason)s")
                % {
                    "action": entry.get_action_display(),
                    "date": _local(entry.created_at),
                    "who": entry.moderator or _("okänd"),
                    "reason": entry.reason,
                },
            )
            for entry in log
        ],
        _("Inga inlägg har dolts."),
        convener=True,
    )
    return [applications, feedback, moderation]


# Each room of the forum page: URL name, label, the level that opens it and
# what that level would open (said instead of a link below the level).
ROOMS = [
    ("events:forum_calendar", gettext_lazy("Forumets kalender"), Level.INFORMATION, ""),
    (
        "forum:partner_directory",
        gettext_lazy("Partnerkatalog"),
        Level.INFORMATION,
        "",
    ),
    (
        "events:action_items",
        gettext_lazy("Öppna åtgärder från mötena"),
        Level.INFORMATION,
        "",
    ),
    (
        "forum:consultations",
        gettext_lazy("Samråd"),
        Level.SAMRAD,
        gettext_lazy(
            "Samråd: läsa öppna samråd, svara för er organisation och läsa "
            "återkopplingen."
        ),
    ),
    (
        "forum:threads",
        gettext_lazy("Dialog"),
        Level.DIALOG,
        gettext_lazy(
            "Dialog: starta och svara i trådar och föreslå punkter till mötenas "
            "dagordning."
        ),
    ),
    (
        "forum:partnership",
        gettext_lazy("Partnerskap: uppdrag, gemensamma beslut och överenskommelser"),
        Level.PARTNERSKAP,
        gettext_lazy(
            "Partnerskap: delegerade uppdrag, gemensamma beslut, överenskommelser "
            "och budgetar."
        ),
    ),
]
# Rooms that do not belong to one forum (no slug).
PERSONAL_ROOMS = [
    ("forum:search", gettext_lazy("Sök i forumen")),
    ("events:subscribe", gettext_lazy("Prenumerera på kalendern")),
    ("forum:notification_settings", gettext_lazy("Dina aviseringar")),
    ("coordinators", gettext_lazy("Delregionala samordnare")),
]


def rooms_for(forum, level, convener=False):
    rooms, locked = [], []
    for name, label, needed, opens in ROOMS:
        if level >= needed:
            rooms.append(Room(str(label), reverse(name, args=[forum.slug]), needed))
        else:
            locked.append(Room(str(label), "", needed, str(opens)))
    if convener:
        rooms.append(
            Room(
                _("Ansökningar"),
                reverse("forum:applications", args=[forum.slug]),
                Level.PARTNERSKAP,
            )
        )
    rooms += [Room(str(label), reverse(name), 0) for name, label in PERSONAL_ROOMS]
    return rooms, locked


def desk_for(user, forum, now=None):
    """Everything the forum page shows ``user``: sections, rooms, locked rooms."""
    now = now or timezone.now()
    level = level_in(user, forum)
    convener = is_convener(user, forum)
    sections = []
    if level >= Level.SAMRAD:
        sections.append(consultations_section(user, forum, now))
    if level >= Level.DIALOG:
        sections.append(dialog_section(user, forum, now))
    if level >= Level.PARTNERSKAP:
        sections.append(partnership_section(user, forum, now))
    extra = convener_sections(user, forum, now) if convener else []
    for provider in _providers:
        for section in provider(user, forum, level, convener, now):
            (extra if section.convener else sections).append(section)
    rooms, locked = rooms_for(forum, level, convener)
    return Desk(forum, level, convener, sections, extra, rooms, locked)
