"""What tests/test_query_params.py tries, and how it judges the answers.

The pages are found, not listed: every URL pattern of the resolver, filled
with the permission matrix's URLs (whose placeholders name real objects), and
every page type of the Wagtail tree with its routable sub-routes (``TARGETS``;
``DECLARING`` are the ones whose views declare a query form). Then the data
the module's site fixture builds (``Site`` and the pages, values and URLs it
holds), the hostile values and the Hypothesis strategies for query strings,
and ``check``, which judges one answer.
"""

import datetime
import traceback
from dataclasses import dataclass, field
from urllib.parse import quote

from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from hypothesis import strategies as st
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, get_page_models

from core.geography.models import Municipality, SubRegion
from core.query import query_form_class, query_parameters
from directory.models import Activity, DirectoryPage, Language
from events.calendar import upcoming
from events.models import Event
from forum.models import Forum, Visibility
from knowledge.factories import KnowledgeIndexFactory, MeetingNotesFactory
from partners.models import Organisation
from tests.test_permissions import MATRIX
from website.home.models import AccessibilityStatementPage, GuidancePage

OUR_PACKAGES = ("website.", "partners.", "forum.", "events.", "knowledge.")
# Signed out; a convener sees every private page of the forum; a member at
# Partnerskap answers consultations; an organisation's admin manages its pages.
ROLES = ["anonymous", "convener", "partnerskap", "org_admin"]
ANSWERS = {200, 301, 302, 400, 403, 404}
# Views that take POST only answer a GET with 405, whatever its query string.
POST_ONLY_ANSWERS = ANSWERS | {405}
EVERY = "(every parameter)"

# Wagtail's admin is Wagtail's own and staff-only (none of ROLES gets past its
# sign-in); the page tree is tried page type by page type below.
SKIPPED_PREFIXES = ("admin/",)
SKIPPED_NAMES = {"wagtail_serve"}

# URLs of the patterns the permission matrix has no row for: the public site
# and the views of Django, Wagtail and allauth.
EXTRA_URLS = {
    "choose_language": "/sprak/ar/",
    "health": "/healthz",
    "robots_txt": "/robots.txt",
    "sitemap": "/sitemap.xml",
    "favicon": "/favicon.ico",
    # Behind our document_serve, which answers the same URL first.
    "wagtaildocs_serve": "/documents/{meeting_document}",
    "wagtaildocs_authenticate_with_password": (
        "/documents/authenticate_with_password/1/"
    ),
    "wagtailcore_authenticate_with_password": "/_util/authenticate_with_password/1/3/",
    "wagtailcore_login": "/_util/login/",
    "account_login": "/accounts/login/",
    "account_logout": "/accounts/logout/",
    "account_inactive": "/accounts/inactive/",
    "account_signup": "/accounts/signup/",
    "account_reauthenticate": "/accounts/reauthenticate/",
    "account_email": "/accounts/email/",
    "account_email_verification_sent": "/accounts/confirm-email/",
    "account_change_password": "/accounts/password/change/",
    "account_set_password": "/accounts/password/set/",
    "account_reset_password": "/accounts/password/reset/",
    "account_confirm_login_code": "/accounts/login/code/confirm/",
    "account_request_login_code": "/accounts/login/code/",
    "account_confirm_email": "/accounts/confirm-email/no-such-key/",
    "account_reset_password_from_key_done": "/accounts/password/reset/key/done/",
    "account_reset_password_from_key": "/accounts/password/reset/key/1-no-such-key/",
    "account_reset_password_done": "/accounts/password/reset/done/",
    "mfa_index": "/accounts/2fa/",
    "mfa_authenticate": "/accounts/2fa/authenticate/",
    "mfa_reauthenticate": "/accounts/2fa/reauthenticate/",
    "mfa_activate_totp": "/accounts/2fa/totp/activate/",
    "mfa_deactivate_totp": "/accounts/2fa/totp/deactivate/",
    "mfa_view_recovery_codes": "/accounts/2fa/recovery-codes/",
    "mfa_generate_recovery_codes": "/accounts/2fa/recovery-codes/generate/",
    "mfa_download_recovery_codes": "/accounts/2fa/recovery-codes/download/",
}
# More URLs for a pattern, beside the matrix's: a public weekly series (the
# matrix's event is a single members-only one).
MORE_URLS = {"events:event_detail": ["/kalender/{public_series}/"]}
# Path arguments of the page types' sub-routes.
SUBPAGE_KWARGS = {
    "activity_detail": {"slug": "{public_activity}"},
    "tag_rss": {"tag": "{knowledge_tag}"},
    "tag_atom": {"tag": "{knowledge_tag}"},
}


# --- what there is to try: found at collection, filled in by the fixture ----


@dataclass
class Target:
    """One page: how to reach it and what it may read from its query string."""

    name: str
    view: object
    ours: bool
    post_only: bool = False
    urls: list = field(default_factory=list)  # templates; {name} from the fixture
    page_model: type = None
    route: object = None

    @property
    def form_class(self):
        if self.page_model is None:
            return query_form_class(self.view)
        # A page reads its query string in its route, serve() or get_context().
        views = {self.view, self.page_model.serve, self.page_model.get_context}
        found = {query_form_class(view) for view in views} - {None}
        assert len(found) <= 1, f"{self.name} declares several query forms"
        return found.pop() if found else None

    @property
    def declared(self):
        """The parameters the page may read; None for views that are not ours."""
        if not self.ours:
            return None
        return query_parameters(self.form_class)


def iter_patterns(resolver, prefix="", route=""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            namespace = f"{pattern.namespace}:" if pattern.namespace else ""
            yield from iter_patterns(
                pattern, prefix + namespace, route + str(pattern.pattern)
            )
        elif isinstance(pattern, URLPattern):
            route_here = route + str(pattern.pattern)
            yield prefix + (pattern.name or route_here), route_here, pattern


def url_targets():
    targets = {}
    for name, route, pattern in iter_patterns(get_resolver()):
        if route.startswith(SKIPPED_PREFIXES) or name in SKIPPED_NAMES:
            continue
        row = MATRIX.get(name)
        method, _, url = row[0].rpartition(" ") if row else ("", "", None)
        url = url or EXTRA_URLS.get(name)
        targets[name] = Target(
            name=name,
            view=pattern.callback,
            ours=pattern.callback.__module__.startswith(OUR_PACKAGES),
            post_only=method == "POST",
            urls=([url] if url else []) + MORE_URLS.get(name, []),
        )
    return targets


def page_targets():
    targets = {}
    for model in get_page_models():
        if model is Page:
            continue
        label = model._meta.label
        if not issubclass(model, RoutablePageMixin):
            targets[label] = Target(label, model.serve, True, page_model=model)
            continue
        seen = set()
        for route in model.get_subpage_urls():
            # A route of a base class at the same path is never reached.
            if str(route.pattern) in seen:
                continue
            seen.add(str(route.pattern))
            name = f"{label}:{route.name}"
            targets[name] = Target(
                name, route.callback, True, page_model=model, route=route
            )
    return targets


TARGETS = url_targets() | page_targets()
DECLARING = sorted(name for name, target in TARGETS.items() if target.declared)


# --- the site ---------------------------------------------------------------


class ReaderClient(Client):
    """A test client that keeps no language choice between requests: the
    switcher's link (``/sprak/<code>/``) is tried too, and its cookie would
    otherwise send every later unprefixed request to that language."""

    def request(self, **request):
        response = super().request(**request)
        self.cookies.pop(settings.LANGUAGE_COOKIE_NAME, None)
        return response


@dataclass
class Site:
    people: dict
    values: list  # values the pages would accept: slugs, codes, keys
    urls: dict  # target name -> [URL]
    clients: dict = field(default_factory=dict)  # role -> signed-in test client

    def sign_in(self):
        # Once for the module: each test's rollback leaves the sessions as they
        # are here, and check() fails a request that is not the role's.
        # A county administrator too, for the pages only county staff open
        # (the follow-up's statistics upload); not one of the swept ROLES.
        for role in [*ROLES, "county_admin"]:
            self.clients[role] = ReaderClient(raise_request_exception=False)
            if self.people[role] is not None:
                self.clients[role].force_login(self.people[role])

    def client(self, role):
        return self.clients[role]


def add_pages(people):
    home = Page.objects.get(depth=2, locale__language_code="sv")
    guidance = home.add_child(instance=GuidancePage(title="Om TIA", slug="om-tia"))
    guidance.save_revision().publish()
    today = timezone.localdate()
    statement = home.add_child(
        instance=AccessibilityStatementPage(
            title="Tillgänglighetsredogörelse",
            slug="tillganglighet",
            organisation="Länsstyrelsen",
            website="TIA",
            assessed_on=today,
            statement_updated_on=today,
        )
    )
    statement.save_revision().publish()
    # The permission matrix's poster rows need the directory's page too.
    if not DirectoryPage.objects.exists():
        directory = home.add_child(
            instance=DirectoryPage(title="Aktiviteter", slug="aktiviteter")
        )
        directory.save_revision().publish()
    # Every knowledge page type: the matrix has an index, an article and a
    # needs analysis; meeting notes and the public index here.
    public_index = KnowledgeIndexFactory(parent=home, slug="kunskap")
    MeetingNotesFactory(parent=public_index, slug="anteckningar")
    activity = Activity.objects.create(
        organisation=Organisation.objects.get(slug="sensus"),
        title="Språkcafé varje vecka",
        slug="sprakcafe-varje-vecka",
        summary="Öva svenska.",
        category=Activity.Category.SWEDISH,
        municipality=Municipality.objects.get(code="1281"),
        start_date=today,
        end_date=today + datetime.timedelta(days=90),
        start_time=datetime.time(17),
        rrule="FREQ=WEEKLY",
        status=Activity.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    activity.instruction_languages.add(Language.objects.get(code="sv"))
    people["_public_activity"] = activity.slug


def add_public_series(people):
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=1)
    event = Event.objects.create(
        forum=Forum.objects.get(slug="tia-skane"),
        kind=Event.Kind.NETWORK_MEETING,
        title="Veckomöte",
        visibility=Visibility.PUBLIC,
        start=start,
        end=start + datetime.timedelta(hours=2),
        rrule="FREQ=WEEKLY",
    )
    people["_public_series"] = event.pk


def accepted_values():
    """Values some page accepts, so that the valid paths get tried too."""
    now = timezone.now()
    values = {"lista", "1", "2", "3", f"{now:%Y}", f"{now:%Y-%m}", "2035-02"}
    values |= {"start", "titel", "nyast", "vecka", "manad", "women", "men"}
    values |= set(Event.Kind.values) | set(Activity.Category.values)
    values |= set(Forum.objects.values_list("slug", flat=True))
    values |= set(Organisation.objects.values_list("slug", flat=True))
    values |= set(SubRegion.objects.values_list("slug", flat=True))
    values |= set(Language.objects.values_list("code", flat=True)[:3])
    values |= {"lund", "malmoe", "mellersta-skane"}
    for event in Event.objects.all():
        values |= {o.key for o in upcoming(event, now, limit=2)}
        values.add(event.start.isoformat())
    return sorted(values)


def fill(template, people):
    return template.format(**{k[1:]: v for k, v in people.items() if k[0] == "_"})


def page_urls(people):
    urls = {}
    for name, target in TARGETS.items():
        if target.page_model is None:
            urls[name] = [fill(url, people) for url in target.urls]
            continue
        page = target.page_model.objects.live().first()
        if page is None:
            urls[name] = []
        elif target.route is None:
            urls[name] = [page.url]
        else:
            kwargs = {
                key: fill(value, people)
                for key, value in SUBPAGE_KWARGS.get(target.route.name, {}).items()
            }
            urls[name] = [
                page.url + page.reverse_subpage(target.route.name, kwargs=kwargs)
            ]
    return urls


# --- the values --------------------------------------------------------------

# Tried in every declared parameter of every page, every time: what broke
# pages before (a double quote, a NUL byte, dates at the ends of a datetime)
# and what breaks parsers (huge numbers, other digits, long strings).
ALWAYS = [
    '"',
    "a\x00b",
    "9999-12-31T23:59:59+14:00",
    "0001-01-01T00:00:00-14:00",
    "0000-00-00",
    "9" * 50,
    "-1",
    "x" * 3000,
    "２０２４",
]
# Drawn from by Hypothesis, with made-up text, numbers and dates.
HOSTILE = ALWAYS + [
    "",
    " ",
    "'",
    "%",
    "\\",
    '"a b',
    "\x00",
    "%00",
    "9999-12-31",
    "0000-00",
    "9999-99",
    "2024-02-30",
    "0",
    "1e308",
    "NaN",
    "1.5",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "../../etc/passwd",
    "\u202e",
    "\r\n",
]


def values(accepted):
    return st.one_of(
        st.sampled_from(HOSTILE),
        st.sampled_from(accepted),
        st.text(max_size=40),
        st.integers(min_value=-(10**20), max_value=10**40).map(str),
        st.builds(
            lambda moment, offset: moment.isoformat() + offset,
            st.datetimes(),
            st.sampled_from(["", "Z", "+14:00", "-12:00", " 01:00"]),
        ),
    )


def encode(pairs, tail):
    """A query string of (name, value) pairs; a value of None leaves out the "="."""
    parts = [
        quote(name, safe="") + ("" if value is None else "=" + quote(value, safe=""))
        for name, value in pairs
    ]
    return "&".join(parts) + tail


def query_strings(names, accepted):
    name = st.one_of(st.sampled_from(sorted(names)), st.text(max_size=8))
    pair = st.tuples(name, st.one_of(st.none(), values(accepted)))
    tails = ["", "&", "&&=", "&%", "&%zz", "&%ff%fe=%c3"]
    return st.builds(encode, st.lists(pair, max_size=8), st.sampled_from(tails))


def all_declared():
    return set().union(*(TARGETS[name].declared for name in DECLARING))


def sweep_query(names, shift):
    """Every name thrice, with different hostile values for each name and shift."""
    pairs = []
    for index, name in enumerate(sorted(names)):
        for step in (0, 11, 23):
            pairs.append((name, HOSTILE[(index + shift + step) % len(HOSTILE)]))
    return encode(pairs, "")


# --- checks ------------------------------------------------------------------


def check(target, role, url, response):
    assert response.wsgi_request.user.is_authenticated == (role != "anonymous"), (
        f"{target.name}: the {role} client lost or changed its session"
    )
    allowed = POST_ONLY_ANSWERS if target.post_only else ANSWERS
    detail = ""
    if response.exc_info:
        detail = "\n" + "".join(traceback.format_exception(*response.exc_info))
    assert response.status_code in allowed, (
        f"{target.name} as {role}: {url} answered {response.status_code}{detail}"
    )
    if target.declared is not None:
        undeclared = response.query_reads - target.declared
        assert not undeclared, (
            f"{target.name} read {sorted(undeclared)} from the query string but "
            f"declares {sorted(target.declared)}: add them to its query form"
        )
