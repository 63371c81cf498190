"""The partnership workspace (level Partnerskap): delegated tasks, joint decisions."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import audit
from core.audit.models import Action
from core.collation import swedish
from core.identity_numbers import no_identity_numbers
from core.sanitizer import clean_html
from core.single_line import single_line
from partners.models import Organisation

from .core import Forum, Level


class DelegatedTask(models.Model):
    """A task the forum has delegated to a partner organisation."""

    class Status(models.TextChoices):
        OPEN = "open", _("Ej påbörjad")
        IN_PROGRESS = "in_progress", _("Pågår")
        DONE = "done", _("Klar")
        CANCELLED = "cancelled", _("Avbruten")

    forum = models.ForeignKey(
        Forum, verbose_name=_("forum"), on_delete=models.CASCADE, related_name="tasks"
    )
    title = models.CharField(
        _("uppdrag"), max_length=200, validators=[single_line, no_identity_numbers]
    )
    description = models.TextField(
        _("beskrivning"), blank=True, validators=[no_identity_numbers]
    )
    assigned_to = models.ForeignKey(
        Organisation,
        verbose_name=_("ansvarig organisation"),
        on_delete=models.PROTECT,
        related_name="delegated_tasks",
    )
    due_date = models.DateField(_("klart senast"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.OPEN
    )
    report = models.TextField(
        _("kort rapport"), blank=True, validators=[no_identity_numbers]
    )
    reported_at = models.DateTimeField(_("rapporterat"), null=True, blank=True)
    finished_at = models.DateTimeField(
        _("avslutat"),
        null=True,
        blank=True,
        editable=False,
        help_text="Set when the status becomes done or cancelled, cleared if reopened.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("skapat av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("skapat"), auto_now_add=True)

    class Meta:
        verbose_name = _("delegerat uppdrag")
        verbose_name_plural = _("delegerade uppdrag")
        ordering = ["due_date", "pk"]

    def __str__(self):
        return self.title

    FINISHED = (Status.DONE, Status.CANCELLED)

    def save(self, *args, **kwargs):
        self.description = clean_html(self.description)
        self.report = clean_html(self.report)
        if self.status in self.FINISHED:
            self.finished_at = self.finished_at or timezone.now()
        else:
            self.finished_at = None
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "status" in update_fields:
            kwargs["update_fields"] = {*update_fields, "finished_at"}
        super().save(*args, **kwargs)


def partner_organisations(forum):
    """The organisations that take part in ``forum`` at Partnerskap."""
    return Organisation.objects.filter(
        participations__forum=forum, participations__level=Level.PARTNERSKAP
    ).order_by(swedish("name"))


class JointDecision(models.Model):
    """A proposal every partner organisation answers with consent or objection."""

    class Outcome(models.TextChoices):
        PENDING = "pending", _("Inte avgjort")
        ADOPTED = "adopted", _("Beslutat")
        NOT_ADOPTED = "not_adopted", _("Inte beslutat")

    forum = models.ForeignKey(
        Forum,
        verbose_name=_("forum"),
        on_delete=models.CASCADE,
        related_name="joint_decisions",
    )
    title = models.CharField(
        _("rubrik"), max_length=200, validators=[single_line, no_identity_numbers]
    )
    proposal = models.TextField(
        _("förslag till beslut"), validators=[no_identity_numbers]
    )
    answer_by = models.DateTimeField(_("svara senast"))
    outcome = models.CharField(
        _("utfall"), max_length=12, choices=Outcome.choices, default=Outcome.PENDING
    )
    outcome_note = models.TextField(
        _("motivering av utfallet"), blank=True, validators=[no_identity_numbers]
    )
    decided_at = models.DateTimeField(_("avgjort"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("skapat av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("skapat"), default=timezone.now)

    class Meta:
        verbose_name = _("gemensamt beslut")
        verbose_name_plural = _("gemensamma beslut")
        ordering = ["-answer_by"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.proposal = clean_html(self.proposal)
        created = self._state.adding
        super().save(*args, **kwargs)
        if created:
            self.audit(Action.DECISION_PROPOSED, actor=self.created_by)
        else:
            self.audit(Action.DECISION_EDITED)

    def delete(self, *args, **kwargs):
        self.audit(Action.DECISION_DELETED, outcome=self.outcome)
        return super().delete(*args, **kwargs)

    def audit(self, action, *, actor=None, **details):
        """An entry in the audit log about this decision (``core.audit``)."""
        audit.record(action, actor=actor, forum=self.forum, obj=self, **details)

    @property
    def is_open(self):
        return self.outcome == self.Outcome.PENDING and timezone.now() < self.answer_by

    def suggested_outcome(self):
        """Adopted when no partner objected; else not adopted."""
        if self.answers.filter(answer=DecisionAnswer.Answer.OBJECTION).exists():
            return self.Outcome.NOT_ADOPTED
        return self.Outcome.ADOPTED

    def all_partners_answered(self):
        partners = set(partner_organisations(self.forum).values_list("pk", flat=True))
        answered = set(self.answers.values_list("organisation_id", flat=True))
        return bool(partners) and partners <= answered

    def may_close(self):
        """Still pending, and the date has passed or every partner has answered."""
        return self.outcome == self.Outcome.PENDING and (
            timezone.now() >= self.answer_by or self.all_partners_answered()
        )


class DecisionAnswer(models.Model):
    class Answer(models.TextChoices):
        CONSENT = "consent", _("Samtycke")
        OBJECTION = "objection", _("Invändning")

    decision = models.ForeignKey(
        JointDecision, on_delete=models.CASCADE, related_name="answers"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="decision_answers",
    )
    answer = models.CharField(_("svar"), max_length=12, choices=Answer.choices)
    reason = models.TextField(_("motivering"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("besvarat av"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("besvarat"), default=timezone.now)

    class Meta:
        verbose_name = _("svar på gemensamt beslut")
        verbose_name_plural = _("svar på gemensamma beslut")
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "organisation"], name="one_answer_per_partner"
            ),
            models.CheckConstraint(
                condition=~models.Q(answer="objection", reason=""),
                name="objection_needs_reason",
            ),
        ]

    def __str__(self):
        return f"{self.organisation}: {self.get_answer_display()}"
