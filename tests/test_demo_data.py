"""`manage.py seed_demo`, which `make run` calls every time."""

import io
import re
import time
from datetime import timedelta

import pytest
import time_machine
from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation

from core.audit.models import Action, AuditEntry
from core.geography.models import Municipality, SubRegion
from directory.models import Activity, ActivityTranslation, DirectoryPage, TravelRoute
from events.models import (
    RSVP,
    ActionItem,
    AgendaItem,
    AgendaProposal,
    Event,
    EventAttachment,
    Minutes,
    OccurrenceOverride,
)
from forum.access import is_county_admin, level_in
from forum.consultations import not_invited_organisations
from forum.desk import desk_for
from forum.models import (
    Consultation,
    ConsultationDocument,
    ConsultationResponse,
    Coordinator,
    DecisionAnswer,
    DelegatedTask,
    Forum,
    JointDecision,
    Level,
    LevelChange,
    Notification,
    Participation,
    Post,
    PostAttachment,
    PostModeration,
    ResponseAttachment,
    Thread,
    Visibility,
)
from partners.models import Agreement, ContactPerson, Membership, Organisation
from website.demo.audit import DATA as AUDIT_DATA
from website.demo.pages import TRANSLATED_INTO, TRANSLATIONS
from website.demo.partners import CONVENER
from website.demo.second_factor import current_code
from website.home.models import (
    AccessibilityStatementPage,
    ContactSettings,
    GuidancePage,
    HomePage,
)

pytestmark = pytest.mark.django_db


def counts():
    return {
        "users": get_user_model().objects.count(),
        "addresses": EmailAddress.objects.count(),
        "pages": Page.objects.count(),
        "subregions": SubRegion.objects.count(),
        "municipalities": Municipality.objects.count(),
        "organisations": Organisation.objects.count(),
        "contacts": ContactPerson.objects.count(),
        "memberships": Membership.objects.count(),
        "participations": Participation.objects.count(),
        "level_changes": LevelChange.objects.count(),
        "coordinators": Coordinator.objects.count(),
        "activities": Activity.objects.count(),
        "activity_translations": ActivityTranslation.objects.count(),
        "travel_routes": TravelRoute.objects.count(),
        "events": Event.objects.count(),
        "agenda_items": AgendaItem.objects.count(),
        "minutes": Minutes.objects.count(),
        "action_items": ActionItem.objects.count(),
        "rsvps": RSVP.objects.count(),
        "consultations": Consultation.objects.count(),
        "responses": ConsultationResponse.objects.count(),
        "threads": Thread.objects.count(),
        "posts": Post.objects.count(),
        "tasks": DelegatedTask.objects.count(),
        "joint_decisions": JointDecision.objects.count(),
        "documents": get_document_model().objects.count(),
        "event_attachments": EventAttachment.objects.count(),
        "consultation_documents": ConsultationDocument.objects.count(),
        "response_attachments": ResponseAttachment.objects.count(),
        "post_attachments": PostAttachment.objects.count(),
        "page_translations": Translation.objects.count(),
        "translated_strings": StringTranslation.objects.count(),
    }


def test_demo_data_loads_twice_without_duplicates(demo, client):
    first = counts()
    call_command("seed_demo")
    assert counts() == first
    assert first["subregions"] == 5
    assert first["users"] >= 3
    swedish = {"locale__language_code": "sv"}
    assert GuidancePage.objects.live().filter(**swedish).count() >= 4
    assert AccessibilityStatementPage.objects.live().filter(**swedish).count() == 1
    assert first["organisations"] >= 20
    assert first["coordinators"] == 5
    assert first["level_changes"] > first["participations"]  # some were raised


def test_demo_forum_has_all_levels_and_a_login_for_each(demo):
    from website.demo.partners import LEVEL_LOGINS

    forum = Forum.objects.get(slug="tia-skane")
    levels = set(forum.participations.values_list("level", flat=True))
    assert levels == set(Level)
    assert sorted(LEVEL_LOGINS) == [1, 2, 3, 4]
    User = get_user_model()
    for level, email in LEVEL_LOGINS.items():
        user = User.objects.get(email=email)
        assert not user.is_staff, email
        assert level_in(user, forum) == level, email
    outsider = User.objects.get(email="lars.mattsson@ystads-kommun.example")
    assert level_in(outsider, forum) == 0
    # Queues with something in them: an application and a request to join.
    assert forum.applications.pending().get().organisation.slug == "ystads-kommun"
    assert Organisation.objects.get(slug="sensus").memberships.pending().exists()
    assert Organisation.objects.get(slug="sensus").is_admin(
        User.objects.get(email="hassan.ahmadi@sensus.example")
    )
    assert Coordinator.objects.get(subregion__name="Nordvästra Skåne").user.email == (
        "omar.haddad@lansstyrelsen-skane.example"
    )
    assert not Organisation.objects.exclude(organisation_number=None).exists()


def test_demo_site_is_populated_for_a_newcomer(demo, client):
    home = client.get("/")
    text = home.content.decode()
    assert "Tidiga insatser för asylsökande i Skåne" in text
    assert "Om tidiga insatser för asylsökande" in text  # a guidance page in the menu
    assert "tia@lansstyrelsen-skane.example" in text  # the footer's contact route
    contact = ContactSettings.objects.get()
    assert client.get(contact.accessibility_page.url).status_code == 200


def scripts(text):
    """The writing systems of a text's letters: Latin, Arabic, Ethiopic."""
    found = set()
    for char in text:
        if "\u0600" <= char <= "\u06ff":
            found.add("arabic")
        elif "\u1200" <= char <= "\u137f":
            found.add("ethiopic")
        elif char.isalpha() and char.isascii():
            found.add("latin")
    return found


def test_demo_translations_are_written_in_each_languages_script():
    assert TRANSLATED_INTO == ["en", "ar", "fa", "ti"]
    for row in TRANSLATIONS.values():
        # Names such as WCAG, TIA, Digg and the e-mail address stay Latin.
        assert scripts(row["ar"]) >= {"arabic"}, row["sv"]
        assert scripts(row["fa"]) >= {"arabic"}, row["sv"]
        assert scripts(row["ti"]) >= {"ethiopic"}, row["sv"]
        assert scripts(row["en"]) == {"latin"}, row["sv"]
        assert row["en"] != row["sv"]
    # Persian is not Arabic: its own letters (پ, چ, ژ, گ, ی) and joiners.
    persian = " ".join(row["fa"] for row in TRANSLATIONS.values())
    assert any(letter in persian for letter in "پچژگ")


def test_demo_pages_are_translated_in_wagtail_localize(demo, client):
    """The home page and every guidance page in English, Arabic, Persian and
    Tigrinya: translations the admin's translation editor opens, served in
    their language; the other languages show the Swedish page with the note."""
    swedish = Locale.get_default()
    sources = [
        HomePage.objects.get(locale=swedish),
        DirectoryPage.objects.get(locale=swedish),
        *GuidancePage.objects.filter(locale=swedish),
    ]
    assert len(sources) >= 6
    for code in TRANSLATED_INTO:
        locale = Locale.objects.get(language_code=code)
        for source in sources:
            page = source.get_translation(locale)
            assert page.alias_of_id is None, (code, source.slug)
            assert page.live and not page.has_unpublished_changes
            assert page.title == TRANSLATIONS[source.title][code]
            assert page.intro == TRANSLATIONS[source.intro][code]
            translation = Translation.objects.get(
                source__object_id=source.translation_key, target_locale=locale
            )
            total, translated = translation.get_progress()
            assert total == translated > 0, (code, source.slug)
        html = BeautifulSoup(
            client.get(f"/{code}/om-tia/").content.decode(), "html.parser"
        )
        heading = html.find("h1")
        assert (
            heading.get_text()
            == TRANSLATIONS["Om tidiga insatser för asylsökande"][code]
        )
        assert heading.get("lang") is None
        assert html.select_one(".content-language-note") is None
        assert html.html["dir"] == ("rtl" if code in settings.LANGUAGES_BIDI else "ltr")

    untranslated = [c for c, _n in settings.LANGUAGES if c not in TRANSLATED_INTO]
    assert untranslated == ["sv", "prs", "so", "uk"]
    for code in untranslated[1:]:
        page = sources[1].get_translation(Locale.objects.get(language_code=code))
        assert page.alias_of_id == sources[1].pk
        html = BeautifulSoup(
            client.get(f"/{code}/{page.slug}/").content.decode(), "html.parser"
        )
        assert html.find("h1")["lang"] == "sv"
        assert html.select_one(".content-language-note") is not None

    # The coordinator, an editor, opens an Arabic page in the translation editor.
    client.force_login(
        get_user_model().objects.get(email="omar.haddad@lansstyrelsen-skane.example")
    )
    arabic = sources[1].get_translation(Locale.objects.get(language_code="ar"))
    editor = client.get(f"/admin/pages/{arabic.pk}/edit/")
    assert editor.status_code == 200
    assert "header-meta--locales" in editor.content.decode()


DEMO_GUIDANCE = ["varfor-samverkan", "fyra-nivaer", "forvantningar", "reseersattning"]


def test_demo_guidance_is_translated_with_contents_links_and_reviews(demo, client):
    """The four guidance pages on collaboration and travel reimbursement, each
    in English, Arabic, Persian and Tigrinya with its table of contents; one
    is more than a year unreviewed, so its owner, the demo's editor, is
    reminded."""
    from django.core import mail

    swedish = Locale.get_default()
    pages = {
        page.slug: page
        for page in GuidancePage.objects.filter(locale=swedish, slug__in=DEMO_GUIDANCE)
    }
    assert sorted(pages) == sorted(DEMO_GUIDANCE)
    owner = get_user_model().objects.get(
        email="omar.haddad@lansstyrelsen-skane.example"
    )
    for page in pages.values():
        assert page.owner == owner
        assert page.last_reviewed is not None
        assert len(page.table_of_contents()) >= 3
        for code in TRANSLATED_INTO:
            translation = page.get_translation(
                Locale.objects.get(language_code=code)
            ).specific
            assert translation.alias_of_id is None, (code, page.slug)
            assert translation.last_reviewed == page.last_reviewed
            html = BeautifulSoup(
                client.get(translation.url).content.decode(), "html.parser"
            )
            assert html.find("h1").get_text() == TRANSLATIONS[page.title][code]
            toc = [a.get_text() for a in html.select("nav.toc a")]
            assert toc == [
                TRANSLATIONS[text][code] for _anchor, text in page.table_of_contents()
            ]
    travel = client.get(pages["reseersattning"].url).content.decode()
    assert "Checklista för deltagarintyg" in travel
    assert 'href="https://www.migrationsverket.se/"' in travel
    assert "Senast granskad" in travel

    today = timezone.localdate()
    overdue = [
        page for page in pages.values() if page.last_reviewed <= today - timedelta(365)
    ]
    assert len(overdue) == 1
    mail.outbox = []
    out = io.StringIO()
    call_command("send_guidance_reminders", stdout=out, stderr=io.StringIO())
    assert "Guidance review reminders sent: 1." in out.getvalue()
    assert mail.outbox[0].to == [owner.email]


def test_demo_logins_work_with_verified_addresses(demo, client):
    from website.demo.partners import PARTNER_PEOPLE
    from website.demo.people import DEMO_PASSWORD, PEOPLE

    staff = PEOPLE[0][0]
    asked_for_a_code = []
    for email, *_ in PEOPLE + PARTNER_PEOPLE:
        client.logout()
        response = client.post(
            "/accounts/login/",
            {"login": email, "password": DEMO_PASSWORD},
            follow=True,
        )
        if response.redirect_chain[-1][0] == "/accounts/2fa/authenticate/":
            # As a newcomer would: the code `manage.py demo_totp_code` prints.
            asked_for_a_code.append(email)
            response = client.post(
                "/accounts/2fa/authenticate/",
                {"code": current_code(time.time())},
                follow=True,
            )
        assert response.context["user"].is_authenticated, email
        if email == staff:
            assert client.get("/admin/").status_code == 200
    # Staff, the convener and the coordinators hold power: a second factor.
    assert staff in asked_for_a_code
    assert CONVENER in asked_for_a_code
    coordinators = set(
        Coordinator.objects.filter(user__isnull=False).values_list(
            "user__email", flat=True
        )
    )
    assert coordinators and coordinators <= set(asked_for_a_code)
    members = {email for email, *_ in PARTNER_PEOPLE} - coordinators - {CONVENER}
    assert not members & set(asked_for_a_code)


@time_machine.travel(timezone.now(), tick=False)
def test_the_demo_code_command_prints_the_code_of_the_moment():
    out = io.StringIO()
    call_command("demo_totp_code", stdout=out)
    assert out.getvalue().split()[0] == current_code(time.time())


def test_demo_activities_cover_the_county(demo, client):
    today = timezone.localdate()
    skane = Municipality.objects.filter(county__code="12")
    assert skane.count() == 33
    assert not skane.filter(activities=None).exists()
    assert not skane.exclude(activities__status=Activity.Status.PUBLISHED).exists()
    assert set(Activity.objects.values_list("category", flat=True)) == set(
        Activity.Category
    )
    assert Activity.objects.current(today).filter(start_date__lte=today).exists()
    for status in Activity.Status:
        assert Activity.objects.filter(status=status).exists(), status
    ended = Activity.objects.filter(status=Activity.Status.ENDED, end_date__lt=today)
    assert ended.exists()
    assert Activity.objects.filter(target_group=Activity.TargetGroup.WOMEN).exists()
    assert Activity.objects.exclude(exdates=[]).exists()
    # Some want reconfirming, so the reminder has work.
    stale = Activity.objects.current(today).filter(
        last_confirmed__lt=today - timedelta(days=90)
    )
    assert stale.exists()
    # One is near its deadline to confirm, one has left the public list; its
    # organisation's admin sees it in self-service, the public does not.
    assert any(activity.confirmation_due for activity in stale)
    hidden = Activity.objects.unconfirmed(today).select_related("organisation")
    assert hidden.exists()
    gone = hidden.first()
    admin = (
        Membership.objects.active()
        .filter(organisation=gone.organisation, role=Membership.Role.ADMIN)
        .first()
        .user
    )
    directory = DirectoryPage.objects.live().get(locale__language_code="sv").url
    assert client.get(f"{directory}aktivitet/{gone.slug}/").status_code == 404
    client.force_login(admin)
    own = client.get(f"/organisationer/{gone.organisation.slug}/aktiviteter/")
    assert gone.title in own.content.decode()
    assert "Visas inte i katalogen." in own.content.decode()
    client.logout()
    # The public calendar shows the activities' sessions.
    calendar = client.get("/kalender/?visa=lista&typ=aktiviteter")
    assert calendar.context["days"]
    for activity in Activity.objects.select_related("organisation", "municipality"):
        activity.full_clean()  # TIA grants have a reference, sign-ups a link …
        org = activity.organisation
        if org.municipalities.exists():  # organisers work where they are based
            assert org.municipalities.filter(pk=activity.municipality_id).exists()
        else:
            subregion = activity.municipality.subregion_id
            assert org.subregions.filter(pk=subregion).exists()
        contact = activity.contact_person
        assert contact is None or contact.visibility == "public", activity
    in_force = TravelRoute.objects.in_force(today)
    assert in_force.exists()
    assert TravelRoute.objects.exclude(pk__in=in_force).exists()  # some expired

    page = DirectoryPage.objects.live().get(locale__language_code="sv")
    assert page.show_in_menus
    assert "Hitta aktiviteter" in client.get("/").content.decode()  # in the menu
    assert page.url == "/aktiviteter/"
    assert client.get("/aktiviteter/").status_code == 200


# The scripts the translations must be written in.
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF]")
ETHIOPIC_SCRIPT = re.compile(r"[\u1200-\u137F]")
SCRIPTS = {
    "ar": ARABIC_SCRIPT,
    "fa": ARABIC_SCRIPT,
    "prs": ARABIC_SCRIPT,
    "ti": ETHIOPIC_SCRIPT,
    "uk": re.compile(r"[\u0400-\u04FF]"),
    "en": re.compile(r"[A-Za-z]"),
    "so": re.compile(r"[A-Za-z]"),
}


def test_demo_activities_are_translated_and_the_rest_fall_back(demo, client):
    activities = Activity.objects.all()
    translated = (
        activities.filter(translations__language="ar")
        .filter(translations__language="fa")
        .filter(translations__language="ti")
    )
    assert translated.count() * 3 >= activities.count()
    supported = set(
        Activity.support_languages.through.objects.values_list(
            "activity_id", "language__code"
        )
    )
    extra = ActivityTranslation.objects.exclude(language__in=["ar", "fa", "ti"])
    assert set(extra.values_list("language", flat=True)) == {"en", "so", "uk", "prs"}
    for translation in ActivityTranslation.objects.select_related("activity"):
        translation.full_clean()
        activity = translation.activity
        if translation.language not in ("ar", "fa", "ti"):
            assert (activity.pk, translation.language) in supported, translation
        for name in ("title", "summary", "how_to_join", "accessibility_notes"):
            value = getattr(translation, name)
            # Said in the translation exactly when the Swedish says it.
            if name in ("how_to_join", "accessibility_notes"):
                assert bool(value) == bool(getattr(activity, name)), (translation, name)
            if value:
                assert SCRIPTS[translation.language].search(value), (translation, name)
    assert ActivityTranslation.objects.exclude(how_to_join="").exists()
    assert ActivityTranslation.objects.exclude(accessibility_notes="").exists()

    # On the Arabic list: translated cards, and Swedish ones with the note.
    response = client.get("/ar/aktiviteter/")
    shown = [activity.shown for activity in response.context["activities"]]
    assert {text.title.language for text in shown} == {"ar", "sv"}
    assert 'class="content-language-note"' in response.content.decode()
    # A coordinator finds translations to write in the review queue.
    coordinator = Coordinator.objects.filter(user__isnull=False).first().user
    client.force_login(coordinator)
    assert client.get("/granskning/aktiviteter/").context["untranslated"]


def test_demo_calendar_has_meetings_minutes_and_queues(demo):
    today = timezone.localdate()
    now = timezone.now()
    forum = Forum.objects.get(slug="tia-skane")
    events = Event.objects.filter(forum=forum)
    for event in events:
        event.full_clean()
        assert event.uid

    series = events.get(title="Samordnarmöte TIA Skåne")
    assert series.rrule == "FREQ=MONTHLY;BYDAY=2TU"
    assert series.kind == Event.Kind.COORDINATORS_MEETING
    assert series.start < now - timedelta(days=90)
    assert series.exdates
    assert OccurrenceOverride.objects.filter(event=series, cancelled=True).exists()
    assert len(series.occurrence_starts(now, now + timedelta(days=62))) >= 1

    network = events.filter(kind=Event.Kind.NETWORK_MEETING)
    assert network.values("subregion").distinct().count() == 5
    assert network.filter(start__lt=now).exists()
    assert network.filter(start__gt=now).exists()

    public = events.filter(visibility=0)
    assert public.count() >= 12
    assert public.filter(start__lt=now).exists()
    assert public.filter(start__gt=now + timedelta(days=7)).count() >= 6
    assert public.filter(cancelled=True).exclude(cancellation_note="").exists()

    minutes = Minutes.objects.published().get(event__title="Forummöte hösten")
    assert minutes.event.start < now
    assert minutes.items.exclude(decision="").count() >= 5
    assert 6 <= minutes.attending_organisations.count() <= 10
    assert minutes.comments.exists()
    assert minutes.action_items.open().filter(due_date__lt=today).exists()
    assert minutes.action_items.filter(status=ActionItem.Status.DONE).exists()
    owners = minutes.action_items.values("owner").distinct().count()
    assert owners == minutes.action_items.count()
    accepted = AgendaProposal.objects.get(
        event=minutes.event, status=AgendaProposal.Status.ACCEPTED
    )
    assert accepted.agenda_item.event == minutes.event
    assert AgendaProposal.objects.filter(
        event=minutes.event, status=AgendaProposal.Status.DECLINED
    ).exclude(reason="")

    coming = events.filter(kind=Event.Kind.FORUM_MEETING, start__gt=now).get()
    assert coming.agenda.exists()
    pending = coming.agenda_proposals.filter(status=AgendaProposal.Status.PENDING)
    assert pending.count() == 2
    assert pending.filter(proposed_by__email="nadia.karimi@abf-skane.example")
    assert coming.rsvps.filter(answer=RSVP.Answer.GOING).count() >= 3

    full = events.get(title="Traumamedvetet bemötande")
    seated = full.rsvps.filter(answer=RSVP.Answer.GOING, waitlisted=False)
    assert seated.count() == full.capacity
    assert full.rsvps.filter(waitlisted=True).exists()


def test_demo_forum_work_has_consultations_threads_and_partnership(demo):
    now = timezone.now()
    today = timezone.localdate()
    forum = Forum.objects.get(slug="tia-skane")
    samrad_and_up = set(
        forum.participations.filter(level__gte=Level.SAMRAD).values_list(
            "organisation", flat=True
        )
    )

    open_ = Consultation.objects.open(now).get(forum=forum)
    assert open_.slug == "handlingsplan-2027"
    assert not open_.invited.exists() and not open_.responses_visible
    # One organisation joined after it opened: the convener can invite it.
    [late] = not_invited_organisations(open_)
    assert late.participations.get(forum=forum).since > open_.opens_at.date()
    assert late.memberships.filter(status=Membership.Status.ACTIVE).exists()
    assert open_.questions.count() == 3
    assert "<li>" in open_.proposal
    assert open_.responses.count() == 3
    closed = Consultation.objects.get(forum=forum, slug="statsbidrag-hosten-2026")
    assert closed.is_closed and closed.responses_visible
    assert closed.feedback and closed.feedback_published_at < now
    assert closed.feedback_items.count() == closed.questions.count() == 2
    assert closed.responses.count() == 5
    for consultation in (open_, closed):
        for response in consultation.responses.all():
            assert response.organisation_id in samrad_and_up
            assert response.answers.count() == consultation.questions.count()
            assert response.version >= 1
            assert response.versions.count() == response.version
            assert response.submitted_at < consultation.deadline

    threads = Thread.objects.filter(forum=forum)
    assert threads.count() == 2
    assert not threads.filter(visibility__lt=Level.DIALOG).exists()
    women = threads.get(title="Hur når vi fler kvinnor i aktiviteterna?")
    assert 4 <= women.posts.count() <= 5
    hidden = women.posts.get(hidden=True)
    assert hidden.hidden_reason
    assert PostModeration.objects.get(post=hidden).moderator.email == (
        "anna.lindqvist@lansstyrelsen-skane.example"
    )
    dialog_and_up = set(
        forum.participations.filter(level__gte=Level.DIALOG).values_list(
            "organisation", flat=True
        )
    )
    for post in Post.objects.filter(thread__forum=forum):
        assert post.organisation_id in dialog_and_up, post
    assert threads.get(title__startswith="Samåkning").posts.count() == 3
    assert women.follows.exists()

    partners = set(
        forum.participations.filter(level=Level.PARTNERSKAP).values_list(
            "organisation", flat=True
        )
    )
    tasks = DelegatedTask.objects.filter(forum=forum)
    assert 3 <= tasks.count() <= 6
    assert set(tasks.values_list("assigned_to", flat=True)) <= partners
    assert tasks.exclude(status="done").filter(due_date__lt=today).exists()
    assert tasks.filter(status="done").exclude(report="").exists()

    decided = JointDecision.objects.get(forum=forum, outcome="adopted")
    assert decided.outcome_note and decided.decided_at
    assert set(decided.answers.values_list("organisation", flat=True)) == partners
    objection = decided.answers.get(answer=DecisionAnswer.Answer.OBJECTION)
    assert objection.reason
    open_decision = JointDecision.objects.get(forum=forum, outcome="pending")
    assert open_decision.is_open
    assert open_decision.answers.count() == 2
    # The agreements are in force whenever the demo is seeded, not one year only.
    agreements = Agreement.objects.filter(forum=forum)
    assert agreements.count() == 2
    assert all(a.valid_from <= today <= a.valid_until for a in agreements)


def test_demo_has_papers_and_attachments_behind_the_access_rule(demo, client, settings):
    from website.demo.documents import pdf_bytes
    from website.demo.partners import LEVEL_LOGINS

    pdf = pdf_bytes(["Rad ett", "Åsa (och) Örjan"])
    assert pdf.startswith(b"%PDF-1.4") and pdf.endswith(b"%%EOF\n")
    # The cross-reference table is where the trailer says it is.
    offset = int(pdf.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    assert pdf[offset:].startswith(b"xref")

    meeting = EventAttachment.objects.get().event
    assert meeting.title == "Forummöte om länets plan för tidiga insatser"
    paper = EventAttachment.objects.get().document
    response = client.get(paper.url)
    assert response.status_code == 302  # visitors are asked to sign in
    client.force_login(get_user_model().objects.get(email=LEVEL_LOGINS[Level.SAMRAD]))
    response = client.get(paper.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")

    consultation = ConsultationDocument.objects.get().consultation
    assert consultation.slug == "handlingsplan-2027"
    attachment = ResponseAttachment.objects.get()
    assert attachment.response.organisation.slug == "vuxenskolan"
    assert attachment.name.endswith(".pdf")
    stored = settings.PRIVATE_MEDIA_ROOT / attachment.file.name
    assert stored.read_bytes().startswith(b"%PDF")
    latest = attachment.response.versions.order_by("-version").first()
    assert latest.snapshot["attachments"] == [attachment.name]

    post = PostAttachment.objects.get().post
    assert post.author.email == "elin.sjoberg@malmo-stad.example"
    assert not post.hidden


def test_demo_roles_county_administrator_editor_and_superuser(demo, client):
    """The convener is a county administrator through the group, not a
    superuser; the coordinator is an editor who reviews in their sub-region only."""
    from website.demo.people import PEOPLE

    User = get_user_model()
    anna, omar, _member, per = (User.objects.get(email=p[0]) for p in PEOPLE)
    assert is_county_admin(anna)
    assert not anna.is_superuser
    assert anna.groups.filter(name="Länsadministratörer").exists()
    assert omar.is_staff and omar.has_perm("wagtailadmin.access_admin")
    assert not is_county_admin(omar)
    assert per.is_superuser and is_county_admin(per)

    client.force_login(omar)
    queue = client.get("/granskning/aktiviteter/")
    assert queue.status_code == 200
    subregions = {a.municipality.subregion.name for a in queue.context["activities"]}
    assert subregions <= {"Nordvästra Skåne"}
    # He is a member of Länsstyrelsen (Partnerskap), but no convener.
    assert client.get("/forum/tia-skane/partnerskap/").status_code == 200
    assert client.get("/forum/tia-skane/ansokningar/").status_code == 403
    assert client.get("/forum/tia-skane/partner/export.csv").status_code == 403
    assert client.get("/admin/snippets/forum/participation/").status_code == 302


def test_every_demo_login_in_the_forum_has_something_in_every_desk_section(demo):
    logins = demo.split("Demo logins", 1)[1].split("\n\n", 1)[0]
    emails = [line.split()[0] for line in logins.splitlines()[1:] if "@" in line]
    forum = Forum.objects.get(slug="tia-skane")
    users = get_user_model().objects.filter(email__in=emails)
    members = [user for user in users if level_in(user, forum)]
    # Everyone but the applicant from Ystad takes part in the forum.
    assert len(members) == len(emails) - 1
    for user in members:
        desk = desk_for(user, forum)
        sections = desk.sections + desk.convener_sections
        assert len(sections) >= 2, user.email
        empty = [section.key for section in sections if not section.items]
        assert not empty, (user.email, empty)
    conveners = [user for user in members if desk_for(user, forum).convener]
    assert len(conveners) >= 1


def test_every_demo_notification_links_to_a_page_its_reader_sees(demo, client):
    notifications = Notification.objects.select_related("user")
    assert notifications.count() >= 5
    for notification in notifications:
        assert notification.local_url, notification
        client.force_login(notification.user)
        response = client.get(notification.local_url)
        assert response.status_code == 200, (notification.user, notification)


def test_demo_audit_log_shows_sign_ins_a_level_change_and_minutes(demo, client):
    call_command("seed_demo")
    demo = AuditEntry.objects.filter(
        ip_address__in=[row["ip"] for row in AUDIT_DATA["sign_ins"]]
    )
    assert demo.filter(action=Action.SIGNED_IN).count() == len(AUDIT_DATA["sign_ins"])
    assert demo.filter(action=Action.SIGN_IN_FAILED).count() == 1
    convener = AuditEntry.objects.filter(actor__email=CONVENER)
    assert convener.filter(action=Action.LEVEL_RAISED).exclude(ip_address=None)
    assert convener.filter(action=Action.MINUTES_PUBLISHED).exists()
    client.force_login(get_user_model().objects.get(email=CONVENER))
    listing = client.get("/admin/audit/")
    assert listing.status_code == 200
    assert "Protokoll publicerat" in listing.content.decode()


def test_demo_knowledge_covers_the_subregions_with_one_page_for_dialog(demo, client):
    from knowledge.models import (
        ArticlePage,
        KnowledgeIndexPage,
        MeetingNotesPage,
        NeedsAnalysisPage,
    )

    swedish = {"locale__language_code": "sv"}
    analyses = NeedsAnalysisPage.objects.filter(**swedish, visibility=Visibility.PUBLIC)
    assert {page.subregion.name for page in analyses} == set(
        SubRegion.objects.filter(county__code="12").values_list("name", flat=True)
    )
    assert all(page.recommendations.exists() for page in analyses)
    assert ArticlePage.objects.filter(**swedish).count() == 6
    notes = MeetingNotesPage.objects.filter(**swedish)
    assert notes.count() == 2
    assert all(note.meeting and note.meeting.start < timezone.now() for note in notes)
    mapping = NeedsAnalysisPage.objects.get(**swedish, visibility=Visibility.DIALOG)
    # Reached from the home page's menu, and from the forum's desk by members.
    index = KnowledgeIndexPage.objects.get(**swedish, forum__isnull=True)
    assert f'href="{index.url}"' in client.get("/").content.decode()
    assert client.get(mapping.url).status_code == 302
    forum = Forum.objects.get(slug="tia-skane")
    dialog = next(
        user
        for user in get_user_model().objects.filter(memberships__status="active")
        if level_in(user, forum) == Level.DIALOG
    )
    client.force_login(dialog)
    desk = client.get("/forum/tia-skane/").content.decode()
    assert mapping.title in desk
    assert client.get(mapping.url).status_code == 200
    # A member who chose to hear of new knowledge in her forums.
    from knowledge.models import KnowledgeSubscription

    assert KnowledgeSubscription.objects.filter(
        user__email="karin.berg@sensus.example", scope="forums"
    ).exists()


def test_demo_articles_show_charts_of_the_demo_figures_to_a_visitor(demo, client):
    from knowledge.models import ArticlePage

    article = ArticlePage.objects.get(
        title="Att nå asylsökande i eget boende", locale__language_code="sv"
    )
    html = client.get(article.url).content.decode()
    # Skåne's summary is public in the demo; its figures are fictional.
    assert "<svg" in html
    assert "fiktiva siffror" in html
    assert "Eget boende" in html
