"""Dialog (level Dialog and up): threads with replies; conveners may hide posts."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.attachments import AttachedFile
from core.identity_numbers import no_identity_numbers
from core.sanitizer import clean_html
from core.single_line import single_line
from partners.models import Organisation

from ..querysets import ForumContentQuerySet
from .core import Forum, Visibility


class Thread(models.Model):
    """A discussion in a forum."""

    forum = models.ForeignKey(
        Forum, verbose_name=_("forum"), on_delete=models.CASCADE, related_name="threads"
    )
    title = models.CharField(
        _("rubrik"), max_length=200, validators=[single_line, no_identity_numbers]
    )
    visibility = models.PositiveSmallIntegerField(
        _("synlighet"), choices=Visibility.choices, default=Visibility.DIALOG
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("startad av"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("startad"), default=timezone.now)
    last_activity_at = models.DateTimeField(_("senaste inlägg"), default=timezone.now)

    objects = ForumContentQuerySet.as_manager()

    class Meta:
        verbose_name = _("tråd")
        verbose_name_plural = _("trådar")
        ordering = ["-last_activity_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(visibility__gte=3), name="thread_visible_from_dialog"
            ),
        ]

    def __str__(self):
        return self.title


class Post(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("skribent"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="forum_posts",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = models.TextField(_("inlägg"), validators=[no_identity_numbers])
    created_at = models.DateTimeField(_("skrivet"), default=timezone.now)
    edited_at = models.DateTimeField(_("ändrat"), null=True, blank=True)
    hidden = models.BooleanField(_("dolt"), default=False)
    hidden_reason = models.CharField(_("skäl"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("inlägg")
        verbose_name_plural = _("inlägg")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.author}: {self.thread}"

    def save(self, *args, **kwargs):
        self.body = clean_html(self.body)
        super().save(*args, **kwargs)


class PostAttachment(AttachedFile):
    """A file attached to a post; it is seen by whoever sees the post."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="attachments")

    class Meta(AttachedFile.Meta):
        verbose_name = _("bilaga till inlägg")
        verbose_name_plural = _("bilagor till inlägg")


class ThreadFollow(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="thread_follows",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # When the follower last opened the thread: replies after it are unread on
    # their desk (before the first visit, replies after the follow began).
    last_read_at = models.DateTimeField(_("senast läst"), null=True, blank=True)

    class Meta:
        verbose_name = _("bevakning")
        verbose_name_plural = _("bevakningar")
        constraints = [
            models.UniqueConstraint(fields=["thread", "user"], name="follow_once"),
        ]

    def __str__(self):
        return f"{self.user} → {self.thread}"

    @classmethod
    def mark_read(cls, thread, user, at=None):
        """The thread is read up to now by ``user`` (if they follow it)."""
        cls.objects.filter(thread=thread, user=user).update(
            last_read_at=at or timezone.now()
        )


class PostModeration(models.Model):
    """The log of posts hidden or shown again by a convener, with the reason."""

    class Action(models.TextChoices):
        HIDDEN = "hidden", _("Dolt")
        SHOWN = "shown", _("Visas igen")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="moderation")
    action = models.CharField(_("åtgärd"), max_length=8, choices=Action.choices)
    reason = models.CharField(_("skäl"), max_length=300)
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("av"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("tid"), default=timezone.now)

    class Meta:
        verbose_name = _("moderering")
        verbose_name_plural = _("moderering")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_action_display()}: {self.post}"
