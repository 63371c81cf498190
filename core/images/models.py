"""The platform's images: public files, or protected ones served through a view.

A public image and its renditions live under ``MEDIA_ROOT/original_images/``
and ``MEDIA_ROOT/images/``, which the web server serves as plain files. A
*protected* image (``private``), for pages that not everyone may read, lives
under ``protected_images/`` and its renditions under ``protected_renditions/``,
which no URL maps to: ``core/images/views.py`` serves its renditions after
``core/images/access.py`` has said yes. Marking an image protected (or public
again) moves its file and drops its renditions.
"""

import os

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import (
    AbstractImage,
    AbstractRendition,
)
from wagtail.images.models import (
    Image as WagtailImage,
)

PUBLIC_FOLDER = "original_images"
PROTECTED_FOLDER = "protected_images"
PROTECTED_RENDITIONS = "protected_renditions"


class CustomImage(AbstractImage):
    """An image with the credit and alt text that public pages need."""

    alt_text = models.CharField(
        _("alternativtext"),
        max_length=255,
        blank=True,
        help_text=_(
            "Beskriv vad bilden visar för den som inte ser den. "
            "Lämna tomt om bilden bara är dekoration."
        ),
    )
    credit = models.CharField(_("fotograf/källa"), max_length=255, blank=True)
    private = models.BooleanField(
        _("skyddad"),
        default=False,
        help_text=_(
            "För sidor som inte alla får läsa: bilden lagras utanför de "
            "offentliga filerna och visas bara för den som får läsa en sida "
            "med bilden."
        ),
    )

    admin_form_fields = WagtailImage.admin_form_fields + (
        "alt_text",
        "credit",
        "private",
    )

    class Meta(AbstractImage.Meta):
        verbose_name = _("bild")
        verbose_name_plural = _("bilder")

    def get_upload_to(self, filename):
        path = super().get_upload_to(filename)
        if self.private:
            path = os.path.join(PROTECTED_FOLDER, os.path.basename(path))
        return path

    def save(self, *args, **kwargs):
        if self.pk and self.file:
            self._move_if_protection_changed()
        super().save(*args, **kwargs)

    def _move_if_protection_changed(self):
        """Keep the file in the folder its protection says: a protected image
        must not stay reachable as a public file, nor its renditions."""
        wanted = PROTECTED_FOLDER if self.private else PUBLIC_FOLDER
        folder = os.path.dirname(self.file.name)
        if folder == wanted:
            return
        storage = self.file.storage
        old_name = self.file.name
        with storage.open(old_name, "rb") as source:
            new_name = storage.save(
                os.path.join(wanted, os.path.basename(old_name)), source
            )
        self.file.name = new_name
        storage.delete(old_name)
        for rendition in self.renditions.all():
            rendition.file.delete(save=False)
            rendition.delete()


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(
        CustomImage,
        on_delete=models.CASCADE,
        related_name="renditions",
    )

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)

    def get_upload_to(self, filename):
        path = super().get_upload_to(filename)
        if self.image.private:
            path = os.path.join(PROTECTED_RENDITIONS, os.path.basename(path))
        return path
