"""Minutes of a meeting: numbered items with decisions, action items, comments."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import audit
from core.audit.models import Action
from core.identity_numbers import no_identity_numbers
from core.sanitizer import clean_html
from core.single_line import single_line
from forum.access import is_county_admin, visible_q
from forum.models import Visibility
from partners.models import Organisation

from .calendar import Event


def minutes_visibility(prefix=""):
    """The minutes' visibility in SQL: the meeting's, or narrower.

    The one place the rule is written: the access filter uses it, and
    ``Minutes.effective_visibility`` reads its answer from the database.
    """
    return Greatest(
        F(f"{prefix}event__visibility"), Coalesce(F(f"{prefix}visibility"), 0)
    )


class MinutesQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Minutes.Status.PUBLISHED)

    def with_visibility(self):
        """Each minutes with ``visibility_in_force`` (:func:`minutes_visibility`)."""
        return self.annotate(visibility_in_force=minutes_visibility())

    def visible_to(self, user):
        """The minutes ``user`` may read, by the forum's access rule.

        Published minutes: whoever reaches their visibility (the meeting's, or
        a narrower one set on the minutes). Drafts and approved minutes: the
        forum's conveners, county administrators, and the people recorded as
        attending who still see the meeting.
        """
        if is_county_admin(user):
            return self.all()
        published = (
            self.published()
            .alias(minutes_visibility=minutes_visibility())
            .filter(
                visible_q(
                    user,
                    forum_field="event__forum",
                    visibility_field="minutes_visibility",
                )
            )
        )
        if not user.is_authenticated:
            return published
        attending = Q(attending_people=user) & Q(
            event__in=Event.objects.visible_to(user)
        )
        return self.filter(
            Q(pk__in=published.values("pk"))
            | Q(event__forum__conveners=user)
            | attending
        ).distinct()


class Minutes(models.Model):
    """The minutes (protokoll) of a meeting: draft, approved, then published."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Utkast")
        APPROVED = "approved", _("Justerat")
        PUBLISHED = "published", _("Publicerat")

    event = models.OneToOneField(
        Event, on_delete=models.CASCADE, related_name="minutes"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    visibility = models.PositiveSmallIntegerField(
        _("synlighet"),
        choices=Visibility.choices,
        null=True,
        blank=True,
        help_text=_("Tomt: samma som mötet. Kan bara snävas in, aldrig vidgas."),
    )
    summary = models.TextField(
        _("sammanfattning"), blank=True, validators=[no_identity_numbers]
    )
    attending_organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("närvarande organisationer"),
        blank=True,
        related_name="+",
    )
    attending_people = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("närvarande personer"),
        blank=True,
        related_name="+",
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("justerat av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("justerat"), null=True, blank=True)
    published_at = models.DateTimeField(_("publicerat"), null=True, blank=True)

    objects = MinutesQuerySet.as_manager()

    class Meta:
        verbose_name = _("protokoll")
        verbose_name_plural = _("protokoll")

    def __str__(self):
        return f"{_('Protokoll')}: {self.event}"

    def save(self, *args, **kwargs):
        self.summary = clean_html(self.summary)
        created = self._state.adding
        super().save(*args, **kwargs)
        self._audit(Action.MINUTES_SAVED, created=created)

    def delete(self, *args, **kwargs):
        self._audit(Action.MINUTES_DELETED, status=self.status)
        return super().delete(*args, **kwargs)

    def _audit(self, action, *, by=None, **details):
        audit.record(action, actor=by, forum=self.event.forum, obj=self, **details)

    def clean(self):
        if self.visibility is not None and self.visibility < self.event.visibility:
            raise ValidationError(
                {
                    "visibility": _(
                        "Protokollet kan inte visas för fler än mötet: välj samma "
                        "eller en högre nivå."
                    )
                }
            )

    def approve(self, *, by):
        """Draft to approved, once; False when the minutes were no longer a draft."""
        moved = self._move(
            self.Status.DRAFT,
            self.Status.APPROVED,
            approved_by=by,
            approved_at=timezone.now(),
        )
        if moved:
            self._audit(Action.MINUTES_APPROVED, by=by)
        return moved

    def publish(self):
        """Approved to published, once; False when they were not approved."""
        moved = self._move(
            self.Status.APPROVED, self.Status.PUBLISHED, published_at=timezone.now()
        )
        if moved:
            self._audit(Action.MINUTES_PUBLISHED)
        return moved

    def _move(self, source, target, **fields):
        # The UPDATE matches only a row still in ``source``: two clicks, or two
        # conveners at once, move the minutes once.
        changed = Minutes.objects.filter(pk=self.pk, status=source).update(
            status=target, **fields
        )
        if changed:
            self.status = target
            for name, value in fields.items():
                setattr(self, name, value)
        return bool(changed)

    def readable_by(self, user):
        """Whether ``user`` may read these minutes (``Minutes.objects.visible_to``)."""
        return Minutes.objects.visible_to(user).filter(pk=self.pk).exists()

    def attended_by(self, user):
        """Whether ``user`` is recorded as attending."""
        return bool(
            user.is_authenticated
            and self.pk
            and self.attending_people.filter(pk=user.pk).exists()
        )

    @property
    def effective_visibility(self):
        """The visibility in force, as stored (the rule: :func:`minutes_visibility`).

        Read from ``with_visibility()`` when the row came that way, else asked
        of the database, so that Python never restates the rule.
        """
        if hasattr(self, "visibility_in_force"):
            return self.visibility_in_force
        return (
            Minutes.objects.with_visibility()
            .values_list("visibility_in_force", flat=True)
            .get(pk=self.pk)
        )


class MinutesItem(models.Model):
    """A numbered item (paragraf) of the minutes, with any decision taken."""

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="items")
    number = models.PositiveIntegerField(_("paragraf"))
    title = models.CharField(
        _("rubrik"), max_length=200, validators=[single_line, no_identity_numbers]
    )
    notes = models.TextField(
        _("anteckningar"), blank=True, validators=[no_identity_numbers]
    )
    decision = models.TextField(
        _("beslut"), blank=True, validators=[no_identity_numbers]
    )

    class Meta:
        verbose_name = _("paragraf")
        verbose_name_plural = _("paragrafer")
        ordering = ["minutes", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["minutes", "number"], name="minutes_item_number_unique"
            ),
        ]

    def __str__(self):
        return f"§ {self.number} {self.title}"


class ActionItemQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status=ActionItem.Status.DONE)


class ActionItem(models.Model):
    """Something the meeting gave an organisation to do, by a date."""

    class Status(models.TextChoices):
        OPEN = "open", _("Ej påbörjad")
        IN_PROGRESS = "in_progress", _("Pågår")
        DONE = "done", _("Klar")

    minutes = models.ForeignKey(
        Minutes, on_delete=models.CASCADE, related_name="action_items"
    )
    item = models.ForeignKey(
        MinutesItem,
        verbose_name=_("paragraf"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_items",
    )
    description = models.CharField(
        _("uppgift"), max_length=300, validators=[single_line, no_identity_numbers]
    )
    owner = models.ForeignKey(
        Organisation,
        verbose_name=_("ansvarig organisation"),
        on_delete=models.PROTECT,
        related_name="action_items",
    )
    due_date = models.DateField(_("klart senast"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.OPEN
    )

    objects = ActionItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("åtgärd")
        verbose_name_plural = _("åtgärder")
        ordering = ["due_date", "pk"]

    def __str__(self):
        return self.description


class MinutesComment(models.Model):
    """An attendee's comment on a draft before it is approved."""

    minutes = models.ForeignKey(
        Minutes, on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    body = models.TextField(
        _("kommentar"), max_length=4000, validators=[no_identity_numbers]
    )
    created_at = models.DateTimeField(_("skriven"), auto_now_add=True)

    class Meta:
        verbose_name = _("kommentar till protokoll")
        verbose_name_plural = _("kommentarer till protokoll")
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.author}: {self.body[:40]}"
