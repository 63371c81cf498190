"""Members choose, in their notification choices, to be told about new
knowledge; a page's first publication tells those who chose it and may read
it, in their language, through the forum's notifications."""

import pytest
from django.core import mail

from forum.models import Level, Notification, Visibility
from knowledge.factories import ArticleFactory, NeedsAnalysisFactory
from knowledge.models import KnowledgeSubscription
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

Scope = KnowledgeSubscription.Scope
SETTINGS = "/forum/installningar/aviseringar/"


def subscribe(user, scope=Scope.FORUMS):
    KnowledgeSubscription.objects.update_or_create(user=user, defaults={"scope": scope})
    return user


def told(page):
    return set(
        Notification.objects.filter(
            kind="new_knowledge", params__page=page.pk
        ).values_list("user__email", flat=True)
    )


def emails(*users):
    return {user.email for user in users}


def test_the_choice_is_on_the_notification_settings_page(client):
    user = UserFactory()
    client.force_login(user)
    response = client.get(SETTINGS)
    assert "Berätta om ny kunskap" in response.content.decode()
    response = client.post(SETTINGS, {"frequency": "daily", "kunskap": "all"})
    assert response.status_code == 302
    assert user.knowledge_subscription.scope == Scope.ALL
    assert user.notification_preference.frequency == "daily"
    response = client.post(SETTINGS, {"frequency": "daily", "kunskap": "fel"})
    assert response.status_code == 200
    user.knowledge_subscription.refresh_from_db()
    assert user.knowledge_subscription.scope == Scope.ALL


def test_a_page_for_a_level_tells_the_subscribers_who_may_read_it(
    forum_index, forum, member, convener
):
    dialog = subscribe(member(Level.DIALOG))
    partner = subscribe(member(Level.PARTNERSKAP), Scope.ALL)
    below = subscribe(member(Level.SAMRAD))
    not_subscribed = member(Level.PARTNERSKAP)
    elsewhere = subscribe(UserFactory(), Scope.ALL)
    subscribe(convener)
    author = subscribe(member(Level.PARTNERSKAP))
    page = NeedsAnalysisFactory(
        parent=forum_index,
        title="Behov i Nordväst",
        forum=forum,
        visibility=Visibility.DIALOG,
        owner=author,
    )
    assert told(page) == emails(dialog, partner, convener)
    assert not_subscribed.email not in told(page)
    assert below.email not in told(page) and elsewhere.email not in told(page)


def test_a_public_page_tells_those_who_chose_all_and_the_forums_members(
    public_index, forum_index, forum, member
):
    everything = subscribe(UserFactory(), Scope.ALL)
    in_forum = subscribe(member(Level.INFORMATION))
    other_forum = subscribe(UserFactory())
    unsubscribed = subscribe(UserFactory(), Scope.NONE)
    page = NeedsAnalysisFactory(parent=forum_index, title="Offentlig", forum=forum)
    assert told(page) == emails(everything, in_forum)
    article = ArticleFactory(parent=public_index, title="Utan forum")
    assert told(article) == emails(everything)
    assert other_forum.email not in told(page) | told(article)
    assert unsubscribed.email not in told(page) | told(article)


def test_only_the_first_publication_and_never_a_draft(public_index):
    reader = subscribe(UserFactory(), Scope.ALL)
    draft = ArticleFactory(parent=public_index, live=False)
    assert told(draft) == set()
    draft.save_revision().publish()
    assert told(draft) == emails(reader)
    draft.title = "Ändrad"
    draft.save_revision().publish()
    assert Notification.objects.filter(params__page=draft.pk).count() == 1


def test_the_email_is_in_the_readers_language_with_the_page_in_their_tree(
    public_index,
):
    swedish = subscribe(UserFactory(language="sv"), Scope.ALL)
    english = subscribe(UserFactory(language="en"), Scope.ALL)
    mail.outbox.clear()
    ArticleFactory(parent=public_index, title="Att nå eget boende", slug="eget-boende")
    (sv,) = [m for m in mail.outbox if m.to == [swedish.email]]
    assert sv.subject == "[TIA] Ny kunskap: Att nå eget boende"
    assert "Kunskapsartikel" in sv.body or "Artikel" in sv.body
    assert "http://testserver/kunskap/eget-boende/" in sv.body
    (en,) = [m for m in mail.outbox if m.to == [english.email]]
    assert "http://testserver/en/kunskap/eget-boende/" in en.body
