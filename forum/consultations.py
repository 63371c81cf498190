"""The consultations' rules apart from any request: who is invited, who answers
for which organisation, whom to remind and how they are told, and the writes
that tell them (publishing a consultation, inviting organisations that joined
later, publishing its feedback).

Used by ``consultation_views``, ``response_views`` and by
``manage.py send_consultation_reminders``.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone

from core import audit
from core.audit.models import Action
from core.sanitizer import plain_text
from partners.models import Membership, Organisation

from . import notifications
from .models import (
    ConsultationResponse,
    FeedbackItem,
    Level,
    LevelChange,
    Participation,
    ResponseAnswer,
    ResponseAttachment,
)
from .notification_texts import consultation_params


def send_notifications(users, kind, consultation):
    """Hand the notifications about ``consultation`` to the forum's notification
    module (tests replace this one function to see what would be sent)."""
    notifications.notify_users(users, kind, consultation_params(consultation))


def invited_organisations(consultation):
    """The organisations asked to respond.

    The ``invited`` list, or when it is empty every organisation that took part
    in the forum at Samråd or higher when the consultation opened (by the log
    of level changes; for one not open yet, their level now). Either way only
    organisations that can still see the consultation: a member must be able
    to read what their organisation is asked about.
    """
    forum_id = consultation.forum_id
    organisations = eligible_organisations(consultation)
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


def eligible_organisations(consultation):
    """The organisations that may be asked: those taking part in the forum now
    at Samråd or higher, and at least at the consultation's visibility."""
    can_see = Exists(
        Participation.objects.filter(
            forum_id=consultation.forum_id,
            organisation=OuterRef("pk"),
            level__gte=max(consultation.visibility, Level.SAMRAD),
        )
    )
    return Organisation.objects.filter(can_see)


def not_invited_organisations(consultation):
    """The eligible organisations that are not invited: in an open consultation,
    those that joined the forum (or reached its level) after it opened, and
    those a convener left out of the ``invited`` list."""
    invited = invited_organisations(consultation).values("pk")
    return eligible_organisations(consultation).exclude(pk__in=invited)


def answered_count(consultation):
    """``{"answered": n, "invited": m}``: how many of the invited organisations
    have submitted a response, of how many invited, in one query."""
    submitted = ConsultationResponse.objects.filter(
        consultation=consultation,
        organisation=OuterRef("pk"),
        submitted_at__isnull=False,
    )
    return invited_organisations(consultation).aggregate(
        answered=Count("pk", filter=Q(Exists(submitted))), invited=Count("pk")
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


def send_reminder(consultation, waiting):
    """Remind the members of the ``waiting`` organisations of the deadline."""
    send_notifications(members_of(waiting), "deadline_reminder", consultation)
    consultation.reminder_sent_at = timezone.now()
    consultation.save(update_fields=["reminder_sent_at"])


def publish(consultation, *, was_published=False):
    """Tell the invited organisations' members about a consultation that has just
    been published (created published, or a draft saved as published); once:
    nothing when it was published before or is still a draft. Returns whether
    it was announced."""
    if not consultation.published or was_published:
        return False
    announce(consultation, invited_organisations(consultation))
    return True


def invite(consultation, organisations):
    """Invite ``organisations`` (eligible and not invited yet: the caller checks)
    to an open consultation and tell their members as at opening.

    An empty ``invited`` list means "those at Samråd or higher when it
    opened"; it is first filled with exactly those, so that adding the new
    ones leaves everybody who was invited invited.
    """
    with transaction.atomic():
        if not consultation.invited.exists():
            consultation.invited.add(*invited_organisations(consultation))
        consultation.invited.add(*organisations)
    announce(consultation, organisations)


def announce(consultation, organisations):
    """Tell the members of ``organisations`` that they are asked to respond."""
    send_notifications(members_of(organisations), "new_consultation", consultation)


def save_feedback(consultation, feedback, summaries, *, publish):
    """Save the convener's feedback (overall, and ``(question, summary)`` pairs;
    an empty summary removes one); with ``publish`` the first time, publish it
    and tell the invited organisations' members. Returns whether it was
    published now."""
    first_publication = publish and consultation.feedback_published_at is None
    summaries = list(summaries)
    with transaction.atomic():
        for question, summary in summaries:
            if summary:
                FeedbackItem.objects.update_or_create(
                    consultation=consultation,
                    question=question,
                    defaults={"summary": summary},
                )
            else:
                FeedbackItem.objects.filter(
                    consultation=consultation, question=question
                ).delete()
        consultation.feedback = feedback.strip()
        if first_publication:
            consultation.feedback_published_at = timezone.now()
        consultation.save(update_fields=["feedback", "feedback_published_at"])
        audit.record(
            Action.FEEDBACK_PUBLISHED if first_publication else Action.FEEDBACK_SAVED,
            forum=consultation.forum,
            obj=consultation,
            questions=sum(1 for _, summary in summaries if summary),
        )
    if first_publication:
        send_notifications(
            members_of(invited_organisations(consultation)),
            "feedback_published",
            consultation,
        )
    return first_publication


def responses_with_answers(consultation):
    """The responses with their answers in question order and their current
    files (``ResponseAttachment.objects.current()``), in a fixed query count."""
    return consultation.responses.select_related(
        "organisation", "updated_by"
    ).prefetch_related(
        Prefetch(
            "answers",
            queryset=ResponseAnswer.objects.select_related("question").order_by(
                "question__position", "question__pk"
            ),
        ),
        Prefetch(
            "attachments",
            queryset=ResponseAttachment.objects.current(),
            to_attr="current_attachments",
        ),
    )


def export_rows(consultation, questions):
    """One row per organisation and question; rich text as plain text."""
    for answer_set in responses_with_answers(consultation):
        answers = {
            answer.question_id: answer.text for answer in answer_set.answers.all()
        }
        changed = timezone.localtime(answer_set.updated_at).strftime("%Y-%m-%d %H:%M")
        files = "; ".join(
            attachment.name for attachment in answer_set.current_attachments
        )
        for number, question in enumerate(questions, start=1):
            yield [
                answer_set.organisation.name,
                number,
                plain_text(question.text),
                plain_text(answers.get(question.pk, "")),
                plain_text(answer_set.general_comment),
                answer_set.version,
                changed,
                files,
            ]
