"""Files that members attach to forum content, out of the web server's reach.

Uploads go to the ``private`` storage (``PRIVATE_MEDIA_ROOT``), which no URL
maps to. The only way to read one is a view that has found the object it
belongs to through the access rule and then calls :func:`serve`. A concrete
model subclasses :class:`AttachedFile` and adds the foreign key to what the
file is attached to.

What is accepted is checked on the server, whatever the browser's ``accept``
said: a short list of document and image formats, the file's first bytes
must match its extension (a renamed program is refused), and a size limit.
The name the member gave the file is kept for display and download; on disk
the file gets a random name.
"""

import logging
import os
import unicodedata
import uuid
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.files.storage import storages
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.http import FileResponse, Http404
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from core.conf import setting

logger = logging.getLogger(__name__)

ZIP = b"PK\x03\x04"
# extension: (content type, accepted first bytes; None for text)
FORMATS = {
    "pdf": ("application/pdf", (b"%PDF-",)),
    "odt": ("application/vnd.oasis.opendocument.text", (ZIP,)),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", (ZIP,)),
    "odp": ("application/vnd.oasis.opendocument.presentation", (ZIP,)),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (ZIP,),
    ),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        (ZIP,),
    ),
    "pptx": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        (ZIP,),
    ),
    "txt": ("text/plain; charset=utf-8", None),
    "csv": ("text/csv; charset=utf-8", None),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
}
ACCEPT = ",".join(f".{extension}" for extension in FORMATS)
MAX_NAME_LENGTH = 150


def max_bytes():
    """The size limit per file, read on every check (tests override it)."""
    return setting("ATTACHMENT_MAX_BYTES")


def private_storage():
    return storages[setting("PRIVATE_STORAGE")]


def stored_name(instance, filename):
    """A random name under the month of upload; the member's name is kept apart."""
    extension = os.path.splitext(filename)[1].lower()
    return f"bilagor/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"


def display_name(filename):
    """The member's file name without folders, control characters or quotes."""
    name = unicodedata.normalize("NFC", filename or "")
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(
        char
        for char in name
        if unicodedata.category(char)[0] != "C" and char not in '"<>|*?:'
    ).strip(" .")
    stem, extension = os.path.splitext(name)
    if len(name) > MAX_NAME_LENGTH:
        name = stem[: MAX_NAME_LENGTH - len(extension)].rstrip() + extension
    return name


@dataclass
class CheckedUpload:
    upload: object
    name: str
    content_type: str


def check_upload(upload):
    """The upload with its clean name and type, or a ValidationError saying why not."""
    name = display_name(getattr(upload, "name", ""))
    extension = os.path.splitext(name)[1].lower().lstrip(".")
    shown = name or _("(utan namn)")
    if extension not in FORMATS:
        raise forms.ValidationError(
            _(
                "%(name)s: filtypen tas inte emot. Tillåtna är PDF, OpenDocument, "
                "Word, Excel, PowerPoint, text, CSV, PNG och JPEG."
            ),
            code="file_type",
            params={"name": shown},
        )
    if not upload.size:
        raise forms.ValidationError(
            _("%(name)s: filen är tom."), code="empty", params={"name": shown}
        )
    if upload.size > max_bytes():
        raise forms.ValidationError(
            _("%(name)s: filen är %(size)s. Största tillåtna storlek är %(max)s."),
            code="too_big",
            params={
                "name": shown,
                "size": filesizeformat(upload.size),
                "max": filesizeformat(max_bytes()),
            },
        )
    content_type, signatures = FORMATS[extension]
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    if signatures is None:
        looks_right = b"\x00" not in head
    else:
        looks_right = any(head.startswith(signature) for signature in signatures)
    if not looks_right:
        raise forms.ValidationError(
            _(
                "%(name)s: innehållet stämmer inte med filändelsen .%(extension)s. "
                "Spara filen i rätt format och försök igen."
            ),
            code="mismatch",
            params={"name": shown, "extension": extension},
        )
    return CheckedUpload(upload=upload, name=name, content_type=content_type)


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Zero or more files, each checked by :func:`check_upload`.

    ``cleaned_data`` holds a list of :class:`CheckedUpload`.
    """

    def __init__(self, *, max_files=5, **kwargs):
        self.max_files = max_files
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Bilagor"))
        kwargs.setdefault(
            "help_text",
            format_lazy(
                ngettext_lazy(
                    "Högst {count} fil om högst {size}: PDF, OpenDocument, Word, "
                    "Excel, PowerPoint, text, CSV, PNG eller JPEG.",
                    "Högst {count} filer om högst {size} var: PDF, OpenDocument, "
                    "Word, Excel, PowerPoint, text, CSV, PNG eller JPEG.",
                    max_files,
                ),
                count=max_files,
                size=lazy(lambda: filesizeformat(max_bytes()), str)(),
            ),
        )
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        if not data:
            files = []
        elif isinstance(data, list | tuple):
            files = [upload for upload in data if upload]
        else:
            files = [data]
        if self.required and not files:
            raise forms.ValidationError(self.error_messages["required"], "required")
        if len(files) > self.max_files:
            raise forms.ValidationError(
                ngettext_lazy(
                    "Du kan bifoga högst %(count)d fil åt gången.",
                    "Du kan bifoga högst %(count)d filer åt gången.",
                    "count",
                ),
                code="too_many",
                params={"count": self.max_files},
            )
        checked, errors = [], []
        for upload in files:
            try:
                checked.append(check_upload(upload))
            except forms.ValidationError as error:
                errors.append(error)
        if errors:
            raise forms.ValidationError(errors)
        return checked

    def has_changed(self, initial, data):
        return bool(data)


class AttachedFile(models.Model):
    """A member's file; subclasses add the foreign key to what it belongs to."""

    file = models.FileField(
        _("fil"), storage=private_storage, upload_to=stored_name, max_length=200
    )
    name = models.CharField(_("filnamn"), max_length=MAX_NAME_LENGTH)
    size = models.PositiveBigIntegerField(_("storlek"))
    content_type = models.CharField(_("filtyp"), max_length=120)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bifogad av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("bifogad"), default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.name

    @classmethod
    def create_from(cls, checked, user, **fields):
        """Store a :class:`CheckedUpload` and its row."""
        attachment = cls(
            name=checked.name,
            size=checked.upload.size,
            content_type=checked.content_type,
            uploaded_by=user,
            **fields,
        )
        attachment.file.save(checked.name, checked.upload, save=False)
        attachment.save()
        return attachment

    @property
    def extension(self):
        return os.path.splitext(self.name)[1].lstrip(".").upper()


def delete_stored_file(sender, instance, **kwargs):
    """When a row goes (also by cascade), its file goes once the transaction holds."""
    if instance.file:
        storage, name = instance.file.storage, instance.file.name
        transaction.on_commit(lambda: storage.delete(name))


def connect_file_cleanup(models):
    """Connect :func:`delete_stored_file` to each concrete attachment model by
    name, so that deleting any other row never calls it (``CoreConfig.ready``)."""
    for model in models:
        if issubclass(model, AttachedFile) and not model._meta.abstract:
            post_delete.connect(
                delete_stored_file,
                sender=model,
                dispatch_uid=f"delete_stored_file_{model._meta.label}",
            )


def serve(attachment):
    """The file as a download. Call only after the access rule has allowed it."""
    try:
        handle = attachment.file.open("rb")
    except (FileNotFoundError, ValueError):
        logger.error("Attachment %s: file %s missing", attachment.pk, attachment.file)
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.name,
        content_type=attachment.content_type,
    )
    # Members-only content: never kept by a shared cache, never run as a page.
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    return response
