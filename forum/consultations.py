"""The consultations' rules apart from any request: who is invited, who answers
for which organisation, whom to remind and how they are told.

Used by ``consultation_views`` and by ``manage.py send_consultation_reminders``.
"""

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from partners.models import Membership, Organisation

from . import notifications
from .models import Level, LevelChange, Participation
from .notifications import in_email_language


def send_notifications(users, kind, subject, body, url):
    """Hand the notifications to the forum's notification module (tests replace
    this one function to see what would be sent)."""
    notifications.notify_users(users, kind, subject, body, url)


def invited_organisations(consultation):
    """The organisations asked to respond.

    The ``invited`` list, or when it is empty every organisation that took part
    in the forum at Samråd or higher when the consultation opened (by the log
    of level changes; for one not open yet, their level now). Either way only
    organisations that can still see the consultation: a member must be able
    to read what their organisation is asked about.
    """
    forum_id = consultation.forum_id
    can_see = Exists(
        Participation.objects.filter(
            forum_id=forum_id,
            organisation=OuterRef("pk"),
            level__gte=max(consultation.visibility, Level.SAMRAD),
        )
    )
    organisations = Organisation.objects.filter(can_see)
    if consultation.invited.exists():
        return organisations.filter(consultation_invitations=consultation)
    moment = min(consultation.opens_at, timezone.now())
    level_then = Subquery(
        LevelChange.objects.filter(
            forum_id=forum_id, organisation=OuterRef("pk"), changed_at__lte=moment
        )
        .order_by("-changed_at", "-pk")
        .values("to_level")[:1]
    )
    has_log = Exists(
        LevelChange.objects.filter(forum_id=forum_id, organisation=OuterRef("pk"))
    )
    # Participations older than the log (imported without it) count as they are.
    return organisations.annotate(level_then=level_then).filter(
        Q(level_then__gte=Level.SAMRAD) | ~has_log
    )


def waiting_organisations(consultation):
    """Invited organisations that have not responded yet."""
    return invited_organisations(consultation).exclude(
        consultation_responses__consultation=consultation
    )


def members_of(organisations):
    """The active members of ``organisations``, to notify."""
    return (
        get_user_model()
        .objects.filter(
            memberships__organisation__in=organisations,
            memberships__status=Membership.Status.ACTIVE,
            is_active=True,
        )
        .distinct()
    )


def organisations_answering_for(user, consultation):
    """The invited organisations that ``user`` is an active member of."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return invited_organisations(consultation).filter(
        memberships__user=user, memberships__status=Membership.Status.ACTIVE
    )


def send_reminder(consultation, waiting, url):
    """Remind the members of the ``waiting`` organisations of the deadline."""
    with in_email_language():
        send_notifications(
            members_of(waiting),
            "deadline_reminder",
            _("Påminnelse: %(title)s") % {"title": consultation.title},
            _(
                "Er organisation har inte svarat på samrådet ännu. Sista dag "
                "för svar är %(deadline)s."
            )
            % {
                "deadline": timezone.localtime(consultation.deadline).strftime(
                    "%Y-%m-%d %H:%M"
                )
            },
            url,
        )
    consultation.reminder_sent_at = timezone.now()
    consultation.save(update_fields=["reminder_sent_at"])
