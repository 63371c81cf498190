"""Conveners add papers to a meeting on the site and remove them; the papers
are served only to those who see the meeting."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.documents import get_document_model

from events.models import Event, EventAttachment
from forum.models import Level, Visibility

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"


def pdf(name="Dagordning 3 mars.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def meeting(make_event):
    return make_event(
        title="Forummöte i mars",
        visibility=Visibility.DIALOG,
        start=timezone.now() + datetime.timedelta(days=20),
    )


def papers_url(meeting):
    return f"/kalender/{meeting.pk}/handlingar/"


def test_a_convener_adds_papers_that_members_of_the_level_download(
    client, forum, convener, meeting, member
):
    client.force_login(convener)
    page = client.get(f"/kalender/{meeting.pk}/")
    assert papers_url(meeting) in page.content.decode()
    response = client.post(
        papers_url(meeting), {"files": [pdf(), pdf("Underlag.pdf")]}, follow=True
    )
    assert "2 handlingar är tillagda." in response.content.decode()
    documents = get_document_model().objects.filter(
        pk__in=meeting.attachments.values("document")
    )
    assert sorted(documents.values_list("title", flat=True)) == [
        "Dagordning 3 mars.pdf",
        "Underlag.pdf",
    ]
    paper = documents.get(title="Underlag.pdf")

    dialog = member(Level.DIALOG)
    client.force_login(dialog)
    page = client.get(f"/kalender/{meeting.pk}/").content.decode()
    assert paper.url in page and "Underlag.pdf" in page
    download = client.get(paper.url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF

    client.force_login(member(Level.SAMRAD))
    assert client.get(paper.url).status_code == 404
    client.logout()
    assert client.get(paper.url).status_code == 302


def test_a_renamed_program_is_refused_and_nothing_is_stored(
    client, forum, convener, meeting
):
    client.force_login(convener)
    response = client.post(
        papers_url(meeting), {"files": [pdf("protokoll.pdf", b"MZ\x90\x00binary")]}
    )
    assert response.status_code == 200
    assert "innehållet stämmer inte med filändelsen .pdf" in response.content.decode()
    assert not EventAttachment.objects.exists()
    assert not get_document_model().objects.exists()


def test_sending_no_file_says_so(client, forum, convener, meeting):
    client.force_login(convener)
    response = client.post(papers_url(meeting), {})
    assert response.status_code == 200
    assert "Välj minst en fil att lägga till." in response.content.decode()
    assert not EventAttachment.objects.exists()


def test_removing_a_paper_deletes_its_document(client, forum, convener, meeting):
    client.force_login(convener)
    client.post(papers_url(meeting), {"files": [pdf()]})
    paper = meeting.attachments.get()
    document = paper.document
    response = client.post(papers_url(meeting), {"remove": paper.pk}, follow=True)
    assert "Dagordning 3 mars.pdf är borttagen." in response.content.decode()
    assert not EventAttachment.objects.exists()
    assert not get_document_model().objects.filter(pk=document.pk).exists()
    # Twice (another tab): said, not an error.
    again = client.post(papers_url(meeting), {"remove": paper.pk}, follow=True)
    assert "Handlingen finns inte längre vid mötet." in again.content.decode()
    bogus = client.post(papers_url(meeting), {"remove": "x' or 1=1"}, follow=True)
    assert bogus.status_code == 200


def test_a_document_another_meeting_uses_stays(client, convener, meeting, make_event):
    client.force_login(convener)
    client.post(papers_url(meeting), {"files": [pdf()]})
    paper = meeting.attachments.get()
    other = make_event(visibility=Visibility.DIALOG)
    EventAttachment.objects.create(event=other, document=paper.document)
    client.post(papers_url(meeting), {"remove": paper.pk})
    assert list(other.attachments.values_list("document", flat=True)) == [
        paper.document_id
    ]


def test_a_paper_of_another_meeting_is_not_removed_from_here(
    client, convener, meeting, make_event
):
    other = make_event(visibility=Visibility.DIALOG)
    client.force_login(convener)
    client.post(papers_url(other), {"files": [pdf()]})
    foreign = other.attachments.get()
    response = client.post(papers_url(meeting), {"remove": foreign.pk}, follow=True)
    assert "Handlingen finns inte längre vid mötet." in response.content.decode()
    assert other.attachments.filter(pk=foreign.pk).exists()


def test_members_may_neither_add_nor_remove(client, forum, convener, meeting, member):
    client.force_login(convener)
    client.post(papers_url(meeting), {"files": [pdf()]})
    paper = meeting.attachments.get()
    dialog = member(Level.PARTNERSKAP)
    client.force_login(dialog)
    assert client.post(papers_url(meeting), {"files": [pdf()]}).status_code == 403
    assert client.post(papers_url(meeting), {"remove": paper.pk}).status_code == 403
    assert meeting.attachments.count() == 1
    page = client.get(f"/kalender/{meeting.pk}/").content.decode()
    assert papers_url(meeting) not in page
    assert Event.objects.count() == 1
