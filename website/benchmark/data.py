"""Grow the demo data to the volumes of a county, for the benchmark.

On top of ``seed_demo``: organisations and their people, activities copied
from the demo's published ones across Skåne's municipalities, a year and a
half of events in the Skåne forum, consultations with responses, dialog
threads with posts, delegated tasks and joint decisions.

Every generated row is marked and numbered: a slug, uid or e-mail address that
starts with ``bench-``, or a title that starts with ``[bench NNN]``. A run
creates only the numbers that are missing, so running again at the same scale
adds nothing and a larger scale adds the difference. What hangs on a row
(languages, questions, responses, posts, answers) is only made together with
a new row, as in the demo.

Rows are written with ``bulk_create``, which skips the models' ``save()``: the
HTML here is already what ``clean_html()`` keeps (paragraphs and lists), and
what ``save()`` would fill in (``Event.uid``) is set here. Participations get
their level log (``LevelChange``) written alongside, as ``save()`` would.
"""

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from dateutil.rrule import rrulestr
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from core.geography.models import Municipality, SubRegion
from core.recurrence import validate_rule
from directory.models import Activity
from events.models import Event
from forum.models import (
    Consultation,
    ConsultationQuestion,
    ConsultationResponse,
    DecisionAnswer,
    DelegatedTask,
    FeedbackItem,
    Forum,
    JointDecision,
    Level,
    LevelChange,
    Participation,
    Post,
    PostModeration,
    ResponseAnswer,
    ResponseVersion,
    Thread,
    ThreadFollow,
    Visibility,
)
from partners.models import ContactPerson, Membership, Organisation
from website.demo.activities import TOWN_CENTRES
from website.demo.partners import CONVENER, FORUM, SKANE

STOCKHOLM = ZoneInfo("Europe/Stockholm")
PREFIX = "bench-"
BATCH = 500

# The volumes at --scale 1.0: a county forum a few years in.
VOLUMES = {
    "organisations": 75,
    "users": 1000,
    # Every fifth has ended: 2,000 stay in the public directory.
    "activities": 2500,
    "events": 1000,
    "consultations": 40,
    "threads": 300,
    "tasks": 200,
    "decisions": 20,
}
RESPONSES_PER_CONSULTATION = 20
LONG_THREAD_POSTS = 200  # thread number 0; the others have 2–16 posts


def volumes(scale):
    """How many of each at ``scale``; at least one of each."""
    counts = {name: max(1, round(n * scale)) for name, n in VOLUMES.items()}
    counts["long_thread_posts"] = max(20, round(LONG_THREAD_POSTS * scale))
    return counts


def missing(target, values, pattern):
    """The numbers below ``target`` that no marked value carries yet.

    ``pattern`` takes the number out of a value, e.g. 12 from 'bench-0012-…'.
    """
    regex = re.compile(pattern)
    present = set()
    for value in values:
        match = regex.match(value or "")
        if match:
            present.add(int(match[1]))
    return [n for n in range(target) if n not in present]


def paragraph(*sentences):
    return "<p>" + " ".join(sentences) + "</p>"


def bullet_list(items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


@dataclass
class Growth:
    """What a run created, by kind."""

    created: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)

    def add(self, kind, count):
        self.created[kind] = self.created.get(kind, 0) + count


# ---------------------------------------------------------------- text pools

FIRST_NAMES = [
    "Aisha", "Anders", "Amal", "Birgitta", "Dawit", "Elsa", "Farah", "Gustav",
    "Hiba", "Ida", "Jonas", "Khadija", "Lars", "Leyla", "Maja", "Mohammed",
    "Nils", "Olga", "Parisa", "Rami", "Sanna", "Tesfay", "Ulla", "Yara",
]  # fmt: skip
LAST_NAMES = [
    "Andersson", "Bakr", "Carlsson", "Dahl", "Ekström", "Farah", "Gashi",
    "Hansson", "Ibrahim", "Jakobsson", "Karlsson", "Lindholm", "Mohamud",
    "Nilsson", "Osman", "Persson", "Qasim", "Rosén", "Said", "Tesfaye",
    "Ungér", "Wikström", "Yilmaz", "Öberg",
]  # fmt: skip

K = Organisation.Kind
# (name stem, kind): with a municipality's name, e.g. "Språkvänner i Osby".
ORGANISATION_STEMS = [
    ("Språkvänner", K.NON_PROFIT),
    ("Mötesplats Ny i Sverige", K.NON_PROFIT),
    ("Kvinnors nätverk", K.NON_PROFIT),
    ("Idrottsföreningen Alla kan", K.NON_PROFIT),
    ("Kulturföreningen Broar", K.NON_PROFIT),
    ("Församlingen", K.FAITH_COMMUNITY),
    ("Läxhjälpen", K.NON_PROFIT),
    ("Arbetslivsföreningen Första steget", K.OTHER),
]

EVENT_TOPICS = [
    "språkcaféer på landsbygden",
    "hälsa och vård för nyanlända",
    "vägen till arbete",
    "aktiviteter för kvinnor",
    "samverkan med föreningslivet",
    "statsbidraget och redovisningen",
    "tolkstöd i aktiviteterna",
    "barn och familjer på flykt",
]
VENUES = ["Stadshuset", "Biblioteket", "Folkets hus", "Kulturhuset", "Medborgarhuset"]
# The kind's word in a title, e.g. "Nätverksmöte Malmö: vägen till arbete".
KIND_WORDS = {
    Event.Kind.COORDINATORS_MEETING: "Samordnarmöte",
    Event.Kind.NETWORK_MEETING: "Nätverksmöte",
    Event.Kind.FORUM_MEETING: "Forummöte",
    Event.Kind.DIALOGUE_MEETING: "Dialogmöte",
    Event.Kind.SITE_VISIT: "Verksamhetsbesök",
    Event.Kind.TRAINING: "Utbildning",
    Event.Kind.INFORMATION_MEETING: "Informationsmöte",
}
# About 40 per cent public, the rest spread over the levels.
EVENT_VISIBILITIES = [
    Visibility.PUBLIC,
    Visibility.PUBLIC,
    Visibility.INFORMATION,
    Visibility.PUBLIC,
    Visibility.SAMRAD,
    Visibility.DIALOG,
    Visibility.PUBLIC,
    Visibility.INFORMATION,
    Visibility.PARTNERSKAP,
    Visibility.DIALOG,
]
WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

CONSULTATION_TOPICS = [
    "Samråd om aktivitetsutbudet i delregionen",
    "Samråd om fördelning av statsbidrag",
    "Samråd om länets lägesbild",
    "Samråd om insatser för kvinnor",
    "Samråd om reseersättning och resvägar",
    "Samråd om uppföljning av aktiviteterna",
    "Samråd om tolkstöd",
    "Samråd om samverkan med kommunerna",
]
QUESTIONS = [
    "Delar ni förslagets prioriteringar? Vad skulle ni vilja ändra?",
    "Var i länet saknas det aktiviteter i dag?",
    "Vad behöver er organisation för att kunna bidra?",
]
ANSWERS = [
    "Vi delar i stort förslaget, men vill att språkträningen lyfts fram "
    "tydligare som grund för de andra insatserna.",
    "Landsbygden i nordöstra och södra Skåne saknar aktiviteter på kvällstid, "
    "och resorna till de större orterna tar lång tid.",
    "Lokaler nära boendet, barnpassning och cirkelledare som talar "
    "deltagarnas språk gör störst skillnad för oss.",
    "Samordningen mellan kommunen och föreningarna behöver bli tydligare, "
    "så att aktiviteterna inte krockar.",
]
THREAD_TOPICS = [
    "Hur når vi fler deltagare på landsbygden?",
    "Erfarenheter av språkcaféer med barnpassning",
    "Samåkning till aktiviteter",
    "Tolkstöd i studiecirklar",
    "Lokaler som fungerar för hälsoträffar",
    "Hur redovisar ni deltagarna?",
    "Samarbete med idrottsföreningar",
    "Information på fler språk",
]
POST_SENTENCES = [
    "Hos oss har det fungerat bäst att hålla träffarna på förmiddagen.",
    "Vi har provat samma sak i vår kommun, med blandat resultat.",
    "Det som gör störst skillnad är att någon möter upp vid bussen.",
    "Vi delar gärna vår checklista på nästa nätverksmöte.",
    "Tänk på att reseersättning bara gäller mellan godkända kommuner.",
    "Region Skåne kan ordna en träff med tolk om ni hör av er.",
    "Vi tar upp frågan på samordnarmötet i nästa månad.",
    "Fler av våra deltagare kommer när informationen finns på deras språk.",
]
TASK_TOPICS = [
    "Sammanställa behovsanalysen till lägesbilden",
    "Kartlägga aktiviteter på kvällstid",
    "Ta fram information på fler språk",
    "Följa upp deltagandet bland kvinnor",
    "Uppdatera listan över resvägar",
    "Samordna tolkstödet i delregionen",
    "Planera nätverksmötet",
    "Redovisa statsbidraget för perioden",
]
TASK_STATUSES = [
    DelegatedTask.Status.OPEN,
    DelegatedTask.Status.IN_PROGRESS,
    DelegatedTask.Status.IN_PROGRESS,
    DelegatedTask.Status.DONE,
    DelegatedTask.Status.OPEN,
    DelegatedTask.Status.DONE,
    DelegatedTask.Status.DONE,
    DelegatedTask.Status.CANCELLED,
]
DECISION_TOPICS = [
    "Gemensam mall för redovisning",
    "Gemensam utlysning för kvinnogrupper",
    "Gemensamma riktlinjer för tolkstöd",
    "Gemensam kalender för nätverksmöten",
]


def bench_level(number):
    """The forum level of bench organisation ``number``; None: not in the forum."""
    if number % 9 == 8:
        return None
    if number % 15 == 0:
        return Level.PARTNERSKAP
    return [
        Level.INFORMATION,
        Level.SAMRAD,
        Level.SAMRAD,
        Level.DIALOG,
        Level.DIALOG,
        Level.INFORMATION,
        Level.SAMRAD,
    ][number % 7]


class Grower:
    """Adds the missing bench rows, kind by kind, in dependency order."""

    def __init__(self, scale):
        self.scale = scale
        self.volumes = volumes(scale)
        self.now = timezone.now()
        self.today = timezone.localdate(self.now)
        self.growth = Growth()
        self.forum = Forum.objects.get(slug=FORUM["slug"])
        self.municipalities = list(
            Municipality.objects.filter(county__code=SKANE)
            .select_related("subregion")
            .order_by("name")
        )
        self.subregions = list(
            SubRegion.objects.filter(county__code=SKANE).order_by("name")
        )
        self.convener = get_user_model().objects.filter(email=CONVENER).first()

    @transaction.atomic
    def grow(self):
        self.organisations()
        self.users()
        self.activities()
        self.events()
        self.consultations()
        self.threads()
        self.tasks()
        self.decisions()
        return self.growth

    # ------------------------------------------------------------ lookups

    def all_organisations(self):
        return list(Organisation.objects.order_by("slug"))

    def levels(self):
        """organisation id -> level in the forum."""
        return dict(self.forum.participations.values_list("organisation_id", "level"))

    def orgs_from(self, level):
        levels = self.levels()
        return [o for o in self.all_organisations() if levels.get(o.pk, 0) >= level]

    def members_by_org(self):
        """organisation id -> [user id] of its active members, oldest first."""
        members = {}
        for org_id, user_id in (
            Membership.objects.active()
            .order_by("organisation_id", "pk")
            .values_list("organisation_id", "user_id")
        ):
            members.setdefault(org_id, []).append(user_id)
        return members

    def public_contacts(self):
        """organisation id -> [contact id] of its public contact persons."""
        contacts = {}
        for org_id, contact_id in (
            ContactPerson.objects.filter(visibility=ContactPerson.Visibility.PUBLIC)
            .order_by("organisation_id", "pk")
            .values_list("organisation_id", "pk")
        ):
            contacts.setdefault(org_id, []).append(contact_id)
        return contacts

    def local(self, day, hour=0, minute=0):
        return datetime.datetime(
            day.year, day.month, day.day, hour, minute, tzinfo=STOCKHOLM
        )

    # ------------------------------------------------------- organisations

    def organisations(self):
        target = self.volumes["organisations"]
        todo = missing(
            target,
            Organisation.objects.filter(slug__startswith=f"{PREFIX}org-").values_list(
                "slug", flat=True
            ),
            r"^bench-org-(\d+)$",
        )
        if not todo:
            return
        places = self.municipalities
        new = []
        for n in todo:
            stem, kind = ORGANISATION_STEMS[n % len(ORGANISATION_STEMS)]
            place = places[n % len(places)]
            round_ = n // (len(ORGANISATION_STEMS) * len(places))
            name = f"{stem} i {place.name}" + (f" {round_ + 1}" if round_ else "")
            new.append(
                Organisation(
                    slug=f"{PREFIX}org-{n:03d}",
                    name=name,
                    kind=kind,
                    description=(
                        f"{stem} arbetar med asylsökande och nyanlända i "
                        f"{place.name} och samarbetar med studieförbunden."
                    ),
                )
            )
        Organisation.objects.bulk_create(new, batch_size=BATCH)
        created = {
            o.slug: o
            for o in Organisation.objects.filter(slug__in=[o.slug for o in new])
        }
        Places = Organisation.municipalities.through
        Regions = Organisation.subregions.through
        places_rows, region_rows, contacts, participations, changes = [], [], [], [], []
        for n in todo:
            org = created[f"{PREFIX}org-{n:03d}"]
            served = {places[n % len(places)]}
            if n % 3 == 0:
                served.add(places[(n * 7 + 3) % len(places)])
            for place in served:
                places_rows.append(
                    Places(organisation_id=org.pk, municipality_id=place.pk)
                )
            for region_id in {p.subregion_id for p in served if p.subregion_id}:
                region_rows.append(
                    Regions(organisation_id=org.pk, subregion_id=region_id)
                )
            first = FIRST_NAMES[n % len(FIRST_NAMES)]
            last = LAST_NAMES[(n * 5) % len(LAST_NAMES)]
            for scope, visibility, role in (
                (ContactPerson.Scope.LOCAL, ContactPerson.Visibility.PUBLIC, "Kontakt"),
                (
                    ContactPerson.Scope.OTHER,
                    ContactPerson.Visibility.MEMBERS,
                    "Verksamhetsledare",
                ),
            ):
                contacts.append(
                    ContactPerson(
                        organisation_id=org.pk,
                        name=f"{first} {last}",
                        role=role,
                        scope=scope,
                        visibility=visibility,
                        email=f"{slugify(first)}.{slugify(last)}@{org.slug}.example",
                        phone=f"040-628 04 {n % 100:02d}",
                    )
                )
                last = LAST_NAMES[(n * 5 + 1) % len(LAST_NAMES)]
            level = bench_level(n)
            if level:
                since = self.today - datetime.timedelta(days=30 + (n * 37) % 700)
                participations.append(
                    Participation(
                        organisation_id=org.pk,
                        forum=self.forum,
                        level=level,
                        since=since,
                    )
                )
                changes.append(
                    LevelChange(
                        organisation_id=org.pk,
                        forum=self.forum,
                        from_level=None,
                        to_level=level,
                        changed_by=self.convener,
                        changed_at=self.local(since, 10),
                        note="Anslöt till forumet.",
                    )
                )
        Places.objects.bulk_create(places_rows, batch_size=BATCH)
        Regions.objects.bulk_create(region_rows, batch_size=BATCH)
        ContactPerson.objects.bulk_create(contacts, batch_size=BATCH)
        Participation.objects.bulk_create(participations, batch_size=BATCH)
        LevelChange.objects.bulk_create(changes, batch_size=BATCH)
        self.growth.add("organisations", len(new))
        self.growth.add("contact persons", len(contacts))
        self.growth.add("participations", len(participations))

    # -------------------------------------------------------------- people

    def users(self):
        User = get_user_model()
        target = self.volumes["users"]
        todo = missing(
            target,
            User.objects.filter(email__startswith=PREFIX).values_list(
                "email", flat=True
            ),
            r"^bench-user-(\d+)@",
        )
        if not todo:
            return
        email = "{prefix}user-{n:04d}@bench.example".format
        new = [
            User(
                email=email(prefix=PREFIX, n=n),
                first_name=FIRST_NAMES[n % len(FIRST_NAMES)],
                last_name=LAST_NAMES[(n * 7) % len(LAST_NAMES)],
                password=make_password(None),  # no one signs in with these
            )
            for n in todo
        ]
        User.objects.bulk_create(new, batch_size=BATCH)
        ids = dict(
            User.objects.filter(email__in=[u.email for u in new]).values_list(
                "email", "pk"
            )
        )
        orgs = self.all_organisations()
        addresses, memberships = [], []
        for n in todo:
            user_id = ids[email(prefix=PREFIX, n=n)]
            addresses.append(
                EmailAddress(
                    user_id=user_id,
                    email=email(prefix=PREFIX, n=n),
                    verified=True,
                    primary=True,
                )
            )
            homes = [orgs[n % len(orgs)]]
            if n % 10 == 3:  # some people act for two organisations
                homes.append(orgs[(n * 7 + 5) % len(orgs)])
            for number, org in enumerate({o.pk: o for o in homes}.values()):
                memberships.append(
                    Membership(
                        user_id=user_id,
                        organisation_id=org.pk,
                        role=(
                            Membership.Role.ADMIN
                            if n % 25 == 0 and not number
                            else Membership.Role.MEMBER
                        ),
                        status=(
                            Membership.Status.PENDING
                            if n % 20 == 19
                            else Membership.Status.ACTIVE
                        ),
                    )
                )
        EmailAddress.objects.bulk_create(addresses, batch_size=BATCH)
        Membership.objects.bulk_create(
            memberships, batch_size=BATCH, ignore_conflicts=True
        )
        self.growth.add("users", len(new))
        self.growth.add("memberships", len(memberships))

    # ---------------------------------------------------------- activities

    def activities(self):
        target = self.volumes["activities"]
        todo = missing(
            target,
            Activity.objects.filter(slug__startswith=PREFIX).values_list(
                "slug", flat=True
            ),
            r"^bench-(\d+)-",
        )
        if not todo:
            return
        sources = list(
            Activity.objects.filter(status=Activity.Status.PUBLISHED)
            .exclude(slug__startswith=PREFIX)
            .select_related("organisation")
            .prefetch_related("instruction_languages", "support_languages")
            .order_by("pk")
        )
        if not sources:
            self.growth.notes.append(
                "No published demo activity to copy: run seed_demo."
            )
            return
        # Municipalities run their own activities only at home: a copy moved
        # elsewhere gets an association or a study association instead.
        organisers = [
            o
            for o in self.all_organisations()
            if o.kind not in (K.MUNICIPALITY, K.AUTHORITY, K.REGION)
        ]
        contacts = self.public_contacts()
        places = self.municipalities
        new, languages = [], []
        for n in todo:
            source = sources[n % len(sources)]
            place = places[(n * 7) % len(places)]
            org = source.organisation
            if org.kind in (K.MUNICIPALITY, K.AUTHORITY, K.REGION):
                org = organisers[n % len(organisers)]
            org_contacts = contacts.get(org.pk) or [None]
            slug = f"{PREFIX}{n:04d}-{slugify(f'{source.title} {place.name}')}"[:140]
            activity = Activity(
                title=source.title,
                slug=slug,
                summary=source.summary,
                description=source.description,  # cleaned when the source was saved
                organisation_id=org.pk,
                contact_person_id=org_contacts[n % len(org_contacts)],
                category=source.category,
                target_group=source.target_group,
                age_band=source.age_band,
                municipality_id=place.pk,
                mode=source.mode,
                venue=source.venue,
                address=source.address,
                start_time=source.start_time,
                end_time=source.end_time,
                capacity=source.capacity,
                join_method=source.join_method,
                registration_url=(
                    f"https://example.org/anmalan/{slug}"
                    if source.join_method == Activity.JoinMethod.REGISTRATION
                    else ""
                ),
                accessibility_notes=source.accessibility_notes,
                funding=source.funding,
                grant_reference=source.grant_reference,
                grant_amount=source.grant_amount,
                status=Activity.Status.PUBLISHED,
                created_by_id=source.created_by_id,
            )
            self.schedule_activity(activity, source, n)
            if (
                activity.mode != Activity.Mode.ONLINE
                and place.name in TOWN_CENTRES
                and n % 3 != 2
            ):
                lat, lon = TOWN_CENTRES[place.name]
                activity.latitude = Decimal(f"{lat + ((n * 37) % 21 - 10) / 2000:.6f}")
                activity.longitude = Decimal(f"{lon + ((n * 53) % 21 - 10) / 1200:.6f}")
            new.append(activity)
            languages.append(
                (
                    slug,
                    [lang.pk for lang in source.instruction_languages.all()],
                    [lang.pk for lang in source.support_languages.all()],
                )
            )
        Activity.objects.bulk_create(new, batch_size=BATCH)
        ids = dict(
            Activity.objects.filter(slug__in=[a.slug for a in new]).values_list(
                "slug", "pk"
            )
        )
        Taught = Activity.instruction_languages.through
        Supported = Activity.support_languages.through
        taught, supported = [], []
        for slug, taught_ids, supported_ids in languages:
            taught += [Taught(activity_id=ids[slug], language_id=i) for i in taught_ids]
            supported += [
                Supported(activity_id=ids[slug], language_id=i) for i in supported_ids
            ]
        Taught.objects.bulk_create(taught, batch_size=BATCH)
        Supported.objects.bulk_create(supported, batch_size=BATCH)
        self.growth.add("activities", len(new))

    def schedule_activity(self, activity, source, n):
        """Dates, rule and history counted from today; every fifth has ended."""
        today, week = self.today, datetime.timedelta(weeks=1)
        ended = n % 5 == 4
        if source.rrule:
            day = WEEKDAYS[(n * 3) % 6]  # Monday to Saturday
            activity.rrule = f"FREQ=WEEKLY;BYDAY={day}"
            if ended:
                start = today - week * (20 + n % 10)
                end = today - week * (1 + n % 8)
            else:
                start = today - week * (n % 8)
                end = today + week * (4 + n % 30)
            while start.weekday() != WEEKDAYS.index(day):
                start += datetime.timedelta(days=1)
        else:
            offset = datetime.timedelta(days=1 + n % 90)
            start = end = today - offset if ended else today + offset
        activity.start_date, activity.end_date = start, end
        if ended:
            activity.status = Activity.Status.ENDED
        published = min(start, today) - datetime.timedelta(days=10 + n % 30)
        activity.published_at = self.local(published, 9, n % 60)
        if n % 17 == 0 and not ended:  # not confirmed for more than 90 days
            activity.last_confirmed = today - datetime.timedelta(days=95 + n % 30)
        else:
            activity.last_confirmed = max(
                published, today - datetime.timedelta(days=(n * 11) % 60)
            )

    # -------------------------------------------------------------- events

    def events(self):
        target = self.volumes["events"]
        todo = missing(
            target,
            Event.objects.filter(uid__startswith=PREFIX).values_list("uid", flat=True),
            r"^bench-(\d+)@",
        )
        if not todo:
            return
        orgs = self.orgs_from(Level.INFORMATION) or self.all_organisations()
        contacts = self.public_contacts()
        kinds = list(Event.Kind)
        new = []
        for n in todo:
            kind = kinds[n % len(kinds)]
            region = (self.subregions + [None])[n % (len(self.subregions) + 1)]
            town = self.municipalities[(n * 11) % len(self.municipalities)].name
            area = region.name if region else "Skåne"
            organiser = orgs[(n * 3) % len(orgs)]
            day = self.today + datetime.timedelta(days=-240 + (n * 53) % 480)
            hours = 1 + n % 3
            start = self.local(day, 9 + (n * 5) % 8, 30 * (n % 2))
            end = start + datetime.timedelta(hours=hours)
            all_day = n % 40 == 7
            if all_day:
                start = self.local(day)
                end = self.local(day + datetime.timedelta(days=1))
            rrule = ""
            if n % 20 == 0:  # one in twenty is a series
                rrule, start = self.series_rule(n, start)
                end = start + datetime.timedelta(hours=hours)
            topic = EVENT_TOPICS[n % len(EVENT_TOPICS)]
            online = n % 4 == 0
            org_contacts = contacts.get(organiser.pk) or [None]
            cancelled = n % 33 == 5
            new.append(
                Event(
                    forum=self.forum,
                    kind=kind,
                    title=f"{KIND_WORDS[kind]} {area}: {topic}",
                    description=paragraph(
                        f"Vi samlas kring {topic}.",
                        "Alla som arbetar med tidiga insatser i området är välkomna.",
                    )
                    + bullet_list(["Läget just nu", "Erfarenheter", "Nästa steg"]),
                    visibility=EVENT_VISIBILITIES[n % len(EVENT_VISIBILITIES)],
                    subregion=region,
                    start=start,
                    end=end,
                    all_day=all_day,
                    venue="" if online else f"{VENUES[n % len(VENUES)]}, {town}",
                    online_url=f"https://example.org/mote/bench-{n}" if online else "",
                    organiser_id=organiser.pk,
                    contact_id=org_contacts[0],
                    capacity=20 + n % 30 if n % 5 == 0 else None,
                    rrule=rrule,
                    cancelled=cancelled,
                    cancellation_note="Inställt på grund av sjukdom."
                    if cancelled
                    else "",
                    uid=f"{PREFIX}{n:05d}@tia-samverkan",
                )
            )
        Event.objects.bulk_create(new, batch_size=BATCH)
        self.growth.add("events", len(new))

    def series_rule(self, n, start):
        """A rule as the calendar form would accept it, and the first start."""
        day = WEEKDAYS[n % 5]
        rule = [
            f"FREQ=WEEKLY;BYDAY={day};COUNT=10",
            "FREQ=MONTHLY;BYDAY=2TU",
            f"FREQ=WEEKLY;INTERVAL=2;BYDAY={day};COUNT=8",
            "FREQ=MONTHLY;BYMONTHDAY=15;COUNT=12",
        ][(n // 20) % 4]
        local = timezone.localtime(start, STOCKHOLM)
        rule = validate_rule(rule, local.date())
        first = next(iter(rrulestr(rule, dtstart=local.replace(tzinfo=None))))
        return rule, first.replace(tzinfo=STOCKHOLM)

    # ------------------------------------------------------- consultations

    def consultations(self):
        target = self.volumes["consultations"]
        todo = missing(
            target,
            Consultation.objects.filter(
                forum=self.forum, slug__startswith=PREFIX
            ).values_list("slug", flat=True),
            r"^bench-(\d+)$",
        )
        if not todo:
            return
        responders = self.orgs_from(Level.SAMRAD)
        members = self.members_by_org()
        per_consultation = min(RESPONSES_PER_CONSULTATION, len(responders))
        if per_consultation < RESPONSES_PER_CONSULTATION:
            self.growth.notes.append(
                f"Only {len(responders)} organisations at level Samråd or higher: "
                f"{per_consultation} responses per consultation."
            )
        new = []
        for n in todo:
            opens = self.now - datetime.timedelta(days=5 + n * 9)
            if n % 13 == 12:  # announced, opens next week
                opens = self.now + datetime.timedelta(days=7)
            deadline = opens + datetime.timedelta(days=30)
            closed = deadline <= self.now
            with_feedback = closed and n % 3 == 0
            topic = CONSULTATION_TOPICS[n % len(CONSULTATION_TOPICS)]
            new.append(
                Consultation(
                    forum=self.forum,
                    slug=f"{PREFIX}{n:03d}",
                    title=f"{topic} {opens.year}",
                    proposal=paragraph(
                        "Länsstyrelsen föreslår hur arbetet ska inriktas under "
                        "nästa period och vill veta vad forumets organisationer "
                        "tycker."
                    )
                    + bullet_list(
                        [
                            "fler aktiviteter där utbudet i dag är litet;",
                            "insatser som når kvinnor;",
                            "en tydligare koppling mellan språk och arbete.",
                        ]
                    ),
                    visibility=Visibility.DIALOG if n % 7 == 6 else Visibility.SAMRAD,
                    opens_at=opens,
                    deadline=deadline,
                    published=n % 10 != 9,
                    responses_visible=n % 2 == 1,
                    feedback=paragraph(
                        "Tack för era svar. Så här påverkade de beslutet."
                    )
                    if with_feedback
                    else "",
                    feedback_published_at=(
                        min(deadline + datetime.timedelta(days=10), self.now)
                        if with_feedback
                        else None
                    ),
                    created_by=self.convener,
                )
            )
        Consultation.objects.bulk_create(new, batch_size=BATCH)
        created = list(
            Consultation.objects.filter(
                forum=self.forum, slug__in=[c.slug for c in new]
            ).order_by("slug")
        )
        ConsultationQuestion.objects.bulk_create(
            [
                ConsultationQuestion(consultation=c, position=position, text=text)
                for c in created
                for position, text in enumerate(QUESTIONS, start=1)
            ],
            batch_size=BATCH,
        )
        questions = {}
        for question in ConsultationQuestion.objects.filter(
            consultation__in=created
        ).order_by("position"):
            questions.setdefault(question.consultation_id, []).append(question)
        responses = []
        for c in created:
            n = int(c.slug.removeprefix(PREFIX))
            if not c.published or c.opens_at > self.now:
                continue
            for k in range(per_consultation):
                org = responders[(n + k) % len(responders)]
                submitted = min(
                    c.opens_at + datetime.timedelta(days=1 + k),
                    c.deadline,
                    self.now,
                )
                author = (members.get(org.pk) or [None])[0]
                responses.append(
                    ConsultationResponse(
                        consultation=c,
                        organisation_id=org.pk,
                        general_comment=paragraph(ANSWERS[(n + k) % len(ANSWERS)])
                        if k % 3 == 0
                        else "",
                        version=1,
                        submitted_at=submitted,
                        updated_by_id=author,
                    )
                )
        ConsultationResponse.objects.bulk_create(responses, batch_size=BATCH)
        answers, versions, feedback = [], [], []
        for response in ConsultationResponse.objects.filter(
            consultation__in=created
        ).select_related("consultation"):
            texts = {}
            for k, question in enumerate(questions[response.consultation_id]):
                text = paragraph(ANSWERS[(response.organisation_id + k) % len(ANSWERS)])
                texts[str(question.pk)] = text
                answers.append(
                    ResponseAnswer(response=response, question=question, text=text)
                )
            versions.append(
                ResponseVersion(
                    response=response,
                    version=1,
                    snapshot={
                        "general_comment": response.general_comment,
                        "answers": texts,
                    },
                    saved_by_id=response.updated_by_id,
                    saved_at=response.submitted_at or self.now,
                )
            )
        for c in created:
            if c.feedback_published_at:
                feedback += [
                    FeedbackItem(
                        consultation=c,
                        question=question,
                        summary=paragraph(
                            "De flesta som svarade delar förslaget; flera vill se "
                            "fler aktiviteter på landsbygden."
                        ),
                    )
                    for question in questions[c.pk]
                ]
        ResponseAnswer.objects.bulk_create(answers, batch_size=BATCH)
        ResponseVersion.objects.bulk_create(versions, batch_size=BATCH)
        FeedbackItem.objects.bulk_create(feedback, batch_size=BATCH)
        self.growth.add("consultations", len(new))
        self.growth.add("consultation responses", len(responses))

    # -------------------------------------------------------------- dialog

    def threads(self):
        target = self.volumes["threads"]
        todo = missing(
            target,
            Thread.objects.filter(
                forum=self.forum, title__startswith="[bench "
            ).values_list("title", flat=True),
            r"^\[bench (\d+)\]",
        )
        if not todo:
            return
        members = self.members_by_org()
        writers = [
            (user_id, org.pk)
            for org in self.orgs_from(Level.DIALOG)
            for user_id in members.get(org.pk, [])
        ]
        if not writers:
            writers = [(self.convener.pk if self.convener else None, None)]
        plans, new = {}, []
        for n in todo:
            count = self.volumes["long_thread_posts"] if n == 0 else 2 + (n * 7) % 15
            # The long thread is the one written in last; the others spread
            # over a year, a reply every few hours.
            started = self.now - datetime.timedelta(
                days=60 if n == 0 else 3 + (n * 11) % 400
            )
            latest = self.now - datetime.timedelta(hours=1)
            if n:
                latest = min(latest, started + datetime.timedelta(hours=7 * count))
            step = (latest - started) / count
            times = [started + step * k for k in range(count)]
            authors = [writers[(n * 5 + k * 3) % len(writers)] for k in range(count)]
            title = f"[bench {n:03d}] {THREAD_TOPICS[n % len(THREAD_TOPICS)]}"
            plans[title] = (n, times, authors)
            new.append(
                Thread(
                    forum=self.forum,
                    title=title,
                    visibility=(
                        Visibility.PARTNERSKAP if n % 6 == 5 else Visibility.DIALOG
                    ),
                    created_by_id=authors[0][0],
                    organisation_id=authors[0][1],
                    created_at=times[0],
                    last_activity_at=times[-1],
                )
            )
        Thread.objects.bulk_create(new, batch_size=BATCH)
        posts, follows = [], []
        for thread in Thread.objects.filter(forum=self.forum, title__in=list(plans)):
            n, times, authors = plans[thread.title]
            for k, (when, (user_id, org_id)) in enumerate(
                zip(times, authors, strict=True)
            ):
                sentences = [
                    POST_SENTENCES[(n + k + j) % len(POST_SENTENCES)]
                    for j in range(1 + k % 3)
                ]
                hidden = n % 25 == 5 and k == 1
                posts.append(
                    Post(
                        thread=thread,
                        author_id=user_id,
                        organisation_id=org_id,
                        body=paragraph(*sentences)
                        + (bullet_list(sentences) if k % 5 == 4 else ""),
                        created_at=when,
                        hidden=hidden,
                        hidden_reason="Inlägget innehöll personuppgifter."
                        if hidden
                        else "",
                    )
                )
            for user_id in {user_id for user_id, _ in authors[:3] if user_id}:
                follows.append(ThreadFollow(thread=thread, user_id=user_id))
        Post.objects.bulk_create(posts, batch_size=BATCH)
        ThreadFollow.objects.bulk_create(
            follows, batch_size=BATCH, ignore_conflicts=True
        )
        moderations = [
            PostModeration(
                post=post,
                action=PostModeration.Action.HIDDEN,
                reason=post.hidden_reason,
                moderator=self.convener,
                created_at=post.created_at + datetime.timedelta(hours=3),
            )
            for post in Post.objects.filter(
                hidden=True, thread__title__in=list(plans), moderation__isnull=True
            )
        ]
        PostModeration.objects.bulk_create(moderations, batch_size=BATCH)
        self.growth.add("threads", len(new))
        self.growth.add("posts", len(posts))

    # --------------------------------------------------------- partnership

    def tasks(self):
        target = self.volumes["tasks"]
        todo = missing(
            target,
            DelegatedTask.objects.filter(
                forum=self.forum, title__startswith="[bench "
            ).values_list("title", flat=True),
            r"^\[bench (\d+)\]",
        )
        partners = self.orgs_from(Level.PARTNERSKAP)
        if not todo or not partners:
            return
        new = []
        for n in todo:
            status = TASK_STATUSES[n % len(TASK_STATUSES)]
            due = self.today + datetime.timedelta(days=-120 + (n * 13) % 300)
            done = status == DelegatedTask.Status.DONE
            new.append(
                DelegatedTask(
                    forum=self.forum,
                    title=f"[bench {n:03d}] {TASK_TOPICS[n % len(TASK_TOPICS)]}",
                    description=paragraph(
                        "Forumet har delegerat uppdraget till organisationen.",
                        "Rapportera kort när det är klart.",
                    ),
                    assigned_to_id=partners[n % len(partners)].pk,
                    due_date=due,
                    status=status,
                    report=paragraph("Klart och redovisat till forumet.")
                    if done
                    else "",
                    reported_at=(min(self.local(due, 15), self.now) if done else None),
                    created_by=self.convener,
                )
            )
        DelegatedTask.objects.bulk_create(new, batch_size=BATCH)
        self.growth.add("delegated tasks", len(new))

    def decisions(self):
        target = self.volumes["decisions"]
        todo = missing(
            target,
            JointDecision.objects.filter(
                forum=self.forum, title__startswith="[bench "
            ).values_list("title", flat=True),
            r"^\[bench (\d+)\]",
        )
        partners = self.orgs_from(Level.PARTNERSKAP)
        if not todo or not partners:
            return
        new = []
        for n in todo:
            answer_by = self.now + datetime.timedelta(days=14 - 10 * n)
            past = answer_by <= self.now
            topic = DECISION_TOPICS[n % len(DECISION_TOPICS)]
            new.append(
                JointDecision(
                    forum=self.forum,
                    title=f"[bench {n:03d}] {topic}",
                    proposal=paragraph(
                        "Parterna föreslås besluta gemensamt om detta under "
                        "nästa period."
                    ),
                    answer_by=answer_by,
                    outcome=(
                        (
                            JointDecision.Outcome.NOT_ADOPTED
                            if n % 4 == 3
                            else JointDecision.Outcome.ADOPTED
                        )
                        if past
                        else JointDecision.Outcome.PENDING
                    ),
                    outcome_note="Avgjort efter partnernas svar." if past else "",
                    decided_at=answer_by + datetime.timedelta(days=1) if past else None,
                    created_by=self.convener,
                    created_at=answer_by - datetime.timedelta(days=14),
                )
            )
        JointDecision.objects.bulk_create(new, batch_size=BATCH)
        members = self.members_by_org()
        answers = []
        for decision in JointDecision.objects.filter(
            forum=self.forum, title__in=[d.title for d in new]
        ):
            n = int(decision.title[len("[bench ") :].split("]")[0])
            pending = decision.outcome == JointDecision.Outcome.PENDING
            for k, org in enumerate(partners):
                if pending and k % 2:
                    continue  # not everyone has answered yet
                objects = (n + k) % 5 == 4
                answers.append(
                    DecisionAnswer(
                        decision=decision,
                        organisation_id=org.pk,
                        answer=DecisionAnswer.Answer.OBJECTION
                        if objects
                        else DecisionAnswer.Answer.CONSENT,
                        reason="Vi behöver mer underlag innan vi kan ta ställning."
                        if objects
                        else "",
                        answered_by_id=(members.get(org.pk) or [None])[0],
                        answered_at=decision.answer_by - datetime.timedelta(days=1 + k),
                    )
                )
        DecisionAnswer.objects.bulk_create(
            answers, batch_size=BATCH, ignore_conflicts=True
        )
        self.growth.add("joint decisions", len(new))


def grow(scale):
    """Add what is missing for ``scale``; return a Growth (what was created)."""
    return Grower(scale).grow()
