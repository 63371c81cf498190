from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImagesConfig(AppConfig):
    """The project's own Wagtail image model, swappable from the first migration."""

    name = "core.images"
    label = "images"
    verbose_name = _("Bilder")

    def ready(self):
        from wagtail.images import get_image_model
        from wagtail.permissions import register_permission_policy

        from .permissions import ImagePermissionPolicy

        # exact_class: ahead of the policy Wagtail registers for the model.
        register_permission_policy(
            get_image_model(),
            ImagePermissionPolicy(
                get_image_model(),
                auth_model="wagtailimages.Image",
                owner_field_name="uploaded_by_user",
            ),
            exact_class=True,
        )
