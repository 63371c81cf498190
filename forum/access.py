"""The one access rule of the forum.

A person's level in a forum is the highest level of the organisations they
are an active member of there. Conveners of a forum see everything in it, and
county administrators (:func:`is_county_admin`) everything in every forum;
anonymous visitors see public content only. Being staff (a Wagtail editor)
gives nothing here: editing public pages opens nothing private. Content
carries a ``visibility`` (public, or one of the four levels) and a forum; a
person sees it when their level in that forum is at least its visibility.

Every list, detail view, feed, search result and export filters through
:func:`visible_q` (``QuerySet.visible_to(user)``) or asks :func:`can`. The
rule runs in the database as subqueries: no per-row queries, and a changed
membership or level takes effect on the next request.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import get_object_or_404

from core.users.permissions import is_county_admin

from .models.core import Forum, Level, Participation, Visibility

# What each action needs, beyond seeing the object.
ACTION_LEVELS = {
    "view": None,  # the object's own visibility decides
    "view_members": Level.INFORMATION,  # partner directory, members-only contacts
    "subscribe": Level.INFORMATION,
    "respond": Level.SAMRAD,
    "post": Level.DIALOG,
    "propose_agenda_item": Level.DIALOG,
    "partnership": Level.PARTNERSKAP,
}
CONVENER_ACTIONS = {"manage", "export", "decide_application"}


def participations_of(user):
    """The participations that give ``user`` a level: via active memberships."""
    return Participation.objects.filter(
        organisation__memberships__user=user,
        organisation__memberships__status="active",
    )


def visible_q(user, forum_field="forum", visibility_field="visibility"):
    """A Q for content with a forum and a visibility that ``user`` may see."""
    public = Q(**{visibility_field: Visibility.PUBLIC})
    if not user.is_authenticated:
        return public
    if is_county_admin(user):
        return Q()
    member_sees = Exists(
        participations_of(user).filter(
            forum=OuterRef(forum_field), level__gte=OuterRef(visibility_field)
        )
    )
    # EXISTS, not a join: a join over the conveners gives a row per convener,
    # and callers would need DISTINCT (which PostgreSQL plans badly inside
    # the IN subqueries of filter options).
    convenes = Exists(
        Forum.conveners.through.objects.filter(
            forum_id=OuterRef(forum_field), user_id=user.pk
        )
    )
    return public | member_sees | convenes


def forums_of(user):
    """The forums ``user`` takes part in: as member, convener or county admin."""
    return forums_allowing(user, "view_members")


def forums_allowing(user, action):
    """The forums where ``can(user, action, forum)`` holds, as one queryset."""
    if not user.is_authenticated:
        return Forum.objects.none()
    if is_county_admin(user):
        return Forum.objects.all()
    if action in CONVENER_ACTIONS:
        return Forum.objects.filter(conveners=user)
    needed = ACTION_LEVELS.get(action)
    if needed is None:
        # "view" depends on the object's visibility, not on the forum.
        raise ValueError(f"No forum-wide rule for {action!r}")
    members = participations_of(user).filter(level__gte=needed).values("forum")
    return Forum.objects.filter(
        Q(pk__in=members) | Q(pk__in=Forum.objects.filter(conveners=user).values("pk"))
    )


def forums_reading_agreements(user):
    """The forums whose agreements ``user`` reads: their partnership workspace's."""
    return forums_allowing(user, "partnership")


def level_in(user, forum):
    """The user's level in ``forum``: 0 for none, 4 for conveners and county admins."""
    if not user.is_authenticated:
        return 0
    if is_convener(user, forum):
        return Level.PARTNERSKAP
    best = (
        participations_of(user)
        .filter(forum=forum)
        .order_by("-level")
        .values_list("level", flat=True)
        .first()
    )
    return best or 0


def is_convener(user, forum):
    if not user.is_authenticated:
        return False
    if is_county_admin(user):
        return True
    return forum.conveners.filter(pk=user.pk).exists()


def can(user, action, obj):
    """Whether ``user`` may do ``action`` on ``obj`` (a Forum or forum content)."""
    forum = obj if isinstance(obj, Forum) else obj.forum
    if action in CONVENER_ACTIONS:
        return is_convener(user, forum)
    if action not in ACTION_LEVELS:
        raise ValueError(f"Unknown action {action!r}")
    needed = ACTION_LEVELS[action]
    if needed is None:
        needed = getattr(obj, "visibility", Visibility.INFORMATION)
        if needed == Visibility.PUBLIC:
            return True
    return level_in(user, forum) >= needed


def forum_for(request, slug, action="view_members"):
    """The forum at ``slug`` if the signed-in user may do ``action`` there, else 403."""
    forum = get_object_or_404(Forum.objects.select_related("county"), slug=slug)
    if not can(request.user, action, forum):
        raise PermissionDenied
    return forum
