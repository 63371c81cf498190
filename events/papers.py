"""Meeting papers: conveners add files to a meeting on the site and remove them.

A paper is a Wagtail document joined to the meeting by an
:class:`~events.models.EventAttachment`, so the document rule
(``core/documents/access.py``) serves it only to those who see the meeting.
Uploads are checked by ``core.attachments.check_upload`` like every other file
members add; a paper removed from its last meeting is deleted with its file.
"""

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.models import Collection, ReferenceIndex

from core.attachments import AttachmentsField
from core.documents.access import document_fields

from .models import EventAttachment

MAX_FILES = 5


class PapersForm(forms.Form):
    files = AttachmentsField(
        max_files=MAX_FILES,
        required=True,
        label=_("Möteshandlingar att lägga till"),
        error_messages={"required": _("Välj minst en fil att lägga till.")},
    )


@transaction.atomic
def add_papers(event, checked_uploads, user):
    """Store each checked upload as a document of ``event``; return the documents."""
    Document = get_document_model()
    collection = Collection.get_first_root_node()
    documents = []
    for checked in checked_uploads:
        document = Document(
            title=checked.name, collection=collection, uploaded_by_user=user
        )
        document.file.save(checked.name, checked.upload, save=False)
        document._set_document_file_metadata()
        document.save()
        EventAttachment.objects.create(event=event, document=document)
        documents.append(document)
    return documents


@transaction.atomic
def remove_paper(event, attachment_id):
    """Take the paper off ``event``; the document goes when nothing else uses it.

    Returns the removed paper's title, or None when ``event`` has no such paper
    (removed meanwhile, or another meeting's).
    """
    attachment = (
        EventAttachment.objects.select_for_update()
        .select_related("document")
        .filter(event=event, pk=attachment_id)
        .first()
    )
    if attachment is None:
        return None
    document = attachment.document
    attachment.delete()
    title = document.title
    if not in_use(document):
        document.file.delete(save=False)
        document.delete()
    return title


def in_use(document):
    """Whether another meeting, a consultation or a page holds ``document``."""
    return (
        any(
            model._default_manager.filter(**{field: document}).exists()
            for model, field in document_fields()
        )
        or ReferenceIndex.get_references_to(document).exists()
    )
