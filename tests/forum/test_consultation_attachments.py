"""Files in consultation responses: attach, remove, history, download, access."""

import csv
import datetime
import io
import os

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from core.attachments import check_upload
from forum.models import (
    ConsultationResponse,
    Level,
    ResponseAttachment,
    ResponseVersion,
)
from tests.factories import (
    ForumFactory,
    MembershipFactory,
    OrganisationFactory,
    ParticipationFactory,
)
from tests.forum.consultation_helpers import (
    NOW,
    answer_data,
    client_for,
    make_consultation,
    url,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% yttrande fran Sensus\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def pdf(name="yttrande.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def png(name="karta.png"):
    return SimpleUploadedFile(name, PNG, content_type="image/png")


def stored_files():
    """Every file in the private storage (the test run's own folder)."""
    return {
        os.path.join(folder, name)
        for folder, _, names in os.walk(settings.PRIVATE_MEDIA_ROOT)
        for name in names
    }


def download(client, consultation, attachment):
    return client.get(url(consultation, f"bilagor/{attachment.pk}/"))


def body_of(response):
    # Reading the stream to its end closes the response the way a server would
    # (the test client keeps the database connection open); closing it again
    # by hand would close the test's connection on PostgreSQL.
    return b"".join(response.streaming_content)


def attach(response, name="bilaga.pdf", user=None):
    """A file in ``response`` as if a member had attached it."""
    return ResponseAttachment.create_from(
        check_upload(pdf(name)), user, response=response
    )


def respond_with_files(s, consultation, *files, text="Vårt svar"):
    """Anna saves Sensus's first response with ``files``; the response."""
    posted = client_for(s.anna).post(
        url(consultation, "svar/"),
        answer_data(consultation, 0, text) | {"attachments": list(files)},
    )
    assert posted.status_code == 302
    return ConsultationResponse.objects.get(
        consultation=consultation, organisation=s.sensus
    )


# -- attach, list, download, remove ------------------------------------------------


def test_attached_files_are_listed_and_download_as_they_were(s):
    consultation = make_consultation(s.forum)
    response = respond_with_files(s, consultation, pdf(), png())
    yttrande, karta = response.attachments.all()
    assert (yttrande.name, karta.name) == ("yttrande.pdf", "karta.png")
    assert yttrande.uploaded_by == s.anna

    form = client_for(s.anna).get(url(consultation, "svar/")).content.decode()
    assert 'enctype="multipart/form-data"' in form
    for attachment in (yttrande, karta):
        assert attachment.name in form
        assert url(consultation, f"bilagor/{attachment.pk}/") in form
        assert f'name="remove" value="{attachment.pk}"' in form  # "Ta bort"

    page = client_for(s.convener).get(url(consultation)).content.decode()
    assert "yttrande.pdf" in page and "karta.png" in page
    assert url(consultation, f"bilagor/{karta.pk}/") in page

    for client in (client_for(s.convener), client_for(s.bo)):
        got = download(client, consultation, yttrande)
        assert got.status_code == 200
        assert got["Content-Disposition"].startswith("attachment")
        assert "yttrande.pdf" in got["Content-Disposition"]
        assert "no-store" in got["Cache-Control"]
        assert got["Content-Type"] == "application/pdf"
        assert body_of(got) == PDF
    assert body_of(download(client_for(s.anna), consultation, karta)) == PNG


def test_removed_file_leaves_the_list_but_stays_in_the_history(s):
    consultation = make_consultation(s.forum, responses_visible=True)
    response = respond_with_files(s, consultation, pdf(), png())
    yttrande, karta = response.attachments.all()
    anna = client_for(s.anna)

    removed = anna.post(
        url(consultation, "svar/"),
        answer_data(consultation, 1, "Ändrat") | {"remove": [str(yttrande.pk)]},
    )
    assert removed.status_code == 302
    yttrande.refresh_from_db()
    assert yttrande.removed_at is not None and yttrande.removed_by == s.anna
    assert yttrande.file.storage.exists(yttrande.file.name)  # kept, not deleted
    assert list(ResponseAttachment.objects.order_by("pk")) == [yttrande, karta]

    form = anna.get(url(consultation, "svar/"))
    assert [a.name for a in form.context["attachments"]] == ["karta.png"]
    assert "yttrande.pdf" not in form.content.decode()
    page = client_for(s.convener).get(url(consultation)).content.decode()
    assert "karta.png" in page and "yttrande.pdf" not in page

    snapshots = {
        version.version: version.snapshot["attachments"]
        for version in ResponseVersion.objects.all()
    }
    assert snapshots == {1: ["yttrande.pdf", "karta.png"], 2: ["karta.png"]}
    history = client_for(s.convener).get(url(consultation, "svar/historik/"))
    [second, first] = history.context["history"]
    assert [name for name, _ in second["attachments"]] == ["karta.png"]
    assert [name for name, _ in first["attachments"]] == ["yttrande.pdf", "karta.png"]
    assert url(consultation, f"bilagor/{yttrande.pk}/") in history.content.decode()

    # The removed file: for conveners and the responding organisation only.
    assert body_of(download(client_for(s.convener), consultation, yttrande)) == PDF
    assert download(client_for(s.bo), consultation, yttrande).status_code == 200
    carl = client_for(s.carl)  # ABF, invited too; responses are visible
    assert download(carl, consultation, yttrande).status_code == 404
    assert body_of(download(carl, consultation, karta)) == PNG


def test_old_versions_without_files_show_none(s):
    consultation = make_consultation(s.forum)
    response = ConsultationResponse.objects.create(
        consultation=consultation, organisation=s.sensus, version=1
    )
    ResponseVersion.objects.create(
        response=response,
        version=1,
        snapshot={"general_comment": "Förr", "answers": {}},
    )
    history = client_for(s.anna).get(url(consultation, "svar/historik/"))
    assert history.status_code == 200
    assert history.context["history"][0]["attachments"] == []
    assert "Bilagor" not in history.content.decode()


# -- refused uploads ------------------------------------------------------------------


@pytest.mark.parametrize(
    "files, message",
    [
        (
            [SimpleUploadedFile("program.exe", b"MZ\x90\x00")],
            "program.exe: filtypen tas inte emot",
        ),
        (
            [pdf("faktura.pdf", b"MZ\x90\x00 not a pdf")],
            "faktura.pdf: innehållet stämmer inte med filändelsen .pdf",
        ),
        ([pdf("stor.pdf", PDF + b"x" * 200)], "stor.pdf: filen är"),
        ([pdf(f"del-{n}.pdf") for n in range(6)], "högst 5 filer"),
    ],
    ids=["exe", "renamed program", "too big", "six files"],
)
@override_settings(TIA=settings.TIA | {"ATTACHMENT_MAX_BYTES": 100})
def test_refused_files_are_explained_and_nothing_is_stored(s, files, message):
    consultation = make_consultation(s.forum)
    before = stored_files()
    page = client_for(s.anna).post(
        url(consultation, "svar/"),
        answer_data(consultation, 0, "Min text", comment="Mina synpunkter")
        | {"attachments": files},
    )
    assert page.status_code == 200
    html = page.content.decode()
    assert message in html
    assert "Min text på Fråga 1?" in html and "Mina synpunkter" in html
    assert page.context["form"].errors["attachments"]
    assert not ConsultationResponse.objects.exists()
    assert not ResponseAttachment.objects.exists()
    assert stored_files() == before


@pytest.mark.parametrize("when", ["closed", "not_open_yet"])
def test_no_files_outside_the_response_period(s, when):
    if when == "closed":
        consultation = make_consultation(s.forum, closed=True)
    else:
        consultation = make_consultation(
            s.forum,
            opens_at=NOW() + datetime.timedelta(days=1),
            deadline=NOW() + datetime.timedelta(days=5),
        )
    before = stored_files()
    refused = client_for(s.anna).post(
        url(consultation, "svar/"),
        answer_data(consultation, 0) | {"attachments": [pdf()]},
    )
    assert refused.status_code == 403
    assert not ResponseAttachment.objects.exists()
    assert not ConsultationResponse.objects.exists()
    assert stored_files() == before


def test_after_the_deadline_the_files_are_listed_without_remove(s):
    consultation = make_consultation(s.forum, closed=True)
    response = ConsultationResponse.objects.create(
        consultation=consultation, organisation=s.sensus, version=1
    )
    attachment = attach(response, "yttrande.pdf")
    page = client_for(s.anna).get(url(consultation, "svar/"))
    assert page.status_code == 200
    assert "yttrande.pdf" in page.content.decode()
    assert "remove" not in page.context["form"].fields
    assert "attachments" not in page.context["form"].fields
    refused = client_for(s.anna).post(
        url(consultation, "svar/"),
        answer_data(consultation, 1) | {"remove": [str(attachment.pk)]},
    )
    assert refused.status_code == 403
    attachment.refresh_from_db()
    assert attachment.removed_at is None


# -- two members at once ------------------------------------------------------------


def test_stale_save_keeps_the_files_but_not_the_text(s):
    consultation = make_consultation(s.forum)
    response = respond_with_files(s, consultation, pdf("annas.pdf"), text="Annas")
    [annas] = response.attachments.all()
    anna, bo = client_for(s.anna), client_for(s.bo)
    # Both have version 1 in front of them; Anna saves first.
    assert anna.post(
        url(consultation, "svar/"), answer_data(consultation, 1, "Annas nya")
    ).status_code == (302)
    conflict = bo.post(
        url(consultation, "svar/"),
        answer_data(consultation, 1, "Bos text")
        | {"attachments": [png("bos-karta.png")], "remove": [str(annas.pk)]},
    )
    assert conflict.status_code == 409
    html = conflict.content.decode()
    assert "Dina filer är sparade och hör nu till svaret: bos-karta.png" in html
    assert "Din text är inte sparad" in html
    assert "Filerna som du valde att ta bort finns kvar" in html
    assert "Bos text på Fråga 1?" in html  # still in the form

    response.refresh_from_db()
    assert response.answers.filter(text__startswith="Annas nya").count() == 2
    assert not response.answers.filter(text__startswith="Bos").exists()
    [bos] = response.attachments.filter(name="bos-karta.png")
    assert bos.uploaded_by == s.bo
    annas.refresh_from_db()
    assert annas.removed_at is None  # removals wait for a save that is not stale
    # The files are a version of their own, and Bo's form has it in front of him.
    assert response.version == 3
    assert response.versions.get(version=3).snapshot["attachments"] == [
        "annas.pdf",
        "bos-karta.png",
    ]
    assert conflict.context["form"].data["version"] == 3
    assert {a.name for a in conflict.context["attachments"]} == {
        "annas.pdf",
        "bos-karta.png",
    }
    # Saving again now replaces the text on purpose; nothing is stored twice.
    again = bo.post(
        url(consultation, "svar/"),
        conflict.context["form"].data.dict() | {"remove": [str(annas.pk)]},
    )
    assert again.status_code == 302
    assert response.attachments.filter(removed_at__isnull=True).get() == bos
    assert ResponseAttachment.objects.count() == 2


def test_stale_save_without_files_stores_nothing_new(s):
    consultation = make_consultation(s.forum)
    anna, bo = client_for(s.anna), client_for(s.bo)
    anna.post(url(consultation, "svar/"), answer_data(consultation, 0, "Annas"))
    conflict = bo.post(url(consultation, "svar/"), answer_data(consultation, 0, "Bo"))
    assert conflict.status_code == 409
    assert "Ditt svar är inte sparat" in conflict.content.decode()
    assert ConsultationResponse.objects.get().version == 1
    assert not ResponseAttachment.objects.exists()


# -- who gets a file -----------------------------------------------------------------


@pytest.fixture
def filed(s):
    """Sensus's response with one file, in a consultation that keeps it private."""
    consultation = make_consultation(s.forum)
    response = ConsultationResponse.objects.create(
        consultation=consultation, organisation=s.sensus, version=1
    )
    return consultation, attach(response, "yttrande.pdf", s.anna)


def test_the_responding_organisation_and_conveners_get_the_file(s, filed):
    consultation, attachment = filed
    for user in (s.anna, s.bo, s.convener):
        assert body_of(download(client_for(user), consultation, attachment)) == PDF


def test_other_invited_organisations_only_when_responses_are_visible(s, filed):
    consultation, attachment = filed
    carl = client_for(s.carl)
    assert download(carl, consultation, attachment).status_code == 404
    consultation.responses_visible = True
    consultation.save()
    assert body_of(download(carl, consultation, attachment)) == PDF


def test_nobody_else_gets_the_file(s, filed):
    consultation, attachment = filed
    consultation.responses_visible = True
    consultation.save()
    # Information level does not see the consultation at all.
    assert download(client_for(s.ivar), consultation, attachment).status_code == 404
    # A member of another forum only.
    elsewhere = ParticipationFactory(
        forum=ForumFactory(), level=Level.PARTNERSKAP
    ).organisation
    stranger = MembershipFactory(organisation=elsewhere).user
    assert download(client_for(stranger), consultation, attachment).status_code == 403
    anonymous = download(Client(), consultation, attachment)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/accounts/login/?next=")


def test_a_file_of_another_consultation_is_404(s, filed):
    consultation, attachment = filed
    other = make_consultation(s.forum, slug="annat", responses_visible=True)
    # Through the other consultation's URL, even for a convener.
    for user in (s.convener, s.anna):
        assert download(client_for(user), other, attachment).status_code == 404
    missing = client_for(s.convener).get(url(consultation, "bilagor/999999/"))
    assert missing.status_code == 404


def test_files_only_by_get(s, filed):
    consultation, attachment = filed
    posted = client_for(s.anna).post(url(consultation, f"bilagor/{attachment.pk}/"))
    assert posted.status_code == 405


# -- compilation, export, query counts -----------------------------------------------


def test_print_compilation_and_csv_export_name_the_files(s):
    consultation = make_consultation(s.forum)
    respond_with_files(s, consultation, pdf(), png())
    client_for(s.carl).post(url(consultation, "svar/"), answer_data(consultation, 0))
    printed = client_for(s.convener).get(url(consultation, "sammanstallning/"))
    assert "yttrande.pdf" in printed.content.decode()
    assert "karta.png" in printed.content.decode()

    export = client_for(s.convener).get(url(consultation, "svar.csv"))
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8")[1:])))
    assert rows[0][-1] == "Bilagor"
    files = {row[0]: row[-1] for row in rows[1:]}
    assert files == {"Sensus": "yttrande.pdf; karta.png", "ABF": ""}


def test_consultation_page_queries_do_not_grow_with_files(s):
    consultation = make_consultation(s.forum)
    client = client_for(s.convener)

    def add(count):
        for _ in range(count):
            response = ConsultationResponse.objects.create(
                consultation=consultation, organisation=OrganisationFactory(), version=1
            )
            for question in consultation.questions.all():
                response.answers.create(question=question, text="Svar")
            attach(response, "yttrande.pdf")
            attach(response, "bilaga.pdf")

    add(1)
    client.get(url(consultation))  # warm the caches (site, session)
    with CaptureQueriesContext(connection) as small:
        one = client.get(url(consultation))
    add(4)
    with CaptureQueriesContext(connection) as large:
        five = client.get(url(consultation))
    assert len(one.context["responses"]) == 1 and len(five.context["responses"]) == 5
    assert five.content.decode().count("yttrande.pdf") == 5
    assert len(large) == len(small)
