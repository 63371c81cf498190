"""Notes from network meetings and site visits, linked to the calendar's meeting."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from events.models import Event

from ..blocks import BodyBlock
from .pages import Kind, KnowledgePage, kind_widget


class MeetingNotesPage(KnowledgePage):
    """Meeting notes (minnesanteckningar) of a network meeting or site visit;
    the forum's formal minutes stay with the meeting in the calendar."""

    KINDS = (Kind.NETWORK_MEETING, Kind.SITE_VISIT)

    meeting = models.ForeignKey(
        Event,
        verbose_name=_("möte i kalendern"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="knowledge_notes",
        help_text=_("Mötet i forumets kalender, när det finns ett."),
    )
    place = models.CharField(_("plats"), max_length=200, blank=True)
    participants = models.TextField(
        _("deltagande organisationer"),
        blank=True,
        help_text=_("Organisationer och funktioner, inte namn på privatpersoner."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("anteckningar"), blank=True)

    content_panels = (
        Page.content_panels
        + [
            FieldPanel("kind", widget=kind_widget(KINDS)),
            FieldPanel("meeting"),
            FieldPanel("place"),
            FieldPanel("participants"),
            FieldPanel("intro"),
            FieldPanel("body"),
        ]
        + KnowledgePage.about_panels
        + KnowledgePage.review_panels
    )
    search_fields = KnowledgePage.search_fields + [index.SearchField("body")]
    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = []
    template = "knowledge/meeting_notes_page.html"

    class Meta:
        verbose_name = _("mötesanteckningar")
        verbose_name_plural = _("mötesanteckningar")

    def clean(self):
        super().clean()
        errors = {}
        if self.kind not in self.KINDS:
            errors["kind"] = _("Välj nätverksmöte eller verksamhetsbesök.")
        if self.meeting_id and self.forum_id and self.meeting.forum_id != self.forum_id:
            errors["meeting"] = _("Mötet hör till ett annat forum.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.kind not in self.KINDS:
            self.kind = Kind.NETWORK_MEETING
        super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["meeting"] = self.meeting_for(request.user)
        return context

    def meeting_for(self, user):
        """The linked meeting if ``user`` sees it in the calendar, else None."""
        if not self.meeting_id:
            return None
        return Event.objects.visible_to(user).filter(pk=self.meeting_id).first()
