from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument


class CustomDocument(AbstractDocument):
    """A document with a short description and language, for readers who pick."""

    description = models.TextField(_("beskrivning"), blank=True)
    language = models.CharField(
        _("språk"),
        max_length=12,
        blank=True,
        help_text=_("Språket som dokumentet är skrivet på, t.ex. sv eller en."),
    )

    admin_form_fields = WagtailDocument.admin_form_fields + ("description", "language")

    class Meta(AbstractDocument.Meta):
        verbose_name = _("dokument")
        verbose_name_plural = _("dokument")
