"""Who writes an activity's translations: the organisation on its activity
form (reviewed like its Swedish text), and county editors from the review
queue, whose translations show at once."""

import re

import pytest
from django.utils import timezone

from directory.models import Activity, ActivityRevision, ActivityTranslation, Language
from tests.directory.builders import (
    HELSINGBORG,
    coordinator,
    form_data,
    make_activity,
    member,
    subregion,
)
from tests.factories import (
    ActivityTranslationFactory,
    OrganisationFactory,
    county_admin,
)

pytestmark = pytest.mark.django_db

Status = Activity.Status
Action = ActivityRevision.Action
QUEUE = "/granskning/aktiviteter/"
FIELDS = ("language", "title", "summary", "how_to_join", "accessibility_notes")


@pytest.fixture
def organisation():
    return OrganisationFactory(slug="sensus", name="Sensus")


@pytest.fixture
def person(organisation):
    return member(organisation)


@pytest.fixture
def signed_in(client, person):
    client.force_login(person)
    return client


@pytest.fixture
def mellersta():
    return subregion("Mellersta Skåne")


@pytest.fixture
def reviewer(mellersta):
    return coordinator(mellersta)


def base(organisation):
    return f"/organisationer/{organisation.slug}/aktiviteter/"


def arabic(**fields):
    return {
        "language": "ar",
        "title": "مقهى اللغة في لوند",
        "summary": "تدرّب على السويدية أثناء شرب القهوة.",
        "how_to_join": "",
        "accessibility_notes": "",
        **fields,
    }


def with_translations(rows, initial=(), **overrides):
    """The activity form's data with its translations' formset: the saved
    translations ``initial`` first (each a row, with ``id``), then new ones."""
    data = form_data(**overrides)
    forms = [*initial, *rows]
    data["translations-TOTAL_FORMS"] = str(len(forms))
    data["translations-INITIAL_FORMS"] = str(len(initial))
    for index, row in enumerate(forms):
        for name, value in row.items():
            if name == "DELETE":
                if value:
                    data[f"translations-{index}-DELETE"] = "on"
            else:
                data[f"translations-{index}-{name}"] = value
    return data


def saved_row(translation, **changes):
    row = {name: getattr(translation, name) for name in FIELDS}
    return {"id": str(translation.pk), **row, **changes}


def published(organisation, support=("ar", "fa"), **fields):
    activity = make_activity(
        organisation,
        status=Status.PUBLISHED,
        published_at=timezone.now(),
        **fields,
    )
    activity.support_languages.set(Language.objects.filter(code__in=support))
    return activity


# The organisation, on its activity form


def test_a_member_adds_changes_and_removes_translations(
    signed_in, organisation, person
):
    response = signed_in.post(f"{base(organisation)}ny/", with_translations([arabic()]))
    assert response.status_code == 302
    activity = Activity.objects.get()
    translation = activity.translations.get()
    assert (translation.language, translation.title) == ("ar", "مقهى اللغة في لوند")
    assert translation.updated_by == person
    url = f"{base(organisation)}{activity.slug}/"

    page = signed_in.get(url).content.decode()
    assert "Översättningar" in page
    assert 'lang="ar" dir="rtl"' in page  # the saved Arabic fields are typed RTL
    signed_in.post(
        url,
        with_translations(
            [
                {
                    "language": "fa",
                    "title": "کافه زبان در لوند",
                    "summary": "سوئدی را با یک فنجان قهوه تمرین کنید.",
                    "how_to_join": "",
                    "accessibility_notes": "",
                }
            ],
            initial=[saved_row(translation, title="مقهى اللغة")],
        ),
    )
    assert dict(activity.translations.values_list("language", "title")) == {
        "ar": "مقهى اللغة",
        "fa": "کافه زبان در لوند",
    }

    persian = activity.translations.get(language="fa")
    translation.refresh_from_db()
    signed_in.post(
        url,
        with_translations(
            [],
            initial=[saved_row(translation, DELETE=True), saved_row(persian)],
        ),
    )
    assert list(activity.translations.values_list("language", flat=True)) == ["fa"]
    history = signed_in.get(f"{url}historik/").content.decode()
    assert "Översättning till arabiska" in history
    assert "Översättning till persiska" in history


@pytest.mark.parametrize(
    ("row", "field"),
    [
        (arabic(language="sv"), "language"),
        (arabic(language="xx"), "language"),
        (arabic(language=""), "language"),
        (arabic(title=""), "title"),
        (arabic(summary="   "), "summary"),
        (arabic(title="ع" * 121), "title"),
        (arabic(summary="ع" * 301), "summary"),
    ],
)
def test_bad_translations_are_form_errors(signed_in, organisation, row, field):
    response = signed_in.post(f"{base(organisation)}ny/", with_translations([row]))
    assert response.status_code == 200
    formset = response.context["formset"]
    assert formset.forms[0].errors[field]
    assert not Activity.objects.exists()
    assert 'class="field__errors"' in response.content.decode()


def test_one_translation_a_language(signed_in, organisation):
    response = signed_in.post(
        f"{base(organisation)}ny/",
        with_translations([arabic(), arabic(title="En annan")]),
    )
    assert response.status_code == 200
    assert response.context["formset"].forms[1].errors["language"] == [
        "Aktiviteten har redan en översättning till det språket."
    ]
    assert not ActivityTranslation.objects.exists()


def test_a_language_removed_and_added_again_in_one_save(signed_in, organisation):
    signed_in.post(f"{base(organisation)}ny/", with_translations([arabic()]))
    activity = Activity.objects.get()
    old = activity.translations.get()
    response = signed_in.post(
        f"{base(organisation)}{activity.slug}/",
        with_translations(
            [arabic(title="Ny rubrik")], initial=[saved_row(old, DELETE=True)]
        ),
    )
    assert response.status_code == 302
    assert list(activity.translations.values_list("title", flat=True)) == ["Ny rubrik"]


def test_a_form_without_the_translations_part_is_an_error_not_a_crash(
    signed_in, organisation
):
    data = form_data()
    del data["translations-TOTAL_FORMS"], data["translations-INITIAL_FORMS"]
    response = signed_in.post(f"{base(organisation)}ny/", data)
    assert response.status_code == 200
    assert response.context["formset"].non_form_errors()
    assert not Activity.objects.exists()


def test_a_translation_of_a_published_activity_is_reviewed_like_its_text(
    signed_in, organisation, reviewer, client
):
    signed_in.post(f"{base(organisation)}ny/", form_data())
    activity = Activity.objects.get()
    Activity.objects.filter(pk=activity.pk).update(status=Status.PUBLISHED)
    url = f"{base(organisation)}{activity.slug}/"

    # Unchanged, with the empty row for a new language: nothing to review.
    empty = dict.fromkeys(FIELDS, "")
    signed_in.post(url, with_translations([empty]))
    activity.refresh_from_db()
    assert activity.status == Status.PUBLISHED

    signed_in.post(url, with_translations([arabic()]))
    activity.refresh_from_db()
    assert activity.status == Status.SUBMITTED
    assert not Activity.objects.current().exists()

    client.force_login(reviewer)
    page = client.get(f"{QUEUE}{activity.slug}/").content.decode()
    assert "Översättning till arabiska" in page  # among the changes, and shown
    assert '<dd lang="sv" dir="ltr">' not in page
    assert "مقهى اللغة في لوند" in page
    client.post(f"{QUEUE}{activity.slug}/", {"decision": "approve"})
    activity.refresh_from_db()
    assert activity.status == Status.PUBLISHED
    assert activity.text_in("ar").title.value == "مقهى اللغة في لوند"


# County editors, from the review queue


def translate_links(page):
    return re.findall(r'href="(/granskning/aktiviteter/[^"]+/oversattning/\w+/)"', page)


def test_the_queue_lists_published_activities_missing_a_translation(
    client, organisation, reviewer
):
    lacking = published(organisation, title="Saknar arabiska", slug="saknar")
    ActivityTranslationFactory(activity=lacking, language="fa", title="فارسی")
    done = published(organisation, title="Helt översatt", slug="klar", support=["ar"])
    ActivityTranslationFactory(activity=done, language="ar")
    published(organisation, title="Bara kurdiska", slug="kurdiska", support=["ku"])
    waiting = make_activity(organisation, status=Status.SUBMITTED, title="Väntar")
    waiting.support_languages.set(Language.objects.filter(code="ar"))
    elsewhere = published(
        organisation,
        title="I Helsingborg",
        slug="helsingborg",
        municipality=subregion(
            "Nordvästra Skåne", codes=(HELSINGBORG,)
        ).municipalities.get(),
    )

    client.force_login(reviewer)
    page = client.get(QUEUE).content.decode()
    assert translate_links(page) == ["/granskning/aktiviteter/saknar/oversattning/ar/"]
    assert "Översätt till arabiska – العربية" in page
    assert "Helt översatt" not in page and "Bara kurdiska" not in page

    client.force_login(county_admin())
    page = client.get(QUEUE).content.decode()
    assert set(translate_links(page)) == {
        "/granskning/aktiviteter/saknar/oversattning/ar/",
        f"/granskning/aktiviteter/{elsewhere.slug}/oversattning/ar/",
        f"/granskning/aktiviteter/{elsewhere.slug}/oversattning/fa/",
    }


def test_a_county_editor_adds_a_translation_that_shows_at_once(
    client, organisation, reviewer
):
    activity = published(organisation, how_to_join="Ring Amal.")
    client.force_login(reviewer)
    (link, persian_link) = translate_links(client.get(QUEUE).content.decode())
    assert link.endswith("/oversattning/ar/")
    page = client.get(link).content.decode()
    assert "Ring Amal." in page  # the Swedish beside the form
    assert 'lang="ar" dir="rtl"' in page

    response = client.post(link, arabic(how_to_join="اتصل بأمل."))
    assert response.status_code == 302 and response["Location"] == QUEUE
    activity.refresh_from_db()
    assert activity.status == Status.PUBLISHED
    shown = Activity.objects.current().get().text_in("ar")
    assert (shown.title.value, shown.how_to_join.value) == (
        "مقهى اللغة في لوند",
        "اتصل بأمل.",
    )
    translation = activity.translations.get()
    assert translation.updated_by == reviewer
    revision = activity.revisions.get()
    assert (revision.action, revision.user) == (Action.TRANSLATED, reviewer)
    assert translate_links(client.get(QUEUE).content.decode()) == [persian_link]

    # Corrected from the activity's other language's page.
    page = client.get(persian_link).content.decode()
    assert f'href="{link}">Rätta översättningen till arabiska' in page
    client.post(link, arabic(title="مقهى اللغة", how_to_join="اتصل بأمل."))
    translation.refresh_from_db()
    assert translation.title == "مقهى اللغة"
    response = client.post(link, arabic(title="مقهى اللغة", how_to_join="اتصل بأمل."))
    assert activity.revisions.count() == 2  # the unchanged save wrote nothing


def test_the_next_review_compares_with_the_countys_translation(
    client, organisation, person, reviewer
):
    client.force_login(person)
    client.post(f"{base(organisation)}ny/", form_data())
    activity = Activity.objects.get()
    Activity.objects.filter(pk=activity.pk).update(status=Status.PUBLISHED)
    client.force_login(reviewer)
    client.post(f"{QUEUE}{activity.slug}/oversattning/ar/", arabic())
    translation = activity.translations.get()
    client.force_login(person)
    response = client.post(
        f"{base(organisation)}{activity.slug}/",
        with_translations(
            [], initial=[saved_row(translation)], title="Språkcafé i Lunds bibliotek"
        ),
    )
    assert response.status_code == 302
    client.force_login(reviewer)
    assert client.get(f"{QUEUE}{activity.slug}/").context["changes"] == ["Rubrik"]


@pytest.mark.parametrize("row", [arabic(title=""), arabic(summary="ع" * 301)])
def test_bad_county_translations_are_form_errors(client, organisation, reviewer, row):
    activity = published(organisation)
    client.force_login(reviewer)
    response = client.post(f"{QUEUE}{activity.slug}/oversattning/ar/", row)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not activity.translations.exists()


def test_only_the_activitys_reviewers_translate_it(client, organisation, reviewer):
    activity = published(organisation)
    url = f"{QUEUE}{activity.slug}/oversattning/ar/"
    other = coordinator(subregion("Nordvästra Skåne", codes=(HELSINGBORG,)))
    for person, status in [
        (other, 403),
        (member(organisation), 403),
        (reviewer, 200),
        (county_admin(), 200),
    ]:
        client.force_login(person)
        assert client.get(url).status_code == status
        response = client.post(url, arabic())
        assert response.status_code == (302 if status == 200 else 403)
    assert activity.translations.count() == 1
    client.force_login(reviewer)
    for language in ("sv", "xx", "ku"):
        assert (
            client.get(f"{QUEUE}{activity.slug}/oversattning/{language}/").status_code
            == 404
        )
    assert client.get(f"{QUEUE}finns-inte/oversattning/ar/").status_code == 404


def test_unpublished_activities_are_translated_by_their_organisation(
    client, organisation, reviewer
):
    draft = make_activity(organisation, status=Status.SUBMITTED)
    client.force_login(reviewer)
    response = client.post(
        f"{QUEUE}{draft.slug}/oversattning/ar/", arabic(), follow=True
    )
    assert response.redirect_chain == [(QUEUE, 302)]
    assert "Organisationen skriver översättningarna" in response.content.decode()
    assert not draft.translations.exists()


def test_the_queue_with_untranslated_activities_reads_a_fixed_number_of_queries(
    client, organisation, reviewer, django_assert_max_num_queries
):
    make_activity(organisation, status=Status.SUBMITTED, title="Första")
    published(organisation, title="Publicerad", slug="publicerad")
    client.force_login(reviewer)
    client.get(QUEUE)
    with django_assert_max_num_queries(12) as small:
        client.get(QUEUE)
    for n in range(60):
        activity = published(organisation, title=f"Aktivitet {n}", slug=f"akt-{n}")
        if n % 2:
            ActivityTranslationFactory(activity=activity, language="fa")
    with django_assert_max_num_queries(12) as large:
        response = client.get(QUEUE)
    assert len(large.captured_queries) == len(small.captured_queries)
    assert len(response.context["untranslated"]) == 50
    assert "Fler aktiviteter saknar översättning" in response.content.decode()
