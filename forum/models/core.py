"""The forum itself: forums, the levels, participations and their log, applications."""

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core import audit
from core.audit.models import Action
from core.collation import swedish
from core.geography.models import County, SubRegion
from core.identity_numbers import no_identity_numbers
from core.single_line import single_line
from partners.models import Organisation


class Level(models.IntegerChoices):
    """The code's four collaboration levels; each includes everything below it."""

    INFORMATION = 1, _("Information")
    SAMRAD = 2, _("Samråd")
    DIALOG = 3, _("Dialog")
    PARTNERSKAP = 4, _("Partnerskap")


class Visibility(models.IntegerChoices):
    """Who sees a piece of forum content: everyone, or members from a level up."""

    PUBLIC = 0, _("Offentlig")
    INFORMATION = 1, _("Information och uppåt")
    SAMRAD = 2, _("Samråd och uppåt")
    DIALOG = 3, _("Dialog och uppåt")
    PARTNERSKAP = 4, _("Partnerskap")


class Forum(models.Model):
    """A regional collaboration forum (samverkansforum), convened by an authority."""

    name = models.CharField(_("namn"), max_length=200, validators=[single_line])
    slug = models.SlugField(_("kortnamn"), max_length=100, unique=True)
    county = models.ForeignKey(
        County, verbose_name=_("län"), on_delete=models.PROTECT, related_name="forums"
    )
    subregion = models.ForeignKey(
        SubRegion,
        verbose_name=_("delregion"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="forums",
        help_text=_("Tomt för ett forum för hela länet."),
    )
    description = models.TextField(
        _("beskrivning"), blank=True, validators=[no_identity_numbers]
    )
    conveners = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sammankallande"),
        blank=True,
        related_name="convened_forums",
        help_text=_("Personer som leder forumet och ser allt innehåll i det."),
    )

    class Meta:
        verbose_name = _("forum")
        verbose_name_plural = _("forum")
        ordering = [swedish("name")]
        # Cross-forum powers come from this permission only (core.users.permissions),
        # granted through the group "Länsadministratörer"; staff status gives none.
        permissions = [
            ("administer_forums", _("Kan administrera alla forum (länsadministratör)"))
        ]

    def __str__(self):
        return self.name


class Participation(models.Model):
    """An organisation's collaboration level in a forum."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="participations",
    )
    forum = models.ForeignKey(
        Forum,
        verbose_name=_("forum"),
        on_delete=models.CASCADE,
        related_name="participations",
    )
    level = models.PositiveSmallIntegerField(_("nivå"), choices=Level.choices)
    since = models.DateField(_("deltar sedan"), default=timezone.localdate)

    class Meta:
        verbose_name = _("deltagande")
        verbose_name_plural = _("deltaganden")
        ordering = [
            swedish("forum__name"),
            "-level",
            swedish("organisation__name"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "forum"], name="participation_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(level__gte=1, level__lte=4),
                name="participation_level_range",
            ),
        ]

    def __str__(self):
        return f"{self.organisation} i {self.forum}: {self.get_level_display()}"

    def save(self, *args, changed_by=None, note="", **kwargs):
        """Save, and log the change of level (who, when, from, to)."""
        previous = None
        if self.pk:
            previous = (
                Participation.objects.filter(pk=self.pk)
                .values_list("level", flat=True)
                .first()
            )
        super().save(*args, **kwargs)
        if previous != self.level:
            LevelChange.objects.create(
                organisation=self.organisation,
                forum=self.forum,
                from_level=previous,
                to_level=self.level,
                changed_by=changed_by,
                note=note,
            )
            raised = previous is None or self.level > previous
            self._audit(
                Action.LEVEL_RAISED if raised else Action.LEVEL_LOWERED,
                changed_by,
                previous,
                self.level,
                note,
            )

    def delete(self, *args, changed_by=None, note="", **kwargs):
        LevelChange.objects.create(
            organisation=self.organisation,
            forum=self.forum,
            from_level=self.level,
            to_level=None,
            changed_by=changed_by,
            note=note,
        )
        self._audit(Action.PARTICIPATION_ENDED, changed_by, self.level, None, note)
        return super().delete(*args, **kwargs)

    def _audit(self, action, by, previous, level, note):
        audit.record(
            action,
            actor=by,
            organisation=self.organisation,
            forum=self.forum,
            obj=self,
            previous=previous,
            level=level,
            # The names in the site's language, as the log's readers see them.
            levels=" → ".join(
                str(Level(value).label) if value else "–" for value in (previous, level)
            ),
            note=note,
        )


class LevelChange(models.Model):
    """The log of every change of an organisation's level in a forum."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="level_changes",
    )
    forum = models.ForeignKey(
        Forum,
        verbose_name=_("forum"),
        on_delete=models.CASCADE,
        related_name="level_changes",
    )
    from_level = models.PositiveSmallIntegerField(
        _("från nivå"), choices=Level.choices, null=True, blank=True
    )
    to_level = models.PositiveSmallIntegerField(
        _("till nivå"), choices=Level.choices, null=True, blank=True
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ändrad av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("ändrad"), default=timezone.now)
    note = models.TextField(_("kommentar"), blank=True)

    class Meta:
        verbose_name = _("nivåändring")
        verbose_name_plural = _("nivåändringar")
        ordering = ["-changed_at", "-pk"]

    def __str__(self):
        return f"{self.organisation}: {self.from_level} → {self.to_level}"


class Coordinator(models.Model):
    """A sub-regional TIA coordinator, listed publicly so everyone knows whom to ask."""

    name = models.CharField(_("namn"), max_length=200)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("anställd hos"),
        on_delete=models.PROTECT,
        related_name="coordinators",
    )
    subregion = models.ForeignKey(
        SubRegion,
        verbose_name=_("delregion"),
        on_delete=models.PROTECT,
        related_name="coordinators",
    )
    email = models.EmailField(_("e-post"))
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("konto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="coordinator_roles",
    )

    class Meta:
        verbose_name = _("delregional samordnare")
        verbose_name_plural = _("delregionala samordnare")
        ordering = [
            swedish("subregion__county__name"),
            swedish("subregion__name"),
            swedish("name"),
        ]

    def __str__(self):
        return f"{self.name} ({self.subregion})"


class ApplicationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=ParticipationApplication.Status.PENDING)


class AlreadyDecided(Exception):
    """Someone else decided the application first."""


class ParticipationApplication(models.Model):
    """An organisation's request to take part in a forum at a level."""

    AlreadyDecided = AlreadyDecided

    class Status(models.TextChoices):
        PENDING = "pending", _("Väntar på beslut")
        APPROVED = "approved", _("Godkänd")
        DECLINED = "declined", _("Avslagen")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="forum_applications",
    )
    forum = models.ForeignKey(
        Forum,
        verbose_name=_("forum"),
        on_delete=models.CASCADE,
        related_name="applications",
    )
    requested_level = models.PositiveSmallIntegerField(
        _("önskad nivå"), choices=Level.choices
    )
    motivation = models.TextField(
        _("motivering"),
        max_length=2000,
        help_text=_("Några meningar om vad organisationen gör och vill bidra med."),
        validators=[no_identity_numbers],
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sökande"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="forum_applications",
    )
    created_at = models.DateTimeField(_("inkommen"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    granted_level = models.PositiveSmallIntegerField(
        _("beviljad nivå"), choices=Level.choices, null=True, blank=True
    )
    reason = models.TextField(_("motivering till beslutet"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beslutad av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("beslutad"), null=True, blank=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("ansökan om deltagande")
        verbose_name_plural = _("ansökningar om deltagande")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "forum"],
                condition=models.Q(status="pending"),
                name="one_pending_application_per_forum",
            ),
        ]

    def __str__(self):
        return f"{self.organisation} → {self.forum}"

    @transaction.atomic
    def decide(self, *, approve, by, level=None, reason=""):
        """Approve at ``level`` (setting the organisation's participation to it)
        or decline, once.

        The decision is taken by one UPDATE of a still pending application: of
        two conveners deciding at the same moment exactly one wins, on every
        database, and the other gets :class:`AlreadyDecided`.
        """
        now = timezone.now()
        status = self.Status.APPROVED if approve else self.Status.DECLINED
        granted = level if approve else self.granted_level
        reason = reason.strip()
        claimed = ParticipationApplication.objects.filter(
            pk=self.pk, status=self.Status.PENDING
        ).update(
            status=status,
            granted_level=granted,
            reason=reason,
            decided_by=by,
            decided_at=now,
        )
        if not claimed:
            raise AlreadyDecided
        self.status, self.granted_level, self.reason = status, granted, reason
        self.decided_by, self.decided_at = by, now
        if approve:
            participation = Participation.objects.filter(
                organisation=self.organisation, forum=self.forum
            ).first() or Participation(organisation=self.organisation, forum=self.forum)
            participation.level = level
            participation.save(changed_by=by, note=gettext("Ansökan godkänd."))
