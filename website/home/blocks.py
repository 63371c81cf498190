from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

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


class RelatedPageBlock(blocks.StructBlock):
    """A page of this site that reads on from a guidance page."""

    page = blocks.PageChooserBlock(label=_("Sida"))
    title = blocks.CharBlock(
        label=_("Länktext"),
        max_length=120,
        required=False,
        help_text=_("Tomt: sidans rubrik."),
    )

    class Meta:
        icon = "doc-empty-inverse"
        label = _("Sida på webbplatsen")


class RelatedLinkBlock(blocks.StructBlock):
    """A page elsewhere, e.g. Migrationsverket's."""

    url = blocks.URLBlock(label=_("Adress"))
    title = blocks.CharBlock(label=_("Länktext"), max_length=120)

    class Meta:
        icon = "link-external"
        label = _("Extern länk")


class RelatedDocumentBlock(blocks.StructBlock):
    """A document from the document library; linking it here makes it public."""

    document = DocumentChooserBlock(label=_("Dokument"))
    title = blocks.CharBlock(
        label=_("Länktext"),
        max_length=120,
        required=False,
        help_text=_("Tomt: dokumentets titel."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Dokument")


class RelatedBlock(blocks.StreamBlock):
    """The related links and documents under a guidance page."""

    page = RelatedPageBlock()
    link = RelatedLinkBlock()
    document = RelatedDocumentBlock()


class ShortcomingBlock(blocks.StructBlock):
    """Content that does not meet a requirement, and when it will."""

    description = blocks.TextBlock(
        label=_("Vad som inte är tillgängligt"),
        help_text=_("Beskriv bristen så att en besökare förstår vad den innebär."),
    )
    criterion = blocks.CharBlock(
        label=_("WCAG-kriterium"),
        max_length=120,
        required=False,
        help_text=_("T.ex. 1.4.3 Kontrast (minimum)."),
    )
    fix_by = blocks.DateBlock(
        label=_("Åtgärdas senast"),
        required=False,
        help_text=_("När ni planerar att ha åtgärdat bristen."),
    )

    class Meta:
        icon = "warning"
        label = _("Bristande förenlighet med lagkraven")


class BurdenBlock(blocks.StructBlock):
    """Content left as it is because fixing it would be a disproportionate burden."""

    description = blocks.TextBlock(label=_("Vad som inte är tillgängligt"))
    criterion = blocks.CharBlock(
        label=_("WCAG-kriterium"), max_length=120, required=False
    )
    reason = blocks.TextBlock(
        label=_("Varför anpassningen vore oskäligt betungande"),
        help_text=_("Lagen kräver en bedömning: kostnad mot nytta för användarna."),
    )

    class Meta:
        icon = "warning"
        label = _("Oskäligt betungande anpassning")


class OutOfScopeBlock(blocks.StructBlock):
    """Content that the law does not cover, e.g. documents published before
    23 September 2018 or live video."""

    description = blocks.TextBlock(label=_("Vilket innehåll"))

    class Meta:
        icon = "info-circle"
        label = _("Innehåll som inte omfattas av lagkraven")


class ShortcomingsBlock(blocks.StreamBlock):
    """The known shortcomings, each under one of DIGG's three headings."""

    non_compliance = ShortcomingBlock()
    disproportionate_burden = BurdenBlock()
    out_of_scope = OutOfScopeBlock()
