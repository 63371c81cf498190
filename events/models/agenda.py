"""A meeting's agenda and the members' proposals for it."""

from django.conf import settings
from django.db import models, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.identity_numbers import no_identity_numbers
from core.single_line import single_line
from partners.models import Organisation

from .calendar import Event


class AgendaProposal(models.Model):
    """A member's proposal for an item on a coming meeting's agenda (level Dialog)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Väntar på beslut")
        ACCEPTED = "accepted", _("Tagen med på dagordningen")
        DECLINED = "declined", _("Inte med")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="agenda_proposals"
    )
    title = models.CharField(
        _("punkt"), max_length=200, validators=[single_line, no_identity_numbers]
    )
    description = models.TextField(
        _("beskrivning"), blank=True, validators=[no_identity_numbers]
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("föreslagen av"),
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
    created_at = models.DateTimeField(_("föreslagen"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    reason = models.TextField(
        _("motivering"), blank=True, validators=[no_identity_numbers]
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beslutad av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("beslutad"), null=True, blank=True)

    class Meta:
        verbose_name = _("förslag till dagordning")
        verbose_name_plural = _("förslag till dagordning")
        ordering = ["created_at"]

    def __str__(self):
        return self.title

    def decide(self, *, accept, by, reason=""):
        """Accept (the item goes last on the agenda) or decline, once.

        The UPDATE matches only a pending row, so of two conveners deciding
        at once exactly one decision is kept; False for the one that came late.
        """
        status = self.Status.ACCEPTED if accept else self.Status.DECLINED
        fields = {
            "status": status,
            "reason": reason.strip(),
            "decided_by": by,
            "decided_at": timezone.now(),
        }
        with transaction.atomic():
            updated = AgendaProposal.objects.filter(
                pk=self.pk, status=self.Status.PENDING
            ).update(**fields)
            if not updated:
                return False
            for name, value in fields.items():
                setattr(self, name, value)
            if accept:
                last = self.event.agenda.aggregate(last=Max("position"))["last"]
                AgendaItem.objects.create(
                    event=self.event,
                    position=(last or 0) + 1,
                    title=self.title,
                    description=self.description,
                    presenter=self.organisation.name if self.organisation else "",
                    proposal=self,
                )
        return True


class AgendaItem(models.Model):
    """One numbered item on a meeting's agenda."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="agenda")
    position = models.PositiveIntegerField(_("ordning"), default=0)
    title = models.CharField(
        _("punkt"), max_length=200, validators=[single_line, no_identity_numbers]
    )
    description = models.TextField(
        _("beskrivning"), blank=True, validators=[no_identity_numbers]
    )
    presenter = models.CharField(
        _("föredragande"), max_length=200, blank=True, validators=[single_line]
    )
    starts_at = models.TimeField(_("klockan"), null=True, blank=True)
    duration_minutes = models.PositiveIntegerField(_("minuter"), null=True, blank=True)
    proposal = models.OneToOneField(
        AgendaProposal,
        verbose_name=_("från förslag"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda_item",
    )

    class Meta:
        verbose_name = _("punkt på dagordningen")
        verbose_name_plural = _("dagordning")
        ordering = ["event", "position", "pk"]

    def __str__(self):
        return self.title
