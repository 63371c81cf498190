from django import template

from core.images.views import url

register = template.Library()


@register.simple_tag
def image_url(image, filter_spec):
    """The address of ``image`` at ``filter_spec``: a public image's file, a
    protected image's access-checked view (``core/images/views.py``)."""
    return url(image, filter_spec)
