from . import _request


class AuditRequestMiddleware:
    """Keeps the request at hand for ``record``, so that an entry written in a
    model method or signal receiver names the person and address behind it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)
