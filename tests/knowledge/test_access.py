"""Who reads a knowledge page: the forum's access rule, never Wagtail's groups.

A private page answers a signed-out visitor with the sign-in page and a
member below its level with 404 (not even its title), in every language's
tree; lists, related pages, the site search and the sitemap leave it out.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from wagtail.models import Locale

from forum.models import Level, Visibility
from knowledge.factories import ArticleFactory, NeedsAnalysisFactory
from knowledge.models import KnowledgePage
from tests.factories import UserFactory


@pytest.fixture
def dialog_page(forum_index, forum):
    return NeedsAnalysisFactory(
        parent=forum_index,
        title="Kartläggning av språkcaféer",
        forum=forum,
        visibility=Visibility.DIALOG,
    )


@pytest.fixture
def public_page(public_index):
    return ArticleFactory(parent=public_index, title="Att nå dem i eget boende")


def test_a_private_page_asks_a_visitor_to_sign_in(client, dialog_page):
    response = client.get(dialog_page.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert "Kartläggning" not in response.content.decode()


@pytest.mark.parametrize("level", [Level.INFORMATION, Level.SAMRAD])
def test_a_member_below_the_level_gets_404(client, dialog_page, member, level):
    client.force_login(member(level))
    response = client.get(dialog_page.url)
    assert response.status_code == 404
    assert "Kartläggning" not in response.content.decode()


def test_a_member_of_another_forum_gets_404(client, dialog_page, member):
    from tests.factories import ForumFactory

    client.force_login(member(Level.PARTNERSKAP, in_forum=ForumFactory()))
    assert client.get(dialog_page.url).status_code == 404


def test_staff_status_opens_nothing(client, dialog_page):
    client.force_login(UserFactory(is_staff=True))
    assert client.get(dialog_page.url).status_code == 404


@pytest.mark.parametrize("level", [Level.DIALOG, Level.PARTNERSKAP])
def test_members_from_the_level_read_it(client, dialog_page, member, level):
    client.force_login(member(level))
    response = client.get(dialog_page.url)
    assert response.status_code == 200
    assert "Kartläggning av språkcaféer" in response.content.decode()
    assert response["Cache-Control"] == "private"


def test_conveners_read_it(client, dialog_page, convener):
    client.force_login(convener)
    assert client.get(dialog_page.url).status_code == 200


def test_a_public_page_is_for_everyone(client, public_page):
    assert client.get(public_page.url).status_code == 200


def test_the_alias_in_another_language_follows_the_same_rule(
    client, dialog_page, member
):
    english = dialog_page.get_translation(Locale.objects.get(language_code="en"))
    assert english.alias_of_id == dialog_page.pk
    assert client.get(english.url).status_code == 302
    client.force_login(member(Level.SAMRAD))
    assert client.get(english.url).status_code == 404
    client.force_login(member(Level.DIALOG))
    assert client.get(english.url).status_code == 200


def test_visible_to_is_the_rule_as_a_queryset(dialog_page, public_page, member):
    sv = KnowledgePage.objects.filter(locale__language_code="sv")
    assert list(sv.visible_to(AnonymousUser())) == [public_page.knowledgepage]
    assert set(sv.visible_to(member(Level.DIALOG))) == {
        public_page.knowledgepage,
        dialog_page.knowledgepage,
    }
    assert list(sv.visible_to(member(Level.SAMRAD))) == [public_page.knowledgepage]


def test_a_draft_is_nobodys(client, forum_index, member):
    draft = ArticleFactory(parent=forum_index, live=False)
    assert not KnowledgePage.objects.filter(pk=draft.pk).visible_to(
        member(Level.PARTNERSKAP)
    )


def test_a_private_page_needs_a_forum(public_index):
    from django.core.exceptions import ValidationError

    page = ArticleFactory.build(visibility=Visibility.INFORMATION)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "forum" in error.value.message_dict
