"""Consultations: proposal, one response per organisation, reminders, feedback."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from forum.consultations import invited_organisations
from forum.models import (
    Consultation,
    ConsultationQuestion,
    ConsultationResponse,
    FeedbackItem,
    Level,
    ResponseVersion,
)
from tests.factories import (
    OrganisationFactory,
    ParticipationFactory,
)

pytestmark = pytest.mark.django_db

NOW = timezone.now


def make_consultation(forum, *, closed=False, questions=2, **fields):
    now = NOW()
    if closed:
        opens, deadline = (
            now - datetime.timedelta(days=30),
            now - datetime.timedelta(hours=1),
        )
    else:
        opens, deadline = (
            now - datetime.timedelta(days=1),
            now + datetime.timedelta(days=14),
        )
    consultation = Consultation.objects.create(
        forum=forum,
        title=fields.pop("title", "Handlingsplan 2031"),
        slug=fields.pop("slug", f"samrad-{Consultation.objects.count()}"),
        proposal="<p>Förslaget.</p>",
        opens_at=fields.pop("opens_at", opens),
        deadline=fields.pop("deadline", deadline),
        published=fields.pop("published", True),
        **fields,
    )
    for position in range(questions):
        ConsultationQuestion.objects.create(
            consultation=consultation,
            position=position,
            text=f"Fråga {position + 1}?",
        )
    return consultation


def url(consultation, suffix=""):
    return f"/forum/{consultation.forum.slug}/samrad/{consultation.pk}/{suffix}"


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def answer_data(consultation, version, text="Vårt svar", comment=""):
    data = {"version": version, "general_comment": comment}
    for question in consultation.questions.all():
        data[f"answer_{question.pk}"] = f"{text} på {question.text}"
    return data


# -- seeing ---------------------------------------------------------------------


def test_list_and_detail_follow_the_level(s):
    consultation = make_consultation(s.forum)
    assert client_for(s.anna).get(url(consultation)).status_code == 200
    assert client_for(s.ivar).get(url(consultation)).status_code == 404


def test_a_convener_reading_english_still_notifies_in_swedish(s):
    consultation = make_consultation(s.forum, closed=True)
    client_for(s.convener).post(
        "/en" + url(consultation, "aterkoppling/"),
        feedback_data(consultation, publish="1"),
    )
    [notice] = s.sent
    assert notice["subject"] == f"Återkoppling: {consultation.title}"
    assert "har publicerat återkopplingen" in notice["body"]
    assert "/en/" not in notice["url"]
    listing = client_for(s.ivar).get("/forum/tia-skane/samrad/")
    assert listing.status_code == 200
    assert consultation.title not in listing.content.decode()
    assert (
        consultation.title
        in client_for(s.anna).get("/forum/tia-skane/samrad/").content.decode()
    )


def test_drafts_only_for_conveners(s):
    draft = make_consultation(s.forum, published=False, title="Hemligt utkast")
    assert client_for(s.anna).get(url(draft)).status_code == 404
    assert (
        "Hemligt utkast"
        not in client_for(s.anna).get("/forum/tia-skane/samrad/").content.decode()
    )
    assert client_for(s.convener).get(url(draft)).status_code == 200


def test_unknown_consultation_is_404(s):
    assert client_for(s.anna).get("/forum/tia-skane/samrad/999/").status_code == 404


# -- who is invited --------------------------------------------------------------


def test_invited_by_level_at_opening(s):
    consultation = make_consultation(s.forum)
    # Joins after the consultation opened: not invited.
    late = ParticipationFactory(forum=s.forum, level=Level.SAMRAD).organisation
    invited = set(invited_organisations(consultation))
    assert invited == {s.sensus, s.abf}
    assert late not in invited
    # One not open yet invites those at Samråd now.
    coming = make_consultation(
        s.forum,
        opens_at=NOW() + datetime.timedelta(days=1),
        deadline=NOW() + datetime.timedelta(days=10),
    )
    assert set(invited_organisations(coming)) == {s.sensus, s.abf, late}


def test_explicit_invitations_restrict_responders(s):
    consultation = make_consultation(s.forum)
    consultation.invited.add(s.sensus)
    assert set(invited_organisations(consultation)) == {s.sensus}
    carl = client_for(s.carl)
    assert carl.get(url(consultation)).status_code == 200
    assert carl.get(url(consultation, "svar/")).status_code == 403
    response = carl.post(url(consultation, "svar/"), answer_data(consultation, 0))
    assert response.status_code == 403
    assert not ConsultationResponse.objects.exists()


# -- creating and editing ---------------------------------------------------------


def create_data(**overrides):
    now = timezone.localtime()
    return {
        "title": "Ny handlingsplan",
        "proposal": "Vi föreslår <script>alert(1)</script>fler språkcaféer.",
        "visibility": Level.SAMRAD,
        "opens_at": now.strftime("%Y-%m-%dT%H:%M"),
        "deadline": (now + datetime.timedelta(days=14)).strftime("%Y-%m-%dT%H:%M"),
        "questions": "Vad tycker ni?\n\nVad saknas?",
        "published": "on",
    } | overrides


def test_convener_publishes_and_invited_members_are_told(s):
    response = client_for(s.convener).post(
        "/forum/tia-skane/samrad/nytt/", create_data()
    )
    assert response.status_code == 302
    consultation = Consultation.objects.get()
    assert [q.text for q in consultation.questions.all()] == [
        "Vad tycker ni?",
        "Vad saknas?",
    ]
    assert "<script>" not in consultation.proposal
    assert consultation.created_by == s.convener
    [notice] = s.sent
    assert notice["kind"] == "new_consultation"
    assert notice["users"] == {s.anna, s.bo, s.carl}
    assert notice["url"].endswith(url(consultation))


def test_a_draft_tells_nobody_until_published(s):
    client = client_for(s.convener)
    client.post("/forum/tia-skane/samrad/nytt/", create_data(published=""))
    consultation = Consultation.objects.get()
    assert not consultation.published and not s.sent
    client.post(url(consultation, "redigera/"), create_data())
    consultation.refresh_from_db()
    assert consultation.published
    assert [n["kind"] for n in s.sent] == ["new_consultation"]


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"deadline": "2020-01-01T10:00"}, "deadline"),
        ({"opens_at": "i morgon"}, "opens_at"),
        ({"questions": "  \n "}, "questions"),
        ({"visibility": "1"}, "visibility"),
        ({"title": ""}, "title"),
    ],
)
def test_bad_consultation_input_is_explained(s, overrides, field):
    response = client_for(s.convener).post(
        "/forum/tia-skane/samrad/nytt/", create_data(**overrides)
    )
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert not Consultation.objects.exists()


def test_members_cannot_create(s):
    assert client_for(s.carl).post(
        "/forum/tia-skane/samrad/nytt/", create_data()
    ).status_code == (403)


def test_no_edits_after_the_deadline(s):
    consultation = make_consultation(s.forum, closed=True)
    response = client_for(s.convener).post(
        url(consultation, "redigera/"), create_data(title="Ändrad")
    )
    assert response.status_code == 302
    consultation.refresh_from_db()
    assert consultation.title == "Handlingsplan 2031"


def test_answered_questions_cannot_be_removed(s):
    consultation = make_consultation(s.forum)
    client_for(s.anna).post(url(consultation, "svar/"), answer_data(consultation, 0))
    data = create_data(questions="Bara en fråga")
    response = client_for(s.convener).post(url(consultation, "redigera/"), data)
    assert response.status_code == 200
    assert response.context["form"].errors["questions"]
    assert consultation.questions.count() == 2


# -- responding ------------------------------------------------------------------


def test_every_save_makes_a_version(s):
    consultation = make_consultation(s.forum)
    anna = client_for(s.anna)
    assert anna.get(url(consultation, "svar/")).status_code == 200
    assert anna.post(
        url(consultation, "svar/"), answer_data(consultation, 0, "Först")
    ).status_code == (302)
    assert anna.post(
        url(consultation, "svar/"), answer_data(consultation, 1, "Sedan")
    ).status_code == (302)
    response = ConsultationResponse.objects.get()
    assert response.organisation == s.sensus
    assert response.version == 2
    assert response.updated_by == s.anna
    assert list(response.versions.values_list("version", flat=True)) == [2, 1]
    first = response.versions.get(version=1).snapshot
    assert all(text.startswith("Först") for text in first["answers"].values())
    history = anna.get(url(consultation, "svar/historik/"))
    assert "Först på Fråga 1?" in history.content.decode()
    assert "Sedan på Fråga 1?" in history.content.decode()


def test_stale_version_does_not_overwrite(s):
    consultation = make_consultation(s.forum)
    anna, bo = client_for(s.anna), client_for(s.bo)
    # Both open the empty form (version 0).
    assert anna.get(url(consultation, "svar/")).context["form"].initial["version"] == 0
    assert bo.get(url(consultation, "svar/")).context["form"].initial["version"] == 0
    anna.post(url(consultation, "svar/"), answer_data(consultation, 0, "Annas text"))
    conflict = bo.post(
        url(consultation, "svar/"), answer_data(consultation, 0, "Bos text")
    )
    assert conflict.status_code == 409
    page = conflict.content.decode()
    assert "Någon annan i din organisation har sparat under tiden" in page
    assert "Annas text på Fråga 1?" in page  # what Anna saved
    assert "Bos text på Fråga 1?" in page  # what Bo wrote, still in the form
    response = ConsultationResponse.objects.get()
    assert response.version == 1
    assert response.answers.filter(text__startswith="Annas text").count() == 2
    # Bo has now seen version 1; saving again replaces it on purpose.
    assert conflict.context["form"].data["version"] == 1
    again = bo.post(url(consultation, "svar/"), answer_data(consultation, 1, "Bos"))
    assert again.status_code == 302
    assert ConsultationResponse.objects.get().version == 2
    assert ResponseVersion.objects.count() == 2


def test_stale_version_of_an_existing_response(s):
    consultation = make_consultation(s.forum)
    anna, bo = client_for(s.anna), client_for(s.bo)
    anna.post(url(consultation, "svar/"), answer_data(consultation, 0, "Ett"))
    anna.post(url(consultation, "svar/"), answer_data(consultation, 1, "Två"))
    conflict = bo.post(url(consultation, "svar/"), answer_data(consultation, 1, "Bo"))
    assert conflict.status_code == 409
    assert ConsultationResponse.objects.get().version == 2
    assert ResponseVersion.objects.count() == 2


def test_after_the_deadline_the_response_is_read_only(s):
    consultation = make_consultation(s.forum, closed=True)
    ConsultationResponse.objects.create(
        consultation=consultation, organisation=s.sensus, general_comment="Tidigare"
    )
    anna = client_for(s.anna)
    page = anna.get(url(consultation, "svar/"))
    assert page.status_code == 200
    assert "Sista dag för svar har passerat" in page.content.decode()
    assert all(field.disabled for field in page.context["form"].fields.values())
    refused = anna.post(
        url(consultation, "svar/"), answer_data(consultation, 0, comment="Sent")
    )
    assert refused.status_code == 403
    assert ConsultationResponse.objects.get().general_comment == "Tidigare"
    assert not ResponseVersion.objects.exists()


@pytest.mark.parametrize(
    ("offset", "accepted"),
    [
        (-datetime.timedelta(microseconds=1), True),
        (datetime.timedelta(0), False),
        (datetime.timedelta(microseconds=1), False),
    ],
    ids=["a-microsecond-before", "at-the-deadline", "a-microsecond-after"],
)
def test_the_deadline_instant_is_already_too_late(s, time_machine, offset, accepted):
    """A deadline of 12:00 takes responses until 11:59:59.999999, not at 12:00."""
    deadline = NOW().replace(microsecond=0) + datetime.timedelta(days=3)
    consultation = make_consultation(s.forum, deadline=deadline)
    anna = client_for(s.anna)
    time_machine.move_to(deadline + offset, tick=False)
    response = anna.post(url(consultation, "svar/"), answer_data(consultation, 0))
    if accepted:
        assert response.status_code == 302
        saved = ConsultationResponse.objects.get()
        assert saved.submitted_at == deadline + offset
        assert "Sista dag för svar har passerat" not in (
            anna.get(url(consultation, "svar/")).content.decode()
        )
    else:
        assert response.status_code == 403
        assert "Sista dag för svar har passerat" in response.content.decode()
        assert not ConsultationResponse.objects.exists()
        assert not ResponseVersion.objects.exists()
    listing = anna.get("/forum/tia-skane/samrad/").context
    assert [c.pk for c in listing["open" if accepted else "closed"]] == [
        consultation.pk
    ]


def test_not_open_yet_refuses_responses(s):
    consultation = make_consultation(
        s.forum,
        opens_at=NOW() + datetime.timedelta(days=1),
        deadline=NOW() + datetime.timedelta(days=5),
    )
    response = client_for(s.anna).post(
        url(consultation, "svar/"), answer_data(consultation, 0)
    )
    assert response.status_code == 403
    assert not ConsultationResponse.objects.exists()


@pytest.mark.parametrize("version", ["", "abc", "-1"])
def test_bad_version_is_a_form_error(s, version):
    consultation = make_consultation(s.forum)
    response = client_for(s.anna).post(
        url(consultation, "svar/"), answer_data(consultation, version, "Vårt svar")
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Svaret kunde inte sparas eftersom sidan inte var hel." in page
    assert "Vårt svar på Fråga 1?" in page  # what was typed is still there
    assert "är sparat" not in page
    assert not ConsultationResponse.objects.exists()
    assert not ResponseVersion.objects.exists()


def test_script_in_answers_is_stripped(s):
    consultation = make_consultation(s.forum, responses_visible=True)
    data = answer_data(consultation, 0)
    first, second = consultation.questions.all()
    data[f"answer_{first.pk}"] = "Bra<script>alert('x')</script> förslag"
    data[f"answer_{second.pk}"] = '<img src="x" onerror="alert(1)">Ja'
    data["general_comment"] = '<a href="javascript:alert(1)">länk</a>'
    client_for(s.anna).post(url(consultation, "svar/"), data)
    for page in (
        client_for(s.carl).get(url(consultation)),
        client_for(s.anna).get(url(consultation, "svar/historik/")),
        client_for(s.convener).get(url(consultation, "sammanstallning/")),
    ):
        html = page.content.decode()
        assert "Bra förslag" in html
        assert "alert" not in html
        assert "onerror" not in html
        assert "javascript:" not in html


# -- who reads the responses ---------------------------------------------------------


def test_responses_visible_to_others_only_when_allowed(s):
    consultation = make_consultation(s.forum)
    client_for(s.anna).post(
        url(consultation, "svar/"), answer_data(consultation, 0, "Sensus tycker")
    )
    assert (
        "Sensus tycker"
        not in client_for(s.carl).get(url(consultation)).content.decode()
    )
    assert (
        "Sensus tycker"
        in client_for(s.convener).get(url(consultation)).content.decode()
    )
    consultation.responses_visible = True
    consultation.save()
    assert "Sensus tycker" in client_for(s.carl).get(url(consultation)).content.decode()


def test_history_only_of_own_organisation(s):
    consultation = make_consultation(s.forum)
    client_for(s.anna).post(
        url(consultation, "svar/"), answer_data(consultation, 0, "Sensus tycker")
    )
    html = client_for(s.carl).get(url(consultation, "svar/historik/")).content.decode()
    assert "Sensus tycker" not in html
    html = client_for(s.convener).get(url(consultation, "svar/historik/"))
    assert "Sensus tycker" in html.content.decode()


# -- the convener's status page and reminder ------------------------------------------


def test_status_and_reminder(s):
    consultation = make_consultation(s.forum)
    client_for(s.anna).post(url(consultation, "svar/"), answer_data(consultation, 0))
    convener = client_for(s.convener)
    page = convener.get(url(consultation, "status/"))
    assert [o.name for o in page.context["responded"]] == ["Sensus"]
    assert [o.name for o in page.context["waiting"]] == ["ABF"]
    assert convener.post(url(consultation, "status/")).status_code == 302
    [notice] = s.sent
    assert notice["kind"] == "deadline_reminder"
    assert notice["users"] == {s.carl}
    consultation.refresh_from_db()
    assert consultation.reminder_sent_at is not None


def test_no_reminder_after_the_deadline(s):
    consultation = make_consultation(s.forum, closed=True)
    client_for(s.convener).post(url(consultation, "status/"))
    assert not s.sent
    consultation.refresh_from_db()
    assert consultation.reminder_sent_at is None


def test_members_cannot_remind(s):
    consultation = make_consultation(s.forum)
    assert client_for(s.anna).post(url(consultation, "status/")).status_code == 403
    assert not s.sent


# -- feedback ------------------------------------------------------------------------


def feedback_data(consultation, **extra):
    first, second = consultation.questions.all()
    return {
        f"summary_{first.pk}": "De flesta vill ha fler språkcaféer.",
        f"summary_{second.pk}": "",
        "feedback": "Vi lägger till två språkcaféer i planen.",
    } | extra


def test_feedback_only_after_the_deadline(s):
    consultation = make_consultation(s.forum)
    response = client_for(s.convener).post(
        url(consultation, "aterkoppling/"), feedback_data(consultation, publish="1")
    )
    assert response.status_code == 302
    consultation.refresh_from_db()
    assert consultation.feedback == "" and consultation.feedback_published_at is None
    assert not FeedbackItem.objects.exists()


def test_feedback_draft_then_published(s):
    consultation = make_consultation(s.forum, closed=True)
    convener = client_for(s.convener)
    convener.post(url(consultation, "aterkoppling/"), feedback_data(consultation))
    consultation.refresh_from_db()
    assert consultation.feedback_published_at is None
    assert FeedbackItem.objects.count() == 1
    # Not published: members do not read it yet.
    assert (
        "två språkcaféer"
        not in client_for(s.carl).get(url(consultation)).content.decode()
    )
    assert not s.sent
    convener.post(
        url(consultation, "aterkoppling/"), feedback_data(consultation, publish="1")
    )
    consultation.refresh_from_db()
    assert consultation.feedback_published_at is not None
    [notice] = s.sent
    assert notice["kind"] == "feedback_published"
    assert notice["users"] == {s.anna, s.bo, s.carl}
    html = client_for(s.carl).get(url(consultation)).content.decode()
    assert "två språkcaféer" in html
    assert "De flesta vill ha fler språkcaféer." in html
    assert client_for(s.ivar).get(url(consultation)).status_code == 404


def test_publishing_needs_feedback_text(s):
    consultation = make_consultation(s.forum, closed=True)
    response = client_for(s.convener).post(
        url(consultation, "aterkoppling/"),
        feedback_data(consultation, feedback="", publish="1"),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["feedback"]
    consultation.refresh_from_db()
    assert consultation.feedback_published_at is None


# -- export and print -------------------------------------------------------------


def test_csv_export(s):
    consultation = make_consultation(s.forum)
    client_for(s.anna).post(
        url(consultation, "svar/"),
        answer_data(consultation, 0, "=HYPERLINK(1)", comment="Övrigt"),
    )
    client_for(s.carl).post(url(consultation, "svar/"), answer_data(consultation, 0))
    response = client_for(s.convener).get(url(consultation, "svar.csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body[1:])))
    assert rows[0][0] == "Organisation"
    assert len(rows) == 1 + 2 * 2  # two organisations × two questions
    sensus_rows = [row for row in rows if row[0] == "Sensus"]
    assert sensus_rows[0][3].startswith("'=HYPERLINK")
    assert sensus_rows[0][4] == "Övrigt"
    assert client_for(s.anna).get(url(consultation, "svar.csv")).status_code == 403


def test_print_compilation(s):
    consultation = make_consultation(s.forum, responses_visible=True)
    client_for(s.anna).post(
        url(consultation, "svar/"), answer_data(consultation, 0, "Sensus tycker")
    )
    page = client_for(s.carl).get(url(consultation, "sammanstallning/"))
    assert page.status_code == 200
    assert "Sensus tycker" in page.content.decode()


# -- query counts -------------------------------------------------------------------


def fill(forum, organisations, count):
    for _ in range(count):
        consultation = make_consultation(forum, questions=1)
        for organisation in organisations:
            ConsultationResponse.objects.create(
                consultation=consultation, organisation=organisation, version=1
            )


@pytest.mark.parametrize("user", ["anna", "convener"])
def test_list_queries_do_not_grow(s, user):
    client = client_for(getattr(s, user))
    organisations = [s.sensus, s.abf]
    fill(s.forum, organisations, 5)
    client.get("/forum/tia-skane/samrad/")  # warm the caches (site, session)
    with CaptureQueriesContext(connection) as small:
        assert client.get("/forum/tia-skane/samrad/").status_code == 200
    fill(s.forum, organisations + [OrganisationFactory()], 45)
    with CaptureQueriesContext(connection) as large:
        response = client.get("/forum/tia-skane/samrad/")
    assert len(response.context["open"]) == 50
    assert len(large) == len(small)


def test_detail_queries_do_not_grow(s):
    consultation = make_consultation(s.forum, responses_visible=True)
    client = client_for(s.convener)

    def add(count):
        for _ in range(count):
            response = ConsultationResponse.objects.create(
                consultation=consultation, organisation=OrganisationFactory(), version=1
            )
            for question in consultation.questions.all():
                response.answers.create(question=question, text="Svar")

    add(5)
    client.get(url(consultation))  # warm the caches (site, session)
    with CaptureQueriesContext(connection) as small:
        client.get(url(consultation))
    add(45)
    with CaptureQueriesContext(connection) as large:
        client.get(url(consultation))
    assert len(large) == len(small)


def test_real_notifications_module_is_used(s, monkeypatch):
    """Without the test double, the calls reach forum.notifications.notify_users."""
    from forum import notifications

    calls = []
    monkeypatch.undo()  # drop the fixture's double of send_notifications
    monkeypatch.setattr(
        notifications, "notify_users", lambda *args, **kwargs: calls.append(args)
    )
    client_for(s.convener).post("/forum/tia-skane/samrad/nytt/", create_data())
    assert [args[1] for args in calls] == ["new_consultation"]
