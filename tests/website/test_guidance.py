"""Guidance pages: a table of contents from their headings, related links and
documents, the date an editor last reviewed them, and a reminder to their
owner when a year has passed without a review."""

import datetime
import re
from io import StringIO

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page

from core.users.factories import UserFactory
from website.home.models import GuidancePage

pytestmark = pytest.mark.django_db


def days_ago(number):
    return timezone.localdate() - datetime.timedelta(days=number)


def heading(text):
    return {"type": "heading", "value": {"text": text}}


def paragraph(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


@pytest.fixture
def home():
    return Page.objects.get(depth=2, locale__language_code="sv").specific


def guidance(home, slug="samverkan", **fields):
    fields.setdefault(
        "body",
        [
            heading("Varför samverka?"),
            paragraph("För att nå fler."),
            heading("Hur börjar vi?"),
            paragraph("Med ett möte."),
            heading("Varför samverka?"),
            paragraph("Samma rubrik igen."),
        ],
    )
    page = home.add_child(instance=GuidancePage(title="Samverkan", slug=slug, **fields))
    page.save_revision().publish()
    return page


def test_the_table_of_contents_links_to_the_headings(client, home):
    guidance(home)
    text = client.get("/samverkan/").content.decode()
    nav = re.search(r'<nav class="toc".*?</nav>', text, re.S).group(0)
    assert "På den här sidan" in nav
    links = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', nav)
    assert [label for _anchor, label in links] == [
        "Varför samverka?",
        "Hur börjar vi?",
        "Varför samverka?",
    ]
    ids = re.findall(r'<h2 id="([^"]+)" tabindex="-1">', text)
    assert [anchor for anchor, _label in links] == ids
    assert len(set(ids)) == 3  # the repeated heading gets its own anchor


def test_one_heading_gets_no_table_of_contents(client, home):
    guidance(home, body=[heading("Bara en rubrik"), paragraph("Text.")])
    text = client.get("/samverkan/").content.decode()
    assert "Bara en rubrik" in text
    assert 'class="toc"' not in text


def test_related_links_documents_and_the_review_date_are_shown(client, home):
    document = get_document_model().objects.create(
        title="Blankett för resor", file=ContentFile(b"%PDF-1.4", name="resor.pdf")
    )
    target = guidance(home, slug="om-resor", body=[])
    reviewed = days_ago(10)
    guidance(
        home,
        last_reviewed=reviewed,
        related=[
            {"type": "page", "value": {"page": target.pk, "title": ""}},
            {
                "type": "link",
                "value": {"url": "https://www.migrationsverket.se/", "title": "MV"},
            },
            {"type": "document", "value": {"document": document.pk, "title": ""}},
        ],
    )
    text = client.get("/samverkan/").content.decode()
    assert "Läs mer" in text
    assert '<a href="/om-resor/">Samverkan</a>' in text
    assert 'href="https://www.migrationsverket.se/"' in text
    assert "Blankett för resor</a>" in text
    assert f'Senast granskad: <time datetime="{reviewed.isoformat()}">' in text
    # Linked from a public page, the document is public.
    assert client.get(document.url).status_code == 200


def run():
    out = StringIO()
    call_command("send_guidance_reminders", stdout=out, stderr=StringIO())
    return out.getvalue()


def test_the_owner_is_reminded_once_when_a_page_is_a_year_unreviewed(home):
    owner = UserFactory(email="redaktor@example.org")
    old = guidance(home, last_reviewed=days_ago(400), owner=owner)
    guidance(home, slug="ny", last_reviewed=days_ago(30), owner=owner)

    assert "Guidance review reminders sent: 1." in run()
    [email] = mail.outbox
    assert email.to == ["redaktor@example.org"]
    assert "Dags att granska vägledningen ”Samverkan”" in email.subject
    assert f"/admin/pages/{old.pk}/edit/" in email.body

    # The next days: the same period, no new reminder.
    assert "Guidance review reminders sent: 0." in run()
    assert len(mail.outbox) == 1


def test_a_review_after_the_reminder_starts_a_new_period(home):
    owner = UserFactory(email="redaktor@example.org")
    page = guidance(home, last_reviewed=days_ago(400), owner=owner)
    run()
    page.last_reviewed = timezone.localdate()
    page.save_revision().publish()
    assert "Guidance review reminders sent: 0." in run()
    assert len(mail.outbox) == 1


def test_a_page_never_reviewed_counts_from_its_first_publication(home):
    owner = UserFactory(email="redaktor@example.org")
    page = guidance(home, owner=owner)
    GuidancePage.objects.filter(pk=page.pk).update(
        first_published_at=timezone.now() - datetime.timedelta(days=370)
    )
    assert "Guidance review reminders sent: 1." in run()


def test_the_translations_share_the_date_and_are_not_reminded_apart(home):
    owner = UserFactory(email="redaktor@example.org")
    page = guidance(home, last_reviewed=days_ago(400), owner=owner)
    english = page.get_translation(
        page.locale.__class__.objects.get(language_code="en")
    )
    assert english.specific.last_reviewed == page.last_reviewed
    assert "Guidance review reminders sent: 1." in run()


def test_editors_confirm_the_review_and_choose_the_owner_in_the_admin(client, home):
    page = guidance(home)
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    text = response.content.decode()
    assert 'name="last_reviewed"' in text
    assert 'name="owner"' in text
    assert "elaterade länkar och dokument" in text
