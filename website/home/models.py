from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.i18n.content import with_content_languages

from .blocks import BodyBlock

# Translated pages keep the Swedish page's slug: the same address under every
# language's prefix, so that the language switcher finds the page in each.
SAME_SLUG_IN_EVERY_LANGUAGE = [SynchronizedField("slug", overridable=False)]


class HomePage(Page):
    """The public front page: what TIA is and where to go next."""

    intro = models.TextField(
        _("ingress"),
        blank=True,
        help_text=_("Ett eller två meningar som säger vad webbplatsen är till för."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("innehåll"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.GuidancePage", "directory.DirectoryPage"]
    # One home page, which every language's page tree has a copy of.
    max_count = 1
    override_translatable_fields = SAME_SLUG_IN_EVERY_LANGUAGE

    class Meta:
        verbose_name = _("startsida")
        verbose_name_plural = _("startsidor")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guidance_pages"] = with_content_languages(
            GuidancePage.objects.child_of(self).live().public().in_menu()
        )
        return context


class GuidancePage(Page):
    """A guidance page (vägledning): about TIA, accessibility, personal data."""

    intro = models.TextField(_("ingress"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("innehåll"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.GuidancePage"]
    subpage_types = ["home.GuidancePage", "directory.DirectoryPage"]
    override_translatable_fields = SAME_SLUG_IN_EVERY_LANGUAGE

    class Meta:
        verbose_name = _("vägledningssida")
        verbose_name_plural = _("vägledningssidor")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Below the site root: the home page and the pages above this one, in
        # this page's language tree.
        context["breadcrumbs"] = with_content_languages(
            self.get_ancestors().filter(depth__gt=1)
        )
        context["subpages"] = with_content_languages(
            GuidancePage.objects.child_of(self).live().public()
        )
        return context


@register_setting(icon="mail")
class ContactSettings(BaseSiteSetting):
    """Who runs the site and how to reach them; shown in every page's footer."""

    organisation = models.CharField(
        _("ansvarig organisation"),
        max_length=200,
        blank=True,
        help_text=_("T.ex. Länsstyrelsen Skåne."),
    )
    email = models.EmailField(_("e-post"), blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    address = models.TextField(_("postadress"), blank=True)
    contact_page = models.ForeignKey(
        Page,
        verbose_name=_("kontaktsida"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        Page,
        verbose_name=_("tillgänglighetsredogörelse"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Lagen kräver en tillgänglighetsredogörelse på offentliga webbplatser."
        ),
    )
    privacy_page = models.ForeignKey(
        Page,
        verbose_name=_("personuppgifter och kakor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("email"),
                FieldPanel("phone"),
                FieldPanel("address"),
            ],
            heading=_("Kontaktväg"),
        ),
        FieldPanel("contact_page"),
        FieldPanel("accessibility_page"),
        FieldPanel("privacy_page"),
    ]

    class Meta:
        verbose_name = _("kontaktuppgifter")
