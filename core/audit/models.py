"""One entry of the audit log; written once, never changed."""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.conf import setting


class Action(models.TextChoices):
    SIGNED_IN = "signed_in", _("Inloggning")
    SIGN_IN_FAILED = "sign_in_failed", _("Misslyckad inloggning")
    SIGNED_OUT = "signed_out", _("Utloggning")
    SECOND_FACTOR_ADDED = "second_factor_added", _("Andra faktor tillagd")
    SECOND_FACTOR_REMOVED = "second_factor_removed", _("Andra faktor borttagen")
    SECOND_FACTOR_RESET = "second_factor_reset", _("Reservkoder förnyade")
    PASSWORD_CHANGED = "password_changed", _("Lösenord ändrat")
    PASSWORD_SET = "password_set", _("Lösenord valt")
    PASSWORD_RESET = "password_reset", _("Lösenord återställt")
    EMAIL_ADDED = "email_added", _("E-postadress tillagd")
    EMAIL_CHANGED = "email_changed", _("Primär e-postadress ändrad")
    EMAIL_REMOVED = "email_removed", _("E-postadress borttagen")
    EMAIL_CONFIRMED = "email_confirmed", _("E-postadress bekräftad")
    MEMBERSHIP_ADDED = "membership_added", _("Medlemskap tillagt")
    MEMBERSHIP_APPROVED = "membership_approved", _("Medlemskap godkänt")
    MEMBERSHIP_ROLE_CHANGED = "membership_role_changed", _("Roll i organisation ändrad")
    MEMBERSHIP_REMOVED = "membership_removed", _("Medlemskap borttaget")
    LEVEL_RAISED = "level_raised", _("Nivå i forum höjd")
    LEVEL_LOWERED = "level_lowered", _("Nivå i forum sänkt")
    PARTICIPATION_ENDED = "participation_ended", _("Deltagande i forum avslutat")
    COUNTY_ADMIN_GRANTED = "county_admin_granted", _("Blev länsadministratör")
    COUNTY_ADMIN_REVOKED = "county_admin_revoked", _("Slutade vara länsadministratör")
    STAFF_GRANTED = "staff_granted", _("Fick tillgång till administrationen")
    STAFF_REVOKED = "staff_revoked", _("Förlorade tillgång till administrationen")
    MINUTES_SAVED = "minutes_saved", _("Protokoll sparat")
    MINUTES_APPROVED = "minutes_approved", _("Protokoll justerat")
    MINUTES_PUBLISHED = "minutes_published", _("Protokoll publicerat")
    MINUTES_DELETED = "minutes_deleted", _("Protokoll borttaget")
    DECISION_PROPOSED = "decision_proposed", _("Beslutsförslag skapat")
    DECISION_EDITED = "decision_edited", _("Beslutsförslag ändrat")
    DECISION_CLOSED = "decision_closed", _("Beslut avgjort")
    DECISION_DELETED = "decision_deleted", _("Beslutsförslag borttaget")
    FEEDBACK_SAVED = "feedback_saved", _("Återkoppling på samråd sparad")
    FEEDBACK_PUBLISHED = "feedback_published", _("Återkoppling på samråd publicerad")
    DOCUMENT_DOWNLOADED = "document_downloaded", _("Privat dokument hämtat")


class ReadOnlyEntry(Exception):
    """An entry of the audit log was about to be changed."""


class AuditEntryQuerySet(models.QuerySet):
    def expired(self, now=None):
        """Entries older than ``TIA["AUDIT_RETENTION_DAYS"]``."""
        now = now or timezone.now()
        days = setting("AUDIT_RETENTION_DAYS")
        return self.filter(when__lt=now - datetime.timedelta(days=days))


def _client_ip(request):
    # allauth's answer, so that the log and the sign-in throttle agree on who
    # the client is behind a proxy (ALLAUTH_TRUSTED_PROXY_COUNT).
    from allauth.account.adapter import get_adapter
    from django.core.exceptions import ImproperlyConfigured, PermissionDenied

    try:
        return get_adapter(request).get_client_ip(request)
    except (PermissionDenied, ImproperlyConfigured):
        return None


class AuditEntry(models.Model):
    """A security-relevant action: who, about whom, where, from which address."""

    when = models.DateTimeField(_("tidpunkt"), default=timezone.now, db_index=True)
    action = models.CharField(
        _("händelse"), max_length=32, choices=Action.choices, db_index=True
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("utförd av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_email = models.CharField(_("utförd av (e-post)"), max_length=254, blank=True)
    subject_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gäller person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    subject_email = models.CharField(
        _("gäller person (e-post)"), max_length=254, blank=True
    )
    # The core knows no room: an organisation and a forum by id and name.
    organisation_id = models.PositiveBigIntegerField(
        _("organisationens id"), null=True, blank=True, db_index=True
    )
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    forum_id = models.PositiveBigIntegerField(
        _("forumets id"), null=True, blank=True, db_index=True
    )
    forum_name = models.CharField(_("forum"), max_length=200, blank=True)
    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("slag av objekt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    object_id = models.CharField(_("objektets id"), max_length=64, blank=True)
    object_repr = models.CharField(_("objekt"), max_length=200, blank=True)
    ip_address = models.GenericIPAddressField(_("IP-adress"), null=True, blank=True)
    details = models.JSONField(
        _("detaljer"), default=dict, blank=True, encoder=DjangoJSONEncoder
    )

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("loggpost")
        verbose_name_plural = _("säkerhetslogg")
        ordering = ["-when", "-pk"]
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.get_action_display()} {self.when:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ReadOnlyEntry("An audit log entry is never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        # Only the retention period removes entries (prune_audit_log).
        raise ReadOnlyEntry("An audit log entry is never deleted one by one.")

    @staticmethod
    def fields_for(
        action, *, actor, request, subject_user, organisation, forum, obj, details
    ):
        """The column values of an entry (``core.audit.record``)."""
        if actor is None and request is not None:
            actor = getattr(request, "user", None)
        if actor is not None and not actor.is_authenticated:
            actor = None
        fields = {
            "action": Action(action),
            "actor": actor,
            "actor_email": actor.email if actor else "",
            "subject_user": subject_user,
            "subject_email": subject_user.email if subject_user else "",
            "ip_address": _client_ip(request) if request is not None else None,
            "details": details,
        }
        if organisation is not None:
            fields["organisation_id"] = organisation.pk
            fields["organisation_name"] = str(organisation)[:200]
        if forum is not None:
            fields["forum_id"] = forum.pk
            fields["forum_name"] = str(forum)[:200]
        if obj is not None:
            fields["content_type"] = ContentType.objects.get_for_model(obj)
            fields["object_id"] = str(obj.pk)
            fields["object_repr"] = str(obj)[:200]
        return fields
