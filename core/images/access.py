"""Who may see a protected image (``CustomImage.private``).

A public image is a plain file, as Wagtail makes it. A protected one is
served, through ``views.serve``, as the pages showing it allow
(``core/page_access.py``): to those who see a guarded page with it (a
knowledge page, by the forum's access rule), to everyone when a live public
page shows it, and otherwise (just uploaded, only on drafts) only to those
who may change it in the admin.
"""

from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

from core.page_access import Access, guarded_access, linked_from_public_page


def access(user, image):
    if not image.private:
        return Access.PUBLIC
    by_pages = guarded_access(user, image)
    if by_pages is not None:
        return by_pages
    if linked_from_public_page(image):
        return Access.PUBLIC
    policy = policy_registry.get_by_type(get_image_model())
    if policy.user_has_permission_for_instance(user, "change", image):
        return Access.PRIVATE
    return Access.DENIED
