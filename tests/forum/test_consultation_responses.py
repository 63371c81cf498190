"""Responding to a consultation: one versioned response per organisation, the
deadline, who reads the responses, and the convener's status page and reminder.
"""

import datetime

import pytest

from forum.models import (
    ConsultationResponse,
    ResponseVersion,
)
from tests.forum.consultation_helpers import (
    NOW,
    answer_data,
    client_for,
    make_consultation,
    url,
)

pytestmark = pytest.mark.django_db


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
