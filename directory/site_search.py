"""The directory's part of the public site search (``core.site_search``):
current activities, found by their title and summary (and their
translations'), municipality, organiser and languages.

A word that names a language, in Swedish, in the reader's language, in
English or in its own ("arabiska", "Arabic", "العربية"), also finds the
activities held or supported in it. ``DirectoryConfig.ready`` registers
:data:`ACTIVITIES`.
"""

from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from core.collation import swedish
from core.geography.models import Municipality
from core.i18n.names import name_in
from core.site_search import Kind, Result, contains, matching

from .filters import LanguageChoiceField
from .models import Activity, DirectoryPage, Language
from .models.translations import SOURCE_LANGUAGE, ActivityTranslation

FIELDS = ("title", "summary", "municipality__name", "organisation__name")
# A word this short names no language by its beginning ("sv" is no Swedish).
LANGUAGE_PREFIX_MIN = 4


def filter_fields():
    """The filters of activities in the search form: municipality and language."""
    return {
        "kommun": forms.ModelChoiceField(
            label=_("Kommun"),
            queryset=Municipality.objects.filter(
                pk__in=Activity.objects.current().values("municipality")
            ).order_by(swedish("name")),
            to_field_name="slug",
            required=False,
            empty_label=_("Alla kommuner"),
        ),
        "sprak": LanguageChoiceField(
            label=_("Språk"),
            queryset=Language.objects.all(),
            to_field_name="code",
            required=False,
            empty_label=_("Alla språk"),
        ),
    }


def language_names(language, reader):
    """The casefolded names a reader may call ``language`` by: Swedish, its
    own, the reader's language's and English (which many visitors read)."""
    names = {
        language.name_sv,
        language.name_native,
        name_in(language.code, reader),
        name_in(language.code, "en"),
    }
    return {name.casefold() for name in names if name}


def named_languages(word, languages, reader):
    """The languages ``word`` names: a whole name, or the beginning of one."""
    word = word.casefold()
    return [
        language.pk
        for language in languages
        if any(
            name == word or (len(word) >= LANGUAGE_PREFIX_MIN and name.startswith(word))
            for name in language_names(language, reader)
        )
    ]


def in_languages(ids):
    """A Q: the activity is supported in one of ``ids``, or taught in one other
    than Swedish (nearly every activity is taught in Swedish: "svenska" means
    Swedish classes, which their words find)."""
    supported = Activity.support_languages.through.objects.filter(
        activity_id=OuterRef("pk"), language_id__in=ids
    )
    taught = Activity.instruction_languages.through.objects.filter(
        activity_id=OuterRef("pk"), language_id__in=ids
    ).exclude(language__code=SOURCE_LANGUAGE)
    return Q(Exists(supported)) | Q(Exists(taught))


def find(query):
    activities = Activity.objects.current()
    municipality = query.filters.get("kommun")
    if municipality:
        activities = activities.filter(municipality=municipality)
    language = query.filters.get("sprak")
    if language:
        activities = activities.filter(in_languages([language.pk]))
    if query.words:
        languages = list(Language.objects.all())

        def also(word):
            translated = ActivityTranslation.objects.filter(
                activity_id=OuterRef("pk")
            ).filter(contains("title", word) | contains("summary", word))
            condition = Q(Exists(translated))
            ids = named_languages(word, languages, query.language)
            return condition | in_languages(ids) if ids else condition

        activities = activities.filter(matching(query.words, FIELDS, also))
    return (
        activities.select_related("organisation", "municipality")
        .prefetch_related("support_languages")
        .with_translation(query.language)
        .order_by(swedish("title"), "pk")
    )


def results(rows, query):
    directory = DirectoryPage.live_localized()
    if directory is None:
        return []
    base_url = directory.get_url(query.request)
    found = []
    for activity in rows:
        shown = activity.text_in(query.language)
        details = [activity.municipality.name, activity.organisation.name]
        supported = [
            str(language.display) for language in activity.support_languages.all()
        ]
        if supported:
            details.append(
                _("Stöd på %(languages)s") % {"languages": ", ".join(supported)}
            )
        found.append(
            Result(
                title=shown.title.value,
                summary=shown.summary.value,
                url=base_url
                + directory.reverse_subpage(
                    "activity_detail", kwargs={"slug": activity.slug}
                ),
                details=details,
                language=shown.title.language,
            )
        )
    return found


ACTIVITIES = Kind(
    key="aktiviteter",
    title=_("Aktiviteter"),
    find=find,
    results=results,
    fields=filter_fields,
    order=10,
)
