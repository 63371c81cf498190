"""What the forum holds about a person, for their data download: the posts
and response versions they wrote, the threads they follow, their
notifications and notification choice. Other people's replies are left out."""

from core.users.personal_data import register, when

from .models import (
    Notification,
    NotificationPreference,
    Post,
    ResponseVersion,
    ThreadFollow,
)


@register("forum_posts")
def posts(user):
    rows = Post.objects.filter(author=user).select_related("thread", "organisation")
    return [
        {
            "thread": post.thread.title,
            "organisation": post.organisation.name if post.organisation else None,
            "text": post.body,
            "created_at": when(post.created_at),
            "edited_at": when(post.edited_at),
            "hidden": post.hidden,
        }
        for post in rows.order_by("created_at", "pk")
    ]


@register("consultation_response_versions")
def response_versions(user):
    """Versions of their organisation's responses that they saved."""
    rows = ResponseVersion.objects.filter(saved_by=user).select_related(
        "response__consultation", "response__organisation"
    )
    return [
        {
            "consultation": version.response.consultation.title,
            "organisation": version.response.organisation.name,
            "version": version.version,
            "content": version.snapshot,
            "saved_at": when(version.saved_at),
        }
        for version in rows.order_by("saved_at", "pk")
    ]


@register("followed_threads")
def followed_threads(user):
    rows = ThreadFollow.objects.filter(user=user).select_related("thread")
    return [follow.thread.title for follow in rows.order_by("pk")]


@register("notifications")
def notifications(user):
    return [
        {
            "kind": notification.kind,
            "subject": notification.subject,
            "link": notification.url,
            "created_at": when(notification.created_at),
            "read_at": when(notification.read_at),
        }
        for notification in Notification.objects.filter(user=user).order_by("pk")
    ]


@register("notification_choice")
def notification_choice(user):
    preference = NotificationPreference.objects.filter(user=user).first()
    return preference.frequency if preference else None
