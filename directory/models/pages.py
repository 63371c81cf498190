"""The directory's page: the routes of the list, an activity and the travel routes."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from core.conf import setting
from core.i18n.locales import active_locale_id
from core.query import reads_query

from .. import export_views, map_views, poster_views, views


class DirectoryPage(RoutablePageMixin, Page):
    """The public activity directory: the list, each activity and the travel routes."""

    intro = models.TextField(_("ingress"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    # Where editors may add it: the host's page types (TIA setting); any page
    # when the host names none.
    parent_page_types = setting("DIRECTORY_PARENT_PAGE_TYPES")
    subpage_types = []
    max_count = 1
    # A translation (wagtail-localize, where the host uses it) keeps the slug:
    # the directory has one address under every language's prefix.
    override_translatable_fields = [SynchronizedField("slug", overridable=False)]

    class Meta:
        verbose_name = _("aktivitetskatalog")

    @classmethod
    def live_localized(cls):
        """The live directory page in the active language's page tree (a site
        with translated pages has one in each, an alias until translated),
        else the first live one."""
        pages = cls.objects.live()
        return pages.filter(locale_id=active_locale_id()).first() or pages.first()

    @path("")
    @reads_query("directory.filters.ActivityFilter")
    def activity_list(self, request, query_form):
        return views.activity_list(request, self, query_form)

    @path("csv/")
    @reads_query("directory.filters.ActivityFilter")
    def activity_csv(self, request, query_form):
        return export_views.activity_csv(request, self, query_form)

    @path("json/")
    @reads_query("directory.filters.ActivityFilter")
    def activity_json(self, request, query_form):
        return export_views.activity_json(request, self, query_form)

    @path("karta/punkter/")
    @reads_query("directory.filters.ActivityFilter")
    def activity_points(self, request, query_form):
        return map_views.activity_points(request, self, query_form)

    @path("oppna-data/")
    def open_data(self, request):
        return export_views.open_data(request, self)

    @path("aktivitet/<slug:slug>/")
    def activity_detail(self, request, slug):
        return views.activity_detail(request, self, slug)

    @path("affisch/")
    @reads_query("directory.poster_forms.PosterForm")
    def poster(self, request, query_form):
        return poster_views.poster_form(request, self, query_form)

    @path("affisch/pdf/")
    @reads_query("directory.poster_forms.PosterForm")
    def poster_pdf(self, request, query_form):
        return poster_views.poster_pdf(request, self, query_form)

    @path("reseersattning/")
    def travel_routes(self, request):
        return views.travel_routes(request, self)
