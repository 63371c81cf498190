from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Calendars, meetings, agendas, minutes and iCalendar feeds."""

    name = "events"
    verbose_name = _("Kalender")
