"""An activity's history: a snapshot of it at every step, and what changed between."""

import json

from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from core.i18n.names import name_in, reader_language

from .models import TRANSLATED_FIELDS, Activity, ActivityRevision, ActivityTranslation

# Bookkeeping that changes on every save or is set by the system alone; a
# snapshot without it shows only what someone actually changed.
NOT_SNAPSHOTTED = {
    "id",
    "created_at",
    "updated_at",
    "reminded_at",
    "unlisted_notice_at",
}
# A translation is stored in the snapshot under this prefix and its language.
TRANSLATION_KEY = "translation:"
# A value a snapshot taken before a field existed stands for.
EMPTY_VALUES = ("", None, [], {})


def snapshot(activity):
    """The activity's field values as a JSON-serialisable dict.

    Foreign keys are stored by primary key, languages by their codes, each
    translation under ``translation:<code>``.
    """
    data = {}
    for field in Activity._meta.concrete_fields:
        if field.name in NOT_SNAPSHOTTED:
            continue
        data[field.name] = field.value_from_object(activity)
    for name in ("instruction_languages", "support_languages"):
        data[name] = sorted(getattr(activity, name).values_list("code", flat=True))
    translations = ActivityTranslation.objects.filter(activity=activity)
    for translation in translations.order_by("language"):
        data[TRANSLATION_KEY + translation.language] = {
            name: getattr(translation, name) for name in TRANSLATED_FIELDS
        }
    # Dates, times and decimals become the strings JSON stores them as.
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def record(activity, action, user=None, comment=""):
    """Write one step of the history, with the activity as it is now."""
    if user is not None and not user.is_authenticated:
        user = None
    return ActivityRevision.objects.create(
        activity=activity,
        action=action,
        user=user,
        comment=comment,
        snapshot=snapshot(activity),
    )


def field_label(name):
    if name.startswith(TRANSLATION_KEY):
        code = name.removeprefix(TRANSLATION_KEY)
        language = name_in(code, reader_language()) or code
        return _("Översättning till %(language)s") % {"language": language}
    try:
        return capfirst(Activity._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        # A field that has since been removed from the model.
        return name


# What the review itself sets; a reviewer wants to see what the organisation
# changed.
REVIEW_FIELDS = {"status", "review_comment", "published_at", "last_confirmed"}


def field_order(name):
    """Sort key: the model's field order (PostgreSQL's jsonb keeps no key order)."""
    names = [f.name for f in Activity._meta.get_fields()]
    return (names.index(name), name) if name in names else (len(names), name)


def differs(before, after, name):
    """Whether field ``name`` differs; a field missing from an older snapshot
    (added to the model since) differs only when it now holds something."""
    if name in before and name in after:
        return before[name] != after[name]
    return before.get(name, after.get(name)) not in EMPTY_VALUES


def changed_fields(before, after, ignore=()):
    """The labels of the fields whose values differ between two snapshots."""
    names = {name for name in after.keys() | before.keys() if name not in ignore}
    changed = [name for name in names if differs(before, after, name)]
    return [field_label(name) for name in sorted(changed, key=field_order)]


def history(activity):
    """The revisions oldest first, each with ``changes`` since the one before it.

    The first revision's ``changes`` is None: there is nothing to compare with.
    """
    revisions = list(
        activity.revisions.select_related("user").order_by("created_at", "pk")
    )
    previous = None
    for revision in revisions:
        revision.changes = (
            None
            if previous is None
            else changed_fields(previous.snapshot, revision.snapshot)
        )
        previous = revision
    return revisions


def changes_since_approval(activity):
    """Labels of the fields changed since the last approved version, or None.

    A translation a county editor saved on the published activity counts as
    approved: its snapshot is the version to compare with.
    """
    Action = ActivityRevision.Action
    approved = (
        activity.revisions.filter(action__in=[Action.APPROVED, Action.TRANSLATED])
        .order_by("-created_at", "-pk")
        .first()
    )
    if approved is None:
        return None
    return changed_fields(approved.snapshot, snapshot(activity), ignore=REVIEW_FIELDS)
