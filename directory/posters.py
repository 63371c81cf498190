"""Posters for notice boards at Migrationsverket's accommodation and language
cafés: the current activities of a municipality or a sub-region, in Swedish and
one language more, with a QR code to the same list on the web in that language.

The poster is HTML rendered to a PDF (``poster_pdf``, WeasyPrint). Rendering
takes a second or more, so the PDF is kept in the cache under a hash of its
HTML: it is rendered again only when something it shows has changed.
"""

import datetime
import hashlib
from dataclasses import dataclass
from urllib.parse import urlencode

import segno
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext

from core.collation import sort_key
from core.conf import setting
from core.i18n.locales import localized

from .models.activities import Activity
from .models.translations import SOURCE_LANGUAGE
from .views import join_names, schedule_text, time_range

# More rows than this are no longer a poster; the QR code leads to the rest
# (and no visitor can make the server render hundreds of pages).
MAX_ROWS = 60
# The HTML names the day it was printed, so a cached PDF lasts a day at most.
CACHE_SECONDS = 24 * 60 * 60


@dataclass(frozen=True)
class Area:
    """The place a poster is for: a municipality or a sub-region, named by the
    directory's own filter (``kommun`` or ``delregion``) and its slug."""

    parameter: str
    slug: str
    name: str

    @classmethod
    def of_municipality(cls, municipality):
        return cls("kommun", municipality.slug, municipality.name)

    @classmethod
    def of_subregion(cls, subregion):
        return cls("delregion", subregion.slug, subregion.name)

    @property
    def query(self):
        return {self.parameter: self.slug}

    def filter(self, activities):
        """The activities of the area, as the directory's filter selects them."""
        if self.parameter == "kommun":
            return activities.filter(municipality__slug=self.slug)
        return activities.filter(municipality__subregion__slug=self.slug)


def area_activities(area, language, today=None):
    """The area's current activities with what their rows show, in the order
    of the poster (municipality, then title)."""
    activities = (
        area.filter(Activity.objects.current(today))
        .with_public_relations()
        .with_translation(language)
    )
    return sorted(
        activities,
        key=lambda a: (sort_key(a.municipality.name), sort_key(a.title), a.pk),
    )


def directory_url(page, area, language, request=None):
    """The absolute address of the directory filtered to ``area``, in
    ``language``, on the site's configured host (``TIA["SITE_URL"]``)."""
    with translation.override(language):
        # The directory page in that language's page tree (its alias until
        # translated), under that language's prefix.
        _site, _root, path = localized(page).get_url_parts(request)
    return f"{setting('SITE_URL').rstrip('/')}{path}?{urlencode(area.query)}"


def qr_svg(url):
    """The QR code of ``url`` as an SVG element; its size is the stylesheet's."""
    return segno.make(url, error="m", micro=False).svg_inline(omitsize=True)


def words(language, message, **params):
    """``message`` in ``language``; None when it has no translation there
    yet, so that a poster never repeats Swedish under the other language."""
    with translation.override(language):
        text = gettext(message)
    if language != SOURCE_LANGUAGE and text == message:
        return None
    return text % params if params else text


def both(language, message, **params):
    """``message`` in Swedish and in ``language`` (None when untranslated),
    each with its dates written as that language writes them."""
    result = {}
    for key, code in (("sv", SOURCE_LANGUAGE), ("second", language)):
        with translation.override(code):
            values = {
                name: date_format(value, "j F Y")
                if isinstance(value, datetime.date)
                else value
                for name, value in params.items()
            }
        result[key] = words(code, message, **values)
    return result


def when_text(activity, today):
    """When the activity meets, in words in the active language, as its page
    says it: 'varje tisdag 17.00–19.00, från 3 mars 2026 till 30 juni 2026';
    one session: its date and time."""
    schedule = schedule_text(activity) if activity.rrule else ""
    if not schedule:
        day = date_format(activity.start_date, "l j F Y")
        return f"{day} {time_range(activity)}".strip()
    language = translation.get_language()
    start = date_format(activity.start_date, "j F Y")
    if activity.end_date:
        end = date_format(activity.end_date, "j F Y")
        period = words(language, "från %(start)s till %(end)s", start=start, end=end)
    elif activity.start_date > today:
        period = words(language, "från %(date)s", date=start)
    else:
        period = None
    return f"{schedule}, {period}" if period else schedule


def _names(languages, reader):
    return join_names(str(language.name_for(reader)) for language in languages)


def side(activity, language, today):
    """One language's words of an activity's row."""
    with translation.override(language):
        shown = activity.text_in(language)
        support = list(activity.support_languages.all())
        return {
            "title": shown.title,
            "how_to_join": shown.how_to_join,
            "when": when_text(activity, today),
            "mode": (
                ""
                if activity.mode == Activity.Mode.IN_PERSON
                else str(activity.get_mode_display())
            ),
            "join": str(activity.get_join_method_display()),
            "taught": _names(activity.instruction_languages.all(), language),
            "support": _names(support, language) if support else "",
        }


def header(area, language, today, more):
    """The poster's own words, in Swedish and in ``language``."""
    return {
        "title": both(language, "Aktiviteter i %(subregion)s", subregion=area.name),
        "lead": both(
            language,
            "Lär dig svenska, träffa andra och få veta mer om samhället. Välkommen!",
        ),
        "scan": both(
            language,
            "Listan gäller %(date)s. Skanna QR-koden för att se alla aktiviteter "
            "och de senaste ändringarna.",
            date=today,
        ),
        "columns": [
            both(language, name)
            for name in ("Aktivitet", "När", "Plats", "Språk", "Så deltar du")
        ],
        "support": both(language, "Stöd på"),
        "only_swedish": both(language, "Den här texten finns bara på svenska."),
        "more": more and both_plural(language, more),
    }


def both_plural(language, count):
    singular = "Det finns %(count)s aktivitet till. Skanna QR-koden för att se den."
    plural = "Det finns %(count)s aktiviteter till. Skanna QR-koden för att se dem."
    result = {}
    for key, code in (("sv", SOURCE_LANGUAGE), ("second", language)):
        with translation.override(code):
            text = ngettext(singular, plural, count)
        untranslated = text in (singular, plural) and code != SOURCE_LANGUAGE
        result[key] = None if untranslated else text % {"count": count}
    return result


def rows(activities, language, today):
    """Each activity as a row: its Swedish words, and those of ``language``."""
    result = []
    for activity in activities:
        contact = activity.contact_person
        if contact is not None and not contact.is_public:
            contact = None
        result.append(
            {
                "activity": activity,
                "contact": contact,
                "sv": side(activity, SOURCE_LANGUAGE, today),
                "second": side(activity, language, today),
            }
        )
    return result


def poster_html(page, area, language, request=None, today=None):
    """The poster as HTML, and the number of its activities."""
    today = today or timezone.localdate()
    activities = area_activities(area, language.code, today)
    url = directory_url(page, area, language.code, request)
    shown = activities[:MAX_ROWS]
    second = {"code": language.code, "direction": "rtl" if language.rtl else "ltr"}
    # Swedish first, whatever the language of the page that asked for it.
    with translation.override(SOURCE_LANGUAGE):
        html = render_to_string(
            "directory/poster.html",
            {
                "area": area,
                "second": second,
                "words": header(
                    area, language.code, today, len(activities) - len(shown)
                ),
                "rows": rows(shown, language.code, today),
                "url": url,
                "qr": qr_svg(url),
            },
        )
    return html, len(activities)


def fingerprint(html):
    return hashlib.sha256(html.encode()).hexdigest()


def pdf_for(html):
    """The PDF of ``html``, from the cache when the same HTML was rendered."""
    key = f"directory:poster:{fingerprint(html)}"
    pdf = cache.get(key)
    if pdf is None:
        # Imported here: WeasyPrint loads Pango when imported, and a machine
        # without it should lose the posters only, not the whole site.
        from .poster_pdf import write_pdf

        pdf = write_pdf(html)
        cache.set(key, pdf, CACHE_SECONDS)
    return pdf


def filename(area, language):
    return f"affisch-{area.slug}-{language.code}.pdf"
