"""Demo files: meeting papers, a consultation's proposal and members' attachments.

The PDFs are written here, page by page, so that the demo needs no fixture
files: one page of Helvetica text each. Staff papers are Wagtail documents
(attached to a meeting and to a consultation); members' files are attachments
in the private storage (a response to the open consultation, a dialog post).
Each is created once: a second run finds it by its title or name.
"""

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model

from core.attachments import check_upload
from events.models import Event, EventAttachment
from forum.models import (
    Consultation,
    ConsultationDocument,
    ConsultationResponse,
    Post,
    PostAttachment,
    ResponseAttachment,
)
from website.demo.events import NEXT_FORUM_MEETING
from website.demo.forum_work import ELIN, OPEN_CONSULTATION, THREADS
from website.demo.loader import load

DATA = load("documents")
# (title, file name, the lines of the PDF)
MEETING_PAPER = tuple(DATA["meeting_paper"].values())
CONSULTATION_PAPER = tuple(DATA["consultation_paper"].values())
# (organisation, file name, lines): attached to that organisation's response
RESPONSE_FILE = tuple(DATA["response_file"].values())
# (file name, lines): attached to the partner's post in the first thread
POST_FILE = tuple(DATA["post_file"].values())


def pdf_bytes(lines):
    """A one-page A4 PDF: the first line as a heading, then the rest."""

    def literal(text):
        raw = text.replace("–", "-").encode("cp1252")
        return (
            b"("
            + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
            + b")"
        )

    title, *rest = lines
    stream = (
        b"BT /F2 15 Tf 56 780 Td "
        + literal(title)
        + b" Tj /F1 12 Tf 16 TL 0 -8 Td "
        + b" ".join(literal(line) + b" '" for line in rest)
        + b" ET"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R /F2 6 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        b"/Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold "
        b"/Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def wagtail_document(title, filename, lines):
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document.objects.create(
            title=title,
            language="sv",
            file=ContentFile(pdf_bytes(lines), name=filename),
        )
    return document


def upload(name, lines):
    return check_upload(
        SimpleUploadedFile(name, pdf_bytes(lines), content_type="application/pdf")
    )


def create_documents():
    """Attach the demo files; returns how many were created."""
    created = 0
    meeting = Event.objects.filter(title=NEXT_FORUM_MEETING).first()
    if meeting and not meeting.attachments.exists():
        EventAttachment.objects.create(
            event=meeting, document=wagtail_document(*MEETING_PAPER)
        )
        created += 1
    consultation = Consultation.objects.filter(slug=OPEN_CONSULTATION["slug"]).first()
    if consultation and not consultation.documents.exists():
        ConsultationDocument.objects.create(
            consultation=consultation, document=wagtail_document(*CONSULTATION_PAPER)
        )
        created += 1
    organisation, name, lines = RESPONSE_FILE
    response = ConsultationResponse.objects.filter(
        consultation=consultation, organisation__slug=organisation
    ).first()
    if response and not response.attachments.exists():
        ResponseAttachment.create_from(
            upload(name, lines), response.updated_by, response=response
        )
        # The response's latest version had the file too.
        latest = response.versions.order_by("-version").first()
        if latest:
            latest.snapshot = {**latest.snapshot, "attachments": [name]}
            latest.save(update_fields=["snapshot"])
        created += 1
    post = (
        Post.objects.filter(thread__title=THREADS[0]["title"], author__email=ELIN)
        .order_by("created_at")
        .first()
    )
    if post and not post.attachments.exists():
        PostAttachment.create_from(upload(*POST_FILE), post.author, post=post)
        created += 1
    return created


def document_summary():
    """One line: the demo's documents and attachments."""
    return (
        f"Dokument: {EventAttachment.objects.count()} möteshandlingar, "
        f"{ConsultationDocument.objects.count()} samrådsdokument, "
        f"{ResponseAttachment.objects.count()} bilagor till samrådssvar, "
        f"{PostAttachment.objects.count()} bilagor i dialogen"
    )
