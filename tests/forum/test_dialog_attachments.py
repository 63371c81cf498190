"""Files attached to dialog posts: upload, listing, download and who gets them."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from core.attachments import check_upload
from forum.models import Level, Post, PostAttachment, Thread, Visibility
from tests.factories import (
    ForumFactory,
    ParticipationFactory,
)
from tests.forum import test_dialog
from tests.forum.test_dialog import make_thread, member, url

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01"
DOWNLOAD_LINK = re.compile(r'href="([^"]*/bilagor/\d+/)"')


def pdf(name="yttrande.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def attach(post, upload=None):
    """A stored attachment on ``post``, as the forms would create it."""
    return PostAttachment.create_from(
        check_upload(upload or pdf()), post.author, post=post
    )


def download_url(attachment):
    post = attachment.post
    return url("post_attachment", post.thread.forum, post.thread_id, attachment.pk)


def content_of(response):
    return b"".join(response.streaming_content)


def stored_files():
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    return {path for path in root.rglob("*") if path.is_file()}


# The dialog's fixtures, shared with test_dialog.py.
forum = test_dialog.forum
dialog_user = test_dialog.dialog_user
convener = test_dialog.convener


@pytest.fixture(autouse=True)
def _no_notifications(monkeypatch):
    """Replies notify followers; that is tested in test_dialog.py."""
    monkeypatch.setattr("forum.dialog_views.notify_users", lambda *args, **kwargs: None)


def test_forms_offer_several_files_of_the_accepted_types(client, forum, dialog_user):
    thread = make_thread(forum, dialog_user)
    client.force_login(dialog_user)
    for page_url in (
        url("thread_create", forum),
        url("thread_detail", forum, thread.pk),
    ):
        page = client.get(page_url).content.decode()
        assert 'enctype="multipart/form-data"' in page
        (file_input,) = re.findall(r'<input type="file"[^>]*>', page)
        assert " multiple" in file_input
        assert 'accept=".pdf,' in file_input and ".docx" in file_input
        assert 'aria-describedby="id_attachments_helptext"' in file_input
        assert '<label for="id_attachments">Bilagor</label>' in page


def test_member_attaches_files_to_a_thread_and_a_reply_and_downloads_them(
    client, forum, dialog_user
):
    reader = member(forum, Level.PARTNERSKAP)
    client.force_login(dialog_user)
    response = client.post(
        url("thread_create", forum),
        {
            "title": "Språkcaféer",
            "visibility": Visibility.DIALOG,
            "body": "<p>Se bilagorna.</p>",
            "attachments": [
                pdf("yttrande.pdf"),
                SimpleUploadedFile("karta.png", PNG, content_type="image/png"),
            ],
        },
    )
    thread = Thread.objects.get()
    assert response.status_code == 302
    response = client.post(
        url("thread_detail", forum, thread.pk),
        {
            "body": "<p>Och anteckningarna.</p>",
            "attachments": SimpleUploadedFile(
                "anteckningar.txt", "Träff 12 maj\n".encode(), content_type="text/plain"
            ),
        },
    )
    assert response.status_code == 302
    opening, answer = thread.posts.order_by("pk")
    assert [a.name for a in opening.attachments.all()] == ["yttrande.pdf", "karta.png"]
    assert [a.name for a in answer.attachments.all()] == ["anteckningar.txt"]
    assert all(a.uploaded_by == dialog_user for a in PostAttachment.objects.all())

    # Another member who reads the thread sees the files and gets them as sent.
    client.force_login(reader)
    page = client.get(url("thread_detail", forum, thread.pk)).content.decode()
    links = DOWNLOAD_LINK.findall(page)
    expected = {
        "yttrande.pdf": (PDF, "application/pdf"),
        "karta.png": (PNG, "image/png"),
        "anteckningar.txt": ("Träff 12 maj\n".encode(), "text/plain; charset=utf-8"),
    }
    assert len(links) == 3
    for name in expected:
        assert f">{name}</a>" in page
    for link in links:
        response = client.get(link)
        assert response.status_code == 200
        disposition = response["Content-Disposition"]
        assert disposition.startswith("attachment;")
        name = re.search(r'filename="([^"]+)"', disposition).group(1)
        content, content_type = expected.pop(name)
        assert content_of(response) == content
        assert response["Content-Type"] == content_type
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]
        assert response["X-Content-Type-Options"] == "nosniff"
    assert expected == {}


def test_download_keeps_a_swedish_file_name(client, forum, dialog_user):
    thread = make_thread(forum, dialog_user)
    attachment = attach(thread.posts.get(), pdf("Yttrande från ABF.pdf"))
    client.force_login(dialog_user)
    response = client.get(download_url(attachment))
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''Yttrande%20fr%C3%A5n%20ABF.pdf"
    )
    page = client.get(url("thread_detail", forum, thread.pk)).content.decode()
    assert ">Yttrande från ABF.pdf</a>" in page


# What is refused (with the size limit at 1 KB) → what the form says.
REFUSED = {
    "program": (
        lambda: SimpleUploadedFile("program.exe", b"MZ\x90\x00\x03"),
        "program.exe: filtypen tas inte emot.",
    ),
    "disguised": (
        lambda: pdf("yttrande.pdf", b"MZ\x90\x00\x03\x00\x00\x00"),
        "yttrande.pdf: innehållet stämmer inte med filändelsen .pdf.",
    ),
    "too_big": (
        lambda: pdf("stor.pdf", PDF + b"0" * 2048),
        "stor.pdf: filen är",
    ),
    "six_files": (
        lambda: [pdf(f"bilaga-{i}.pdf") for i in range(6)],
        "Du kan bifoga högst 5 filer åt gången.",
    ),
}


@pytest.mark.parametrize("kind", sorted(REFUSED))
@pytest.mark.parametrize("where", ["thread", "reply"])
@override_settings(TIA=settings.TIA | {"ATTACHMENT_MAX_BYTES": 1024})
def test_refused_upload_gives_the_form_back_and_stores_nothing(
    client, forum, dialog_user, where, kind
):
    thread = make_thread(forum, dialog_user)
    client.force_login(dialog_user)
    files_before = stored_files()
    body = "<p>Mitt yttrande om språkcaféer</p>"
    if where == "thread":
        data = {"title": "Min rubrik", "visibility": Visibility.DIALOG}
        target = url("thread_create", forum)
    else:
        data = {}
        target = url("thread_detail", forum, thread.pk)
    upload, message = REFUSED[kind]
    data |= {"body": body, "attachments": upload()}
    response = client.post(target, data)

    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert "Välj filerna igen" in page
    # What the person wrote is still there.
    assert "Mitt yttrande om språkcaféer" in page
    if where == "thread":
        assert 'value="Min rubrik"' in page
    assert Thread.objects.count() == 1
    assert Post.objects.count() == 1
    assert not PostAttachment.objects.exists()
    assert stored_files() == files_before


def test_form_error_elsewhere_asks_to_choose_the_files_again(
    client, forum, dialog_user
):
    thread = make_thread(forum, dialog_user)
    client.force_login(dialog_user)
    response = client.post(
        url("thread_detail", forum, thread.pk), {"body": "", "attachments": pdf()}
    )
    assert response.status_code == 200
    assert "Välj filerna igen" in response.content.decode()
    assert not PostAttachment.objects.exists()


@pytest.fixture
def attached(forum, dialog_user):
    """A file on the opening post of a Dialog thread."""
    thread = make_thread(forum, dialog_user)
    return attach(thread.posts.get())


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("samrad", 404),
        ("information", 404),
        ("other_forum", 403),
        ("dialog", 200),
        ("convener", 200),
    ],
)
def test_download_is_for_those_who_read_the_thread(
    client, forum, attached, convener, who, status
):
    if who == "other_forum":
        other = ForumFactory()
        user = member(other, Level.PARTNERSKAP)
    elif who == "convener":
        user = convener
    else:
        user = member(forum, Level[who.upper()])
    client.force_login(user)
    thread_status = client.get(url("thread_detail", forum, attached.post.thread_id))
    response = client.get(download_url(attached))
    assert response.status_code == thread_status.status_code == status
    if status == 200:
        assert content_of(response) == PDF


def test_anonymous_visitor_is_sent_to_sign_in(client, attached):
    response = client.get(download_url(attached))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_download_only_through_the_thread_the_file_belongs_to(
    client, forum, dialog_user, attached
):
    other_thread = make_thread(forum, dialog_user, title="Annan tråd")
    client.force_login(dialog_user)
    # The attachment id with a thread the member may read, but not its own.
    wrong = url("post_attachment", forum, other_thread.pk, attached.pk)
    assert client.get(wrong).status_code == 404
    # Nor through another forum the member takes part in.
    elsewhere = ForumFactory(slug="annat-forum")
    ParticipationFactory(
        forum=elsewhere,
        level=Level.PARTNERSKAP,
        organisation=dialog_user.memberships.get().organisation,
    )
    wrong = url("post_attachment", elsewhere, attached.post.thread_id, attached.pk)
    assert client.get(wrong).status_code == 404
    assert client.get(download_url(attached)).status_code == 200


def test_file_in_a_partnership_thread_is_not_for_dialog_members(
    client, forum, dialog_user
):
    partner = member(forum, Level.PARTNERSKAP)
    thread = make_thread(forum, partner, Visibility.PARTNERSKAP)
    attachment = attach(thread.posts.get())
    client.force_login(dialog_user)
    assert client.get(download_url(attachment)).status_code == 404
    client.force_login(partner)
    assert client.get(download_url(attachment)).status_code == 200


def test_download_is_read_only(client, dialog_user, attached):
    client.force_login(dialog_user)
    assert client.post(download_url(attached)).status_code == 405


def test_files_of_a_hidden_post_are_only_for_conveners(
    client, forum, dialog_user, convener
):
    thread = make_thread(forum, dialog_user)
    post = Post.objects.create(
        thread=thread,
        author=dialog_user,
        body="<p>Med personuppgifter</p>",
        hidden=True,
        hidden_reason="Personuppgifter",
    )
    attachment = attach(post, pdf("namnlista.pdf"))

    client.force_login(dialog_user)
    page = client.get(url("thread_detail", forum, thread.pk)).content.decode()
    assert "Inlägget är dolt av sammankallande: Personuppgifter" in page
    assert "namnlista.pdf" not in page
    assert not DOWNLOAD_LINK.findall(page)
    assert client.get(download_url(attachment)).status_code == 404

    client.force_login(convener)
    page = client.get(url("thread_detail", forum, thread.pk)).content.decode()
    assert f'href="{download_url(attachment)}"' in page
    assert ">namnlista.pdf</a>" in page
    response = client.get(download_url(attachment))
    assert response.status_code == 200
    assert content_of(response) == PDF
    moderation = client.get(url("post_moderate", forum, post.pk)).content.decode()
    assert f'href="{download_url(attachment)}"' in moderation

    # Shown again, the file is there for the members as well.
    Post.objects.filter(pk=post.pk).update(hidden=False, hidden_reason="")
    client.force_login(dialog_user)
    assert client.get(download_url(attachment)).status_code == 200


def test_files_are_listed_under_a_heading_in_their_post(client, forum, dialog_user):
    thread = make_thread(forum, dialog_user)
    attachment = attach(thread.posts.get())
    client.force_login(dialog_user)
    page = client.get(url("thread_detail", forum, thread.pk)).content.decode()
    article = re.search(
        rf'<article[^>]*id="inlagg-{attachment.post_id}".*?</article>', page, re.S
    ).group(0)
    assert '<h3 class="post__attachments-title">Bilagor</h3>' in article
    assert f'<a href="{download_url(attachment)}" download>yttrande.pdf</a>' in article
    assert "(PDF," in article


def test_file_is_stored_privately_and_goes_with_its_post(
    forum, dialog_user, django_capture_on_commit_callbacks
):
    thread = make_thread(forum, dialog_user)
    post = thread.posts.get()
    attachment = attach(post, pdf("Känsligt yttrande.pdf"))
    path = Path(attachment.file.path).resolve()
    assert path.read_bytes() == PDF
    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    # On disk the file has a random name, not the member's.
    assert "yttrande" not in path.name.lower()

    with django_capture_on_commit_callbacks(execute=True):
        post.delete()
        # Until the deletion is committed the file stays.
        assert path.exists()
    assert not path.exists()
    assert not attachment.file.storage.exists(attachment.file.name)


def test_deleting_a_thread_deletes_its_files(
    forum, dialog_user, django_capture_on_commit_callbacks
):
    thread = make_thread(forum, dialog_user)
    reply = Post.objects.create(thread=thread, author=dialog_user, body="<p>Svar</p>")
    paths = [Path(attach(post).file.path) for post in (thread.posts.first(), reply)]
    assert all(path.exists() for path in paths)
    with django_capture_on_commit_callbacks(execute=True):
        thread.delete()
    assert not any(path.exists() for path in paths)
    assert not PostAttachment.objects.exists()


def test_file_name_with_html_is_shown_as_text(client, forum, dialog_user):
    client.force_login(dialog_user)
    client.post(
        url("thread_create", forum),
        {
            "title": "Bilagor",
            "visibility": Visibility.DIALOG,
            "body": "<p>x</p>",
            "attachments": [
                pdf("<img src=x onerror=alert(1)>.pdf"),
                pdf("Tom & Jerry's <b>plan.pdf"),
            ],
        },
    )
    thread = Thread.objects.get()
    assert thread.posts.get().attachments.count() == 2
    page = client.get(url("thread_detail", forum, thread.pk)).content.decode()
    assert "<img src=x" not in page
    assert ">img src=x onerror=alert(1).pdf</a>" in page
    assert "<b>plan" not in page
    assert "Tom &amp; Jerry&#x27;s" in page
    assert len(DOWNLOAD_LINK.findall(page)) == 2


def thread_page_queries(client, forum, thread):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url("thread_detail", forum, thread.pk))
    assert response.status_code == 200
    return len(queries), response


def test_thread_page_queries_do_not_grow_with_posts_and_files(
    client, forum, dialog_user
):
    client.force_login(dialog_user)
    plain = make_thread(forum, dialog_user, title="Utan bilagor")
    busy = make_thread(forum, dialog_user, title="Med bilagor")
    busy.posts.all().delete()
    for i in range(5):
        author = member(forum, Level.DIALOG, organisation__name=f"Förening {i}")
        post = Post.objects.create(
            thread=busy,
            author=author,
            organisation=author.memberships.get().organisation,
            body=f"<p>Inlägg {i}</p>",
        )
        attach(post, pdf(f"bilaga-{i}-a.pdf"))
        attach(post, pdf(f"bilaga-{i}-b.pdf"))
    # Once to warm up whatever the first request of a session loads.
    thread_page_queries(client, forum, plain)

    few, _response = thread_page_queries(client, forum, plain)
    many, response = thread_page_queries(client, forum, busy)

    assert many == few
    posts = response.context["posts"]
    assert len(posts) == 5
    assert all(len(post.attachment_list) == 2 for post in posts)
    assert len(DOWNLOAD_LINK.findall(response.content.decode())) == 10
