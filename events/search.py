"""The calendar's part of the members' search (``forum.search``): minutes,
their items and action items, and the meetings' agendas.

Read through ``Minutes.objects.visible_to`` and ``Event.objects.visible_to``
(the forum's access rule), one query a kind; ``EventsConfig.ready`` registers
:func:`meeting_results`, so the forum imports no calendar code.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from forum.search import Result, every_word, excerpt, group, limited

from .models import ActionItem, AgendaItem, Event, Minutes, MinutesItem


def meeting_results(user, words, forums):
    """The provider that ``EventsConfig.ready`` registers with ``forum.search``."""
    minutes = Minutes.objects.visible_to(user).filter(event__forum__in=forums)
    events = Event.objects.visible_to(user).filter(forum__in=forums)

    def minutes_url(event_id, anchor=""):
        return reverse("events:minutes", args=[event_id]) + anchor

    summaries, more_summaries = limited(
        Minutes.objects.filter(pk__in=minutes.values("pk"))
        .filter(every_word(words, "summary"))
        .select_related("event__forum")
        .order_by("-event__start", "-pk")
    )
    items, more_items = limited(
        MinutesItem.objects.filter(minutes__in=minutes.values("pk"))
        .filter(every_word(words, "title", "notes", "decision"))
        .select_related("minutes__event__forum")
        .order_by("-minutes__event__start", "number")
    )
    actions, more_actions = limited(
        ActionItem.objects.filter(minutes__in=minutes.values("pk"))
        .filter(every_word(words, "description"))
        .select_related("minutes__event__forum")
        .order_by("-minutes__event__start", "pk")
    )
    agenda, more_agenda = limited(
        AgendaItem.objects.filter(event__in=events.values("pk"))
        .filter(every_word(words, "title", "description", "presenter"))
        .select_related("event__forum")
        .order_by("-event__start", "position", "pk")
    )
    return [
        group(
            "minutes",
            _("Protokoll"),
            summaries,
            more_summaries,
            lambda m: Result(
                m.event.title,
                minutes_url(m.event_id),
                m.event.forum.name,
                m.event.start,
                excerpt(words, m.summary),
            ),
        ),
        group(
            "minutes_items",
            _("Paragrafer i protokoll"),
            items,
            more_items,
            lambda item: Result(
                f"§ {item.number} {item.title} – {item.minutes.event.title}",
                minutes_url(item.minutes.event_id, f"#paragraf-{item.number}"),
                item.minutes.event.forum.name,
                item.minutes.event.start,
                excerpt(words, item.notes, item.decision, item.title),
            ),
        ),
        group(
            "action_items",
            _("Åtgärder från mötena"),
            actions,
            more_actions,
            lambda action: Result(
                action.description,
                minutes_url(action.minutes.event_id, "#actions-heading"),
                action.minutes.event.forum.name,
                action.due_date or action.minutes.event.start,
                excerpt(words, action.description),
            ),
        ),
        group(
            "agenda_items",
            _("Punkter på dagordningar"),
            agenda,
            more_agenda,
            lambda item: Result(
                f"{item.title} – {item.event.title}",
                reverse("events:agenda", args=[item.event_id]),
                item.event.forum.name,
                item.event.start,
                excerpt(words, item.description, item.title, item.presenter),
            ),
        ),
    ]
