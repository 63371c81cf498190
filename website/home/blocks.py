from django.utils.translation import gettext_lazy as _
from wagtail import blocks

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3"]


class HeadingBlock(blocks.StructBlock):
    """A section heading; pages keep h1 for the title, sections start at h2."""

    text = blocks.CharBlock(label=_("Rubrik"), max_length=120)

    class Meta:
        icon = "title"
        label = _("Rubrik")
        template = "home/blocks/heading_block.html"


class LinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Sida"), required=False)
    url = blocks.URLBlock(label=_("Eller extern länk"), required=False)
    title = blocks.CharBlock(label=_("Länktext"), max_length=120)
    description = blocks.TextBlock(label=_("Kort beskrivning"), required=False)

    class Meta:
        icon = "link"
        label = _("Länk")


class LinkListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Rubrik"), max_length=120, required=False)
    links = blocks.ListBlock(LinkBlock(), label=_("Länkar"))

    class Meta:
        icon = "list-ul"
        label = _("Länklista")
        template = "home/blocks/link_list_block.html"


class NoticeBlock(blocks.StructBlock):
    """A short highlighted message, e.g. about changed opening hours."""

    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link"])

    class Meta:
        icon = "warning"
        label = _("Upplysning")
        template = "home/blocks/notice_block.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)
    links = LinkListBlock()
    notice = NoticeBlock()
