"""Members' answers to an occurrence of a meeting."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partners.models import Organisation

from .calendar import Event


class RSVP(models.Model):
    """A member's answer for one occurrence: going (or on the waiting list) or not."""

    class Answer(models.TextChoices):
        GOING = "going", _("Kommer")
        NOT_GOING = "not_going", _("Kommer inte")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="rsvps")
    occurrence_start = models.DateTimeField(_("tillfälle"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="rsvps"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("för organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answer = models.CharField(_("svar"), max_length=12, choices=Answer.choices)
    waitlisted = models.BooleanField(_("på väntelistan"), default=False)
    answered_at = models.DateTimeField(_("svarade"), default=timezone.now)

    class Meta:
        verbose_name = _("anmälan")
        verbose_name_plural = _("anmälningar")
        ordering = ["answered_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "occurrence_start", "user"], name="one_rsvp_per_person"
            ),
        ]

    def __str__(self):
        return f"{self.user}: {self.get_answer_display()}"
