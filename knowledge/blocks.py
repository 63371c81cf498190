"""The body of knowledge pages: text, headings, images, documents, tables,
quotes, callouts and charts from the follow-up."""

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from knowledge.followup import embed

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3"]


class HeadingBlock(blocks.StructBlock):
    """A section heading; the title is the page's h1, sections start at h2."""

    text = blocks.CharBlock(label=_("Rubrik"), max_length=120)

    class Meta:
        icon = "title"
        label = _("Rubrik")
        template = "knowledge/blocks/heading_block.html"


class ImageBlock(blocks.StructBlock):
    """An image with its caption; on a page that is not public, a protected one."""

    image = ImageChooserBlock(
        label=_("Bild"),
        help_text=_(
            "På en sida som inte är offentlig: bara bilder som är markerade "
            "som skyddade."
        ),
    )
    caption = blocks.CharBlock(label=_("Bildtext"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("Bild")
        template = "knowledge/blocks/image_block.html"


class DocumentBlock(blocks.StructBlock):
    """A document from the library; it is served to those who see the page."""

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
        template = "knowledge/blocks/document_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Citat"))
    source = blocks.CharBlock(label=_("Vem som sa det"), max_length=200, required=False)

    class Meta:
        icon = "openquote"
        label = _("Citat")
        template = "knowledge/blocks/quote_block.html"


class CalloutBlock(blocks.StructBlock):
    """A highlighted box: a lesson learnt, a tip, a warning."""

    heading = blocks.CharBlock(label=_("Rubrik"), max_length=120, required=False)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link"])

    class Meta:
        icon = "warning"
        label = _("Faktaruta")
        template = "knowledge/blocks/callout_block.html"


class KnowledgeTableBlock(TableBlock):
    class Meta:
        icon = "table"
        label = _("Tabell")
        template = "knowledge/blocks/table_block.html"


class FollowUpChartBlock(blocks.StructBlock):
    """A chart of the target group from the follow-up, drawn when the page is
    read: the newest month's figures, masked, as the reader may see the
    situation report (someone who may not sees a line saying so)."""

    place = blocks.ChoiceBlock(choices=embed.places, label=_("Län eller delregion"))
    breakdown = blocks.ChoiceBlock(
        choices=embed.breakdowns, label=_("Målgruppen efter"), default="accommodation"
    )

    class Meta:
        icon = "table"
        label = _("Diagram från uppföljningen")
        template = "knowledge/blocks/followup_chart_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        user = getattr(request, "user", None)
        if user is None:
            user = AnonymousUser()
        context["chart"] = embed.chart_for(
            value.get("place"),
            value.get("breakdown"),
            user,
            chart_id=f"followup-chart-{id(value)}",
        )
        return context


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)
    image = ImageBlock()
    document = DocumentBlock()
    table = KnowledgeTableBlock(
        label=_("Tabell"),
        table_options={"renderer": "text", "autoColumnSize": False},
    )
    quote = QuoteBlock()
    callout = CalloutBlock()
    followup_chart = FollowUpChartBlock()
