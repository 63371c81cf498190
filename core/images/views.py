"""Renditions of protected images, behind the rule in ``access.py``."""

import mimetypes

from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.cache import patch_cache_control
from wagtail.images import get_image_model

from core.page_access import Access

from .access import access

# The sizes pages ask for; any other filter spec is refused, so that nobody
# makes the server resize an image in a thousand ways.
FILTER_SPECS = ("width-800", "width-1200", "fill-400x300")


def url(image, filter_spec):
    """Where a page shows ``image`` at ``filter_spec``: its public rendition's
    file, or this view for a protected image."""
    if not image.private:
        return image.get_rendition(filter_spec).url
    return reverse("image_serve", args=[image.pk, filter_spec])


def serve(request, image_id, filter_spec):
    """A rendition of a protected image, to whoever sees a page that shows it."""
    if filter_spec not in FILTER_SPECS:
        raise Http404
    image = get_object_or_404(get_image_model(), pk=image_id)
    allowed = access(request.user, image)
    if allowed is Access.DENIED:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404
    rendition = image.get_rendition(filter_spec)
    content_type = mimetypes.guess_type(rendition.file.name)[0]
    response = FileResponse(
        rendition.file.open("rb"), content_type=content_type or "image/jpeg"
    )
    response["X-Content-Type-Options"] = "nosniff"
    if allowed is Access.PRIVATE:
        patch_cache_control(response, private=True)
    else:
        patch_cache_control(response, public=True, max_age=3600)
    return response
