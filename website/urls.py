from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core.documents import views as documents_views
from core.users import views as users_views
from directory.sitemaps import ActivitySitemap
from forum import views as forum_views
from website.account import views as account_views
from website.home import views as home_views
from website.home.sitemaps import PageSitemap, ViewSitemap
from website.search import views as search_views

SITEMAPS = {"pages": PageSitemap, "views": ViewSitemap, "activities": ActivitySitemap}

# Machine endpoints and the admin keep one URL whatever the language.
urlpatterns = [
    # Wagtail's own sign-in would skip allauth (second factor, rate limits).
    path("admin/login/", users_views.sign_in_elsewhere, name="wagtailadmin_login"),
    path("admin/", include(wagtailadmin_urls)),
    # Our download first: it applies the access rule, then Wagtail serves.
    re_path(r"^documents/(\d+)/(.*)$", documents_views.serve, name="document_serve"),
    path("documents/", include(wagtaildocs_urls)),
    # Protected images (pages not everyone may read): through the access rule.
    path("bilder/", include("core.images.urls")),
    path("healthz", home_views.health, name="health"),
    # The language switcher: keeps the reader's choice, then the page in it.
    path("", include("core.i18n.urls")),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("favicon.ico", home_views.favicon, name="favicon"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    # Calendar feeds: calendar apps keep these URLs for years.
    path("ical/", include("events.feed_urls")),
    path("ical/", include("directory.feed_urls")),
    # Open Referral HSDS: other systems keep these URLs too.
    path("api/hsds/", include("directory.hsds_urls")),
]

# Pages people read carry a language prefix (/en/…); Swedish stays unprefixed.
urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("konto/", account_views.overview, name="account_overview"),
    path("", include("core.users.urls")),
    path("sok/", search_views.search, name="search"),
    path("samordnare/", forum_views.coordinator_list, name="coordinators"),
    path("forum/", include("forum.urls")),
    path("", include("events.urls")),
    path("", include("partners.urls")),
    path("", include("directory.urls")),
    path("uppfoljning/", include("knowledge.followup.urls")),
    path("_util/login/", users_views.sign_in_elsewhere, name="wagtailcore_login"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    # Images only: documents go through the access-checked view above, and
    # attachments live outside MEDIA_ROOT.
    for folder in ("images", "original_images"):
        urlpatterns = (
            static(
                f"{settings.MEDIA_URL}{folder}/",
                document_root=settings.MEDIA_ROOT / folder,
            )
            + urlpatterns
        )
