"""What a notification says: each kind's subject, body and link, in a language.

A notification stores its kind and parameters (ids and plain values: titles,
names, dates as ISO strings), never finished text; :func:`render` turns them
into a :class:`Message` in the active language, so that the list shows it in
the reader's language and each email in its recipient's. Each kind has one
renderer, registered with :func:`renders`; rooms above the forum register
their own kinds from their ``AppConfig.ready`` (the calendar's waiting list).
Renderers read only the parameters: no query per notification.
"""

from datetime import datetime
from typing import NamedTuple

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _


class Message(NamedTuple):
    subject: str
    body: str
    url: str  # a path on this site in the active language, or ""


RENDERERS = {}


def renders(kind):
    """Register the decorated ``function(params) -> Message`` for ``kind``."""

    def register(function):
        RENDERERS[kind] = function
        return function

    return register


def render(kind, params):
    """The message of a ``kind`` notification, in the active language; None
    for a kind nobody registered."""
    renderer = RENDERERS.get(kind)
    return renderer(params) if renderer else None


def when(iso):
    """A date stored as an ISO string, as the site writes it (local time)."""
    return timezone.localtime(datetime.fromisoformat(iso)).strftime("%Y-%m-%d %H:%M")


def iso(moment):
    """A date or time as a parameter (the other half of :func:`when`)."""
    return moment.isoformat()


def consultation_url(params):
    return reverse(
        "forum:consultation_detail", args=[params["forum"], params["consultation"]]
    )


def consultation_params(consultation):
    return {
        "consultation": consultation.pk,
        "forum": consultation.forum.slug,
        "forum_name": consultation.forum.name,
        "title": consultation.title,
        "deadline": iso(consultation.deadline),
    }


@renders("new_consultation")
def new_consultation(params):
    return Message(
        _("Nytt samråd: %(title)s") % {"title": params["title"]},
        _(
            "%(forum)s ber om er organisations synpunkter. Sista dag för svar är "
            "%(deadline)s."
        )
        % {"forum": params["forum_name"], "deadline": when(params["deadline"])},
        consultation_url(params),
    )


@renders("deadline_reminder")
def deadline_reminder(params):
    return Message(
        _("Påminnelse: %(title)s") % {"title": params["title"]},
        _(
            "Er organisation har inte svarat på samrådet ännu. Sista dag "
            "för svar är %(deadline)s."
        )
        % {"deadline": when(params["deadline"])},
        reverse("forum:response_edit", args=[params["forum"], params["consultation"]]),
    )


@renders("feedback_published")
def feedback_published(params):
    return Message(
        _("Återkoppling: %(title)s") % {"title": params["title"]},
        _("%(forum)s har publicerat återkopplingen på samrådet.")
        % {"forum": params["forum_name"]},
        consultation_url(params),
    )


def thread_url(slug, thread_id, page=1):
    """The thread's address, with ``?sida=`` from page 2 on (the dialog's pages
    use it too)."""
    url = reverse("forum:thread_detail", args=[slug, thread_id])
    return f"{url}?sida={page}" if page > 1 else url


@renders("thread_reply")
def thread_reply(params):
    url = thread_url(params["forum"], params["thread"], params["page"])
    return Message(
        _("Nytt svar i tråden %(title)s") % {"title": params["title"]},
        _("%(author)s har svarat i tråden %(title)s i %(forum)s.")
        % {
            "author": params["author"],
            "title": params["title"],
            "forum": params["forum_name"],
        },
        f"{url}#inlagg-{params['post']}",
    )


def decision_url(params):
    return reverse("forum:decision_detail", args=[params["forum"], params["decision"]])


@renders("decision_to_answer")
def decision_to_answer(params):
    return Message(
        _("Gemensamt beslut att besvara: %(title)s") % {"title": params["title"]},
        _(
            "%(forum)s föreslår ett gemensamt beslut. Svara med samtycke "
            "eller invändning för er organisation senast %(date)s."
        )
        % {"forum": params["forum_name"], "date": when(params["answer_by"])},
        decision_url(params),
    )


@renders("decision_outcome")
def decision_outcome(params):
    from .models import JointDecision

    body = _("Utfall för %(title)s i %(forum)s: %(outcome)s.") % {
        "title": params["title"],
        "forum": params["forum_name"],
        "outcome": JointDecision.Outcome(params["outcome"]).label,
    }
    if params.get("note"):
        body += "\n\n" + params["note"]
    return Message(
        _("Gemensamt beslut avgjort: %(title)s") % {"title": params["title"]},
        body,
        decision_url(params),
    )
