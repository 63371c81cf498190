"""The one access rule of the forum.

A person's level in a forum is the highest level of the organisations they
are an active member of there. Conveners of a forum and staff see everything
in it; anonymous visitors see public content only. Content carries a
``visibility`` (public, or one of the four levels) and a forum; a person sees
it when their level in that forum is at least its visibility.

Every list, detail view, feed, search result and export filters through
:func:`visible_q` (``QuerySet.visible_to(user)``) or asks :func:`can`. The
rule runs in the database as subqueries: no per-row queries, and a changed
membership or level takes effect on the next request.
"""

from django.db.models import Exists, OuterRef, Q

from .models import Forum, Level, Participation, Visibility

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


def is_staff(user):
    return bool(user.is_authenticated and (user.is_staff or user.is_superuser))


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
    if is_staff(user):
        return Q()
    member_sees = Exists(
        participations_of(user).filter(
            forum=OuterRef(forum_field), level__gte=OuterRef(visibility_field)
        )
    )
    convenes = Q(**{f"{forum_field}__conveners": user})
    return public | member_sees | convenes


def forums_of(user):
    """The forums ``user`` takes part in (as member at any level, convener or staff)."""
    if not user.is_authenticated:
        return Forum.objects.none()
    if is_staff(user):
        return Forum.objects.all()
    return Forum.objects.filter(
        Q(pk__in=participations_of(user).values("forum")) | Q(conveners=user)
    ).distinct()


def level_in(user, forum):
    """The user's level in ``forum``: 0 for none, 4 for conveners and staff."""
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
    if is_staff(user):
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
