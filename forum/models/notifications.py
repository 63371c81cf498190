"""What each person is told by email, and how often."""

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from ..notification_texts import Message, render


class NotificationPreference(models.Model):
    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", _("Direkt")
        DAILY = "daily", _("En sammanfattning per dag")
        NONE = "none", _("Inga e-postmeddelanden")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preference",
    )
    frequency = models.CharField(
        _("e-post om forumet"),
        max_length=12,
        choices=Frequency.choices,
        default=Frequency.IMMEDIATE,
    )

    class Meta:
        verbose_name = _("aviseringsval")
        verbose_name_plural = _("aviseringsval")

    def __str__(self):
        return f"{self.user}: {self.get_frequency_display()}"


# The header shows each person's unread count on every page, so it is kept in
# the default cache (shared by the app servers) and counted in the database
# only when missing: at sign-in, or after that person's notifications were
# added or read, which forget it. A count stored just as another request
# changed them is stale for at most this many seconds.
UNREAD_COUNT_TIMEOUT = 60


def unread_count_key(user_id):
    return f"forum:unread-notifications:{user_id}"


def forget_unread_counts(user_ids):
    cache.delete_many([unread_count_key(pk) for pk in user_ids])


class NotificationQuerySet(models.QuerySet):
    def of(self, user):
        """Only ``user``'s own notifications: nobody reads another person's."""
        return self.filter(user=user) if user.is_authenticated else self.none()

    def unread(self):
        return self.filter(read_at__isnull=True)

    def mark_read(self):
        """Mark the unread ones read now; return how many were."""
        unread = self.unread()
        user_ids = set(unread.values_list("user_id", flat=True))
        marked = unread.update(read_at=timezone.now())
        forget_unread_counts(user_ids)
        return marked

    def unread_count(self, user):
        """How many of ``user``'s notifications are unread: the cache, or one query."""
        if not user.is_authenticated:
            return 0
        key = unread_count_key(user.pk)
        count = cache.get(key)
        if count is None:
            count = self.of(user).unread().count()
            cache.set(key, count, UNREAD_COUNT_TIMEOUT)
        return count


class Notification(models.Model):
    """One thing to tell one person; sent at once or gathered into the daily digest."""

    class Kind(models.TextChoices):
        NEW_CONSULTATION = "new_consultation", _("Nytt samråd")
        DEADLINE_REMINDER = "deadline_reminder", _("Påminnelse om sista dag")
        FEEDBACK_PUBLISHED = "feedback_published", _("Återkoppling publicerad")
        THREAD_REPLY = "thread_reply", _("Nytt svar i bevakad tråd")
        DECISION_TO_ANSWER = "decision_to_answer", _("Gemensamt beslut att besvara")
        DECISION_OUTCOME = "decision_outcome", _("Gemensamt beslut avgjort")
        WAITLIST_SEAT = "waitlist_seat", _("Plats från väntelistan")
        MEETING_CANCELLED = "meeting_cancelled", _("Möte inställt")
        NEW_KNOWLEDGE = "new_knowledge", _("Ny kunskap")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("slag"), max_length=24, choices=Kind.choices)
    # What happened, as ids and plain values; the text is written from them in
    # each reader's language (forum.notification_texts).
    params = models.JSONField(_("uppgifter"), default=dict, blank=True)
    # Finished Swedish text of notifications stored before ``params``; shown
    # as it is when a notification has no parameters.
    subject = models.CharField(_("ämne"), max_length=200, blank=True)
    body = models.TextField(_("text"), blank=True)
    url = models.CharField(_("länk"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    sent_at = models.DateTimeField(_("skickad"), null=True, blank=True)
    read_at = models.DateTimeField(_("läst"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("avisering")
        verbose_name_plural = _("aviseringar")
        ordering = ["created_at"]
        indexes = [
            models.Index(fields=["sent_at", "user"]),
            # The header's unread count on every page.
            models.Index(fields=["user", "read_at"]),
        ]

    def __str__(self):
        return f"{self.user}: {self.message().subject}"

    def message(self):
        """Subject, body and link in the active language (a notification
        stored with finished text: that text)."""
        language = translation.get_language()
        cached = getattr(self, "_messages", {})
        if language not in cached:
            rendered = self.params and render(self.kind, self.params)
            cached[language] = rendered or Message(self.subject, self.body, self.url)
            self._messages = cached
        return cached[language]

    @property
    def is_unread(self):
        return self.read_at is None

    @property
    def local_url(self):
        """The link as a path on this site, or "" when it is anything else.

        Opening a notification redirects to it, so a full URL, a
        protocol-relative one or a relative path is never followed.
        """
        url = self.message().url.strip()
        if (
            url.startswith("/")
            and not url.startswith(("//", "/\\"))
            and url_has_allowed_host_and_scheme(url, allowed_hosts=set())
        ):
            return url
        return ""
