"""What the calendar holds about a person, for their data download: their
answers to meetings, agenda proposals, comments on minutes and whether they
subscribe to their personal calendar (never the token itself)."""

from core.users.personal_data import register, when

from .models import RSVP, AgendaProposal, CalendarToken, MinutesComment


@register("meeting_answers")
def rsvps(user):
    rows = RSVP.objects.filter(user=user).select_related("event", "organisation")
    return [
        {
            "meeting": rsvp.event.title,
            "occurrence": when(rsvp.occurrence_start),
            "answer": rsvp.answer,
            "waiting_list": rsvp.waitlisted,
            "organisation": rsvp.organisation.name if rsvp.organisation else None,
            "answered_at": when(rsvp.answered_at),
        }
        for rsvp in rows.order_by("answered_at", "pk")
    ]


@register("agenda_proposals")
def agenda_proposals(user):
    rows = AgendaProposal.objects.filter(proposed_by=user).select_related("event")
    return [
        {
            "meeting": proposal.event.title,
            "title": proposal.title,
            "description": proposal.description,
            "status": proposal.status,
        }
        for proposal in rows.order_by("pk")
    ]


@register("minutes_comments")
def minutes_comments(user):
    rows = MinutesComment.objects.filter(author=user).order_by("pk")
    return [
        {"text": comment.body, "created_at": when(comment.created_at)}
        for comment in rows
    ]


@register("calendar_subscription")
def calendar_subscription(user):
    token = CalendarToken.objects.filter(user=user).first()
    return {
        "subscribed": token is not None,
        "since": when(token.created_at) if token else None,
    }
