"""Permission-matrix rows for the partnership URLs of forum/ (tests/matrix_roles.py)."""

import datetime

from django.utils import timezone

from forum.factories import NotificationFactory
from forum.models import DelegatedTask, JointDecision
from tests.matrix_roles import CONVENERS, COUNTY_ADMINS, LOGIN, ROLES, SIGNED_IN

# The workspace: organisations at Partnerskap, conveners, county admins.
PARTNERS = (
    dict.fromkeys(ROLES, 403)
    | {"anonymous": LOGIN, "partnerskap": 200, "convener": 200}
    | COUNTY_ADMINS
)

ROWS = {
    "forum:partnership": ("/forum/tia-skane/partnerskap/", PARTNERS),
    # The archives of finished tasks and decided decisions: as the workspace.
    "forum:task_archive": ("/forum/tia-skane/partnerskap/arkiv/uppdrag/", PARTNERS),
    "forum:decision_archive": (
        "/forum/tia-skane/partnerskap/arkiv/beslut/",
        PARTNERS,
    ),
    "forum:task_create": ("/forum/tia-skane/partnerskap/uppdrag/nytt/", CONVENERS),
    # The task is assigned to the organisation of "partnerskap".
    "forum:task_update": ("/forum/tia-skane/partnerskap/uppdrag/{task}/", PARTNERS),
    "forum:decision_create": (
        "/forum/tia-skane/partnerskap/beslut/nytt/",
        CONVENERS,
    ),
    "forum:decision_detail": (
        "/forum/tia-skane/partnerskap/beslut/{decision}/",
        PARTNERS,
    ),
    # Its answer time is over, so it may be closed.
    "forum:decision_close": (
        "/forum/tia-skane/partnerskap/beslut/{decision_to_close}/avgor/",
        CONVENERS,
    ),
    "forum:notification_settings": ("/forum/installningar/aviseringar/", SIGNED_IN),
    # Everyone's own notifications; one person's is nobody else's (404).
    "forum:notification_list": ("/forum/mina-aviseringar/", SIGNED_IN),
    "forum:notification_open": (
        "/forum/mina-aviseringar/{notification}/",
        dict.fromkeys(ROLES, 404) | {"anonymous": LOGIN, "information": 302},
    ),
    "forum:notifications_mark_all_read": (
        "POST /forum/mina-aviseringar/las-alla/",
        SIGNED_IN | dict.fromkeys(SIGNED_IN.keys() - {"anonymous"}, 302),
    ),
}


def populate(people, forum):
    """Add what the rows need to ``people`` as "_name" keys (used as {name} in URLs)."""
    people["_notification"] = NotificationFactory(
        user=people["information"], url=f"/forum/{forum.slug}/"
    ).pk
    partner = people["partnerskap"].memberships.get().organisation
    people["_task"] = DelegatedTask.objects.create(
        forum=forum,
        title="Kartlägg språkcaféer",
        assigned_to=partner,
        due_date=timezone.localdate() + datetime.timedelta(days=180),
    ).pk
    people["_decision"] = JointDecision.objects.create(
        forum=forum,
        title="Gemensam kalender",
        proposal="Vi samlar alla aktiviteter i en kalender.",
        answer_by=timezone.now() + datetime.timedelta(days=7),
    ).pk
    people["_decision_to_close"] = JointDecision.objects.create(
        forum=forum,
        title="Ny mötestid",
        proposal="Vi möts första tisdagen i månaden.",
        answer_by=timezone.now() - datetime.timedelta(days=1),
    ).pk
    # Something in each archive.
    DelegatedTask.objects.create(
        forum=forum,
        title="Översätt broschyren",
        assigned_to=partner,
        status=DelegatedTask.Status.DONE,
        report="Klar på fem språk.",
        reported_at=timezone.now(),
    )
    JointDecision.objects.create(
        forum=forum,
        title="Gemensam logotyp",
        proposal="Vi använder samma logotyp.",
        answer_by=timezone.now() - datetime.timedelta(days=30),
        outcome=JointDecision.Outcome.ADOPTED,
        decided_at=timezone.now() - datetime.timedelta(days=20),
    )
