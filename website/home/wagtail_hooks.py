from wagtail import hooks

from .locales import note_admin_create

# The admin's create view: wagtail-localize makes the new page's aliases.
hooks.register("before_create_page", note_admin_create)
