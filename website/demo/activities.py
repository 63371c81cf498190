"""Demo activity directory: the directory page, activities and travel routes.

The organisers are the demo organisations from partners.py; what they are said to
run here is invented. Venues have generic names and generic street addresses
("Storgatan 12"), never the real address of a real institution, and coordinates
are only roughly in the right town. Dates are counted from today, so a fresh
demo always has activities running now, some coming up and some that have ended.

Everything is matched on a natural key (activity slug, municipality pair) and
only created when missing: running the seed again creates nothing new and keeps
what demo users changed (approved, ended, edited).
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale

from core.geography.models import Municipality
from directory.factories import (
    ActivityFactory,
    ActivityTranslationFactory,
    TravelRouteFactory,
)
from directory.models import (
    Activity,
    ActivityTranslation,
    DirectoryPage,
    Language,
    TravelRoute,
)
from partners.models import ContactPerson, Membership, Organisation
from website.demo.loader import load
from website.demo.pages import TRANSLATED_INTO, translate
from website.home.locales import synchronise_trees
from website.home.models import HomePage

SKANE = "12"

DATA = load("activities")
DIRECTORY = DATA["directory"]

DEL = Activity.Category.SOCIAL
ONLINE = Activity.Mode.ONLINE
REG = Activity.JoinMethod.REGISTRATION
TIA, OTHER = Activity.Funding.TIA_GRANT, Activity.Funding.OTHER
DRAFT, SUBMITTED, ENDED, PUBLISHED = (
    Activity.Status.DRAFT,
    Activity.Status.SUBMITTED,
    Activity.Status.ENDED,
    Activity.Status.PUBLISHED,
)

# Roughly the centre of the larger towns; activities there get a point near it.
TOWN_CENTRES = DATA["town_centres"]
ACCESSIBILITY = DATA["accessibility"]
# What to do to take part, by join method (most activities say it).
HOW_TO_JOIN = DATA["how_to_join"]

# Translations of about a third of the activities into Arabic, Persian and
# Tigrinya, some also into English, Somali, Ukrainian or Dari; the rest show
# the Swedish with the note that it is only in Swedish.
TRANSLATIONS = load("activity_translations")

# One activity a row; a row holds only what is not the default.
# when: weekday(s) for a weekly rule ("TU", "MO,WE") or, for a one-off event,
# the number of days from today (negative: already held).
ACTIVITIES = DATA["activities"]

# Municipality pairs whose journeys Migrationsverket reimburses (fictional decisions).
TRAVEL_ROUTES = [tuple(route) for route in DATA["travel_routes"]]
# Decisions that ran out earlier this year, so the "in force" filter has work.
EXPIRED_ROUTES = {(a, b): days for a, b, days in DATA["expired_routes"]}
# Decisions without an end date.
OPEN_ENDED_ROUTES = {tuple(route) for route in DATA["open_ended_routes"]}


def create_activities():
    """Create the directory page, the activities and the travel routes."""
    page = create_directory_page()
    today = timezone.localdate()
    municipalities = {
        m.name: m for m in Municipality.objects.filter(county__code=SKANE)
    }
    languages = {language.code: language for language in Language.objects.all()}
    slugs = sorted({spec["org"] for spec in ACTIVITIES})
    orgs = {org.slug: org for org in Organisation.objects.filter(slug__in=slugs)}
    missing = set(slugs) - set(orgs)
    assert not missing, f"create_partners() first; missing {sorted(missing)}"
    grant_numbers = {slug: 2100 + 137 * n for n, slug in enumerate(slugs)}

    seen = set()
    for index, spec in enumerate(ACTIVITIES):
        municipality = municipalities[spec["municipality"]]
        slug = demo_slug(spec["title"], municipality.name)
        assert slug not in seen, slug
        seen.add(slug)
        if Activity.objects.filter(slug=slug).exists():
            continue
        org = orgs[spec["org"]]
        activity = build_activity(spec, index, slug, org, municipality, today)
        activity.grant_reference = (
            f"851-{grant_numbers[org.slug]}-{today.year}"
            if activity.funding == TIA
            else ""
        )
        activity.save()
        activity.instruction_languages.set(
            [languages[code] for code in spec["langs"].split()]
        )
        activity.support_languages.set(
            [languages[code] for code in spec.get("support", "").split()]
        )
    create_translations()
    create_travel_routes(municipalities, today)
    return page


def demo_slug(title, municipality_name):
    return slugify(f"{title} {municipality_name}")[:140]


def create_translations():
    """The activities' translations, each only when the activity has none in
    that language (so a demo user's own edits stay)."""
    phrases = TRANSLATIONS["phrases"]
    for spec in TRANSLATIONS["activities"]:
        slug = demo_slug(spec["title"], spec["municipality"])
        activity = Activity.objects.select_related("organisation").get(slug=slug)
        existing = set(activity.translations.values_list("language", flat=True))
        for language, text in spec.items():
            if language in ("title", "municipality") or language in existing:
                continue
            ActivityTranslationFactory(
                activity=activity,
                language=language,
                title=text["title"],
                summary=text["summary"],
                # The Swedish said it; the translation says the same.
                how_to_join=phrases.get(activity.how_to_join, {}).get(language, ""),
                accessibility_notes=phrases.get(activity.accessibility_notes, {}).get(
                    language, ""
                ),
                updated_by=activity.created_by,
            )


def create_directory_page():
    """The directory under the home page, in the main menu; only if none exists.

    Swedish, with an alias in every other language (not translated in the demo).
    """
    swedish = Locale.get_default()
    page = DirectoryPage.objects.filter(locale=swedish).first()
    if page is None:
        home = HomePage.objects.filter(locale=swedish).first()
        page = DirectoryPage(**DIRECTORY, show_in_menus=True)
        home.add_child(instance=page)
        page.save_revision().publish()
        synchronise_trees()
    # Its title and introduction in the languages the demo's pages are in.
    translate(page, Locale.objects.filter(language_code__in=TRANSLATED_INTO))
    return page


def build_activity(spec, index, slug, org, municipality, today):
    status = spec.get("status", PUBLISHED)
    start, end, rrule = schedule(spec, index, status, today)
    start_time, end_time = (
        time.fromisoformat(part) for part in spec["time"].split("-")
    )
    mode = spec.get("mode", Activity.Mode.IN_PERSON)
    join = spec.get("join", Activity.JoinMethod.DROP_IN)
    funding = spec.get("funding") or default_funding(spec["category"], org)
    activity = ActivityFactory.build(
        title=spec["title"],
        slug=slug,
        summary=spec["summary"],
        description=description(spec["text"], spec["points"]),
        organisation=org,
        contact_person=pick_contact(org, index),
        category=spec["category"],
        target_group=spec.get("target", Activity.TargetGroup.EVERYONE),
        age_band=spec.get("age", Activity.AgeBand.ADULTS),
        municipality=municipality,
        mode=mode,
        venue=spec.get("venue", ""),
        address=spec.get("address", ""),
        start_date=start,
        end_date=end,
        start_time=start_time,
        end_time=end_time,
        rrule=rrule,
        capacity=spec.get("capacity"),
        join_method=join,
        registration_url=(f"https://example.org/anmalan/{slug}" if join == REG else ""),
        how_to_join=how_to_join(join, mode, index),
        accessibility_notes=(
            ACCESSIBILITY[index % len(ACCESSIBILITY)]
            if mode != ONLINE and index % 2 == 0
            else ""
        ),
        funding=funding,
        grant_amount=(
            Decimal(30000 + (index * 7919) % 17 * 9000) if funding == TIA else None
        ),
        status=status,
        review_comment=spec.get("review_comment", ""),
        created_by=first_member(org),
    )
    if mode != ONLINE and municipality.name in TOWN_CENTRES and index % 3 != 2:
        lat, lon = TOWN_CENTRES[municipality.name]
        activity.latitude = Decimal(f"{lat + ((index * 37) % 21 - 10) / 2000:.6f}")
        activity.longitude = Decimal(f"{lon + ((index * 53) % 21 - 10) / 1200:.6f}")
    if spec.get("exdate") and rrule:
        upcoming = activity.session_dates(start=today + timedelta(days=7))
        activity.exdates = [upcoming[1].isoformat()]
    set_history(activity, spec, index, status, today)
    return activity


def how_to_join(join, mode, index):
    """Most activities say what to do to take part; every fourth leaves it out."""
    if index % 4 == 3:
        return ""
    if join == REG and mode == ONLINE:
        return HOW_TO_JOIN["online_registration"]
    return HOW_TO_JOIN[join]


def schedule(spec, index, status, today):
    """(start date, end date, rrule) counted from today."""
    when = spec["when"]
    if isinstance(when, int):  # a one-off event, ``when`` days from today
        day = today + timedelta(days=when)
        return day, day, ""
    if status == ENDED:
        start = today - timedelta(weeks=18 + index % 6)
        end = today - timedelta(weeks=2 + index % 5)
    elif status in (DRAFT, SUBMITTED):
        start = today + timedelta(weeks=2 + index % 3)
        end = start + timedelta(weeks=spec.get("weeks", 12 + index % 4))
    elif spec.get("stale"):
        start = today - timedelta(weeks=24 + index % 4)
        end = today + timedelta(weeks=8 + index % 6)
    elif "weeks" in spec:  # a short series: started recently or about to start
        start = today - timedelta(weeks=index % 3 - 1)
        end = start + timedelta(weeks=spec["weeks"])
    else:
        start = today - timedelta(weeks=2 + index % 7)
        end = today + timedelta(weeks=10 + index % 10)
    # The first session falls on one of the rule's weekdays.
    weekdays = [WEEKDAYS.index(day) for day in when.split(",")]
    while start.weekday() not in weekdays:
        start += timedelta(days=1)
    return start, end, f"FREQ=WEEKLY;BYDAY={when}"


WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def set_history(activity, spec, index, status, today):
    """When it was published and last confirmed, as if it had a life."""
    now = timezone.now()
    if status in (DRAFT, SUBMITTED):
        activity.last_confirmed = today - timedelta(days=index % 5)
        return
    published = min(
        activity.start_date - timedelta(days=10 + index % 9),
        today - timedelta(days=2 + index % 6),
    )
    activity.published_at = min(
        timezone.make_aware(datetime.combine(published, time(9, 15 + index % 40))),
        now,
    )
    if status == ENDED:
        confirmed = activity.end_date - timedelta(days=14 + index % 10)
    elif spec.get("stale"):  # not confirmed for ``stale`` days
        confirmed = today - timedelta(days=spec["stale"])
    else:
        confirmed = today - timedelta(days=(index * 11) % 45)
    activity.last_confirmed = max(confirmed, published)


def default_funding(category, org):
    if org.kind in (Organisation.Kind.AUTHORITY, Organisation.Kind.REGION):
        return OTHER  # the authorities' own budgets
    if category == DEL:
        return OTHER  # the grant covers Swedish, society, work and health
    return TIA


def description(text, points):
    items = "".join(f"<li>{point}</li>" for point in points)
    return f"<p>{text}</p><p>Det här tar vi upp:</p><ul>{items}</ul>"


def pick_contact(org, index):
    """One of the organisation's public contacts: the page is public."""
    contacts = list(
        org.contact_persons.filter(visibility=ContactPerson.Visibility.PUBLIC).order_by(
            "name"
        )
    )
    return contacts[index % len(contacts)] if contacts else None


def first_member(org):
    membership = (
        org.memberships.filter(status=Membership.Status.ACTIVE)
        .select_related("user")
        .order_by("-role", "user__email")
        .first()
    )
    return membership.user if membership else None


def create_travel_routes(municipalities, today):
    year_start = date(today.year, 1, 1)
    for number, (origin, destination) in enumerate(TRAVEL_ROUTES):
        a, b = municipalities[origin], municipalities[destination]
        if TravelRoute.objects.filter(
            Q(from_municipality=a, to_municipality=b)
            | Q(from_municipality=b, to_municipality=a)
        ).exists():
            continue
        valid_from, valid_until = year_start, date(today.year, 12, 31)
        if (origin, destination) in EXPIRED_ROUTES:
            days = EXPIRED_ROUTES[(origin, destination)]
            # The last day of the month before ``days`` ago.
            valid_until = (today - timedelta(days=days)).replace(day=1) - timedelta(
                days=1
            )
            valid_from = date(valid_until.year, 1, 1)
        elif (origin, destination) in OPEN_ENDED_ROUTES:
            valid_until = None
        TravelRouteFactory(
            from_municipality=a,
            to_municipality=b,
            valid_from=valid_from,
            valid_until=valid_until,
            decision_reference=(
                f"Migrationsverket dnr 1.2.3-{valid_from.year}-{9001 + number * 7}"
            ),
        )


def activity_summary():
    """One line: how many activities in each state, and the travel routes."""
    today = timezone.localdate()
    counts = dict(
        Activity.objects.order_by()
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    running = Activity.objects.current(today).filter(start_date__lte=today).count()
    hidden = Activity.objects.unconfirmed(today).count()
    return (
        f"Aktiviteter: {counts.get(PUBLISHED, 0)} publicerade ({running} pågående, "
        f"{hidden} dolda i väntan på bekräftelse), "
        f"{counts.get(DRAFT, 0)} utkast, {counts.get(SUBMITTED, 0)} väntar på "
        f"granskning, {counts.get(ENDED, 0)} avslutade; "
        f"{ActivityTranslation.objects.count()} översättningar; "
        f"{TravelRoute.objects.count()} resvägar"
    )
