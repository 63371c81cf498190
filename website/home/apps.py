from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The public home page, guidance pages and the site's contact details."""

    name = "website.home"
    label = "home"
    verbose_name = _("Webbplats")

    def ready(self):
        from django.core.signals import request_finished
        from wagtail.signals import page_published

        from . import jsonld  # noqa: F401 - registers the pages' JSON-LD
        from .locales import alias_new_page, end_admin_create, synchronise_after_migrate

        post_migrate.connect(
            synchronise_after_migrate,
            sender=self,
            dispatch_uid="website.home.synchronise_trees",
        )
        page_published.connect(
            alias_new_page, dispatch_uid="website.home.alias_new_page"
        )
        request_finished.connect(
            end_admin_create, dispatch_uid="website.home.end_admin_create"
        )
