"""Activities: what the directory lists, their languages, their reviewed revisions."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.collation import swedish
from core.geography.models import Municipality
from core.i18n.names import language_name
from core.identity_numbers import no_identity_numbers
from core.recurrence import excluded_dates, local_rule, local_timezone, validate_rule
from core.sanitizer import clean_html
from core.single_line import single_line
from partners.models import ContactPerson, Organisation

# Recurring sessions are expanded at most this far, so that an open-ended
# rule never makes a page or a feed endless.
MAX_SESSIONS = 400

# A published activity that its organisation has not confirmed for this long
# leaves the public directory (and returns when someone confirms it) …
LISTED_FOR = datetime.timedelta(days=120)
# … and the organisation is asked to confirm it this long before.
WARN_BEFORE = datetime.timedelta(days=14)


class Language(models.Model):
    """A language an activity is held or supported in (reference data)."""

    code = models.CharField(_("språkkod"), max_length=8, unique=True)
    name_sv = models.CharField(_("namn på svenska"), max_length=60)
    name_native = models.CharField(_("namn på språket"), max_length=60)
    rtl = models.BooleanField(_("skrivs från höger till vänster"), default=False)

    class Meta:
        verbose_name = _("språk")
        verbose_name_plural = _("språk")
        ordering = [swedish("name_sv")]

    def __str__(self):
        return self.name_sv

    def name_for(self, reader=None):
        """Its name in ``reader``'s language beside its own (``LanguageName``)."""
        return language_name(
            self.code,
            native=self.name_native,
            name_sv=self.name_sv,
            rtl=self.rtl,
            reader=reader,
        )

    @property
    def display(self):
        """Named for the reader of the page being rendered, e.g. 'Arabic – العربية'."""
        return self.name_for()


class ActivityQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Activity.Status.PUBLISHED)

    def listed(self, today=None):
        """Confirmed by its organisation within ``LISTED_FOR``: still worth showing."""
        today = today or timezone.localdate()
        return self.filter(last_confirmed__gt=today - LISTED_FOR)

    def unconfirmed(self, today=None):
        """Published, but not confirmed for ``LISTED_FOR``: hidden from the public
        until someone at the organisation confirms it."""
        today = today or timezone.localdate()
        return self.published().filter(last_confirmed__lte=today - LISTED_FOR)

    def current(self, today=None):
        """Published, confirmed lately and not past its end date: what the public
        list, the activity pages, the feeds and the calendar show."""
        today = today or timezone.localdate()
        return (
            self.published()
            .listed(today)
            .filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
        )

    def matching(self, text):
        """Activities whose words hold ``text``: title, summary, description,
        organiser, or a translation's title or summary (a reader searches in
        the language they read)."""
        from .translations import ActivityTranslation

        translated = ActivityTranslation.objects.filter(
            Q(title__icontains=text) | Q(summary__icontains=text)
        )
        return self.filter(
            Q(title__icontains=text)
            | Q(summary__icontains=text)
            | Q(description__icontains=text)
            | Q(organisation__name__icontains=text)
            | Q(pk__in=translated.values("activity_id"))
        )

    def overlapping(self, start, end):
        """Activities whose period overlaps [start, end] (dates)."""
        return self.filter(start_date__lte=end).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=start)
        )

    def in_language(self, languages):
        """Taught or supported in one of ``languages`` (a queryset or list)."""
        # Subqueries rather than joins: two many-to-many joins would repeat rows.
        taught, supported = (
            model.objects.filter(language__in=languages)
            for model in (
                Activity.instruction_languages.through,
                Activity.support_languages.through,
            )
        )
        return self.filter(
            Q(pk__in=taught.values("activity_id"))
            | Q(pk__in=supported.values("activity_id"))
        )

    def on_map(self):
        """Those with a place, each with the point the map shows as
        ``map_latitude``/``map_longitude`` and ``map_approximate``: its own
        point, else its municipality's centre (approximate). Online-only
        activities have no place; one without either point is left off."""
        own = Q(latitude__isnull=False, longitude__isnull=False)
        return (
            self.exclude(mode=Activity.Mode.ONLINE)
            .annotate(
                map_latitude=models.Case(
                    models.When(own, then=models.F("latitude")),
                    default=models.F("municipality__latitude"),
                ),
                map_longitude=models.Case(
                    models.When(own, then=models.F("longitude")),
                    default=models.F("municipality__longitude"),
                ),
                map_approximate=models.Case(
                    models.When(own, then=models.Value(False)),
                    default=models.Value(True),
                    output_field=models.BooleanField(),
                ),
            )
            .filter(map_latitude__isnull=False, map_longitude__isnull=False)
        )

    def with_public_relations(self):
        return self.select_related(
            "organisation", "municipality__subregion", "contact_person"
        ).prefetch_related("instruction_languages", "support_languages")

    def with_translation(self, language):
        """Prefetch each activity's translation into ``language`` only, as
        ``reader_translations``: one query for the page, whatever its length.
        Nothing for Swedish, the activities' own language."""
        from .translations import SOURCE_LANGUAGE, ActivityTranslation

        if language == SOURCE_LANGUAGE:
            return self
        return self.prefetch_related(
            models.Prefetch(
                "translations",
                queryset=ActivityTranslation.objects.filter(language=language),
                to_attr="reader_translations",
            )
        )

    def missing_translations(self, languages):
        """Activities that support one of ``languages`` (codes) and have no
        translation into it."""
        from .translations import ActivityTranslation

        supported = Activity.support_languages.through.objects.filter(
            activity_id=models.OuterRef("pk"), language__code__in=languages
        ).exclude(
            models.Exists(
                ActivityTranslation.objects.filter(
                    activity_id=models.OuterRef("activity_id"),
                    language=models.OuterRef("language__code"),
                )
            )
        )
        return self.filter(models.Exists(supported))


class Activity(models.Model):
    """A free activity for asylum seekers, published by the organisation running it."""

    class Category(models.TextChoices):
        SWEDISH = "swedish", _("Svenska språket")
        SOCIETY = "society", _("Samhällsinformation")
        LABOUR_MARKET = "labour_market", _("Arbetsliv")
        HEALTH = "health", _("Hälsa")
        SOCIAL = "social", _("Social och kulturell delaktighet")

    class TargetGroup(models.TextChoices):
        EVERYONE = "everyone", _("Alla")
        WOMEN = "women", _("Kvinnor")
        MEN = "men", _("Män")

    class AgeBand(models.TextChoices):
        ADULTS = "adults", _("Vuxna (18 år och äldre)")
        YOUNG_ADULTS = "young_adults", _("Unga vuxna (18–25 år)")
        SENIORS = "seniors", _("Äldre (65 år och äldre)")
        FAMILIES = "families", _("Vuxna med barn")

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("På plats")
        ONLINE = "online", _("Digitalt")
        HYBRID = "hybrid", _("På plats och digitalt")

    class JoinMethod(models.TextChoices):
        DROP_IN = "drop_in", _("Kom när du vill (drop-in)")
        REGISTRATION = "registration", _("Anmälan via länk")
        CONTACT = "contact", _("Kontakta arrangören")

    class Funding(models.TextChoices):
        TIA_GRANT = "tia_grant", _("Statsbidrag för tidiga insatser (länsstyrelsen)")
        FOLKBILDNING = "folkbildning", _("Folkbildningsrådet")
        OTHER = "other", _("Annan finansiering")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Utkast")
        SUBMITTED = "submitted", _("Inskickad för granskning")
        PUBLISHED = "published", _("Publicerad")
        ENDED = "ended", _("Avslutad")

    title = models.CharField(
        _("rubrik"), max_length=120, validators=[single_line, no_identity_numbers]
    )
    slug = models.SlugField(_("kortnamn"), max_length=140, unique=True)
    summary = models.CharField(
        _("sammanfattning"),
        max_length=300,
        help_text=_("En eller två meningar som visas i listan."),
        validators=[single_line, no_identity_numbers],
    )
    description = models.TextField(
        _("beskrivning"),
        blank=True,
        help_text=_("Rubriker, listor och länkar går bra; annan formatering tas bort."),
        validators=[no_identity_numbers],
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("arrangör"),
        on_delete=models.CASCADE,
        related_name="activities",
    )
    contact_person = models.ForeignKey(
        ContactPerson,
        verbose_name=_("kontaktperson"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
    )
    category = models.CharField(_("område"), max_length=20, choices=Category.choices)
    target_group = models.CharField(
        _("målgrupp"),
        max_length=12,
        choices=TargetGroup.choices,
        default=TargetGroup.EVERYONE,
    )
    age_band = models.CharField(
        _("ålder"), max_length=16, choices=AgeBand.choices, default=AgeBand.ADULTS
    )
    instruction_languages = models.ManyToManyField(
        Language,
        verbose_name=_("undervisningsspråk"),
        related_name="activities_taught",
    )
    support_languages = models.ManyToManyField(
        Language,
        verbose_name=_("stödspråk"),
        blank=True,
        related_name="activities_supported",
        help_text=_("Språk som ledare eller tolkar kan hjälpa till på."),
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("kommun"),
        on_delete=models.PROTECT,
        related_name="activities",
    )
    mode = models.CharField(
        _("form"), max_length=12, choices=Mode.choices, default=Mode.IN_PERSON
    )
    venue = models.CharField(
        _("lokal"), max_length=200, blank=True, validators=[single_line]
    )
    address = models.CharField(
        _("adress"), max_length=200, blank=True, validators=[single_line]
    )
    latitude = models.DecimalField(
        _("latitud"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitud"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    start_date = models.DateField(_("startdatum"))
    end_date = models.DateField(_("slutdatum"), null=True, blank=True)
    start_time = models.TimeField(_("starttid"), null=True, blank=True)
    end_time = models.TimeField(_("sluttid"), null=True, blank=True)
    rrule = models.CharField(
        _("upprepning"),
        max_length=300,
        blank=True,
        help_text=_(
            "Regel enligt iCalendar (RFC 5545), t.ex. FREQ=WEEKLY;BYDAY=TU för "
            "varje tisdag. Tomt för ett enstaka tillfälle."
        ),
    )
    exdates = models.JSONField(
        _("inställda tillfällen"),
        default=list,
        blank=True,
        help_text=_("Datum då ett återkommande tillfälle inte blir av."),
    )
    capacity = models.PositiveIntegerField(_("antal platser"), null=True, blank=True)
    free_of_charge = models.BooleanField(_("kostnadsfri"), default=True)
    join_method = models.CharField(
        _("så deltar du"),
        max_length=16,
        choices=JoinMethod.choices,
        default=JoinMethod.DROP_IN,
    )
    registration_url = models.URLField(_("länk för anmälan"), blank=True)
    how_to_join = models.TextField(
        _("mer om hur man deltar"),
        blank=True,
        help_text=_(
            "T.ex. var ni möts, vad man tar med sig eller vem man frågar efter."
        ),
        validators=[no_identity_numbers],
    )
    accessibility_notes = models.TextField(
        _("tillgänglighet"), blank=True, validators=[no_identity_numbers]
    )
    funding = models.CharField(
        _("finansiering"), max_length=16, choices=Funding.choices, default=Funding.OTHER
    )
    grant_reference = models.CharField(
        _("diarienummer för beslut"), max_length=60, blank=True
    )
    grant_amount = models.DecimalField(
        _("beviljat belopp (kr)"),
        max_digits=10,
        decimal_places=0,
        null=True,
        blank=True,
    )
    last_confirmed = models.DateField(_("senast bekräftad"), default=timezone.localdate)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    review_comment = models.TextField(_("kommentar från granskningen"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("skapad av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)
    published_at = models.DateTimeField(_("publicerad"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("påminnelse skickad"), null=True, blank=True)
    unlisted_notice_at = models.DateTimeField(
        _("besked om att den inte visas skickat"), null=True, blank=True
    )

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("aktivitet")
        verbose_name_plural = _("aktiviteter")
        ordering = ["start_date", "title"]
        indexes = [models.Index(fields=["status", "end_date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="activity_end_after_start",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # User HTML is cleaned before it is stored, whichever form saved it.
        self.description = clean_html(self.description)
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = _("Slutdatum kan inte vara före startdatum.")
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = _("Sluttiden måste vara efter starttiden.")
        if self.rrule and self.start_date:
            try:
                self.rrule = validate_rule(self.rrule, self.start_date)
            except ValidationError as error:
                errors["rrule"] = error.messages
            else:
                bounded = "UNTIL" in self.rrule or "COUNT" in self.rrule
                if not bounded and not self.end_date:
                    errors["end_date"] = _(
                        "Ett återkommande tillfälle behöver ett slutdatum."
                    )
        if (
            self.join_method == self.JoinMethod.REGISTRATION
            and not self.registration_url
        ):
            errors["registration_url"] = _("Ange länken där man anmäler sig.")
        if self.funding == self.Funding.TIA_GRANT and not self.grant_reference:
            errors["grant_reference"] = _(
                "Ange diarienumret för länsstyrelsens beslut om statsbidrag."
            )
        if self.contact_person_id and self.organisation_id:
            if self.contact_person.organisation_id != self.organisation_id:
                errors["contact_person"] = _(
                    "Kontaktpersonen måste höra till arrangören."
                )
        if errors:
            raise ValidationError(errors)

    def rule(self):
        """The recurrence as a dateutil rule starting on the first session."""
        start = datetime.datetime.combine(
            self.start_date, self.start_time or datetime.time(0, 0)
        )
        rule = local_rule(self.rrule, start, local_timezone())
        if self.end_date and not rule._until and not rule._count:
            rule = rule.replace(
                until=datetime.datetime.combine(self.end_date, datetime.time(23, 59))
            )
        return rule

    def session_dates(self, start=None, end=None):
        """The dates the activity meets, between ``start`` and ``end`` inclusive."""
        excluded = excluded_dates(self.exdates)
        if not self.rrule:
            dates = [self.start_date]
        else:
            dates = []
            for occurrence in self.rule():
                dates.append(occurrence.date())
                if len(dates) >= MAX_SESSIONS or (end and occurrence.date() > end):
                    break
        return [
            d
            for d in dates
            if d not in excluded
            and (start is None or d >= start)
            and (end is None or d <= end)
        ]

    def text_in(self, language):
        """What a reader of ``language`` sees of the activity's own words
        (``ActivityText``): its translation's fields, else the Swedish."""
        from .translations import ActivityText, translation_for

        return ActivityText.of(self, translation_for(self, language))

    def confirm(self, today=None):
        """Mark it as confirmed today (not saved): the reminders start over.
        Returns the fields to save."""
        self.last_confirmed = today or timezone.localdate()
        self.reminded_at = None
        self.unlisted_notice_at = None
        return ["last_confirmed", "reminded_at", "unlisted_notice_at"]

    @property
    def unlisted_on(self):
        """The day it leaves the public directory unless it is confirmed before."""
        return self.last_confirmed + LISTED_FOR

    @property
    def confirm_by(self):
        """The last day a confirmation keeps it in the directory without a break."""
        return self.unlisted_on - datetime.timedelta(days=1)

    def is_listed(self, today=None):
        return (today or timezone.localdate()) < self.unlisted_on

    @property
    def is_unconfirmed(self):
        """Published but hidden, because nobody has confirmed it lately."""
        return self.status == self.Status.PUBLISHED and not self.is_listed()

    @property
    def confirmation_due(self):
        """Published, still listed, and within ``WARN_BEFORE`` of leaving."""
        today = timezone.localdate()
        return (
            self.status == self.Status.PUBLISHED
            and self.is_listed(today)
            and today >= self.unlisted_on - WARN_BEFORE
        )

    @property
    def is_current(self):
        today = timezone.localdate()
        return (
            self.status == self.Status.PUBLISHED
            and self.is_listed(today)
            and (self.end_date is None or self.end_date >= today)
        )


class ActivityRevision(models.Model):
    """One step in an activity's history: what it looked like, who did what."""

    class Action(models.TextChoices):
        SAVED = "saved", _("Sparad")
        SUBMITTED = "submitted", _("Inskickad")
        APPROVED = "approved", _("Godkänd och publicerad")
        RETURNED = "returned", _("Återskickad med kommentar")
        CONFIRMED = "confirmed", _("Bekräftad som aktuell")
        ENDED = "ended", _("Avslutad")
        TRANSLATED = "translated", _("Översättning sparad vid granskning")

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="revisions"
    )
    created_at = models.DateTimeField(_("tid"), default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("av"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("händelse"), max_length=12, choices=Action.choices)
    comment = models.TextField(_("kommentar"), blank=True)
    snapshot = models.JSONField(_("innehåll"), default=dict)

    class Meta:
        verbose_name = _("version av aktivitet")
        verbose_name_plural = _("versioner av aktiviteter")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.activity}: {self.get_action_display()}"
