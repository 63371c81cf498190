"""An activity's public text in the other interface languages, and what a
reader of one language is shown of it."""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.i18n.names import name_in, reader_language
from core.identity_numbers import no_identity_numbers
from core.single_line import single_line

from .activities import Activity

# Activities are written in Swedish; translations are into the others.
SOURCE_LANGUAGE = "sv"
# The fields a translation holds, named as the activity's own.
TRANSLATED_FIELDS = ("title", "summary", "how_to_join", "accessibility_notes")


def translation_languages():
    """The codes a translation may be in: the interface languages but Swedish.

    Read from ``settings.LANGUAGES`` at each call, so that a new interface
    language takes translations without a migration.
    """
    return [code for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE]


def _field(name):
    return Activity._meta.get_field(name)


class ActivityTranslationQuerySet(models.QuerySet):
    def in_language(self, language):
        return self.filter(language=language)


class ActivityTranslation(models.Model):
    """The activity's title, summary, how to join and accessibility in one
    language other than Swedish, written by the organisation or the county."""

    activity = models.ForeignKey(
        Activity,
        verbose_name=_("aktivitet"),
        on_delete=models.CASCADE,
        related_name="translations",
    )
    # A code of settings.LANGUAGES, checked by clean() and the forms rather
    # than by choices, so that the list grows without a migration.
    language = models.CharField(_("språk"), max_length=8)
    title = models.CharField(
        _("rubrik"),
        max_length=_field("title").max_length,
        validators=[single_line, no_identity_numbers],
    )
    summary = models.CharField(
        _("sammanfattning"),
        max_length=_field("summary").max_length,
        validators=[single_line, no_identity_numbers],
    )
    how_to_join = models.TextField(
        _("mer om hur man deltar"), blank=True, validators=[no_identity_numbers]
    )
    accessibility_notes = models.TextField(
        _("tillgänglighet"), blank=True, validators=[no_identity_numbers]
    )
    updated_at = models.DateTimeField(_("ändrad"), default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ändrad av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ActivityTranslationQuerySet.as_manager()

    class Meta:
        verbose_name = _("översättning av aktivitet")
        verbose_name_plural = _("översättningar av aktiviteter")
        ordering = ["activity", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "language"],
                name="activity_translation_one_per_language",
            ),
        ]

    def __str__(self):
        return f"{self.activity_id}: {self.language}"

    @property
    def language_display(self):
        """The language's name in the reader's language, e.g. 'arabiska'."""
        return name_in(self.language, reader_language()) or self.language

    def clean(self):
        if self.language not in translation_languages():
            raise ValidationError(
                {"language": _("Välj ett av språken som webbplatsen finns på.")}
            )


@dataclass(frozen=True)
class Text:
    """One field as shown: its value and the language it is written in."""

    value: str
    language: str

    def __str__(self):
        return self.value

    def __bool__(self):
        return bool(self.value)


@dataclass(frozen=True)
class ActivityText:
    """What a reader of one language sees of an activity's own words: each
    field from the translation into their language when it has one, else the
    Swedish (a blank translated field falls back too)."""

    title: Text
    summary: Text
    how_to_join: Text
    accessibility_notes: Text
    description: Text

    @classmethod
    def of(cls, activity, translation=None):
        fields = {}
        for name in TRANSLATED_FIELDS:
            translated = getattr(translation, name, "") if translation else ""
            if translated:
                fields[name] = Text(translated, translation.language)
            else:
                fields[name] = Text(getattr(activity, name), SOURCE_LANGUAGE)
        # The description is rich text, in Swedish only.
        fields["description"] = Text(activity.description, SOURCE_LANGUAGE)
        return cls(**fields)

    @property
    def translated(self):
        """True when the title is shown in another language than Swedish."""
        return self.title.language != SOURCE_LANGUAGE


def translation_for(activity, language):
    """The activity's translation into ``language``, or None; reads the
    prefetched ``reader_translations`` when the list prefetched them."""
    if language == SOURCE_LANGUAGE:
        return None
    prefetched = getattr(activity, "reader_translations", None)
    if prefetched is not None:
        return next((t for t in prefetched if t.language == language), None)
    return activity.translations.filter(language=language).first()
