"""Demo calendar: the forum's meetings, public events, agendas, minutes and RSVPs.

Dates are relative to today, times are Stockholm wall-clock time. Events are
matched on title and forum, and everything that hangs on an event (agenda,
proposals, minutes, RSVPs, overrides) is only made together with a new event,
so running the seed again creates nothing. The people are the fictional demo
logins; the text is ours, not the organisations'.
"""

import datetime
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db.models import Count
from django.utils import timezone
from django.utils.text import slugify

from core.geography.models import SubRegion
from events.models import (
    RSVP,
    ActionItem,
    AgendaItem,
    AgendaProposal,
    Event,
    Minutes,
    MinutesComment,
    MinutesItem,
    OccurrenceOverride,
)
from forum.models import Forum, Visibility
from partners.models import ContactPerson, Organisation
from website.demo.partners import CONVENER, COORDINATOR, FORUM, LEVEL_LOGINS

STOCKHOLM = ZoneInfo("Europe/Stockholm")
KIND = Event.Kind
PUBLIC, INFORMATION, SAMRAD, DIALOG = (
    Visibility.PUBLIC,
    Visibility.INFORMATION,
    Visibility.SAMRAD,
    Visibility.DIALOG,
)
ONLINE = "https://example.org/mote/"

NADIA = LEVEL_LOGINS[DIALOG]  # nadia.karimi@abf-skane.example
ELIN = LEVEL_LOGINS[Visibility.PARTNERSKAP]  # elin.sjoberg@malmo-stad.example
AMINA = LEVEL_LOGINS[SAMRAD]  # amina.warsame@vuxenskolan.example
SARA = LEVEL_LOGINS[INFORMATION]  # sara.holm@rodakorset.example
HASSAN = "hassan.ahmadi@sensus.example"
KARIN = "karin.berg@sensus.example"
LARS = "lars.mattsson@ystads-kommun.example"

SERIES = {
    "title": "Samordnarmöte TIA Skåne",
    "kind": KIND.COORDINATORS_MEETING,
    "visibility": DIALOG,
    "rrule": "FREQ=MONTHLY;BYDAY=2TU",
    "online_url": ONLINE + "samordnare",
    "organiser": "lansstyrelsen-skane",
    "description": (
        "<p>Månadens avstämning mellan Länsstyrelsen och de delregionala "
        "samordnarna: läget i varje delregion, nya aktiviteter, frågor om "
        "statsbidraget och vad som ska lyftas i forumet.</p>"
    ),
}

# (sub-region, days from today, venue, organiser)
NETWORK_MEETINGS = [
    ("Malmö", -38, "Stadshuset, Malmö", "malmo-stad"),
    ("Mellersta Skåne", -11, "Stadshallen, Lund", "lunds-kommun"),
    ("Nordvästra Skåne", 9, "Dunkers kulturhus, Helsingborg", "lansstyrelsen-skane"),
    ("Nordöstra Skåne", 22, "Rådhus Skåne, Kristianstad", "kristianstads-kommun"),
    ("Södra Skåne", 36, "Stadshuset, Trelleborg", "trelleborgs-kommun"),
]

# Public events: (days from today, hour, minute, hours long, kind, title,
# organiser, sub-region or None, venue, online, capacity, text, cancellation)
PUBLIC_EVENTS = [
    (
        -33,
        13,
        0,
        2,
        KIND.INFORMATION_MEETING,
        "Introduktion för nya aktörer i TIA",
        "lansstyrelsen-skane",
        None,
        "",
        True,
        None,
        "Vad tidiga insatser för asylsökande är, vem som gör vad i länet och hur "
        "er organisation kan bidra. För er som är nya i arbetet.",
        "",
    ),
    (
        -19,
        17,
        30,
        2,
        KIND.INFORMATION_MEETING,
        "Öppet informationsmöte om TIA i Malmö",
        "malmo-stad",
        "Malmö",
        "Stadsbiblioteket, Malmö",
        False,
        None,
        "Kom och hör vilka aktiviteter som finns för asylsökande i Malmö och hur "
        "föreningar kan vara med. Fika från 17.00.",
        "",
    ),
    (
        -6,
        10,
        0,
        2,
        KIND.SITE_VISIT,
        "Verksamhetsbesök: idrott för asylsökande i Trelleborg",
        "rf-sisu-skane",
        "Södra Skåne",
        "Idrottshallen, Trelleborg",
        False,
        None,
        "Vi besöker en öppen träningsgrupp och pratar med ledarna om hur de "
        "når deltagare på anläggningsboendet.",
        "",
    ),
    (
        4,
        9,
        30,
        1.5,
        KIND.INFORMATION_MEETING,
        "Vad är TIA? Webbinarium för kommuner och föreningar",
        "lansstyrelsen-skane",
        None,
        "",
        True,
        None,
        "En kort genomgång av tidiga insatser för asylsökande: målgruppen, "
        "aktiviteterna och hur samverkan i Skåne är organiserad.",
        "",
    ),
    (
        11,
        13,
        0,
        2,
        KIND.INFORMATION_MEETING,
        "Informationsmöte om utlysningen av statsbidrag för tidiga insatser",
        "lansstyrelsen-skane",
        None,
        "",
        True,
        None,
        "Länsstyrelsen presenterar årets utlysning: vilka insatser som kan få "
        "bidrag, vad ansökan ska innehålla och när den ska vara inne. Tid för "
        "frågor finns.",
        "",
    ),
    (
        15,
        14,
        0,
        2,
        KIND.SITE_VISIT,
        "Verksamhetsbesök: språkcafé i Lund",
        "svenska-kyrkan-lund",
        "Mellersta Skåne",
        "Församlingshemmet, Lund",
        False,
        None,
        "Följ med till ett språkcafé där volontärer och asylsökande samtalar på "
        "svenska varje vecka. Vi berättar hur caféet startade och vad som "
        "fungerar.",
        "",
    ),
    (
        18,
        9,
        0,
        3,
        KIND.TRAINING,
        "Så söker ni statsbidrag",
        "lansstyrelsen-skane",
        "Malmö",
        "Länsstyrelsen Skåne, Malmö",
        False,
        30,
        "Praktisk utbildning i att skriva en ansökan: mål, budget, målgrupp och "
        "uppföljning. Ta gärna med en idé ni vill söka för.",
        "",
    ),
    (
        25,
        9,
        0,
        6,
        KIND.TRAINING,
        "Traumamedvetet bemötande",
        "region-skane",
        "Mellersta Skåne",
        "Region Skånes lokaler, Lund",
        False,
        6,
        "En dag om hur stress och trauma kan påverka asylsökande och hur ledare "
        "och volontärer kan möta deltagarna tryggt. Öppen för alla som arbetar "
        "med tidiga insatser.",
        "",
    ),
    (
        29,
        13,
        0,
        3,
        KIND.TRAINING,
        "Barnrättsperspektiv i tidiga insatser",
        "raddabarnen",
        "Malmö",
        "Folkets hus, Malmö",
        False,
        40,
        "Hur barnkonventionen kan omsättas i aktiviteter där barn och familjer deltar.",
        "Inställd på grund av sjukdom. Utbildningen kommer tillbaka i vår.",
    ),
    (
        33,
        10,
        0,
        2.5,
        KIND.SITE_VISIT,
        "Verksamhetsbesök: mötesplats i Kristianstad",
        "kristianstads-kommun",
        "Nordöstra Skåne",
        "Mötesplatsen, Kristianstad",
        False,
        None,
        "Kommunen och studieförbunden visar sin gemensamma mötesplats med "
        "svenska, läxhjälp och samhällsinformation.",
        "",
    ),
    (
        39,
        17,
        0,
        2,
        KIND.INFORMATION_MEETING,
        "Informationsmöte i Helsingborg: TIA för föreningar",
        "helsingborgs-stad",
        "Nordvästra Skåne",
        "Stadsbiblioteket, Helsingborg",
        False,
        None,
        "För föreningar i nordvästra Skåne som vill starta en aktivitet för "
        "asylsökande: stöd, bidrag och samarbetspartner.",
        "",
    ),
    (
        46,
        13,
        0,
        3,
        KIND.TRAINING,
        "Att leda språkcafé",
        "sensus",
        "Malmö",
        "Sensus, Malmö",
        False,
        20,
        "Utbildning för nya ledare: upplägg, samtalsämnen och hur man gör alla "
        "delaktiga oavsett hur mycket svenska de kan.",
        "",
    ),
    (
        53,
        9,
        30,
        3,
        KIND.TRAINING,
        "Hälsa och stress hos asylsökande",
        "region-skane",
        None,
        "",
        True,
        None,
        "Region Skånes hälsokommunikatörer berättar om vanliga hälsofrågor under "
        "väntetiden och vart deltagare kan vända sig.",
        "",
    ),
    (
        60,
        10,
        0,
        4,
        KIND.SITE_VISIT,
        "Verksamhetsbesök: Glimåkra folkhögskola",
        "glimakra-folkhogskola",
        "Nordöstra Skåne",
        "Glimåkra folkhögskola",
        False,
        None,
        "Besök på folkhögskolans korta kurser i svenska och samhällskunskap för "
        "asylsökande.",
        "",
    ),
    (
        67,
        13,
        0,
        1.5,
        KIND.INFORMATION_MEETING,
        "Så redovisar ni statsbidraget",
        "lansstyrelsen-skane",
        None,
        "",
        True,
        None,
        "Genomgång av redovisningen: vad som ska rapporteras, när, och vanliga "
        "frågor från förra året.",
        "",
    ),
]

PAST_FORUM_MEETING = "Forummöte hösten"
NEXT_FORUM_MEETING = "Forummöte om länets plan för tidiga insatser"

# (title, presenter, hh, mm, minutes)
PAST_AGENDA = [
    ("Välkomna och dagens upplägg", "Anna Lindqvist, Länsstyrelsen Skåne", 9, 30, 10),
    ("Läget i delregionerna", "De delregionala samordnarna", 9, 40, 35),
    ("Utfall av årets statsbidrag", "Ahmad Rahimi, Länsstyrelsen Skåne", 10, 15, 25),
    ("Språkstöd i studieförbunden", "Zeynep Demir, ABF Skåne", 10, 40, 20),
    ("Hälsoinformation på flera språk", "Sofia Mårtensson, Region Skåne", 11, 15, 25),
    ("Övriga frågor och nästa möte", "Anna Lindqvist, Länsstyrelsen Skåne", 11, 40, 20),
]
PAST_ACCEPTED = 3  # the agenda item that came from a member's proposal

NEXT_AGENDA = [
    ("Välkomna", "Anna Lindqvist, Länsstyrelsen Skåne", 9, 30, 10),
    ("Utkast till länets plan för tidiga insatser", "Maria Lundgren", 9, 40, 45),
    ("Samråd i grupper", "", 10, 40, 40),
    ("Uppföljning av åtgärderna från förra mötet", "Omar Haddad", 11, 20, 25),
    ("Övriga frågor", "", 11, 45, 15),
]

# (number, title, notes, decision)
MINUTES_ITEMS = [
    (
        1,
        "Mötets öppnande",
        "Anna Lindqvist hälsade välkommen. Dagordningen godkändes.",
        "Dagordningen fastställs.",
    ),
    (
        2,
        "Läget i delregionerna",
        "Samordnarna rapporterade. Fler aktiviteter i Malmö och Mellersta Skåne; "
        "i södra Skåne saknas aktiviteter nära det nya anläggningsboendet.",
        "Forumet ber samordnaren i Södra Skåne att kartlägga behovet.",
    ),
    (
        3,
        "Utfall av årets statsbidrag",
        "Länsstyrelsen redovisade beviljade ansökningar per delregion. Flera "
        "föreningar har inte sökt tidigare.",
        "Forumet noterar redovisningen. En ansökningsutbildning ordnas före "
        "nästa utlysning.",
    ),
    (
        4,
        "Språkstöd i studieförbunden",
        "ABF Skåne beskrev hur cirkelledare med flera språk kan delas mellan "
        "studieförbunden.",
        "Studieförbunden tar fram ett gemensamt förslag till nästa forummöte.",
    ),
    (
        5,
        "Hälsoinformation på flera språk",
        "Region Skåne visade nytt material om hälsa under väntetiden.",
        "Materialet sprids via forumets medlemmar och läggs i dokumentarkivet.",
    ),
    (
        6,
        "Övriga frågor och nästa möte",
        "Röda Korset efterfrågade en gemensam volontärutbildning.",
        "Nästa forummöte hålls om cirka två månader; kallelse skickas ut.",
    ),
]

# (minutes item number, description, owner, days from today, status)
ACTION_ITEMS = [
    (
        2,
        "Kartlägga behovet av aktiviteter nära anläggningsboendet i södra Skåne",
        "trelleborgs-kommun",
        -5,
        ActionItem.Status.OPEN,
    ),
    (
        3,
        "Planera en utbildning i att söka statsbidrag",
        "lansstyrelsen-skane",
        -9,
        ActionItem.Status.DONE,
    ),
    (
        4,
        "Ta fram förslag om gemensamma cirkelledare med flera språk",
        "abf-skane",
        -2,
        ActionItem.Status.IN_PROGRESS,
    ),
    (
        5,
        "Sprida hälsomaterialet till alla medlemsorganisationer",
        "region-skane",
        14,
        ActionItem.Status.IN_PROGRESS,
    ),
    (
        6,
        "Undersöka intresset för en gemensam volontärutbildning",
        "rodakorset",
        35,
        ActionItem.Status.OPEN,
    ),
]

ATTENDING_ORGANISATIONS = [
    "lansstyrelsen-skane",
    "migrationsverket",
    "region-skane",
    "malmo-stad",
    "lunds-kommun",
    "kristianstads-kommun",
    "trelleborgs-kommun",
    "abf-skane",
    "sensus",
]
ATTENDING_PEOPLE = [CONVENER, COORDINATOR, NADIA, ELIN, AMINA, HASSAN]


def local(day, hour=0, minute=0):
    return datetime.datetime(
        day.year, day.month, day.day, hour, minute, tzinfo=STOCKHOLM
    )


def weekday(day):
    """The day itself, or the Friday before when it falls on a weekend."""
    return day - datetime.timedelta(days=max(0, day.weekday() - 4))


def second_tuesday(year, month):
    first = datetime.date(year, month, 1)
    return first + datetime.timedelta(days=(1 - first.weekday()) % 7 + 7)


def create_events():
    """Create the demo calendar; return the number of events created."""
    today = timezone.localdate()
    forum = Forum.objects.get(slug=FORUM["slug"])
    users = {u.email: u for u in get_user_model().objects.all()}
    orgs = {org.slug: org for org in Organisation.objects.all()}
    created = 0
    created += create_series(forum, orgs, today)
    created += create_network_meetings(forum, orgs, today)
    created += create_public_events(forum, orgs, today, users)
    created += create_past_forum_meeting(forum, orgs, today, users)
    created += create_next_forum_meeting(forum, orgs, today, users)
    return created


def public_contact(org):
    return (
        ContactPerson.objects.filter(
            organisation=org, visibility=ContactPerson.Visibility.PUBLIC
        )
        .order_by("pk")
        .first()
    )


def make_event(forum, title, **fields):
    """The event with this title in the forum, or a new one checked and saved.

    Returns (event, created)."""
    existing = Event.objects.filter(forum=forum, title=title).first()
    if existing:
        return existing, False
    organiser = fields.get("organiser")
    if organiser and "contact" not in fields:
        fields["contact"] = public_contact(organiser)
    event = Event(forum=forum, title=title, **fields)
    event.full_clean()
    event.save()
    return event, True


def create_series(forum, orgs, today):
    back = today - _days(120)  # the series started some four months ago
    start = local(second_tuesday(back.year, back.month), 13, 0)
    fields = {
        **{k: v for k, v in SERIES.items() if k != "title"},
        "organiser": orgs[SERIES["organiser"]],
        "start": start,
        "end": start + datetime.timedelta(hours=2, minutes=30),
    }
    probe = Event(forum=forum, **fields)
    occurrences = probe.occurrence_starts(window_end=local(today, 23, 59) + _days(95))
    past = [o for o in occurrences if o.date() < today]
    coming = [o for o in occurrences if o.date() >= today]
    # One past meeting did not happen (the convener took it off the series) …
    fields["exdates"] = [past[1].date().isoformat()]
    event, created = make_event(forum, SERIES["title"], **fields)
    if created:
        # … and one coming meeting is cancelled, the rest of the series kept.
        OccurrenceOverride.objects.create(
            event=event,
            original_start=coming[1],
            cancelled=True,
            note="Inställt. Frågorna tas i stället upp på nästa samordnarmöte.",
        )
    return int(created)


def _days(n):
    return datetime.timedelta(days=n)


def create_network_meetings(forum, orgs, today):
    created = 0
    for region, days, venue, organiser in NETWORK_MEETINGS:
        subregion = SubRegion.objects.get(county__code="12", name=region)
        start = local(today + _days(days), 9, 30)
        _event, new = make_event(
            forum,
            f"Nätverksmöte {region}",
            kind=KIND.NETWORK_MEETING,
            visibility=INFORMATION,
            subregion=subregion,
            venue=venue,
            organiser=orgs[organiser],
            start=start,
            end=start + datetime.timedelta(hours=2, minutes=30),
            description=(
                f"<p>Nätverksmöte för alla som arbetar med tidiga insatser i "
                f"{region}: nya aktiviteter, behov som inte möts och "
                f"samarbeten över organisationsgränserna.</p>"
            ),
        )
        created += new
    return created


def create_public_events(forum, orgs, today, users):
    created = 0
    for spec in PUBLIC_EVENTS:
        (days, hour, minute, hours, kind, title, organiser, region, venue, online) = (
            spec[:10]
        )
        capacity, text, cancellation = spec[10:]
        start = local(today + _days(days), hour, minute)
        event, new = make_event(
            forum,
            title,
            kind=kind,
            visibility=PUBLIC,
            subregion=(
                SubRegion.objects.get(county__code="12", name=region)
                if region
                else None
            ),
            venue=venue,
            online_url=ONLINE + slugify(title)[:60] if online else "",
            organiser=orgs[organiser],
            start=start,
            end=start + datetime.timedelta(hours=hours),
            capacity=capacity,
            description=f"<p>{text}</p>",
            cancelled=bool(cancellation),
            cancellation_note=cancellation,
        )
        created += new
        if new and title == "Traumamedvetet bemötande":
            fill_with_waiting_list(event, users)
    return created


def fill_with_waiting_list(event, users):
    """The training is full: as many going as places, then a waiting list."""
    going = [KARIN, HASSAN, NADIA, ELIN, AMINA, SARA]
    waiting = [LARS, COORDINATOR]
    answered = timezone.now() - _days(10)
    for n, email in enumerate(going + waiting):
        user = users[email]
        RSVP.objects.create(
            event=event,
            occurrence_start=event.start,
            user=user,
            organisation=first_organisation(user),
            answer=RSVP.Answer.GOING,
            waitlisted=email in waiting,
            answered_at=answered + datetime.timedelta(hours=5 * n),
        )


def first_organisation(user):
    membership = user.memberships.filter(status="active").first()
    return membership.organisation if membership else None


def add_agenda(event, agenda, proposals=None):
    proposals = proposals or {}
    for position, (title, presenter, hour, minute, minutes) in enumerate(agenda, 1):
        AgendaItem.objects.create(
            event=event,
            position=position,
            title=title,
            presenter=presenter,
            starts_at=datetime.time(hour, minute),
            duration_minutes=minutes,
            proposal=proposals.get(position),
        )


def create_past_forum_meeting(forum, orgs, today, users):
    start = local(weekday(today - _days(23)), 9, 30)
    event, created = make_event(
        forum,
        PAST_FORUM_MEETING,
        kind=KIND.FORUM_MEETING,
        visibility=SAMRAD,
        venue="Länsstyrelsen Skåne, Malmö",
        online_url=ONLINE + "forum",
        organiser=orgs["lansstyrelsen-skane"],
        start=start,
        end=start + datetime.timedelta(hours=2, minutes=30),
        description=(
            "<p>Forumets möte under hösten: läget i länet, statsbidraget och "
            "frågor som medlemmarna har anmält.</p>"
        ),
    )
    if not created:
        return 0
    convener = users[CONVENER]
    decided = start - _days(10)
    accepted = AgendaProposal.objects.create(
        event=event,
        title="Språkstöd i studieförbunden",
        description=(
            "Vi vill berätta hur cirkelledare med flera språk kan delas mellan "
            "studieförbunden och höra om fler vill vara med."
        ),
        proposed_by=users[NADIA],
        organisation=orgs["abf-skane"],
        status=AgendaProposal.Status.ACCEPTED,
        decided_by=convener,
        decided_at=decided,
    )
    declined = AgendaProposal.objects.create(
        event=event,
        title="Gemensam lokalbokning för studieförbunden",
        description="Ett förslag om att boka lokaler gemensamt i Malmö.",
        proposed_by=users[HASSAN],
        organisation=orgs["sensus"],
        status=AgendaProposal.Status.DECLINED,
        reason=(
            "Frågan rör bara studieförbunden i Malmö och passar bättre på "
            "nätverksmötet i Malmö. Vi tar upp den där."
        ),
        decided_by=convener,
        decided_at=decided,
    )
    AgendaProposal.objects.filter(pk__in=[accepted.pk, declined.pk]).update(
        created_at=start - _days(20)
    )
    add_agenda(event, PAST_AGENDA, {PAST_ACCEPTED + 1: accepted})

    minutes = Minutes.objects.create(
        event=event,
        status=Minutes.Status.PUBLISHED,
        summary=(
            "<p>Forumet gick igenom läget i delregionerna och årets statsbidrag, "
            "och fördelade fem åtgärder till nästa möte.</p>"
        ),
        approved_by=convener,
        approved_at=start + _days(7),
        published_at=start + _days(8),
    )
    minutes.attending_organisations.set([orgs[s] for s in ATTENDING_ORGANISATIONS])
    minutes.attending_people.set([users[e] for e in ATTENDING_PEOPLE])
    items = {}
    for number, title, notes, decision in MINUTES_ITEMS:
        items[number] = MinutesItem.objects.create(
            minutes=minutes, number=number, title=title, notes=notes, decision=decision
        )
    for number, description, owner, days, status in ACTION_ITEMS:
        ActionItem.objects.create(
            minutes=minutes,
            item=items[number],
            description=description,
            owner=orgs[owner],
            due_date=today + _days(days),
            status=status,
        )
    comment = MinutesComment.objects.create(
        minutes=minutes,
        author=users[ELIN],
        body=(
            "Under § 2 bör det stå att Malmö stad också vill vara med i "
            "kartläggningen i södra Skåne, eftersom många flyttar mellan "
            "boendena."
        ),
    )
    MinutesComment.objects.filter(pk=comment.pk).update(created_at=start + _days(3))
    return 1


def create_next_forum_meeting(forum, orgs, today, users):
    start = local(weekday(today + _days(24)), 9, 30)
    event, created = make_event(
        forum,
        NEXT_FORUM_MEETING,
        kind=KIND.FORUM_MEETING,
        visibility=SAMRAD,
        venue="Länsstyrelsen Skåne, Malmö",
        online_url=ONLINE + "forum",
        organiser=orgs["lansstyrelsen-skane"],
        start=start,
        end=start + datetime.timedelta(hours=2, minutes=30),
        description=(
            "<p>Samråd om utkastet till länets plan för tidiga insatser, och "
            "uppföljning av åtgärderna från förra mötet.</p>"
        ),
    )
    if not created:
        return 0
    add_agenda(event, NEXT_AGENDA)
    AgendaProposal.objects.create(
        event=event,
        title="Verksamhetsbesök som en del av forummötena",
        description=(
            "Vi föreslår att varannat forummöte hålls hos en medlem, med ett "
            "kort besök i verksamheten."
        ),
        proposed_by=users[NADIA],
        organisation=orgs["abf-skane"],
    )
    AgendaProposal.objects.create(
        event=event,
        title="Aktiviteter på fler språk i nordöstra Skåne",
        description="Hur kan vi tillsammans nå deltagare som talar tigrinja?",
        proposed_by=users[HASSAN],
        organisation=orgs["sensus"],
    )
    for email in [CONVENER, COORDINATOR, ELIN, NADIA, AMINA]:
        user = users[email]
        RSVP.objects.create(
            event=event,
            occurrence_start=event.start,
            user=user,
            organisation=first_organisation(user),
            answer=RSVP.Answer.GOING,
        )
    return 1


def event_summary():
    """One line: the calendar's events, minutes and open queues."""
    kinds = dict(
        Event.objects.order_by()
        .values("kind")
        .annotate(n=Count("pk"))
        .values_list("kind", "n")
    )
    return (
        f"Kalender: {Event.objects.count()} händelser "
        f"({Event.objects.exclude(rrule='').count()} återkommande, "
        f"{Event.objects.filter(visibility=PUBLIC).count()} offentliga, "
        f"{kinds.get(KIND.NETWORK_MEETING, 0)} nätverksmöten); "
        f"{Minutes.objects.published().count()} publicerade protokoll, "
        f"{ActionItem.objects.open().count()} öppna åtgärder, "
        f"{AgendaProposal.objects.filter(status='pending').count()} förslag "
        f"väntar på beslut, {RSVP.objects.count()} anmälningar"
    )
