"""Response headers and request limits that every page shares."""

from django.http import HttpResponse
from django.template.loader import render_to_string

from core.conf import setting

# Browser features the platform never uses; denied to every page and to any
# frame. The activity map pans and zooms only: it never asks where the visitor
# is (a visitor's location would say where an asylum seeker lives).
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)


class PermissionsPolicyMiddleware:
    """``Permissions-Policy`` on every response (Django has no setting for it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


def max_request_bytes():
    """``TIA["MAX_REQUEST_BYTES"]``, or room for five attachments and a form."""
    limit = setting("MAX_REQUEST_BYTES")
    if limit is None:
        limit = 5 * setting("ATTACHMENT_MAX_BYTES") + 1024 * 1024
    return limit


class RequestSizeLimitMiddleware:
    """Refuse, from its ``Content-Length``, a request far over the upload limit,
    before anything reads its body (the web server should have stopped it
    already: docs/architecture.md, "Files")."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.headers.get("Content-Length") or 0)
        except ValueError:
            length = 0
        if length > max_request_bytes():
            return HttpResponse(
                render_to_string("413.html"),
                status=413,
                headers={"Connection": "close"},
            )
        return self.get_response(request)
