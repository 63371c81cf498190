"""The members' search (``forum.search``, ``events.search``), by the matrix's roles.

One word, "Zebrafink", stands in a post, consultations and their feedback,
minutes items, an agenda item, an action item, a delegated task, a joint
decision and agreements, at different levels and in two forums; each role of
the permission matrix (``tests/matrix_roles.py``) finds exactly what its
level opens in its own forums, and every link it gets answers.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    EventFactory,
    MinutesFactory,
    MinutesItemFactory,
)
from events.models import Minutes
from forum.factories import (
    AgreementFactory,
    ConsultationFactory,
    DelegatedTaskFactory,
    JointDecisionFactory,
    PostFactory,
    ThreadFactory,
)
from forum.models import Forum, Visibility
from forum.search import MAX_QUERY_LENGTH, SearchForm, excerpt
from partners.models import Organisation
from tests.matrix_roles import ROLES
from tests.test_permissions import make_people

URL = "/forum/sok/"
WORD = "zebrafink"  # typed in lower case; the data has "Zebrafink"

INFO_UP = {
    "information",
    "samrad",
    "dialog",
    "partnerskap",
    "org_admin",
    "convener",
    "county_admin",
    "superuser",
}
SAMRAD_UP = INFO_UP - {"information"}
DIALOG_UP = SAMRAD_UP - {"samrad", "org_admin"}
PARTNER_UP = DIALOG_UP - {"dialog"}
CONVENERS = {"convener", "county_admin", "superuser"}
OTHER_FORUM = {"other_forum", "county_admin", "superuser"}

# (kind, title) → the roles that find it.
EXPECTED = {
    ("posts", "Fågelskådning"): DIALOG_UP,
    ("posts", "Modererad tråd"): CONVENERS,
    ("consultations", "Samråd om Zebrafink"): SAMRAD_UP,
    ("consultations", "Utkast om Zebrafink"): CONVENERS,
    ("feedback", "Avslutat samråd"): SAMRAD_UP,
    ("minutes_items", "§ 1 Zebrafink för Dialog – Forummöte i januari"): DIALOG_UP,
    ("minutes_items", "§ 1 Zebrafink för Partnerskap – Partnermöte"): PARTNER_UP,
    ("minutes_items", "§ 1 Zebrafink i utkastet – Möte med utkast"): CONVENERS,
    ("action_items", "Räkna zebrafinkar"): DIALOG_UP,
    ("agenda_items", "Zebrafink på dagordningen – Forummöte i juni"): INFO_UP,
    ("tasks", "Zebrafink-uppdrag"): PARTNER_UP,
    ("decisions", "Zebrafink-beslut"): PARTNER_UP,
    ("agreements", "Zebrafink-överenskommelse"): PARTNER_UP,
    # Sensus's admin reads what Sensus signed (``Agreement.visible_to``).
    ("agreements", "Sensus Zebrafink-avtal"): PARTNER_UP | {"org_admin"},
    ("posts", "Annat forums tråd"): OTHER_FORUM,
    ("tasks", "Annat forums Zebrafink-uppdrag"): OTHER_FORUM,
    # Public, but in a forum the tia-skane members do not take part in.
    ("agenda_items", "Zebrafink för alla – Öppet möte"): OTHER_FORUM,
}


def meeting(forum, title, days=-30, visibility=Visibility.INFORMATION):
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days)
    return EventFactory(forum=forum, title=title, start=start, visibility=visibility)


def add_content(people):
    """Everything in EXPECTED, in tia-skane and annat-forum."""
    forum = Forum.objects.get(slug="tia-skane")
    other = Forum.objects.get(slug="annat-forum")
    now = timezone.now()
    dialog_org = people["dialog"].memberships.get().organisation
    post = PostFactory(
        thread=ThreadFactory(forum=forum, title="Fågelskådning"),
        body="<p>Vi såg en <strong>Zebrafink</strong> vid dammen i Lund.</p>",
    )
    hidden = PostFactory(
        thread=ThreadFactory(forum=forum, title="Modererad tråd"),
        body="<p>Zebrafink och ett namn som inte skulle stå här.</p>",
        hidden=True,
        hidden_reason="Personuppgifter",
    )
    ConsultationFactory(
        forum=forum,
        title="Samråd om Zebrafink",
        published=True,
        proposal="<p>Ett förslag om fåglar.</p>",
    )
    ConsultationFactory(forum=forum, title="Utkast om Zebrafink", published=False)
    ConsultationFactory(
        forum=forum,
        title="Avslutat samråd",
        published=True,
        opens_at=now - datetime.timedelta(days=60),
        deadline=now - datetime.timedelta(days=30),
        feedback="<p>Svaren om Zebrafink har vägts in.</p>",
        feedback_published_at=now - datetime.timedelta(days=20),
    )
    # Feedback not published yet: nobody finds it in the feedback.
    ConsultationFactory(
        forum=forum,
        title="Samråd med utkast till återkoppling",
        published=True,
        opens_at=now - datetime.timedelta(days=60),
        deadline=now - datetime.timedelta(days=30),
        feedback="<p>Zebrafink i ett utkast.</p>",
    )
    for_dialog = MinutesFactory(
        event=meeting(forum, "Forummöte i januari"),
        status=Minutes.Status.PUBLISHED,
        visibility=Visibility.DIALOG,
    )
    MinutesItemFactory(minutes=for_dialog, number=1, title="Zebrafink för Dialog")
    ActionItemFactory(
        minutes=for_dialog, description="Räkna zebrafinkar", owner=dialog_org
    )
    for_partners = MinutesFactory(
        event=meeting(forum, "Partnermöte"),
        status=Minutes.Status.PUBLISHED,
        visibility=Visibility.PARTNERSKAP,
    )
    MinutesItemFactory(
        minutes=for_partners, number=1, title="Zebrafink för Partnerskap"
    )
    draft = MinutesFactory(event=meeting(forum, "Möte med utkast"))
    MinutesItemFactory(minutes=draft, number=1, title="Zebrafink i utkastet")
    AgendaItemFactory(
        event=meeting(forum, "Forummöte i juni", days=30),
        title="Zebrafink på dagordningen",
    )
    DelegatedTaskFactory(forum=forum, title="Zebrafink-uppdrag")
    JointDecisionFactory(forum=forum, title="Zebrafink-beslut")
    AgreementFactory(forum=forum, title="Zebrafink-överenskommelse")
    AgreementFactory(
        forum=forum,
        title="Sensus Zebrafink-avtal",
        organisation=Organisation.objects.get(slug="sensus"),
    )
    PostFactory(
        thread=ThreadFactory(forum=other, title="Annat forums tråd"),
        body="<p>Zebrafink även här.</p>",
    )
    DelegatedTaskFactory(forum=other, title="Annat forums Zebrafink-uppdrag")
    AgendaItemFactory(
        event=meeting(other, "Öppet möte", days=30, visibility=Visibility.PUBLIC),
        title="Zebrafink för alla",
    )
    return {"post": post, "hidden": hidden, "draft": draft}


@pytest.fixture
def people(db):
    people = make_people()
    people["_content"] = add_content(people)
    return people


def found(response):
    return {
        (group.key, result.title)
        for group in response.context["groups"]
        for result in group.results
    }


def results(response):
    return [result for group in response.context["groups"] for result in group.results]


@pytest.mark.parametrize("role", ROLES)
def test_each_role_finds_what_its_level_opens_and_nothing_above(client, people, role):
    user = people[role]
    if user is None:
        response = client.get(URL, {"q": WORD})
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=")
        return
    client.force_login(user)
    response = client.get(URL, {"q": WORD})
    assert response.status_code == 200
    expected = {item for item, roles in EXPECTED.items() if role in roles}
    assert found(response) == expected
    # Every link leads to a page the person may open.
    for result in results(response):
        page = client.get(result.url.partition("#")[0])
        assert page.status_code == 200, (role, result.title, result.url)


def test_a_dialog_member_finds_a_post_a_consultation_and_minutes(client, people):
    client.force_login(people["dialog"])
    response = client.get(URL, {"q": "ZEBRAFINK"})
    kinds = {kind for kind, _title in found(response)}
    assert {"posts", "consultations", "minutes_items"} <= kinds
    assert not kinds & {"tasks", "decisions", "agreements"}
    post = people["_content"]["post"]
    (result,) = [r for r in results(response) if r.title == "Fågelskådning"]
    assert result.url == reverse(
        "forum:thread_detail", args=["tia-skane", post.thread_id]
    ) + (f"#inlagg-{post.pk}")
    assert result.forum == post.thread.forum.name
    assert {"text": "Zebrafink", "match": True} in result.excerpt
    html = response.content.decode()
    assert "<mark>Zebrafink</mark>" in html
    assert f'href="{result.url}"' in html


def test_every_word_must_match(client, people):
    client.force_login(people["dialog"])
    both = found(client.get(URL, {"q": "zebrafink dammen"}))
    assert both == {("posts", "Fågelskådning")}
    assert not found(client.get(URL, {"q": "zebrafink struts"}))


def test_an_attendee_reads_the_draft_like_on_the_minutes_page(client, people):
    """Drafts follow the minutes' rule: attendees who see the meeting read them."""
    draft = people["_content"]["draft"]
    client.force_login(people["samrad"])
    assert ("minutes_items", "§ 1 Zebrafink i utkastet – Möte med utkast") not in (
        found(client.get(URL, {"q": WORD}))
    )
    draft.attending_people.add(people["samrad"])
    assert ("minutes_items", "§ 1 Zebrafink i utkastet – Möte med utkast") in (
        found(client.get(URL, {"q": WORD}))
    )
    assert client.get(reverse("events:minutes", args=[draft.event_id])).status_code == (
        200
    )


def test_without_a_forum_the_page_says_so(client, people):
    client.force_login(people["editor"])
    response = client.get(URL, {"q": WORD})
    assert response.status_code == 200
    assert response.context["groups"] == []
    assert "Du deltar inte i något forum" in response.content.decode()


def test_no_words_give_the_form_only(client, people):
    client.force_login(people["dialog"])
    response = client.get(URL)
    assert response.status_code == 200
    assert response.context["groups"] == []
    html = response.content.decode()
    assert 'id="member-search-page-q"' in html
    assert "Inga träffar" not in html


def test_nothing_found_says_so(client, people):
    client.force_login(people["dialog"])
    response = client.get(URL, {"q": "struts"})
    assert "Inga träffar för ”struts”" in response.content.decode()


@pytest.mark.parametrize(
    "value",
    [
        '"',
        '"zebrafink',
        "%",
        "_",
        "\\",
        "%_\\",
        "a\x00b",
        "' OR 1=1 --",
        "<script>alert(1)</script>",
        "z" * 1000,
        "ord " * 300,
    ],
)
def test_hostile_input_answers_200(client, people, value):
    client.force_login(people["convener"])
    response = client.get(URL, {"q": value})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_wildcards_are_literal(client, people):
    client.force_login(people["convener"])
    assert not found(client.get(URL, {"q": "%"}))
    assert not found(client.get(URL, {"q": "Zebra_ink"}))


def test_a_too_long_query_is_refused_with_a_message(client, people):
    client.force_login(people["convener"])
    response = client.get(URL, {"q": "zebrafink " + "x" * MAX_QUERY_LENGTH})
    assert response.context["groups"] == []
    assert "högst 200 tecken" in response.content.decode()


def test_the_form_reads_quotes_as_spaces_and_each_word_once():
    form = SearchForm({"q": ' "Zebra  fink" zebra '})
    assert form.words() == ["Zebra", "fink"]
    assert SearchForm({"q": "a\x00b"}).words() == []


def test_excerpt_marks_the_words_around_the_first_match():
    text = "<p>" + "lång text " * 40 + "en Zebrafink &amp; en struts" + "</p>"
    parts = excerpt(["zebrafink", "struts"], "", text)
    assert parts[0] == {"text": "…", "match": False}
    assert {"text": "Zebrafink", "match": True} in parts
    assert {"text": "struts", "match": True} in parts
    assert "&" in "".join(part["text"] for part in parts)
    assert excerpt(["struts"], "inget här") == []


def test_queries_do_not_grow_with_rows(client, people):
    """One query a kind: many matches cost what one costs."""
    client.force_login(people["county_admin"])
    client.get(URL, {"q": WORD})  # the session's first request asks more
    with CaptureQueriesContext(connection) as few:
        assert client.get(URL, {"q": WORD}).status_code == 200
    forum = Forum.objects.get(slug="tia-skane")
    thread = ThreadFactory(forum=forum, title="Många zebrafinkar")
    minutes = MinutesFactory(
        event=meeting(forum, "Stort möte"), status=Minutes.Status.PUBLISHED
    )
    event = meeting(forum, "Möte med lång dagordning", days=10)
    for n in range(30):
        PostFactory(thread=thread, body=f"<p>Zebrafink nummer {n}</p>")
        ConsultationFactory(forum=forum, title=f"Zebrafink {n}", published=True)
        MinutesItemFactory(minutes=minutes, number=n + 2, title=f"Zebrafink {n}")
        ActionItemFactory(minutes=minutes, description=f"Zebrafink {n}")
        AgendaItemFactory(event=event, title=f"Zebrafink {n}")
        DelegatedTaskFactory(forum=forum, title=f"Zebrafink {n}")
        JointDecisionFactory(forum=forum, title=f"Zebrafink {n}")
        AgreementFactory(forum=forum, title=f"Zebrafink {n}")
    with CaptureQueriesContext(connection) as many:
        response = client.get(URL, {"q": WORD})
    assert len(many) == len(few)
    more = {group.key for group in response.context["groups"] if group.more}
    assert {"posts", "consultations", "minutes_items", "tasks", "agreements"} <= more
    assert "fler än 20" in response.content.decode()
