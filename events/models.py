import datetime
import secrets
import uuid
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.geography.models import SubRegion
from core.recurrence import local_rule, validate_rule
from core.sanitizer import clean_html
from forum.access import is_county_admin, visible_q
from forum.models import Forum, Visibility
from forum.querysets import ForumContentQuerySet
from partners.models import ContactPerson, Organisation

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
    title = models.CharField(_("rubrik"), max_length=200)
    description = models.TextField(_("beskrivning"), blank=True)
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
    venue = models.CharField(_("plats"), max_length=200, blank=True)
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
    cancelled = models.BooleanField(_("inställt"), default=False)
    cancellation_note = models.CharField(
        _("varför inställt"), max_length=300, blank=True
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
                self.rrule = validate_rule(
                    self.rrule, self.local_start.date(), STOCKHOLM
                )
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
        return timezone.localtime(self.start, STOCKHOLM)

    @property
    def duration(self):
        return self.end - self.start

    def occurrence_starts(self, window_start=None, window_end=None):
        """Aware start times of the occurrences in the window, exdates left out.

        The rule runs in local (Stockholm) wall-clock time, so a 17:00 meeting
        stays at 17:00 across the daylight-saving changes.
        """
        local = self.local_start.replace(tzinfo=None)
        if not self.rrule:
            starts = [local]
        else:
            starts = []
            for occurrence in local_rule(self.rrule, local, STOCKHOLM):
                if window_end and occurrence.replace(tzinfo=STOCKHOLM) >= window_end:
                    break
                starts.append(occurrence)
                if len(starts) >= MAX_OCCURRENCES:
                    break
        excluded = {datetime.date.fromisoformat(d) for d in self.exdates or []}
        result = []
        for start in starts:
            aware = start.replace(tzinfo=STOCKHOLM)
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
    venue = models.CharField(_("plats"), max_length=200, blank=True)
    cancelled = models.BooleanField(_("inställt"), default=False)
    note = models.CharField(_("meddelande"), max_length=300, blank=True)

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


class AgendaProposal(models.Model):
    """A member's proposal for an item on a coming meeting's agenda (level Dialog)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Väntar på beslut")
        ACCEPTED = "accepted", _("Tagen med på dagordningen")
        DECLINED = "declined", _("Inte med")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="agenda_proposals"
    )
    title = models.CharField(_("punkt"), max_length=200)
    description = models.TextField(_("beskrivning"), blank=True)
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
    reason = models.TextField(_("motivering"), blank=True)
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


class AgendaItem(models.Model):
    """One numbered item on a meeting's agenda."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="agenda")
    position = models.PositiveIntegerField(_("ordning"), default=0)
    title = models.CharField(_("punkt"), max_length=200)
    description = models.TextField(_("beskrivning"), blank=True)
    presenter = models.CharField(_("föredragande"), max_length=200, blank=True)
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


def minutes_visibility(prefix=""):
    """The minutes' visibility in SQL: the meeting's, or narrower."""
    return Greatest(
        F(f"{prefix}event__visibility"), Coalesce(F(f"{prefix}visibility"), 0)
    )


class MinutesQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Minutes.Status.PUBLISHED)

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
    summary = models.TextField(_("sammanfattning"), blank=True)
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
        super().save(*args, **kwargs)

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

    @property
    def effective_visibility(self):
        return max(self.event.visibility, self.visibility or 0)


class MinutesItem(models.Model):
    """A numbered item (paragraf) of the minutes, with any decision taken."""

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="items")
    number = models.PositiveIntegerField(_("paragraf"))
    title = models.CharField(_("rubrik"), max_length=200)
    notes = models.TextField(_("anteckningar"), blank=True)
    decision = models.TextField(_("beslut"), blank=True)

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
    description = models.CharField(_("uppgift"), max_length=300)
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
    body = models.TextField(_("kommentar"), max_length=4000)
    created_at = models.DateTimeField(_("skriven"), auto_now_add=True)

    class Meta:
        verbose_name = _("kommentar till protokoll")
        verbose_name_plural = _("kommentarer till protokoll")
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.author}: {self.body[:40]}"


def new_calendar_token():
    return secrets.token_urlsafe(32)


class CalendarToken(models.Model):
    """The secret in a person's personal feed URL; regenerating it kills the old URL."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="calendar_token",
    )
    token = models.CharField(max_length=64, unique=True, default=new_calendar_token)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("kalendernyckel")
        verbose_name_plural = _("kalendernycklar")

    def __str__(self):
        return str(self.user)

    def regenerate(self):
        self.token = new_calendar_token()
        self.save(update_fields=["token", "created_at"])
