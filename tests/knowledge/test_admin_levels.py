"""The forum levels in the Wagtail admin: an editor who may not read a
members-only knowledge page does not find it, its content or its document
there either; its readers, its author, its reviewer and county
administrators do (``KnowledgePageQuerySet.admin_visible_to``)."""

import io
import json

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from core.geography.models import County, SubRegion
from forum.factories import CoordinatorFactory
from forum.models import Level, Visibility
from knowledge.factories import ArticleFactory
from knowledge.models import KnowledgePage
from tests.factories import (
    COUNTY_ADMINISTRATORS,
    EDITORS,
    MembershipFactory,
    ParticipationFactory,
    editor,
    staff_user,
)

TITLE = "Hemlig kartläggning av språkstödet"
DOCUMENT = "Bilaga till kartläggningen"
IMAGE = "Foto från språkcaféet"
PUBLIC_TITLE = "Att nå dem i eget boende"
MODERATORS = "Moderators"  # Wagtail's group: publishes, moves, deletes pages


def coordinator():
    subregion, _ = SubRegion.objects.get_or_create(
        slug="nordvastra-skane",
        defaults={"county": County.objects.get(code="12"), "name": "Nordvästra Skåne"},
    )
    user = editor()
    CoordinatorFactory(user=user, email=user.email, subregion=subregion)
    return user


def admin_member(forum, level):
    """An editor whose organisation takes part in the forum at ``level``."""
    user = editor()
    participation = ParticipationFactory(forum=forum, level=level)
    MembershipFactory(organisation=participation.organisation, user=user)
    return user


@pytest.fixture
def files(db):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    document = get_document_model().objects.create(
        title=DOCUMENT, file=ContentFile(b"%PDF-1.4 bilaga", name="bilaga.pdf")
    )
    image = get_image_model().objects.create(
        title=IMAGE,
        private=True,
        file=ImageFile(io.BytesIO(buffer.getvalue()), name="cafe.png"),
    )
    return document, image


@pytest.fixture
def author(db):
    return coordinator()


@pytest.fixture
def page(forum_index, forum, author, files):
    """A Dialog page by ``author`` with a document and a protected image."""
    document, image = files
    return ArticleFactory(
        parent=forum_index,
        title=TITLE,
        slug="hemlig",
        forum=forum,
        visibility=Visibility.DIALOG,
        owner=author,
        body=json.dumps(
            [
                {"type": "document", "value": {"document": document.pk, "title": ""}},
                {"type": "image", "value": {"image": image.pk, "caption": ""}},
            ]
        ),
    )


@pytest.fixture
def public_page(forum_index):
    return ArticleFactory(parent=forum_index, title=PUBLIC_TITLE, slug="eget-boende")


def in_review(page, author):
    page.save_revision(user=author)
    page.get_workflow().start(page, author)


def seen_in_admin(client, user, forum_index):
    """Where ``user`` meets the page and its files in the admin."""
    client.force_login(user)
    found = {}
    for name, (url, title) in {
        "explorer": (f"/admin/pages/{forum_index.pk}/", TITLE),
        "search": ("/admin/pages/search/?q=kartläggning", TITLE),
        "chooser": (f"/admin/choose-page/{forum_index.pk}/", TITLE),
        "documents": ("/admin/documents/", DOCUMENT),
        "document_chooser": ("/admin/documents/chooser/", DOCUMENT),
        "images": ("/admin/images/", IMAGE),
        "image_chooser": ("/admin/images/chooser/", IMAGE),
    }.items():
        response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        content = response.content.decode()
        if name.endswith("chooser"):
            content = json.loads(content)["html"]
        found[name] = title in content
    return found


def test_who_finds_the_page_and_its_files_in_the_admin(
    client, forum_index, forum, page, public_page, author
):
    # One page for every reader (each page is made in eight language trees).
    readers = {
        "an editor without level": (editor(), False),
        "an editor at Information": (admin_member(forum, Level.INFORMATION), False),
        "a coordinator, the page not in review": (coordinator(), False),
        "an editor at Dialog": (admin_member(forum, Level.DIALOG), True),
        "the author": (author, True),
        "a county administrator who edits": (
            staff_user(EDITORS, COUNTY_ADMINISTRATORS),
            True,
        ),
    }
    for who, (user, sees) in readers.items():
        found = seen_in_admin(client, user, forum_index)
        assert found == dict.fromkeys(found, sees), who
        # Pages others may read are there for everybody.
        response = client.get(f"/admin/pages/{forum_index.pk}/")
        assert PUBLIC_TITLE in response.content.decode(), who
    # Another coordinator, while the page waits for their review.
    reviewer = coordinator()
    assert not any(seen_in_admin(client, reviewer, forum_index).values())
    in_review(page, author)
    found = seen_in_admin(client, reviewer, forum_index)
    assert found == dict.fromkeys(found, True)


PAGE_VIEWS = [
    "/admin/pages/{pk}/edit/",
    "/admin/pages/{pk}/edit/preview/",
    "/admin/pages/{pk}/history/",
    "/admin/pages/{pk}/revisions/compare/earliest...latest/",
    "/admin/pages/{pk}/revisions/{revision}/view/",
    "/admin/pages/{pk}/usage/",
    "/admin/pages/{pk}/delete/",
    "/admin/pages/{pk}/copy/",
    "/admin/pages/{pk}/move/",
    "/admin/pages/{pk}/unpublish/",
    "/admin/pages/{pk}/",
]


def test_an_editor_without_the_level_gets_nothing_of_the_page(client, page, files):
    # A moderator (publishes, moves and deletes pages) below the level.
    client.force_login(staff_user(EDITORS, MODERATORS))
    revision = page.latest_revision_id
    for template in PAGE_VIEWS:
        url = template.format(pk=page.pk, revision=revision)
        for response in (client.get(url), client.post(url, {"title": "Stulen"})):
            # 405: a view that is only read.
            assert response.status_code in (302, 403, 404, 405), url
            assert TITLE not in response.content.decode(), url
            if response.status_code == 302:
                # Wagtail's "permission denied": back to the dashboard.
                assert response["Location"] == "/admin/", url
    page.refresh_from_db()
    assert page.title == TITLE
    document, image = files
    for url in (
        f"/admin/documents/edit/{document.pk}/",
        f"/admin/documents/delete/{document.pk}/",
        f"/admin/images/{image.pk}/",
        f"/admin/images/{image.pk}/delete/",
    ):
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        assert DOCUMENT not in response.content.decode()
        assert IMAGE not in response.content.decode()


def test_a_moderator_with_the_level_opens_every_view(client, forum, page, files):
    # The same views as above (so their addresses are right), opened.
    user = admin_member(forum, Level.DIALOG)
    user.groups.add(Group.objects.get(name=MODERATORS))
    client.force_login(user)
    revision = page.latest_revision_id
    urls = [template.format(pk=page.pk, revision=revision) for template in PAGE_VIEWS]
    for url in [*urls, f"/admin/documents/edit/{files[0].pk}/"]:
        response = client.get(url)
        assert response.status_code == 200, url


def test_the_rule_is_the_public_sites_with_drafts_authors_and_reviewers(
    forum_index, forum, page, author
):
    draft = ArticleFactory(
        parent=forum_index,
        forum=forum,
        visibility=Visibility.DIALOG,
        live=False,
    )
    dialog = admin_member(forum, Level.DIALOG)
    pages = KnowledgePage.objects
    ids = [page.pk, draft.pk]
    assert set(
        pages.admin_visible_to(dialog).filter(pk__in=ids).values_list("pk", flat=True)
    ) == set(ids)
    assert not pages.admin_visible_to(editor()).filter(pk__in=ids).exists()
    # The author reads their page, not another's draft.
    assert list(
        pages.admin_visible_to(author).filter(pk__in=ids).values_list("pk", flat=True)
    ) == [page.pk]


def test_the_admin_api_does_not_name_a_page_the_editor_may_not_read(client, page):
    client.force_login(editor())
    detail = client.get(f"/admin/api/main/pages/{page.pk}/")
    assert detail.status_code == 404
    listing = client.get(f"/admin/api/main/pages/?child_of={page.get_parent().pk}")
    assert TITLE not in listing.content.decode()
