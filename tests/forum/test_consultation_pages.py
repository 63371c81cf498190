"""Consultations seen and made: who sees the list and a draft, who is invited,
the convener creating and editing one, the queries of the list and the page,
and the real notifications module.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forum.consultations import invited_organisations
from forum.models import (
    Consultation,
    ConsultationResponse,
    Level,
)
from tests.factories import (
    OrganisationFactory,
    ParticipationFactory,
)
from tests.forum.consultation_helpers import (
    NOW,
    answer_data,
    client_for,
    create_data,
    feedback_data,
    make_consultation,
    url,
)

pytestmark = pytest.mark.django_db


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
