from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Calendars, meetings, agendas, minutes and iCalendar feeds."""

    name = "events"
    verbose_name = _("Kalender")

    def ready(self):
        from core import site_search
        from forum import search
        from forum.desk import register

        from . import (
            notification_texts,  # noqa: F401  (registers its kind)
            personal_data,  # noqa: F401  (registers its sections)
        )
        from .desk import desk_sections
        from .search import meeting_results
        from .site_search import EVENTS

        # The forum's desk shows the next meeting and minutes; forum/ cannot
        # import the calendar, so the calendar hands it its part.
        register(desk_sections)
        # The same for the members' search.
        search.register(meeting_results)
        # The public site search finds the public events.
        site_search.register(EVENTS)
