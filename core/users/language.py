"""A person's language: the one to write to them in (:func:`language_for`),
and switching the site to their chosen one, as ``set_language`` does (the
prefixed URL and the language cookie)."""

from contextlib import contextmanager
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import translate_url
from django.utils import translation


def is_supported(code):
    return code in dict(settings.LANGUAGES)


def language_for(user):
    """The language to write to ``user`` in (mail, notifications): the one
    they chose, else the one they last read the site in, else the site's.
    A code no longer offered counts as none."""
    for code in (
        getattr(user, "language", ""),
        getattr(user, "last_language", ""),
    ):
        if code and is_supported(code):
            return code
    return settings.LANGUAGE_CODE


def url_in_language(url, code):
    """``url`` (a path on this site, or a full URL of it) as the same page in
    language ``code``; a URL that is no page of the site stays as it is."""
    # A path resolves only in its own language: /en/… in English, an
    # unprefixed one in the default language.
    path = urlsplit(url).path
    own = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    if own == code:
        return url
    with translation.override(own):
        return translate_url(url, code)


def switch_response(response, code):
    """``response`` (a redirect) goes to the same page in language ``code``
    and remembers the language in Django's cookie."""
    location = response.get("Location")
    if location:
        response["Location"] = url_in_language(location, code)
    return set_language_cookie(response, code)


def set_language_cookie(response, code):
    """Keep ``code`` as the reader's language in Django's language cookie."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


@contextmanager
def in_language(code):
    """Inside, messages are written in ``code``; ``switch(response)`` points
    the redirect at the page in ``code``. A code no longer offered is
    ignored."""
    if not is_supported(code):
        yield lambda response: response
        return
    with translation.override(code):
        yield lambda response: switch_response(response, code)
