"""A person's chosen language: switching the site to it, as ``set_language``
does (the prefixed URL and the language cookie)."""

from contextlib import contextmanager

from django.conf import settings
from django.urls import translate_url
from django.utils import translation


def is_supported(code):
    return code in dict(settings.LANGUAGES)


def url_in_language(url, code):
    """``url`` (a path on this site) as the same page in language ``code``."""
    # A path resolves only in its own language: /en/… in English, an
    # unprefixed one in the default language.
    own = translation.get_language_from_path(url) or settings.LANGUAGE_CODE
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
