"""The knowledge room's pages: the index pages and what every knowledge page has.

Every knowledge page (article, needs analysis or mapping, meeting notes) is a
:class:`KnowledgePage`: one table with the forum, the visibility, the
sub-region, the municipalities, the tags and the review date, so that a list
of every kind is one query and the access rule (``forum/access.py``) is
applied once, in :meth:`KnowledgePageQuerySet.visible_to`.
"""

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager, PagePermissionTester, Revision
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.conf import setting
from core.geography.models import Municipality, SubRegion
from core.query import reads_query
from forum import access
from forum.models import Forum, Visibility

from .review import in_review, is_reviewing_coordinator

# The kinds of knowledge page, as the lists filter them (``?typ=``).
CONTENT_TYPES = [
    "knowledge.ArticlePage",
    "knowledge.NeedsAnalysisPage",
    "knowledge.MeetingNotesPage",
]

# The address and the review are the Swedish page's in every language; who
# sees a page is never a translator's choice.
SYNCHRONISED = [
    SynchronizedField("slug", overridable=False),
    SynchronizedField("last_reviewed", overridable=False),
    SynchronizedField("forum", overridable=False),
    SynchronizedField("visibility", overridable=False),
    SynchronizedField("subregion", overridable=False),
    SynchronizedField("date", overridable=False),
]


def parent_page_types():
    """Where an index page may stand: the host's page types (TIA setting) and
    another index page (a forum's under the public one); anywhere when the
    host names none."""
    host = setting("KNOWLEDGE_PARENT_PAGE_TYPES")
    return None if host is None else [*host, "knowledge.KnowledgeIndexPage"]


class Kind(models.TextChoices):
    """What a knowledge page is, for lists and filters."""

    ARTICLE = "article", _("Artikel")
    NEEDS_ANALYSIS = "needs_analysis", _("Behovsanalys")
    MAPPING = "mapping", _("Kartläggning")
    NETWORK_MEETING = "network_meeting", _("Anteckningar från nätverksmöte")
    SITE_VISIT = "site_visit", _("Anteckningar från verksamhetsbesök")


def kind_widget(kinds):
    """The admin's choice among the kinds a page type may be."""
    return forms.RadioSelect(choices=[(kind.value, kind.label) for kind in kinds])


class KnowledgeIndexPage(RoutablePageMixin, Page):
    """A list of knowledge pages: the public one, or one forum's; its public
    pages as RSS and Atom feeds, for a tag too (``knowledge/feeds.py``)."""

    intro = models.TextField(_("ingress"), blank=True)
    forum = models.ForeignKey(
        Forum,
        verbose_name=_("forum"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="knowledge_indexes",
        help_text=_(
            "Tomt för den offentliga kunskapsbanken. Ett forum har en egen "
            "kunskapsbank, som forumets sida länkar till."
        ),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("forum")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = parent_page_types()
    subpage_types = ["knowledge.KnowledgeIndexPage", *CONTENT_TYPES]
    override_translatable_fields = [
        SynchronizedField("slug", overridable=False),
        SynchronizedField("forum", overridable=False),
    ]

    class Meta:
        verbose_name = _("kunskapsbank")
        verbose_name_plural = _("kunskapsbanker")

    def clean(self):
        super().clean()
        if self.forum_id:
            others = KnowledgeIndexPage.objects.filter(
                forum_id=self.forum_id, locale_id=self.locale_id
            ).exclude(pk=self.pk)
            if others.exists():
                raise ValidationError(
                    {"forum": _("Forumet har redan en kunskapsbank.")}
                )

    @reads_query("knowledge.forms.KnowledgeQueryForm")
    def get_context(self, request, *args, query_form, **kwargs):
        from ..listing import index_context

        context = super().get_context(request, *args, **kwargs)
        form = query_form(index=self, user=request.user)
        context.update(index_context(self, request, form))
        return context

    @path("rss/", name="rss")
    def rss(self, request):
        from ..feeds import feed

        return feed(request, self, "rss")

    @path("atom/", name="atom")
    def atom(self, request):
        from ..feeds import feed

        return feed(request, self, "atom")

    @path("tagg/<slug:tag>/rss/", name="tag_rss")
    def tag_rss(self, request, tag):
        from ..feeds import feed

        return feed(request, self, "rss", tag)

    @path("tagg/<slug:tag>/atom/", name="tag_atom")
    def tag_atom(self, request, tag):
        from ..feeds import feed

        return feed(request, self, "atom", tag)

    @classmethod
    def public_index(cls, locale_id=None):
        """The live public index page in the locale (else any live one)."""
        pages = cls.objects.live().public().filter(forum__isnull=True)
        if locale_id:
            here = pages.filter(locale_id=locale_id).first()
            if here:
                return here
        return pages.first()


class PageMunicipality(Municipality):
    """A municipality as pages name it: modelcluster keeps a page's unsaved
    municipalities sorted in Python, which it cannot do by the Swedish
    collation of ``Municipality.Meta.ordering``."""

    class Meta:
        proxy = True
        ordering = ["name"]
        verbose_name = _("kommun")
        verbose_name_plural = _("kommuner")


class KnowledgePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "knowledge.KnowledgePage",
        on_delete=models.CASCADE,
        related_name="tagged_items",
    )


class KnowledgePageQuerySet(PageQuerySet):
    def visible_to(self, user):
        """Live pages ``user`` may read: Wagtail's view restrictions and the
        forum's access rule (public, or the person's level in the page's forum)."""
        return (
            self.live().public().filter(access.visible_q(user, "forum", "visibility"))
        )

    def admin_visible_to(self, user):
        """Pages ``user`` may read in the Wagtail admin, drafts included: those
        the forum's access rule opens (``visible_q``: their level, conveners,
        county administrators), the pages they own or wrote a revision of, and,
        for a coordinator who reviews, the pages waiting for the review
        (``models/review.py``; the other reviewers, conveners and county
        administrators, read them through the rule already). Superusers read
        everything. The explorer, the page chooser, the admin's page views and
        its document library all ask this (``knowledge/wagtail_hooks.py``).
        """
        if not (user.is_authenticated and user.is_active):
            return self.none()
        rule = access.visible_q(user, "forum", "visibility")
        if user.is_superuser or not rule:
            # An empty Q is the rule's "everything" (county administrators);
            # OR-ed with more it would shrink to the rest.
            return self.all()
        wrote = Exists(
            Revision.objects.filter(
                base_content_type=ContentType.objects.get_for_model(Page),
                object_id=Cast(OuterRef("pk"), CharField()),
                user=user,
            )
        )
        readable = rule | Q(owner=user)
        readable |= Q(wrote)
        if is_reviewing_coordinator(user):
            readable |= Q(in_review())
        return self.filter(readable)

    def admin_hidden_from(self, user):
        """The pages :meth:`admin_visible_to` leaves out, for excluding them
        from a queryset of pages of every type."""
        return self.exclude(pk__in=self.admin_visible_to(user).values("pk"))

    def public_only(self):
        """What every visitor may read: the lists, search and sitemap of the
        public site."""
        return self.live().public().filter(visibility=Visibility.PUBLIC)

    def not_public(self):
        return self.exclude(visibility=Visibility.PUBLIC)


class KnowledgePageForm(WagtailAdminPageForm):
    """The admin's form: a page under a forum's index belongs to that forum."""

    def clean(self):
        cleaned = super().clean()
        index_forum = getattr(self.parent_page.specific, "forum", None)
        if index_forum is not None:
            forum = cleaned.get("forum")
            if forum is None:
                cleaned["forum"] = index_forum
                self.instance.forum = index_forum
            elif forum != index_forum:
                self.add_error(
                    "forum", _("Sidan ligger i ett annat forums kunskapsbank.")
                )
        return cleaned


class NoPagePermissionTester(PagePermissionTester):
    """Wagtail's page permissions for a page the person may not read: none."""


# Every ``can_…`` question of Wagtail's tester, answered no (new ones too).
for _name in dir(PagePermissionTester):
    if _name.startswith("can_"):
        setattr(NoPagePermissionTester, _name, lambda self, *args, **kwargs: False)


class KnowledgePage(Page):
    """What every knowledge page has: who sees it, where it is about, tags and
    the last review. Not created itself: one of its kinds is."""

    kind = models.CharField(
        _("slag"), max_length=20, choices=Kind.choices, default=Kind.ARTICLE
    )
    intro = models.TextField(
        _("ingress"),
        blank=True,
        help_text=_("Ett par meningar som listor och sökträffar visar."),
    )
    date = models.DateField(
        _("datum"),
        default=timezone.localdate,
        help_text=_(
            "Dagen texten gäller: mötets dag, när analysen blev klar eller när "
            "artikeln skrevs. Listorna sorterar och filtrerar på året."
        ),
    )
    forum = models.ForeignKey(
        Forum,
        verbose_name=_("forum"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="knowledge_pages",
        help_text=_("Krävs när sidan bara är för forumets medlemmar."),
    )
    visibility = models.PositiveSmallIntegerField(
        _("synlighet"),
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
        help_text=_(
            "Offentlig: alla. Annars bara medlemmar i forumet från den nivån och "
            "uppåt, och forumets sammankallande."
        ),
    )
    subregion = models.ForeignKey(
        SubRegion,
        verbose_name=_("delregion"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="knowledge_pages",
    )
    municipalities = ParentalManyToManyField(
        PageMunicipality,
        verbose_name=_("kommuner"),
        blank=True,
        related_name="knowledge_pages",
    )
    tags = ClusterTaggableManager(
        through=KnowledgePageTag, blank=True, verbose_name=_("taggar")
    )
    last_reviewed = models.DateField(
        _("senast granskad"),
        null=True,
        blank=True,
        help_text=_(
            "Dagens datum när du har läst igenom sidan och bekräftar att den stämmer."
        ),
    )

    objects = PageManager.from_queryset(KnowledgePageQuerySet)()

    base_form_class = KnowledgePageForm
    is_creatable = False
    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = []
    override_translatable_fields = SYNCHRONISED
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.FilterField("visibility"),
        index.FilterField("kind"),
    ]

    # Panels shared by every kind: who sees it and what it is about; then the
    # review, as on the guidance pages.
    about_panels = [
        MultiFieldPanel(
            [FieldPanel("forum"), FieldPanel("visibility")],
            heading=_("Vem ser sidan"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldPanel("subregion"),
                FieldPanel("municipalities"),
                FieldPanel("tags"),
            ],
            heading=_("Vad sidan handlar om"),
        ),
    ]
    review_panels = [
        MultiFieldPanel(
            [FieldPanel("last_reviewed"), FieldPanel("owner")],
            heading=_("Granskning"),
        ),
    ]

    class Meta:
        verbose_name = _("kunskapssida")
        verbose_name_plural = _("kunskapssidor")

    def clean(self):
        super().clean()
        errors = {}
        if self.visibility != Visibility.PUBLIC and not self.forum_id:
            errors["forum"] = _(
                "Välj forumet vars medlemmar ska se sidan, eller gör den offentlig."
            )
        if self.visibility != Visibility.PUBLIC:
            public_images = [
                image.title for image in self.images_used() if not image.private
            ]
            if public_images:
                errors["visibility"] = _(
                    "Bilder på en sida som inte är offentlig måste vara skyddade "
                    "(ändra bilden i bildbiblioteket): %(images)s"
                ) % {"images": ", ".join(public_images)}
        if errors:
            raise ValidationError(errors)

    def stream_fields(self):
        """The StreamFields of the page's kind, for images used in them."""
        return [
            getattr(self, field.name)
            for field in self._meta.get_fields()
            if isinstance(field, StreamField)
        ]

    def images_used(self):
        """The images the page's StreamFields show."""
        images = []
        for stream in self.stream_fields():
            for block in stream:
                value = block.value
                image = value.get("image") if hasattr(value, "get") else None
                if image is not None:
                    images.append(image)
        return images

    def is_visible_to(self, user):
        """The access rule for this one page: public, or the person's level in
        its forum (``forum.access.can``)."""
        if self.visibility == Visibility.PUBLIC:
            return True
        if not self.forum_id:
            return False
        return access.can(user, "view", self)

    @staticmethod
    def admin_hidden_ids(user):
        """The ids of the knowledge pages ``user`` may not read in the admin,
        once a request (the explorer asks for every row's buttons)."""
        hidden = getattr(user, "_knowledge_admin_hidden", None)
        if hidden is None:
            hidden = frozenset(
                KnowledgePage.objects.admin_hidden_from(user).values_list(
                    "pk", flat=True
                )
            )
            user._knowledge_admin_hidden = hidden
        return hidden

    def is_admin_visible_to(self, user):
        """Whether ``user`` may read this page in the admin
        (:meth:`KnowledgePageQuerySet.admin_visible_to`)."""
        return self.pk not in self.admin_hidden_ids(user)

    def permissions_for_user(self, user):
        # Every admin view of a page (edit, preview, revisions, history, usage,
        # delete, copy, move, lock, unpublish, workflow) and the explorer's
        # buttons ask this tester: on a page the person may not read it allows
        # nothing, whatever their page permissions.
        if self.pk and not self.is_admin_visible_to(user):
            return NoPagePermissionTester(user, self)
        return super().permissions_for_user(user)

    def serve(self, request, *args, **kwargs):
        # Never the content to whom the rule says no: a visitor is asked to sign
        # in, a member below the level learns nothing (not even that it exists).
        # The admin's preview is for editors, who reach it through the admin.
        if not getattr(request, "is_preview", False) and not self.is_visible_to(
            request.user
        ):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise Http404
        response = super().serve(request, *args, **kwargs)
        if self.visibility != Visibility.PUBLIC:
            response["Cache-Control"] = "private"
        return response

    def get_context(self, request, *args, **kwargs):
        from ..listing import related_pages

        context = super().get_context(request, *args, **kwargs)
        context["related_pages"] = related_pages(self, request)
        context["knowledge_index"] = self.get_parent().specific
        return context
