"""Knowledge articles: what coordinators and authorities have learnt."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import BodyBlock
from .pages import Kind, KnowledgePage


class ArticlePage(KnowledgePage):
    """An article: rich text with headings, images, documents, tables, quotes
    and callouts."""

    body = StreamField(BodyBlock(), verbose_name=_("innehåll"), blank=True)

    content_panels = (
        Page.content_panels
        + [FieldPanel("intro"), FieldPanel("body")]
        + KnowledgePage.about_panels
        + KnowledgePage.review_panels
    )
    search_fields = KnowledgePage.search_fields + [index.SearchField("body")]
    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = []
    template = "knowledge/article_page.html"

    class Meta:
        verbose_name = _("kunskapsartikel")
        verbose_name_plural = _("kunskapsartiklar")

    def save(self, *args, **kwargs):
        self.kind = Kind.ARTICLE
        super().save(*args, **kwargs)
