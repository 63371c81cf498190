from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from .access import can, forums_of, is_convener, level_in
from .models import Coordinator, Forum, Level


def forum_for(request, slug, action="view_members"):
    """The forum at ``slug`` if the signed-in user may do ``action`` there, else 403."""
    forum = get_object_or_404(Forum.objects.select_related("county"), slug=slug)
    if not can(request.user, action, forum):
        raise PermissionDenied
    return forum


@login_required
def forum_list(request):
    """The forums the signed-in person takes part in, with their level in each."""
    forums = list(forums_of(request.user).select_related("county", "subregion"))
    for forum in forums:
        forum.my_level = Level(level_in(request.user, forum))
    return TemplateResponse(request, "forum/forum_list.html", {"forums": forums})


@login_required
def forum_detail(request, slug):
    forum = forum_for(request, slug)
    level = level_in(request.user, forum)
    return TemplateResponse(
        request,
        "forum/forum_detail.html",
        {
            "forum": forum,
            "my_level": Level(level),
            "is_convener": is_convener(request.user, forum),
            "levels": [(choice, choice <= level) for choice in Level],
        },
    )


def coordinator_list(request):
    """Public: the sub-regional TIA coordinators and how to reach them."""
    coordinators = Coordinator.objects.select_related(
        "organisation", "subregion__county"
    )
    return TemplateResponse(
        request, "forum/coordinator_list.html", {"coordinators": coordinators}
    )
