"""Writing an activity's translations: the organisation's on its activity form,
the county's from the review queue; and which published activities miss one."""

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from .models import (
    TRANSLATED_FIELDS,
    Activity,
    ActivityRevision,
    ActivityTranslation,
    translation_languages,
)
from .revisions import record


def save_translations(formset, user):
    """Save the organisation's formset: removals first, so that a language
    removed and added again in one save meets no unique constraint."""
    saved = formset.save(commit=False)
    for translation in formset.deleted_objects:
        translation.delete()
    now = timezone.now()
    for translation in saved:
        translation.updated_by = user
        translation.updated_at = now
        translation.save()
    return saved


def can_translate(activity):
    """County editors translate what the public sees: published activities."""
    return activity.status == Activity.Status.PUBLISHED


def save_county_translation(form, activity, language, user):
    """Save a county editor's translation of a published activity.

    It shows on the public page at once: the county's own text needs no
    review. The history records it, so that the next review compares with it.
    Two editors saving the same new language at once both update one row.
    """
    values = {name: form.cleaned_data[name] for name in TRANSLATED_FIELDS}
    with transaction.atomic():
        translation, _created = ActivityTranslation.objects.update_or_create(
            activity=activity,
            language=language,
            defaults={**values, "updated_by": user, "updated_at": timezone.now()},
        )
        record(activity, ActivityRevision.Action.TRANSLATED, user)
    return translation


def missing_by_activity(activities):
    """{activity pk: the ``Language`` rows of the interface languages it
    supports but has no translation into}, for ``activities``; one query."""
    supported = (
        Activity.support_languages.through.objects.filter(
            activity__in=[activity.pk for activity in activities],
            language__code__in=translation_languages(),
        )
        .exclude(
            Exists(
                ActivityTranslation.objects.filter(
                    activity_id=OuterRef("activity_id"),
                    language=OuterRef("language__code"),
                )
            )
        )
        .select_related("language")
    )
    order = {code: n for n, code in enumerate(translation_languages())}
    missing = {}
    for row in supported:
        missing.setdefault(row.activity_id, []).append(row.language)
    for languages in missing.values():
        languages.sort(key=lambda language: order[language.code])
    return missing


def lacking_translations(activities):
    """The current activities among ``activities`` that lack a translation
    into an interface language they support."""
    return activities.current().missing_translations(translation_languages())
