"""Permission-matrix rows for the partnership URLs of forum/ (tests/matrix_roles.py)."""

import datetime

from django.utils import timezone

from forum.partnership_models import DelegatedTask, JointDecision
from tests.matrix_roles import CONVENERS, LOGIN, ROLES, SIGNED_IN

# The workspace: organisations at Partnerskap, conveners and staff.
PARTNERS = dict.fromkeys(ROLES, 403) | {
    "anonymous": LOGIN,
    "partnerskap": 200,
    "convener": 200,
    "staff": 200,
}

ROWS = {
    "forum:partnership": ("/forum/tia-skane/partnerskap/", PARTNERS),
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
}


def populate(people, forum):
    """Add what the rows need to ``people`` as "_name" keys (used as {name} in URLs)."""
    partner = people["partnerskap"].memberships.get().organisation
    people["_task"] = DelegatedTask.objects.create(
        forum=forum,
        title="Kartlägg språkcaféer",
        assigned_to=partner,
        due_date=datetime.date(2030, 6, 30),
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
