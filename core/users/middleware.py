"""Remembering the language each signed-in person last read the site in."""

from django.conf import settings
from django.contrib.auth import get_user_model

from .language import is_supported


class RememberLanguageMiddleware:
    """Store the request's language on the signed-in person when it changed.

    Mail and notifications go out in it when the person has chosen no
    language. One UPDATE when the language differs from the stored one (blank
    stands for the site's), none otherwise: the person is the one
    AuthenticationMiddleware loaded.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        code = getattr(request, "LANGUAGE_CODE", "")
        if (
            user is not None
            and user.is_authenticated
            and code != (user.last_language or settings.LANGUAGE_CODE)
            and is_supported(code)
        ):
            get_user_model().objects.filter(pk=user.pk).update(last_language=code)
            user.last_language = code
        return response
