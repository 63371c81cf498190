"""Needs analyses and mappings (behovsanalys, kartläggning) of a sub-region."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from ..blocks import BodyBlock
from .pages import Kind, KnowledgePage, kind_widget


class NeedsAnalysisPage(KnowledgePage):
    """What the target group in a sub-region needs, how it was found out, and
    what is recommended; each recommendation followed up with a status."""

    KINDS = (Kind.NEEDS_ANALYSIS, Kind.MAPPING)

    period_start = models.DateField(_("period från"), null=True, blank=True)
    period_end = models.DateField(_("period till"), null=True, blank=True)
    method = StreamField(
        BodyBlock(),
        verbose_name=_("metod"),
        blank=True,
        help_text=_("Hur ni tog reda på behoven: enkäter, intervjuer, statistik."),
    )
    findings = StreamField(BodyBlock(), verbose_name=_("resultat"), blank=True)

    content_panels = (
        Page.content_panels
        + [
            FieldPanel("kind", widget=kind_widget(KINDS)),
            FieldPanel("intro"),
            FieldRowPanel(
                [FieldPanel("period_start"), FieldPanel("period_end")],
                heading=_("Period"),
            ),
            FieldPanel("method"),
            FieldPanel("findings"),
            MultiFieldPanel(
                [InlinePanel("recommendations", label=_("Rekommendation"))],
                heading=_("Rekommenderade åtgärder"),
            ),
        ]
        + KnowledgePage.about_panels
        + KnowledgePage.review_panels
    )
    search_fields = KnowledgePage.search_fields + [
        index.SearchField("method"),
        index.SearchField("findings"),
    ]
    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = []
    template = "knowledge/needs_analysis_page.html"

    class Meta:
        verbose_name = _("behovsanalys eller kartläggning")
        verbose_name_plural = _("behovsanalyser och kartläggningar")

    def clean(self):
        super().clean()
        errors = {}
        if self.kind not in self.KINDS:
            errors["kind"] = _("Välj behovsanalys eller kartläggning.")
        start, end = self.period_start, self.period_end
        if start and end and end < start:
            errors["period_end"] = _("Perioden slutar innan den börjar.")
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["recommendations"] = list(self.recommendations.all())
        return context

    def save(self, *args, **kwargs):
        if self.kind not in self.KINDS:
            self.kind = Kind.NEEDS_ANALYSIS
        super().save(*args, **kwargs)


class RecommendedAction(TranslatableMixin, Orderable):
    """A recommended action of a needs analysis, with how far it has come."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Föreslagen")
        PLANNED = "planned", _("Planerad")
        IN_PROGRESS = "in_progress", _("Pågår")
        DONE = "done", _("Genomförd")
        DROPPED = "dropped", _("Avförd")

    page = ParentalKey(
        NeedsAnalysisPage, on_delete=models.CASCADE, related_name="recommendations"
    )
    text = models.TextField(_("åtgärd"))
    responsible = models.CharField(
        _("ansvarig"),
        max_length=200,
        blank=True,
        help_text=_("Organisation eller funktion, inte en privatperson."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PROPOSED
    )

    panels = [FieldPanel("text"), FieldPanel("responsible"), FieldPanel("status")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("rekommenderad åtgärd")
        verbose_name_plural = _("rekommenderade åtgärder")

    def __str__(self):
        return self.text[:80]
