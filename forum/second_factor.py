"""A second factor for those who hold power on the platform.

Staff (everyone who may use the Wagtail admin), county administrators,
conveners of a forum and sub-regional coordinators see and decide more than
members do: draft minutes, every organisation's responses, applications,
moderation. A password alone must not open that. Until such a person has set
up an authenticator app (allauth's TOTP, with recovery codes) and used it in
the current session, every page but the account pages sends them to set it
up or to enter a code; and their session ends after 30 minutes without
activity (to the minute: the session is saved at most once a minute). Everybody
else may use a second factor and is not forced to.

Whether a person holds such a role is asked of the database once per session
and kept in it, with the "generation" of roles it was asked under; any change
of conveners, coordinators or permissions starts a new generation (in the
shared cache), after which every session asks once more. So pages cost no
extra query, and a new role applies from the next request.
"""

import time
from uuid import uuid4

from allauth.account.authentication import (
    AUTHENTICATION_METHODS_SESSION_KEY,
    get_authentication_records,
)
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME, get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in
from django.core.cache import cache
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import QueryDict
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _

IDLE_SECONDS = 30 * 60
# How often a power holder's session is saved to move its end on.
REFRESH_SECONDS = 60
GENERATION_KEY = "tia:second-factor:roles-generation"
SESSION_ROLE = "tia_holds_power"  # [generation, holds power]
SESSION_SEEN = "tia_seen_at"

# What stays open, wherever the host mounts it: allauth's own pages (signing
# in and out, setting up the second factor), files, and machine endpoints and
# feeds, whose private URLs carry a token of their own. Views are found by
# URL name, so a host that puts the platform under a prefix keeps them open.
OPEN_URL_NAMES = frozenset(
    {
        "events_feed_public",
        "events_feed_forum",
        "events_feed_personal",
        "events_feed_event",
        "activity_ics",
        "health",
        "robots_txt",
        "sitemap",
        "favicon",
    }
)


def holds_power(user):
    """Whether ``user`` must use a second factor: staff, county administrators,
    conveners and coordinators. One query at most."""
    if not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    county_admin = Q(
        groups__permissions__codename="administer_forums",
        groups__permissions__content_type__app_label="forum",
    ) | Q(
        user_permissions__codename="administer_forums",
        user_permissions__content_type__app_label="forum",
    )
    return (
        get_user_model()
        .objects.filter(pk=user.pk)
        .filter(
            Q(convened_forums__isnull=False)
            | Q(coordinator_roles__isnull=False)
            | county_admin
        )
        .exists()
    )


def roles_generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # After a restart of the cache nobody's kept answer counts.
        cache.add(GENERATION_KEY, uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def new_roles_generation(**kwargs):
    """A role may have changed: every session asks once more."""
    cache.set(GENERATION_KEY, uuid4().hex, timeout=None)


def session_holds_power(session, user):
    """:func:`holds_power` for the signed-in ``user``, kept in their session."""
    if user.is_staff or user.is_superuser:
        return True
    generation = roles_generation()
    kept = session.get(SESSION_ROLE)
    if kept and kept[0] == generation:
        return kept[1]
    answer = holds_power(user)
    session[SESSION_ROLE] = [generation, answer]
    return answer


def keep_alive(session):
    """Let the session end 30 minutes after the last request (saving at most
    once a minute)."""
    now = time.time()
    if now - session.get(SESSION_SEEN, 0) >= REFRESH_SECONDS:
        session[SESSION_SEEN] = now
        session.set_expiry(IDLE_SECONDS)


def on_sign_in(sender, request, user, **kwargs):
    """Ask at sign-in, so that the first pages cost no extra query."""
    if session_holds_power(request.session, user):
        keep_alive(request.session)


def connect_signals():
    """Called from the forum app's ``ready()``."""
    from .models import Coordinator, Forum

    User = get_user_model()
    user_logged_in.connect(on_sign_in, dispatch_uid="second_factor_sign_in")
    for through in (
        Forum.conveners.through,
        User.groups.through,
        User.user_permissions.through,
        Group.permissions.through,
    ):
        m2m_changed.connect(
            new_roles_generation, sender=through, dispatch_uid=f"roles_{through}"
        )
    for signal in (post_save, post_delete):
        signal.connect(
            new_roles_generation,
            sender=Coordinator,
            dispatch_uid=f"roles_coordinator_{signal}",
        )
    post_delete.connect(new_roles_generation, sender=Group, dispatch_uid="roles_group")


def passed_second_factor(request):
    """Whether the person entered a code from their authenticator (or a
    recovery code) since they signed in."""
    return any(
        record.get("method") == "mfa"
        for record in get_authentication_records(request, request.user)
    )


def record_in_session(session, user):
    """Record in ``session`` that ``user`` entered a code, as allauth does.

    Only for tools that sign people in without a browser: the benchmark and
    the tests' ``force_login``. No view calls it.
    """
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "mfa", "type": "totp", "at": time.time()}
    ]
    # allauth keeps whose records they are beside them.
    session[f"{AUTHENTICATION_METHODS_SESSION_KEY}_user"] = str(user.pk)
    session.save()


def is_open(path):
    if path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
        return True
    try:
        match = resolve(path)
    except Resolver404:
        return path.endswith("/favicon.ico")
    return match.url_name in OPEN_URL_NAMES or match.func.__module__.startswith(
        "allauth."
    )


class SecondFactorMiddleware:
    """Sends power holders without a second factor in this session to set one
    up or to enter a code, and keeps their sessions short."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and session_holds_power(request.session, user):
            keep_alive(request.session)
            if not passed_second_factor(request) and not is_open(request.path_info):
                return self.to_second_factor(request)
        return self.get_response(request)

    def to_second_factor(self, request):
        has_app = Authenticator.objects.filter(
            user=request.user, type=Authenticator.Type.TOTP
        ).exists()
        if has_app:
            target = reverse("mfa_reauthenticate")
            messages.info(
                request,
                _(
                    "Din roll kräver tvåstegsverifiering. Ange koden från din "
                    "autentiseringsapp för att fortsätta."
                ),
            )
        else:
            target = reverse("mfa_activate_totp")
            messages.info(
                request,
                _(
                    "Din roll ger tillgång till mer än medlemmarnas sidor och kräver "
                    "därför tvåstegsverifiering. Lägg in en autentiseringsapp för "
                    "att fortsätta."
                ),
            )
        query = QueryDict(mutable=True)
        query[REDIRECT_FIELD_NAME] = (
            request.get_full_path() if request.method == "GET" else "/"
        )
        return redirect(f"{target}?{query.urlencode(safe='/')}")
