from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.i18n.content import with_content_languages

from .blocks import BodyBlock, ShortcomingsBlock

# Where DIGG, which supervises the law, takes complaints about accessibility.
DIGG_COMPLAINT_URL = "https://www.digg.se/tdosanmalan"

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
    # One home page, which every language's page tree has a copy of.
    subpage_types = [
        "home.GuidancePage",
        "home.AccessibilityStatementPage",
        "directory.DirectoryPage",
    ]
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


class AccessibilityStatementPage(Page):
    """The accessibility statement (tillgänglighetsredogörelse) that the law on
    accessibility to digital public services (DOS-lagen) requires, in the
    structure of DIGG's template: editors fill in the facts, the page writes
    DIGG's sections around them."""

    class Compliance(models.TextChoices):
        FULL = "full", _("Helt förenlig med lagen")
        PARTIAL = "partial", _("Delvis förenlig med lagen")
        NONE = "none", _("Inte förenlig med lagen")

    class Method(models.TextChoices):
        SELF_ASSESSMENT = "self", _("Självskattning (intern granskning)")
        INDEPENDENT = "independent", _("Oberoende granskning")

    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        help_text=_("Den som står bakom webbplatsen, t.ex. Länsstyrelsen Skåne."),
    )
    website = models.CharField(
        _("webbplats"),
        max_length=200,
        help_text=_(
            "Den webbplats som redogörelsen gäller, med namn eller adress, t.ex. "
            "TIA samverkansplattform."
        ),
    )
    compliance = models.CharField(
        _("förenlighet med lagen"),
        max_length=10,
        choices=Compliance.choices,
        default=Compliance.PARTIAL,
        help_text=_(
            "Hur väl webbplatsen uppfyller lagen om tillgänglighet till digital "
            "offentlig service. Delvis eller inte förenlig: beskriv bristerna nedan."
        ),
    )
    shortcomings = StreamField(
        ShortcomingsBlock(),
        verbose_name=_("kända brister"),
        blank=True,
        help_text=_(
            "Varje brist för sig: vad, vilket WCAG-kriterium och när den åtgärdas."
        ),
    )
    feedback_email = models.EmailField(_("e-post för synpunkter"), blank=True)
    feedback_phone = models.CharField(
        _("telefon för synpunkter"), max_length=40, blank=True
    )
    feedback_form_url = models.URLField(
        _("kontaktformulär"),
        blank=True,
        help_text=_("Adressen till ett kontaktformulär, t.ex. länsstyrelsens."),
    )
    response_days = models.PositiveSmallIntegerField(
        _("svarstid i arbetsdagar"),
        null=True,
        blank=True,
        help_text=_("Hur snart den som hör av sig normalt får svar."),
    )
    assessment_method = models.CharField(
        _("granskningsmetod"),
        max_length=12,
        choices=Method.choices,
        default=Method.SELF_ASSESSMENT,
    )
    assessed_by = models.CharField(
        _("granskad av"),
        max_length=200,
        blank=True,
        help_text=_("Vid oberoende granskning: vem som granskade."),
    )
    assessment_description = models.TextField(
        _("hur webbplatsen granskades"),
        blank=True,
        help_text=_("T.ex. verktyg, manuella tester, skärmläsare och vilka sidor."),
    )
    assessed_on = models.DateField(_("senaste bedömning"))
    website_published_on = models.DateField(
        _("webbplatsen publicerades"), null=True, blank=True
    )
    statement_updated_on = models.DateField(
        _("redogörelsen uppdaterades senast"),
        help_text=_("Lagen kräver att redogörelsen ses över regelbundet."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("organisation"), FieldPanel("website")],
            heading=_("Vem och vad"),
        ),
        FieldPanel("compliance"),
        FieldPanel("shortcomings"),
        MultiFieldPanel(
            [
                FieldPanel("feedback_email"),
                FieldPanel("feedback_phone"),
                FieldPanel("feedback_form_url"),
                FieldPanel("response_days"),
            ],
            heading=_("Synpunkter och brister"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("assessment_method"),
                FieldPanel("assessed_by"),
                FieldPanel("assessment_description"),
                FieldPanel("assessed_on"),
                FieldPanel("website_published_on"),
                FieldPanel("statement_updated_on"),
            ],
            heading=_("Hur webbplatsen granskats"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("website"),
        index.SearchField("search_summary"),
        index.SearchField("shortcomings"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("tillgänglighetsredogörelse")
        verbose_name_plural = _("tillgänglighetsredogörelser")

    def search_summary(self):
        """What the page is about in the words a visitor searches with: the
        page's own sections are the template's, which the index never sees."""
        return (
            f"Tillgänglighet för {self.website}: hur webbplatsen uppfyller lagen om "
            "tillgänglighet till digital offentlig service, kända brister och hur "
            "du rapporterar brister."
        )

    def shortcoming_sections(self):
        """The shortcomings under DIGG's headings, in DIGG's order, leaving
        out the headings that have none: (kind, heading, [block values])."""
        headings = {
            "non_compliance": _("Bristande förenlighet med lagkraven"),
            "disproportionate_burden": _("Oskäligt betungande anpassning"),
            "out_of_scope": _("Innehåll som inte omfattas av lagkraven"),
        }
        items = {kind: [] for kind in headings}
        for child in self.shortcomings:
            items[child.block_type].append(child.value)
        return [
            (kind, heading, items[kind])
            for kind, heading in headings.items()
            if items[kind]
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.shortcoming_sections()
        context["complaint_url"] = DIGG_COMPLAINT_URL
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
            "Lagen kräver en tillgänglighetsredogörelse på offentliga webbplatser. "
            "Sidfoten på varje sida länkar till den."
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
        PageChooserPanel("accessibility_page", "home.AccessibilityStatementPage"),
        FieldPanel("privacy_page"),
    ]

    class Meta:
        verbose_name = _("kontaktuppgifter")
