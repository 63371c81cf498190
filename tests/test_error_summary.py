"""Every page that shows a submitted form with errors starts its main content
with a summary of them, each a link to its field, and its title with "Fel:"
(WCAG 2.1 3.3.1, 3.3.3, 2.4.2); allauth's pages and ours alike. Each field is
tied to its error and its help by aria-describedby and marked aria-invalid."""

import re

import pytest
from django.urls import reverse

from forum.models import Level, Visibility
from tests.directory.builders import form_data, member
from tests.events.test_agenda import make_meeting
from tests.factories import (
    ForumFactory,
    MembershipFactory,
    OrganisationFactory,
    ParticipationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

SUMMARY = re.compile(r'<div class="error-summary"[^>]*>.*?</ul>', re.S)


def title(html):
    return " ".join(re.search(r"<title>(.*?)</title>", html, re.S).group(1).split())


def summary_links(html):
    """(href target, text) of each link in the error summary."""
    block = SUMMARY.search(html).group(0)
    return [
        (target, " ".join(text.split()))
        for target, text in re.findall(r'<a href="#([^"]+)">(.*?)</a>', block, re.S)
    ]


def tag_with_id(html, element_id):
    pattern = rf'<(input|select|textarea)\b[^>]*\bid="{element_id}"[^>]*>'
    match = re.search(pattern, html)
    assert match, f"no input with id {element_id}"
    return match.group(0)


def describedby(tag):
    match = re.search(r'aria-describedby="([^"]*)"', tag)
    return match.group(1).split() if match else []


def assert_summary(response, expected):
    """The summary lists ``expected`` ({field id: words of its message}) first
    in the main content, each link reaches an input that is marked invalid
    and described by its error, and the title says there are errors."""
    assert response.status_code == 200
    html = response.content.decode()
    assert title(html).startswith("Fel: "), title(html)
    main = html[html.index("<main") :]
    assert main.index('class="error-summary"') < main.index("<h1")
    assert 'tabindex="-1" data-error-summary' in html
    links = summary_links(html)
    for target, words in expected.items():
        texts = [text for href, text in links if href == target]
        assert any(words in text for text in texts), (target, links)
    for target, _text in links:
        field = tag_with_id(html, target)
        own_error = f"{target}_error"
        group_error = re.sub(r"_\d+$", "", target) + "_error"
        if f'id="{own_error}"' in html:
            assert 'aria-invalid="true"' in field, field
            assert own_error in describedby(field), field
        elif f'id="{group_error}"' in html:
            # One of a group of check boxes or radio buttons: the fieldset
            # around them is described by the error.
            assert 'aria-invalid="true"' in field, field
            assert re.search(rf'<fieldset aria-describedby="[^"]*{group_error}', html)
    return html, links


def assert_no_summary(response):
    html = response.content.decode()
    assert "error-summary" not in html
    assert not title(html).startswith("Fel:")


def test_sign_up_with_errors_lists_them_with_links_to_the_fields(client):
    response = client.post(
        "/accounts/signup/",
        {"email": "inte-en-adress", "password1": "1234", "password2": "1234"},
    )
    html, links = assert_summary(
        response,
        {
            "id_email": "E-post: Fyll i en giltig e-postadress",
            "id_first_name": "Förnamn: Det här fältet är obligatoriskt",
            "id_last_name": "Efternamn: Det här fältet är obligatoriskt",
            "id_password1": "Lösenord: Det här lösenordet är för kort",
        },
    )
    assert "Det finns 6 fel att rätta" in html
    assert [target for target, _ in links][:3] == [
        "id_email",
        "id_first_name",
        "id_last_name",
    ]


def test_sign_up_without_errors_has_no_summary_and_states_the_password_rules(
    client,
):
    response = client.get("/accounts/signup/")
    assert_no_summary(response)
    html = response.content.decode()
    password = tag_with_id(html, "id_password1")
    assert 'aria-describedby="id_password1_helptext"' in password
    rules = re.search(r'id="id_password1_helptext">(.*?)</div>', html, re.S).group(1)
    assert "minst 12 tecken" in rules
    assert "allmänt använt lösenord" in rules
    assert "bara vara numeriskt" in rules
    # The site's own layout: a label above each field, no placeholder.
    assert "placeholder=" not in html
    for name in ("email", "first_name", "last_name", "password1", "password2"):
        label = html.index(f'<label for="id_{name}">')
        assert label < html.index(f'id="id_{name}"'), name


def test_a_wrong_password_is_listed_and_leads_to_the_form(client, make_user):
    make_user(email="karin@example.org")
    response = client.post(
        "/accounts/login/", {"login": "karin@example.org", "password": "fel-fel"}
    )
    html, links = assert_summary(response, {"id_login": "felaktigt"})
    # A form-wide error: no field name, a link to the form's first field.
    assert links == [("id_login", links[0][1])]
    assert not links[0][1].startswith("E-post:")
    assert "placeholder=" not in html


def test_password_reset_with_a_bad_address(client):
    response = client.post("/accounts/password/reset/", {"email": "nej"})
    assert_summary(response, {"id_email": "E-post: Fyll i en giltig e-postadress"})


def test_activity_form_with_errors(client):
    organisation = OrganisationFactory(slug="sensus")
    client.force_login(member(organisation))
    response = client.post(
        "/organisationer/sensus/aktiviteter/ny/",
        form_data(title="", instruction_languages=[]),
    )
    html, links = assert_summary(
        response,
        {
            "id_title": "Rubrik:",
            # Check boxes in a fieldset: the link goes to the first of them.
            "id_instruction_languages_0": "Undervisningsspråk:",
        },
    )
    assert 'id="id_instruction_languages_0"' in html


def test_forum_thread_form_with_errors(client):
    forum = ForumFactory(slug="tia-skane")
    participation = ParticipationFactory(forum=forum, level=Level.DIALOG)
    client.force_login(MembershipFactory(organisation=participation.organisation).user)
    response = client.post(
        reverse("forum:thread_create", args=[forum.slug]),
        {"title": "", "visibility": str(Visibility.PARTNERSKAP), "body": ""},
    )
    assert_summary(
        response,
        {
            "id_title": "Rubrik:",
            "id_visibility_0": "Vilka ser tråden:",
        },
    )


def test_account_name_form_with_errors(client, make_user):
    client.force_login(make_user())
    response = client.post("/konto/namn/", {"first_name": "", "last_name": "Ek"})
    html, links = assert_summary(
        response, {"id_first_name": "Förnamn: Det här fältet är obligatoriskt"}
    )
    assert [target for target, _ in links] == ["id_first_name"]


def test_a_formset_lists_the_errors_of_each_row(client):
    forum = ForumFactory(slug="tia-skane")
    convener = UserFactory()
    forum.conveners.add(convener)
    meeting = make_meeting(forum)
    client.force_login(convener)
    url = f"/kalender/{meeting.pk}/dagordning/redigera/"
    response = client.post(
        url,
        {
            "items-TOTAL_FORMS": "2",
            "items-INITIAL_FORMS": "0",
            "items-MIN_NUM_FORMS": "0",
            "items-MAX_NUM_FORMS": "1000",
            "items-0-position": "1",
            "items-0-title": "Välkommen",
            "items-1-position": "2",
            "items-1-title": "",
            "items-1-presenter": "Länsstyrelsen",
        },
    )
    assert_summary(response, {"id_items-1-title": "Punkt"})
    # A broken management form is listed too, as text: no field to go to.
    response = client.post(url, {"items-TOTAL_FORMS": "x"})
    html = response.content.decode()
    assert title(html).startswith("Fel: ")
    assert "Det finns 1 fel att rätta" in html


def test_pages_without_submitted_errors_have_no_summary(client, make_user):
    for url in ("/", "/accounts/login/", "/accounts/password/reset/"):
        assert_no_summary(client.get(url))
    client.force_login(make_user())
    assert_no_summary(client.get("/konto/namn/"))


def test_a_bad_query_string_is_no_form_error(client):
    """Filters and searches read the query string, never fail and say in
    words what they left out (core/query.py): no error summary there."""
    response = client.get("/sok/", {"q": "\x00"})
    assert "Null-tecken är inte tillåtna." in response.content.decode()
    assert_no_summary(response)


def test_looking_for_forms_evaluates_nothing_lazy(client):
    """The summary reads the context without touching its lazy values: a
    page without a form sets no CSRF cookie because of it."""
    response = client.get("/")
    assert "csrftoken" not in response.cookies
