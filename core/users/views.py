"""Every way into a session goes through allauth."""

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt

from core.query import reads_query

from .forms import SignInTargetQueryForm


@csrf_exempt  # it reads nothing from the request body and signs nobody in
@reads_query(SignInTargetQueryForm)
def sign_in_elsewhere(request, query_form):
    """Wagtail's own sign-in forms (``/admin/login/``, ``/_util/login/``).

    They would sign a person in with email and password alone: no email
    verification, no second factor, no rate limit. This view takes their URLs
    and sends every visitor, whatever the method, to allauth's sign-in page,
    keeping where they were going.
    """
    target = query_form().target()
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = resolve_url("wagtailadmin_home") if _is_admin(request) else "/"
    return redirect_to_login(target, login_url=resolve_url("account_login"))


def _is_admin(request):
    return request.path.startswith("/admin/")
