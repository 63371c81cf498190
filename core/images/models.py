from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import (
    AbstractImage,
    AbstractRendition,
)
from wagtail.images.models import (
    Image as WagtailImage,
)


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

    admin_form_fields = WagtailImage.admin_form_fields + ("alt_text", "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = _("bild")
        verbose_name_plural = _("bilder")


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(
        CustomImage,
        on_delete=models.CASCADE,
        related_name="renditions",
    )

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
