"""The Wagtail locale of the reader's language, and a page in it, without a
query on every use.

Wagtail's ``page.localized`` asks the database for the active ``Locale`` each
time it is read; the footer, the menu and the link lists read it on every
page. Locales change only when an administrator adds or removes a language,
so their ids are kept per process, read again on a miss and forgotten when a
locale is saved or deleted or the tables are flushed (``post_migrate``).
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

_locale_ids = {}


def active_locale_id():
    """The id of the locale of the active language (the default's when the
    active language has none), or None on a site without locales."""
    try:
        language = get_supported_content_language_variant(
            get_language() or settings.LANGUAGE_CODE
        )
    except LookupError:
        language = settings.LANGUAGE_CODE
    if language not in _locale_ids:
        _locale_ids.clear()
        _locale_ids.update(Locale.objects.values_list("language_code", "id"))
        _locale_ids.setdefault(language, None)
    return _locale_ids[language] or _locale_ids.get(settings.LANGUAGE_CODE)


def language_code_of(locale_id):
    """The language code of the locale ``locale_id`` (None if there is none)."""
    for language, known_id in _locale_ids.items():
        if known_id == locale_id:
            return language
    _locale_ids.clear()
    _locale_ids.update(Locale.objects.values_list("language_code", "id"))
    return next(
        (code for code, known in _locale_ids.items() if known == locale_id), None
    )


def localized(page):
    """``page`` in the reader's language: its live translation (or alias),
    else ``page`` itself; no query when ``page`` is in that language."""
    locale_id = active_locale_id()
    if page is None or locale_id is None or page.locale_id == locale_id:
        return page
    translation = (
        type(page)
        .objects.filter(
            translation_key=page.translation_key, locale_id=locale_id, live=True
        )
        .first()
    )
    return translation or page


def forget_locales(**kwargs):
    _locale_ids.clear()


def connect():
    post_save.connect(forget_locales, sender=Locale, dispatch_uid="tia-locales-save")
    post_delete.connect(
        forget_locales, sender=Locale, dispatch_uid="tia-locales-delete"
    )
    post_migrate.connect(forget_locales, dispatch_uid="tia-locales-migrate")


__all__ = ["active_locale_id", "language_code_of", "localized"]
