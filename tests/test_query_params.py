"""Every GET parameter of every page answers 200, 301, 302, 400, 403 or 404.

The pages are found, not listed: every URL pattern of the resolver, filled
with the permission matrix's URLs (whose placeholders name real objects), and
every page type of the Wagtail tree with its routable sub-routes. Each of our
views declares the form that reads its query string (``core/query.py``);
Hypothesis tries any value for every declared parameter, signed out and signed
in, and a recording ``QueryDict`` fails a view that reads a parameter it has
not declared. A new parameter is a new form field, so it is tried too.

The pages and values come from ``tests/query_params.py``; the static check
that nothing else reads ``request.GET`` is ``tests/test_query_params_static.py``.
"""

import pytest
from django.conf import settings
from django.core.handlers.wsgi import get_bytes_from_wsgi
from django.db import transaction
from django.http import QueryDict
from django.test import override_settings
from hypothesis import HealthCheck, example, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.query_params import (
    ALWAYS,
    DECLARING,
    EVERY,
    ROLES,
    TARGETS,
    Site,
    accepted_values,
    add_pages,
    add_public_series,
    all_declared,
    check,
    encode,
    page_urls,
    query_strings,
    sweep_query,
    values,
)
from tests.test_permissions import make_people

# --- the recording QueryDict -------------------------------------------------


class RecordingQueryDict(QueryDict):
    """A request's GET that notes the name of every parameter read from it."""

    read = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.read = set()

    def note(self, key):
        if self.read is not None:
            self.read.add(key)

    def __getitem__(self, key):
        self.note(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        self.note(key)
        return super().__contains__(key)

    def get(self, key, default=None):
        self.note(key)
        return super().get(key, default)

    def getlist(self, key, default=None):
        self.note(key)
        return super().getlist(key, default)

    def __iter__(self):
        # Whoever goes through every parameter reads names nobody declared.
        self.note(EVERY)
        return super().__iter__()

    def urlencode(self, safe=None):
        self.note(EVERY)
        return super().urlencode(safe)


def record_query_reads(get_response):
    """Middleware (first of all): give the request a recording GET, and the
    response the names that were read."""

    def middleware(request):
        request.GET = RecordingQueryDict(
            get_bytes_from_wsgi(request.environ, "QUERY_STRING", ""),
            encoding=request.encoding,
        )
        response = get_response(request)
        response.query_reads = request.GET.read
        return response

    return middleware


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """The matrix's people and data, a page of each type and a public series:
    built once for the module, in a transaction rolled back at its end."""
    recording = [f"{__name__}.record_query_reads", *settings.MIDDLEWARE]
    with (
        django_db_blocker.unblock(),
        transaction.atomic(),
        override_settings(MIDDLEWARE=recording),
        # A tile server, so that the directory's map points answer (and are tried).
        override_settings(
            TIA=settings.TIA
            | {"MAP_TILE_URL": "https://tiles.example.org/{z}/{x}/{y}.png"}
        ),
    ):
        people = make_people()
        add_pages(people)
        add_public_series(people)
        site = Site(people=people, values=accepted_values(), urls=page_urls(people))
        site.sign_in()
        yield site
        transaction.set_rollback(True)


# --- tests -------------------------------------------------------------------


def test_every_url_pattern_and_page_type_has_a_url(site):
    missing = sorted(name for name, urls in site.urls.items() if not urls)
    assert not missing, (
        f"No URL to try for {missing}: add a row to the permission matrix, "
        "EXTRA_URLS, SUBPAGE_KWARGS or a page to the fixture"
    )
    assert {
        "search",
        "events:calendar",
        "directory.DirectoryPage:activity_list",
    } <= set(DECLARING), "the declarations are not found"


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_no_page_fails_on_hostile_values_or_reads_undeclared_ones(site, db, name):
    """Each page with a hostile value for every parameter any page declares;
    views of Django, Wagtail and allauth also with the ones they read."""
    target = TARGETS[name]
    names = all_declared()
    # Django's, Wagtail's and allauth's views treat every signed-in person alike.
    roles = ROLES if target.ours else ROLES[:2]
    for shift, role in enumerate(roles):
        client = site.client(role)
        for template in site.urls[name]:
            url = f"{template}?{sweep_query(names, shift)}"
            response = client.get(url)
            check(target, role, url, response)
            theirs = response.query_reads - names - {EVERY}
            if target.declared is None and theirs:
                url = f"{template}?{sweep_query(theirs, shift)}"
                check(target, role, url, client.get(url))


def reaching(site, target):
    """[(role, client, URLs it gets a 200 at)]: signed out, and signed in as
    the convener or, where the convener does not reach the page, a member at
    Partnerskap (who answers consultations), else a county administrator
    (the pages only county staff open)."""
    runs = []
    for roles in (["anonymous"], ["convener", "partnerskap", "county_admin"]):
        for role in roles:
            client = site.client(role)
            urls = []
            for template in site.urls[target.name]:
                response = client.get(template)
                check(target, role, template, response)
                if response.status_code == 200:
                    urls.append(template)
            if urls:
                runs.append((role, client, urls))
                break
    return runs


def always_queries(names):
    """Queries in which every name gets every value of ALWAYS once."""
    names = sorted(names)
    return [
        encode(
            [(name, ALWAYS[(k + i) % len(ALWAYS)]) for i, name in enumerate(names)],
            "",
        )
        for k in range(len(ALWAYS))
    ]


def try_values(site, target, role, client, urls, always):
    """Hypothesis's values in the declared parameters; first ALWAYS if told."""

    @hypothesis_settings(
        max_examples=8,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(
        template=st.sampled_from(urls),
        query=query_strings(target.declared, site.values),
    )
    def any_value(template, query):
        url = f"{template}?{query}"
        check(target, role, url, client.get(url))

    if always:
        for template in urls:
            for query in always_queries(target.declared):
                any_value = example(template=template, query=query)(any_value)
    any_value()


@pytest.mark.parametrize("name", DECLARING)
def test_declared_parameters_take_any_value(site, db, name):
    """ALWAYS in every declared parameter, then what Hypothesis makes up."""
    target = TARGETS[name]
    runs = reaching(site, target)
    assert runs, f"No role gets {name} in the fixture: nothing of it is tried"
    for index, (role, client, urls) in enumerate(runs):
        try_values(site, target, role, client, urls, always=index == 0)


def test_a_hostile_occurrence_key_in_an_answer_is_a_form_error(site, db):
    """The RSVP form takes the occurrence key too: ALWAYS, then made-up ones."""
    client = site.client("convener")
    url = f"/kalender/{site.people['_public_series']}/svar/"
    target = TARGETS["events:rsvp"]

    @hypothesis_settings(
        max_examples=10,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(
        occurrence=values(site.values),
        answer=st.sampled_from(["going", "not_going", "", "\x00"]),
        query=query_strings({"tillfalle", "occurrence"}, site.values),
    )
    def any_key(occurrence, answer, query):
        response = client.post(
            f"{url}?{query}", {"occurrence": occurrence, "answer": answer}
        )
        check(target, "convener", url, response)
        assert response.status_code in {200, 302, 400}, (
            f"{occurrence!r}: {response.status_code}"
        )

    for key in ALWAYS:
        any_key = example(occurrence=key, answer="going", query="")(any_key)
    any_key()
