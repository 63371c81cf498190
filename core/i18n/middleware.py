"""The language of a visit to an unprefixed (Swedish) address."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import Resolver404, get_resolver, get_script_prefix, is_valid_path
from django.urls.resolvers import LocalePrefixPattern, URLResolver
from django.utils import translation
from django.utils.cache import patch_vary_headers

from core.users.language import is_supported, set_language_cookie


class PreferredLanguageMiddleware:
    """Send a reader to their language's prefixed address.

    Swedish pages have no prefix, so an unprefixed address alone cannot say
    whether the reader chose Swedish. The language cookie can (the switcher
    and an earlier visit set it); without one, on the first visit, the
    browser's ``Accept-Language`` picks, and the choice is kept in the cookie.
    Only GET and HEAD of pages that exist in the other language are
    redirected; machine addresses (feeds, documents, the admin) are not
    language-prefixed and never move. Such answers vary by cookie and
    ``Accept-Language``, and say so.

    After ``LocaleMiddleware``, whose language for an unprefixed address is
    always Swedish.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._unprefixed_page(request):
            return self.get_response(request)
        cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        chosen = cookie if cookie and is_supported(cookie) else None
        wanted = chosen or translation.get_language_from_request(request)
        if request.method in ("GET", "HEAD") and wanted != settings.LANGUAGE_CODE:
            target = self._prefixed(request, wanted)
            if target:
                response = HttpResponseRedirect(target)
                if not chosen:
                    set_language_cookie(response, wanted)
                patch_vary_headers(response, ("Accept-Language", "Cookie"))
                return response
        response = self.get_response(request)
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response

    @staticmethod
    def _unprefixed_page(request):
        """An address of the language-prefixed part of the site, without prefix."""
        if translation.get_language_from_path(request.path_info):
            return False
        resolver = get_resolver(getattr(request, "urlconf", None))
        path = request.path_info.removeprefix("/")
        for pattern in resolver.url_patterns:
            try:
                match = pattern.resolve(path)
            except Resolver404:
                continue
            if match:
                # The first pattern that answers decides: the pages people
                # read are under i18n_patterns; feeds and the admin are not.
                return isinstance(pattern, URLResolver) and isinstance(
                    pattern.pattern, LocalePrefixPattern
                )
        return False

    @staticmethod
    def _prefixed(request, code):
        path = f"/{code}{request.path_info}"
        if not is_valid_path(path, getattr(request, "urlconf", None)):
            return None
        script_prefix = get_script_prefix().rstrip("/")
        # The same address with its query string, only the prefix added.
        return f"{script_prefix}/{code}{request.get_full_path_info()}"
