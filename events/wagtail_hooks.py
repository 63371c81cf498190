"""The calendar in the Wagtail admin: county administrators (the group
Länsadministratörer) manage events, agendas, minutes and action items here."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import (
    ActionItem,
    AgendaProposal,
    Event,
    EventAttachment,
    Minutes,
    OccurrenceOverride,
)


class EventViewSet(SnippetViewSet):
    model = Event
    icon = "date"
    menu_label = _("Händelser")
    list_display = ["title", "forum", "kind", "start", "visibility", "cancelled"]
    list_filter = ["forum", "kind", "visibility", "cancelled"]
    search_fields = ["title"]
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("forum"),
                FieldPanel("kind"),
                FieldPanel("title"),
                FieldPanel("description"),
                FieldPanel("visibility"),
            ],
            heading=_("Vad"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldPanel("cancelled"),
                FieldPanel("cancellation_note"),
            ],
            heading=_("När"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("subregion"),
                FieldPanel("venue"),
                FieldPanel("online_url"),
                FieldPanel("capacity"),
            ],
            heading=_("Var"),
        ),
        MultiFieldPanel(
            [FieldPanel("organiser"), FieldPanel("contact")],
            heading=_("Vem"),
        ),
        MultiFieldPanel(
            [FieldPanel("rrule"), FieldPanel("exdates")],
            heading=_("Upprepning"),
        ),
    ]


class OccurrenceOverrideViewSet(SnippetViewSet):
    model = OccurrenceOverride
    icon = "calendar-alt"
    menu_label = _("Ändrade tillfällen")
    list_display = ["event", "original_start", "start", "cancelled"]
    list_filter = ["cancelled"]
    search_fields = ["event__title"]


class AgendaProposalViewSet(SnippetViewSet):
    model = AgendaProposal
    icon = "list-ol"
    menu_label = _("Förslag till dagordning")
    list_display = ["title", "event", "organisation", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["title"]


class MinutesViewSet(SnippetViewSet):
    model = Minutes
    icon = "doc-full"
    menu_label = _("Protokoll")
    list_display = ["event", "status"]
    list_filter = ["status"]
    search_fields = ["event__title"]


class ActionItemViewSet(SnippetViewSet):
    model = ActionItem
    icon = "tasks"
    menu_label = _("Åtgärder")
    list_display = ["description", "owner", "due_date", "status"]
    list_filter = ["status"]
    search_fields = ["description"]


class EventAttachmentViewSet(SnippetViewSet):
    """Documents attached to a meeting (agenda papers, presentations)."""

    model = EventAttachment
    icon = "doc-full"
    menu_label = _("Bilagor")
    list_display = ["document", "event"]
    search_fields = ["event__title"]


class CalendarGroup(ViewSetGroup):
    menu_label = _("Kalender")
    menu_icon = "date"
    items = (
        EventViewSet,
        OccurrenceOverrideViewSet,
        EventAttachmentViewSet,
        AgendaProposalViewSet,
        MinutesViewSet,
        ActionItemViewSet,
    )


register_snippet(CalendarGroup)
