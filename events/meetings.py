"""What the meeting pages do beyond one object: find the meeting, write and tell.

Every lookup starts from an event the person may see
(``Event.objects.visible_to``); anything else is a 404, so nobody learns that
a meeting exists. Conveners of the event's forum and county administrators
manage.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse

from core.email import send as send_email
from forum.access import can, participations_of

from .models import ActionItem, Event, Minutes


def visible_event(user, pk):
    """The event at ``pk`` if ``user`` may see it, else 404."""
    return get_object_or_404(
        Event.objects.visible_to(user).select_related("forum"), pk=pk
    )


def managed_event(user, pk):
    """The event at ``pk`` if ``user`` convenes its forum (or all forums)."""
    event = visible_event(user, pk)
    if not can(user, "manage", event):
        raise PermissionDenied
    return event


def submit_proposal(form, event, user, absolute_url):
    """Save a member's agenda proposal for their organisation; tell the conveners.

    ``absolute_url(path)`` makes the links in the mail (the request's
    ``build_absolute_uri``).
    """
    participation = (
        participations_of(user)
        .filter(forum=event.forum)
        .select_related("organisation")
        .order_by("-level")
        .first()
    )
    proposal = form.save(commit=False)
    proposal.event = event
    proposal.proposed_by = user
    proposal.organisation = participation.organisation if participation else None
    proposal.save()
    conveners = list(event.forum.conveners.values_list("email", flat=True))
    if conveners:
        send_email(
            conveners,
            "events/email/proposal_received.txt",
            {
                "event": event,
                "proposal": proposal,
                "url": absolute_url(
                    reverse("events:proposal_decide", args=[event.pk, proposal.pk])
                ),
            },
        )
    return proposal


def decide_proposal(proposal, *, accept, reason, by, absolute_url):
    """Decide once and tell the proposer; False when another decision came first."""
    if not proposal.decide(accept=accept, reason=reason, by=by):
        return False
    if proposal.proposed_by and proposal.proposed_by.email:
        send_email(
            [proposal.proposed_by.email],
            "events/email/proposal_decided.txt",
            {
                "event": proposal.event,
                "proposal": proposal,
                "url": absolute_url(reverse("events:agenda", args=[proposal.event_id])),
            },
        )
    return True


def add_comment(form, minutes, author, absolute_url):
    """Save an attendee's comment on draft minutes; tell the other conveners."""
    comment = form.save(commit=False)
    comment.minutes = minutes
    comment.author = author
    comment.save()
    event = minutes.event
    recipients = list(
        event.forum.conveners.exclude(pk=author.pk).values_list("email", flat=True)
    )
    if recipients:
        send_email(
            recipients,
            "events/email/minutes_comment.txt",
            {
                "event": event,
                "comment": comment,
                "url": absolute_url(reverse("events:minutes", args=[event.pk])),
            },
        )
    return comment


def visible_action_items(user, forum, manages):
    """Action items of ``forum`` whose minutes ``user`` may read.

    ``manages``: whether the person convenes the forum (then drafts count too).
    """
    items = ActionItem.objects.filter(minutes__event__forum=forum)
    if manages:
        return items
    return items.filter(minutes__in=Minutes.objects.published().visible_to(user))
