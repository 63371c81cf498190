"""Editors write knowledge pages in the Wagtail admin."""

from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from core.geography.models import Municipality
from forum.models import Visibility
from knowledge.models import ArticlePage, NeedsAnalysisPage
from tests.factories import UserFactory


def superuser():
    return UserFactory(is_staff=True, is_superuser=True)


def test_a_page_under_a_forums_index_belongs_to_that_forum(client, forum_index):
    client.force_login(superuser())
    lund, eslov = Municipality.objects.filter(code__in=["1281", "1285"])
    data = nested_form_data(
        {
            "title": "Språkstöd i studieförbunden",
            "slug": "sprakstod",
            "intro": "Vad vi lärde oss.",
            "body": streamfield(
                [("paragraph", rich_text("<p>Ledare med flera språk.</p>"))]
            ),
            "date": "2026-01-15",
            "visibility": str(Visibility.DIALOG),
            "tags": "språkstöd, folkbildning",
            "comments": inline_formset([]),
        }
    )
    # A multiple choice: one value per municipality (nested_form_data would
    # number them).
    data["municipalities"] = [lund.pk, eslov.pk]
    response = client.post(
        f"/admin/pages/add/knowledge/articlepage/{forum_index.pk}/", data
    )
    assert response.status_code == 302, response.context["form"].errors
    # Saved as a draft (publishing from the create view: see docs/knowledge.md).
    page = ArticlePage.objects.get(slug="sprakstod", locale__language_code="sv")
    assert not page.live
    assert page.forum == forum_index.forum
    assert page.visibility == Visibility.DIALOG
    assert set(page.municipalities.values_list("code", flat=True)) == {
        "1281",
        "1285",
    }
    assert set(page.tags.names()) == {"språkstöd", "folkbildning"}


def test_a_private_page_outside_a_forum_is_refused(client, public_index):
    client.force_login(superuser())
    response = client.post(
        f"/admin/pages/add/knowledge/needsanalysispage/{public_index.pk}/",
        nested_form_data(
            {
                "title": "Kartläggning",
                "slug": "kartlaggning",
                "kind": "mapping",
                "method": streamfield([]),
                "findings": streamfield([]),
                "date": "2026-01-15",
                "visibility": str(Visibility.INFORMATION),
                "recommendations": inline_formset(
                    [
                        {
                            "text": "Fler kvällsgrupper.",
                            "responsible": "",
                            "status": "planned",
                        }
                    ]
                ),
                "comments": inline_formset([]),
            }
        ),
    )
    assert response.status_code == 200
    assert "forum" in response.context["form"].errors
    assert not NeedsAnalysisPage.objects.filter(slug="kartlaggning").exists()
