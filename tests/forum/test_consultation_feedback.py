"""After the deadline: the convener's feedback (draft, then published), the CSV
export and the print compilation.
"""

import csv
import io

import pytest

from forum.models import (
    FeedbackItem,
)
from tests.forum.consultation_helpers import (
    answer_data,
    client_for,
    feedback_data,
    make_consultation,
    url,
)

pytestmark = pytest.mark.django_db


# -- feedback ------------------------------------------------------------------------


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


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_csv_export_never_starts_a_formula(s, start):
    consultation = make_consultation(s.forum)
    client_for(s.anna).post(
        url(consultation, "svar/"),
        answer_data(consultation, 0, f"{start}SUM(1)", comment=f"{start}cmd"),
    )
    response = client_for(s.convener).get(url(consultation, "svar.csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert f"'{start}cmd" in cells
    assert any(cell.startswith(f"'{start}SUM(1)") for cell in cells)
    assert not any(cell.startswith(start) for cell in cells)


def test_print_compilation(s):
    consultation = make_consultation(s.forum, responses_visible=True)
    client_for(s.anna).post(
        url(consultation, "svar/"), answer_data(consultation, 0, "Sensus tycker")
    )
    page = client_for(s.carl).get(url(consultation, "sammanstallning/"))
    assert page.status_code == 200
    assert "Sensus tycker" in page.content.decode()
