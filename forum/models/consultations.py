"""Consultations (samråd): a proposal, one response per organisation, feedback."""

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.attachments import AttachedFile
from core.collation import swedish
from core.identity_numbers import no_identity_numbers
from core.sanitizer import clean_html
from core.single_line import single_line
from core.users.permissions import is_county_admin
from partners.models import Organisation

from ..querysets import ForumContentQuerySet
from .core import Forum, Visibility


class ConsultationQuerySet(ForumContentQuerySet):
    def visible_to(self, user):
        """The access rule; drafts only for the forum's conveners and county admins."""
        visible = super().visible_to(user)
        if is_county_admin(user):
            return visible
        readable = models.Q(published=True)
        if user.is_authenticated:
            readable |= models.Q(forum__conveners=user)
        return visible.filter(readable).distinct()

    def published(self):
        return self.filter(published=True)

    def open(self, now=None):
        now = now or timezone.now()
        return self.published().filter(opens_at__lte=now, deadline__gt=now)


class Consultation(models.Model):
    """An authority asks the forum's organisations for their views on a proposal."""

    forum = models.ForeignKey(
        Forum,
        verbose_name=_("forum"),
        on_delete=models.CASCADE,
        related_name="consultations",
    )
    title = models.CharField(
        _("rubrik"), max_length=200, validators=[single_line, no_identity_numbers]
    )
    slug = models.SlugField(_("kortnamn"), max_length=120)
    proposal = models.TextField(
        _("förslag"),
        help_text=_("Förslaget som samrådet gäller."),
        validators=[no_identity_numbers],
    )
    visibility = models.PositiveSmallIntegerField(
        _("synlighet"),
        choices=Visibility.choices,
        default=Visibility.SAMRAD,
        help_text=_("Samråd och uppåt, eller högre."),
    )
    invited = models.ManyToManyField(
        Organisation,
        verbose_name=_("inbjudna organisationer"),
        blank=True,
        related_name="consultation_invitations",
        help_text=_("Tomt: alla som deltar i forumet på nivån Samråd eller högre."),
    )
    opens_at = models.DateTimeField(_("öppnar"))
    deadline = models.DateTimeField(_("sista dag för svar"))
    published = models.BooleanField(_("publicerat"), default=False)
    responses_visible = models.BooleanField(
        _("svaren syns för andra organisationer"),
        default=False,
        help_text=_("Om de inbjudna får läsa varandras svar."),
    )
    feedback = models.TextField(
        _("återkoppling"),
        blank=True,
        help_text=_("Hur svaren har påverkat beslutet."),
        validators=[no_identity_numbers],
    )
    feedback_published_at = models.DateTimeField(
        _("återkoppling publicerad"), null=True, blank=True
    )
    reminder_sent_at = models.DateTimeField(
        _("påminnelse skickad"), null=True, blank=True
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

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        verbose_name = _("samråd")
        verbose_name_plural = _("samråd")
        ordering = ["-deadline"]
        constraints = [
            models.UniqueConstraint(fields=["forum", "slug"], name="consultation_slug"),
            models.CheckConstraint(
                condition=models.Q(deadline__gt=models.F("opens_at")),
                name="consultation_deadline_after_opening",
            ),
            models.CheckConstraint(
                condition=models.Q(visibility__gte=2),
                name="consultation_visible_from_samrad",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.proposal = clean_html(self.proposal)
        self.feedback = clean_html(self.feedback)
        super().save(*args, **kwargs)

    @property
    def is_open(self):
        now = timezone.now()
        return self.published and self.opens_at <= now < self.deadline

    def set_questions(self, texts):
        """Keep the questions in the order given: reword, add, or drop unanswered
        ones (an answered question stays, for the responses that answer it)."""
        existing = list(self.questions.all())
        for position, text in enumerate(texts):
            if position < len(existing):
                question = existing[position]
                if (question.text, question.position) != (text, position):
                    question.text, question.position = text, position
                    question.save(update_fields=["text", "position"])
            else:
                ConsultationQuestion.objects.create(
                    consultation=self, position=position, text=text
                )
        for question in existing[len(texts) :]:
            if not question.answers.exists():
                question.delete()

    @property
    def is_closed(self):
        return timezone.now() >= self.deadline


class ConsultationDocumentQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The documents of the consultations ``user`` sees (drafts: conveners)."""
        return self.filter(consultation__in=Consultation.objects.visible_to(user))


class ConsultationDocument(models.Model):
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="documents"
    )
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("dokument"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    objects = ConsultationDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("samrådsdokument")
        verbose_name_plural = _("samrådsdokument")

    def __str__(self):
        return str(self.document)


class ConsultationQuestion(models.Model):
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="questions"
    )
    position = models.PositiveIntegerField(_("ordning"), default=0)
    text = models.TextField(_("fråga"), validators=[no_identity_numbers])

    class Meta:
        verbose_name = _("fråga")
        verbose_name_plural = _("frågor")
        ordering = ["consultation", "position", "pk"]

    def __str__(self):
        return self.text[:80]


class StaleVersion(Exception):
    """Another member saved the response after this form was loaded."""


class ConsultationResponse(models.Model):
    """One organisation's response; any member edits it until the deadline.

    Every save goes through :meth:`save_version`: it is refused when someone
    saved since the form was loaded, and keeps a :class:`ResponseVersion`.
    """

    StaleVersion = StaleVersion

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="responses"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="consultation_responses",
    )
    general_comment = models.TextField(
        _("övriga synpunkter"), blank=True, validators=[no_identity_numbers]
    )
    version = models.PositiveIntegerField(
        default=0, help_text="Grows on every save; a stale form is refused."
    )
    submitted_at = models.DateTimeField(_("inskickat"), null=True, blank=True)
    updated_at = models.DateTimeField(_("ändrat"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ändrat av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("samrådssvar")
        verbose_name_plural = _("samrådssvar")
        ordering = [swedish("organisation__name")]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "organisation"], name="one_response_per_org"
            ),
        ]

    def __str__(self):
        return f"{self.organisation}: {self.consultation}"

    def save(self, *args, **kwargs):
        self.general_comment = clean_html(self.general_comment)
        super().save(*args, **kwargs)

    @classmethod
    def save_version(
        cls,
        consultation,
        organisation,
        *,
        version,
        general_comment,
        answers,
        by,
        new_files=(),
        removed=(),
    ):
        """Save the organisation's response if ``version`` (what the form was
        loaded with; 0 for none yet) is still the current one, else raise
        :class:`StaleVersion`; keep the result as a :class:`ResponseVersion`.

        ``answers`` are ``(question, text)`` pairs. The ``new_files`` (checked
        uploads) are stored and the ``removed`` attachments marked removed
        (never deleted: the history shows them) in the same transaction as the
        texts.
        """
        now = timezone.now()
        with transaction.atomic():
            response = cls.objects.filter(
                consultation=consultation, organisation=organisation
            ).first()
            if response is None:
                if version != 0:
                    raise StaleVersion
                response = cls(
                    consultation=consultation, organisation=organisation, version=1
                )
                try:
                    with transaction.atomic():
                        response.general_comment = general_comment
                        response.updated_by = by
                        response.submitted_at = now
                        response.save()
                except IntegrityError as error:
                    raise StaleVersion from error
            else:
                # Claim the next version in one UPDATE: of two saves from the
                # same version, exactly one wins, on every database.
                claimed = cls.objects.filter(pk=response.pk, version=version).update(
                    version=models.F("version") + 1
                )
                if not claimed:
                    raise StaleVersion
                response.version = version + 1
                response.general_comment = general_comment
                response.updated_by = by
                response.submitted_at = response.submitted_at or now
                response.save()
            for question, text in answers:
                ResponseAnswer.objects.update_or_create(
                    response=response, question=question, defaults={"text": text}
                )
            for checked in new_files:
                ResponseAttachment.create_from(checked, by, response=response)
            removed = [attachment.pk for attachment in removed]
            if removed:
                ResponseAttachment.objects.current().filter(
                    response=response, pk__in=removed
                ).update(removed_at=now, removed_by=by)
            response.refresh_from_db(fields=["general_comment"])
            response.record_version([question for question, _text in answers], by, now)
        return response

    @classmethod
    def add_files(cls, consultation, organisation, new_files, by):
        """After a stale save: store the form's new files all the same.

        Files do not overwrite anyone's text, so they are added to the response
        as it is now, as a version of their own (same texts, these files).
        Nothing after the deadline, nothing when there is no response to add
        to. Returns the stored files' names.
        """
        now = timezone.now()
        if not new_files or now >= consultation.deadline:
            return []
        with transaction.atomic():
            response = (
                cls.objects.select_for_update()
                .filter(consultation=consultation, organisation=organisation)
                .first()
            )
            if response is None:
                return []
            stored = [
                ResponseAttachment.create_from(upload, by, response=response)
                for upload in new_files
            ]
            cls.objects.filter(pk=response.pk).update(
                version=models.F("version") + 1, updated_by=by, updated_at=now
            )
            response.refresh_from_db()
            response.record_version(consultation.questions.all(), by, now)
        return [attachment.name for attachment in stored]

    def record_version(self, questions, by, at):
        """Keep the response as it is now (texts and current files) as its version."""
        stored = {answer.question_id: answer.text for answer in self.answers.all()}
        ResponseVersion.objects.create(
            response=self,
            version=self.version,
            snapshot=self.snapshot(
                [(question, stored.get(question.pk, "")) for question in questions],
                list(ResponseAttachment.objects.current().filter(response=self)),
            ),
            saved_by=by,
            saved_at=at,
        )

    def snapshot(self, answers, attachments):
        """What a ResponseVersion keeps: the texts and the files current after
        the save (names to show, ids in the same order to link to)."""
        return {
            "general_comment": self.general_comment,
            "answers": {str(question.pk): text for question, text in answers},
            "attachments": [attachment.name for attachment in attachments],
            "attachment_ids": [attachment.pk for attachment in attachments],
        }


class ResponseAnswer(models.Model):
    response = models.ForeignKey(
        ConsultationResponse, on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        ConsultationQuestion, on_delete=models.CASCADE, related_name="answers"
    )
    text = models.TextField(_("svar"), blank=True, validators=[no_identity_numbers])

    class Meta:
        verbose_name = _("svar på fråga")
        verbose_name_plural = _("svar på frågor")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"], name="one_answer_per_question"
            ),
        ]

    def __str__(self):
        return f"{self.response}: {self.question}"

    def save(self, *args, **kwargs):
        self.text = clean_html(self.text)
        super().save(*args, **kwargs)


class ResponseAttachmentQuerySet(models.QuerySet):
    def current(self):
        """The files that belong to a response now (removed ones stay for history)."""
        return self.filter(removed_at__isnull=True)


class ResponseAttachment(AttachedFile):
    """A file in an organisation's response; removing one before the deadline
    keeps it for the response's history."""

    response = models.ForeignKey(
        ConsultationResponse, on_delete=models.CASCADE, related_name="attachments"
    )
    removed_at = models.DateTimeField(_("borttagen"), null=True, blank=True)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("borttagen av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ResponseAttachmentQuerySet.as_manager()

    class Meta(AttachedFile.Meta):
        verbose_name = _("bilaga till svar")
        verbose_name_plural = _("bilagor till svar")


class ResponseVersion(models.Model):
    """An earlier version of a response, kept on every save."""

    response = models.ForeignKey(
        ConsultationResponse, on_delete=models.CASCADE, related_name="versions"
    )
    version = models.PositiveIntegerField(_("version"))
    snapshot = models.JSONField(_("innehåll"))
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sparad av"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    saved_at = models.DateTimeField(_("sparad"), default=timezone.now)

    class Meta:
        verbose_name = _("version av svar")
        verbose_name_plural = _("versioner av svar")
        ordering = ["response", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "version"], name="response_version_unique"
            ),
        ]

    def __str__(self):
        return f"{self.response} v{self.version}"


class FeedbackItem(models.Model):
    """The convener's summary of the responses to one question."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="feedback_items"
    )
    question = models.ForeignKey(
        ConsultationQuestion,
        on_delete=models.CASCADE,
        related_name="feedback_items",
    )
    summary = models.TextField(
        _("sammanfattning av svaren"), validators=[no_identity_numbers]
    )

    class Meta:
        verbose_name = _("återkoppling per fråga")
        verbose_name_plural = _("återkoppling per fråga")
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "question"], name="one_feedback_per_question"
            ),
        ]

    def __str__(self):
        return str(self.question)

    def save(self, *args, **kwargs):
        self.summary = clean_html(self.summary)
        super().save(*args, **kwargs)
