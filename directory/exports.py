"""The directory's filtered list as data: one row per activity, for the CSV and
the JSON download of the list a visitor is looking at.

The rows are the page's own (``views.filtered_list``: the same filters, the
same order, every page of them) and hold only what the public pages show:
the contact is the activity's public contact person, else the organiser's
own address and number, never a members-only contact.
"""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import csv
from partners.models import ContactPerson

from . import ical
from .models import Activity
from .views import schedule_text, time_range

# The JSON's keys never change with the reader's language; the CSV's column
# titles are these, translated.
COLUMNS = [
    ("title", gettext_lazy("Rubrik")),
    ("organiser", gettext_lazy("Arrangör")),
    ("area", gettext_lazy("Område")),
    ("municipality", gettext_lazy("Kommun")),
    ("place", gettext_lazy("Plats")),
    ("languages", gettext_lazy("Språk")),
    ("support_languages", gettext_lazy("Stöd på")),
    ("schedule", gettext_lazy("När")),
    ("next_session", gettext_lazy("Nästa tillfälle")),
    ("period", gettext_lazy("Period")),
    ("how_to_join", gettext_lazy("Så deltar du")),
    ("contact", gettext_lazy("Kontakt")),
    ("url", gettext_lazy("Länk")),
]


def public_contact(activity):
    """The contact a visitor is shown: the activity's contact person when public,
    else the organiser's own email and phone (as the activity's page does).

    A dict with ``name``, ``role``, ``email``, ``phone``, or None.
    """
    person = activity.contact_person
    if person is not None and person.visibility == ContactPerson.Visibility.PUBLIC:
        return {
            "name": person.name,
            "role": person.role,
            "email": person.email,
            "phone": person.phone,
        }
    organisation = activity.organisation
    if organisation.email or organisation.phone:
        return {
            "name": organisation.name,
            "role": "",
            "email": organisation.email,
            "phone": organisation.phone,
        }
    return None


def session_text(activity, day):
    """'tisdag 3 mars 2026 17.00–19.00' in the reader's language."""
    if day is None:
        return ""
    text = date_format(day, "l j F Y")
    return f"{text} {time_range(activity)}".strip()


def schedule_words(activity):
    """The recurrence in words, or the one session's date and time."""
    return schedule_text(activity) or session_text(
        activity, ical.first_session(activity)
    )


def period_text(activity):
    start = date_format(activity.start_date, "j F Y")
    last = activity.end_date or ical.last_session(activity)
    if last is None or last == activity.start_date:
        return start
    return f"{start} – {date_format(last, 'j F Y')}"


def place_text(activity):
    if activity.mode == Activity.Mode.ONLINE:
        return str(activity.get_mode_display())
    parts = [activity.venue, activity.address, activity.municipality.name]
    text = ", ".join(part for part in parts if part)
    if activity.mode == Activity.Mode.HYBRID:
        text += f" ({activity.get_mode_display()})"
    return text


def language_names(languages):
    return [str(language.display) for language in languages]


def rows(activities, *, language, url_of, today=None):
    """One dict an activity, the JSON's shape (``docs/open-data.md``).

    ``activities`` come from ``views.filtered_list`` (with their relations and
    the reader's translations); ``url_of(activity)`` is the absolute link to
    its page in the reader's language; the texts are in ``language`` where
    the activity has a translation into it, as on the page.
    """
    today = today or timezone.localdate()
    for activity in activities:
        shown = activity.text_in(language)
        sessions = ical.upcoming_sessions(activity, today, limit=1)
        next_day = sessions[0] if sessions else None
        taught = list(activity.instruction_languages.all())
        supported = list(activity.support_languages.all())
        yield {
            "title": shown.title.value,
            "summary": shown.summary.value,
            "organiser": activity.organisation.name,
            "area": {
                "code": activity.category,
                "name": str(activity.get_category_display()),
            },
            "municipality": {
                "code": activity.municipality.code,
                "name": activity.municipality.name,
            },
            "mode": activity.mode,
            "venue": activity.venue,
            "address": activity.address,
            "latitude": _number(activity.latitude),
            "longitude": _number(activity.longitude),
            "languages": [
                {"code": language.code, "name": str(language.display)}
                for language in taught
            ],
            "support_languages": [
                {"code": language.code, "name": str(language.display)}
                for language in supported
            ],
            "target_group": activity.target_group,
            "age_band": activity.age_band,
            "schedule": schedule_words(activity),
            "rrule": activity.rrule,
            "start_date": activity.start_date.isoformat(),
            "end_date": activity.end_date.isoformat() if activity.end_date else None,
            "start_time": _time(activity.start_time),
            "end_time": _time(activity.end_time),
            "next_session": next_day.isoformat() if next_day else None,
            "free_of_charge": activity.free_of_charge,
            "how_to_join": {
                "method": activity.join_method,
                "name": str(activity.get_join_method_display()),
                "text": shown.how_to_join.value,
                "registration_url": activity.registration_url,
            },
            "contact": public_contact(activity),
            "url": url_of(activity),
            # What the CSV says in words, kept beside the data.
            "_csv": {
                "place": place_text(activity),
                "next_session": session_text(activity, next_day),
                "period": period_text(activity),
                "languages": ", ".join(language_names(taught)),
                "support_languages": ", ".join(language_names(supported)),
            },
        }


def _number(value):
    return float(value) if value is not None else None


def _time(value):
    return value.strftime("%H:%M") if value else None


def _join_text(row):
    join = row["how_to_join"]
    parts = [join["name"], join["text"], join["registration_url"]]
    return " ".join(part for part in parts if part)


def _contact_text(contact):
    if not contact:
        return ""
    name = contact["name"] + (f" ({contact['role']})" if contact["role"] else "")
    parts = [name, contact["email"], contact["phone"]]
    return ", ".join(part for part in parts if part)


def json_rows(rows):
    """The rows without what only the CSV needs."""
    for row in rows:
        row = dict(row)
        row.pop("_csv")
        yield row


def csv_response(rows, filename):
    """The rows as a spreadsheet (``core.csv``: BOM, formula guard)."""

    def cells(row):
        words = row["_csv"]
        values = {
            "title": row["title"],
            "organiser": row["organiser"],
            "area": row["area"]["name"],
            "municipality": row["municipality"]["name"],
            "place": words["place"],
            "languages": words["languages"],
            "support_languages": words["support_languages"],
            "schedule": row["schedule"],
            "next_session": words["next_session"]
            or _("Inga fler tillfällen är inlagda"),
            "period": words["period"],
            "how_to_join": _join_text(row),
            "contact": _contact_text(row["contact"]),
            "url": row["url"],
        }
        return [values[key] for key, _title in COLUMNS]

    return csv.download(
        filename,
        [str(title) for _key, title in COLUMNS],
        (cells(row) for row in rows),
    )
