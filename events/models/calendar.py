"""The calendar: events (one-off or a series), changed occurrences, papers."""

import datetime
import uuid
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.geography.models import SubRegion
from core.identity_numbers import no_identity_numbers
from core.recurrence import excluded_dates, local_rule, local_timezone, validate_rule
from core.sanitizer import clean_html
from core.single_line import single_line
from forum.models import Forum, Visibility
from forum.querysets import ForumContentQuerySet
from partners.models import ContactPerson, Organisation

# Kept for code that imports it; the calendar itself runs in the site's zone,
# ``core.recurrence.local_timezone()`` (settings.TIME_ZONE).
STOCKHOLM = ZoneInfo("Europe/Stockholm")
# A series is expanded at most this far, so an open rule never makes a page endless.
MAX_OCCURRENCES = 500


class EventQuerySet(ForumContentQuerySet):
    def overlapping(self, start, end):
        """Events that may have an occurrence between ``start`` and ``end``.

        One-off events are filtered exactly; a series is kept when it starts
        before ``end`` and its rule may still run (expanded in Python after).
        """
        return self.filter(start__lt=end).filter(
            Q(rrule="", end__gt=start) | ~Q(rrule="")
        )

    def with_calendar_relations(self):
        return self.select_related(
            "forum", "subregion", "organiser", "contact"
        ).prefetch_related("overrides")


class Event(models.Model):
    """A meeting, training or visit in a forum's calendar; may repeat (RRULE)."""

    class Kind(models.TextChoices):
        COORDINATORS_MEETING = "coordinators", _("Samordnarmöte")
        NETWORK_MEETING = "network", _("Nätverksmöte")
        FORUM_MEETING = "forum", _("Forummöte")
        DIALOGUE_MEETING = "dialogue", _("Dialogmöte")
        SITE_VISIT = "site_visit", _("Verksamhetsbesök")
        TRAINING = "training", _("Utbildning")
        INFORMATION_MEETING = "information", _("Informationsmöte")

    forum = models.ForeignKey(
        Forum, verbose_name=_("forum"), on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("slag"), max_length=16, choices=Kind.choices)
    title = models.CharField(
        _("rubrik"), max_length=200, validators=[single_line, no_identity_numbers]
    )
    description = models.TextField(
        _("beskrivning"), blank=True, validators=[no_identity_numbers]
    )
    visibility = models.PositiveSmallIntegerField(
        _("synlighet"),
        choices=Visibility.choices,
        default=Visibility.INFORMATION,
        help_text=_("Offentlig, eller synlig för medlemmar från en viss nivå."),
    )
    subregion = models.ForeignKey(
        SubRegion,
        verbose_name=_("delregion"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    start = models.DateTimeField(_("början"))
    end = models.DateTimeField(_("slut"))
    all_day = models.BooleanField(_("heldag"), default=False)
    venue = models.CharField(
        _("plats"), max_length=200, blank=True, validators=[single_line]
    )
    online_url = models.URLField(_("länk till digitalt möte"), blank=True)
    organiser = models.ForeignKey(
        Organisation,
        verbose_name=_("arrangör"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    contact = models.ForeignKey(
        ContactPerson,
        verbose_name=_("kontaktperson"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    capacity = models.PositiveIntegerField(_("antal platser"), null=True, blank=True)
    rrule = models.CharField(
        _("upprepning"),
        max_length=300,
        blank=True,
        help_text=_("T.ex. FREQ=MONTHLY;BYDAY=2TU för andra tisdagen varje månad."),
    )
    exdates = models.JSONField(
        _("inställda tillfällen"),
        default=list,
        blank=True,
        help_text=_("Datum (ÅÅÅÅ-MM-DD) då ett återkommande möte inte blir av."),
    )
    skip_holidays = models.BooleanField(
        _("hoppa över helgdagar"),
        default=False,
        help_text=_(
            "Svenska allmänna helgdagar i seriens tid är lagda bland de inställda "
            "tillfällena."
        ),
    )
    cancelled = models.BooleanField(_("inställt"), default=False)
    cancellation_note = models.CharField(
        _("varför inställt"),
        max_length=300,
        blank=True,
        validators=[single_line, no_identity_numbers],
    )
    uid = models.CharField(max_length=100, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("händelse")
        verbose_name_plural = _("händelser")
        ordering = ["start"]
        indexes = [models.Index(fields=["forum", "start"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")), name="event_end_after_start"
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.description = clean_html(self.description)
        if not self.uid:
            self.uid = f"{uuid.uuid4()}@tia-samverkan"
        elif self.pk:
            # Calendar apps take a change only when SEQUENCE grows.
            self.sequence += 1
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("Slutet måste vara efter början.")
        if self.rrule and self.start:
            try:
                self.rrule = validate_rule(self.rrule, self.local_start.date())
            except ValidationError as error:
                errors["rrule"] = error.messages
        bad = [d for d in self.exdates or [] if not _is_iso_date(d)]
        if bad:
            errors["exdates"] = _("Skriv datumen som ÅÅÅÅ-MM-DD.")
        if self.contact_id and self.organiser_id:
            if self.contact.organisation_id != self.organiser_id:
                errors["contact"] = _("Kontaktpersonen måste höra till arrangören.")
        if errors:
            raise ValidationError(errors)

    @property
    def local_start(self):
        return timezone.localtime(self.start, local_timezone())

    @property
    def duration(self):
        return self.end - self.start

    def occurrence_starts(self, window_start=None, window_end=None):
        """Aware start times of the occurrences in the window, exdates left out.

        The rule runs in local wall-clock time (the site's zone), so a 17:00
        meeting stays at 17:00 across the daylight-saving changes.
        """
        tz = local_timezone()
        local = self.local_start.replace(tzinfo=None)
        if not self.rrule:
            starts = [local]
        else:
            starts = []
            for occurrence in local_rule(self.rrule, local, tz):
                if window_end and occurrence.replace(tzinfo=tz) >= window_end:
                    break
                starts.append(occurrence)
                if len(starts) >= MAX_OCCURRENCES:
                    break
        excluded = excluded_dates(self.exdates)
        result = []
        for start in starts:
            aware = start.replace(tzinfo=tz)
            if start.date() in excluded:
                continue
            if window_start and aware + self.duration <= window_start:
                continue
            if window_end and aware >= window_end:
                continue
            result.append(aware)
        return result


def _is_iso_date(value):
    try:
        datetime.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


class OccurrenceOverride(models.Model):
    """One occurrence of a series changed or cancelled, the rest left as they are."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="overrides")
    original_start = models.DateTimeField(_("ursprunglig början"))
    start = models.DateTimeField(_("ny början"), null=True, blank=True)
    end = models.DateTimeField(_("nytt slut"), null=True, blank=True)
    venue = models.CharField(
        _("plats"), max_length=200, blank=True, validators=[single_line]
    )
    cancelled = models.BooleanField(_("inställt"), default=False)
    note = models.CharField(
        _("meddelande"),
        max_length=300,
        blank=True,
        validators=[single_line, no_identity_numbers],
    )

    class Meta:
        verbose_name = _("ändrat tillfälle")
        verbose_name_plural = _("ändrade tillfällen")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "original_start"], name="one_override_per_occurrence"
            ),
        ]

    def __str__(self):
        return f"{self.event} {self.original_start:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # The series' SEQUENCE grows too, so calendar apps fetch the change.
        self.event.save()


class EventAttachmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The attachments of the events ``user`` sees (who may download the papers)."""
        return self.filter(event__in=Event.objects.visible_to(user))


class EventAttachment(models.Model):
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="attachments"
    )
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("dokument"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    objects = EventAttachmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("bilaga")
        verbose_name_plural = _("bilagor")

    def __str__(self):
        return str(self.document)
