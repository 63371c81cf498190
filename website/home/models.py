import datetime

from django.db import models
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.i18n.content import with_content_languages

from .blocks import BodyBlock, RelatedBlock, ShortcomingsBlock

# Where DIGG, which supervises the law, takes complaints about accessibility.
DIGG_COMPLAINT_URL = "https://www.digg.se/tdosanmalan"

# Translated pages keep the Swedish page's slug: the same address under every
# language's prefix, so that the language switcher finds the page in each.
SAME_SLUG_IN_EVERY_LANGUAGE = [SynchronizedField("slug", overridable=False)]

# A guidance page that nobody has confirmed for this long is reviewed again;
# its owner is reminded (``send_guidance_reminders``).
REVIEW_EVERY = datetime.timedelta(days=365)


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
        "knowledge.KnowledgeIndexPage",
    ]
    max_count = 1
    override_translatable_fields = SAME_SLUG_IN_EVERY_LANGUAGE

    class Meta:
        verbose_name = _("startsida")
        verbose_name_plural = _("startsidor")

    def get_context(self, request, *args, **kwargs):
        from . import front

        context = super().get_context(request, *args, **kwargs)
        directory = front.directory_page()
        context.update(
            {
                "directory": directory,
                "search_form": front.search_form() if directory else None,
                "events": front.next_public_events(),
                "activities": front.new_activities(directory),
                # Every guidance page under the home page in the reader's
                # language, the menu's and the others.
                "guidance_pages": with_content_languages(
                    GuidancePage.objects.child_of(self).live().public()
                ),
                "coordinators": front.coordinators(),
            }
        )
        context["knowledge_index"], context["knowledge_pages"] = front.knowledge()
        context["situation_reports"] = front.situation_reports()
        return context


class GuidancePageQuerySet(PageQuerySet):
    def reviewed_on(self):
        """Annotate ``reviewed_on``: the confirmed review date, else the day the
        page was first published (a page never reviewed is as old as that)."""
        return self.annotate(
            reviewed_on=Coalesce(
                "last_reviewed",
                TruncDate("first_published_at"),
                output_field=models.DateField(),
            )
        )

    def review_due(self, today=None):
        """Live pages in their own language (not aliases) whose last review is
        ``REVIEW_EVERY`` or longer ago."""
        today = today or timezone.localdate()
        return (
            self.live()
            .filter(alias_of__isnull=True)
            .reviewed_on()
            .filter(reviewed_on__lte=today - REVIEW_EVERY)
        )


class GuidancePage(Page):
    """A guidance page (vägledning): about TIA, accessibility, personal data."""

    intro = models.TextField(_("ingress"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("innehåll"), blank=True)
    related = StreamField(
        RelatedBlock(),
        verbose_name=_("relaterade länkar och dokument"),
        blank=True,
        help_text=_(
            "Sidor, externa länkar och dokument som läsaren kan gå vidare till. "
            "Ett dokument som länkas här blir offentligt."
        ),
    )
    last_reviewed = models.DateField(
        _("senast granskad"),
        null=True,
        blank=True,
        help_text=_(
            "Dagens datum när du har läst igenom sidan och bekräftar att den "
            "stämmer. Sidans ägare får en påminnelse när den inte har granskats "
            "på tolv månader."
        ),
    )

    objects = PageManager.from_queryset(GuidancePageQuerySet)()

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("related"),
        MultiFieldPanel(
            [FieldPanel("last_reviewed"), FieldPanel("owner")],
            heading=_("Granskning"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.GuidancePage"]
    subpage_types = ["home.GuidancePage", "directory.DirectoryPage"]
    # The review is the page's, in every language: translations show the date
    # the Swedish page was confirmed on.
    override_translatable_fields = SAME_SLUG_IN_EVERY_LANGUAGE + [
        SynchronizedField("last_reviewed", overridable=False)
    ]

    class Meta:
        verbose_name = _("vägledningssida")
        verbose_name_plural = _("vägledningssidor")

    def body_sections(self):
        """The body's blocks as ``(block, anchor)``: each heading's anchor id,
        unique on the page, and None for the other blocks."""
        sections = []
        taken = set()
        for number, block in enumerate(self.body, start=1):
            if block.block_type != "heading":
                sections.append((block, None))
                continue
            base = slugify(block.value["text"], allow_unicode=True) or f"del-{number}"
            anchor, suffix = base, 2
            while anchor in taken:
                anchor, suffix = f"{base}-{suffix}", suffix + 1
            taken.add(anchor)
            sections.append((block, anchor))
        return sections

    def table_of_contents(self):
        """``[(anchor, heading text)]``, when there are two headings or more:
        with fewer, a list of links saves nobody any scrolling."""
        entries = [
            (anchor, block.value["text"])
            for block, anchor in self.body_sections()
            if anchor
        ]
        return entries if len(entries) >= 2 else []

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
        context["sections"] = self.body_sections()
        context["table_of_contents"] = self.table_of_contents()
        return context


class GuidanceReviewReminder(models.Model):
    """When the owner of a guidance page was last reminded to review it, so
    that the daily job reminds once a period, not every day."""

    page = models.OneToOneField(
        GuidancePage,
        verbose_name=_("sida"),
        on_delete=models.CASCADE,
        related_name="review_reminder",
    )
    sent_on = models.DateField(_("påmind"))

    class Meta:
        verbose_name = _("påminnelse om granskning")
        verbose_name_plural = _("påminnelser om granskning")

    def __str__(self):
        return f"{self.page} ({self.sent_on})"

    def covers(self, reviewed_on, today):
        """Whether this reminder was about the review due now: sent after the
        page came due, and less than a period ago."""
        return self.sent_on >= reviewed_on + REVIEW_EVERY and (
            self.sent_on > today - REVIEW_EVERY
        )


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
