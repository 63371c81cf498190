"""Smaller leaks: links to draft minutes, control characters, request sizes."""

from pathlib import Path

import pytest
from django.core import mail
from django.test import override_settings

from core.email import deliver
from core.single_line import one_line, single_line
from events.models import Minutes
from forum.dialog_forms import ThreadForm
from forum.models import Level, Visibility
from tests.events.test_minutes import make_meeting, member
from tests.factories import ForumFactory, UserFactory

pytestmark = pytest.mark.django_db


def minutes_link(client, minutes):
    page = client.get(f"/kalender/{minutes.event_id}/").content.decode()
    return f"/kalender/{minutes.event_id}/protokoll/" in page


def test_the_event_page_links_to_minutes_only_for_those_who_may_open_them(client):
    forum = ForumFactory()
    convener = UserFactory()
    forum.conveners.add(convener)
    attendee = member(forum, Level.DIALOG)
    minutes = Minutes.objects.create(
        event=make_meeting(forum, visibility=Visibility.PUBLIC), summary="Utkast"
    )
    minutes.attending_people.add(attendee)
    outsider = member(forum, Level.PARTNERSKAP)

    assert not minutes_link(client, minutes)  # anonymous: a draft
    for person, sees in ((convener, True), (attendee, True), (outsider, False)):
        client.force_login(person)
        assert minutes_link(client, minutes) is sees
        protokoll = client.get(f"/kalender/{minutes.event_id}/protokoll/")
        assert (protokoll.status_code == 200) is sees

    Minutes.objects.filter(pk=minutes.pk).update(status=Minutes.Status.PUBLISHED)
    client.logout()
    assert minutes_link(client, minutes)


@pytest.mark.parametrize(
    "title", ["Rubrik\nBcc: x@example.org", "Rubrik\r", "A\tB", "A\x00B", "A\x85B"]
)
def test_a_thread_title_refuses_control_characters(title):
    form = ThreadForm(
        data={"title": f"X {title} Y", "visibility": Visibility.DIALOG, "body": "Hej"},
        max_level=Visibility.DIALOG,
    )
    assert not form.is_valid()
    assert "title" in form.errors


def test_single_line_text_passes():
    single_line("Språkcafé – Malmö, kl. 10.00 (ön)")
    assert one_line("Ämne\r\nBcc: x@example.org") == "Ämne Bcc: x@example.org"


def test_mail_subjects_lose_control_characters():
    deliver(["a@example.org"], "Ny tråd: Hej\r\nBcc: x@example.org", "Text\n")
    assert mail.outbox[0].subject == "Ny tråd: Hej Bcc: x@example.org"
    assert mail.outbox[0].bcc == []


@override_settings(TIA={"MAX_REQUEST_BYTES": 1000})
def test_a_request_far_over_the_limit_is_refused_before_it_is_read(client):
    response = client.post(
        "/konto/logga-in/", data="x" * 2000, content_type="text/plain"
    )
    assert response.status_code == 413
    assert "för stort" in response.content.decode()


@override_settings(TIA={"MAX_REQUEST_BYTES": 1000})
def test_a_request_under_the_limit_goes_through(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "geolocation=()" in response["Permissions-Policy"]
    assert "camera=()" in response["Permissions-Policy"]


def test_every_csv_goes_through_the_one_helper():
    """A hand-made CSV would miss the spreadsheet-formula guard of core.csv."""
    root = Path(__file__).resolve().parents[2]
    offenders = [
        str(path.relative_to(root))
        for folder in ("core", "partners", "forum", "directory", "events", "website")
        for path in (root / folder).rglob("*.py")
        # core/attachments.py names text/csv as a type members may attach.
        if str(path.relative_to(root)) not in ("core/csv.py", "core/attachments.py")
        and ("csv.writer" in (text := path.read_text()) or '"text/csv' in text)
    ]
    assert offenders == []
