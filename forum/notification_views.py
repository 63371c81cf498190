from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.pagination import pagination
from core.query import PageQueryForm, reads_query

from .models import Notification, NotificationPreference
from .notification_forms import NotificationPreferenceForm, choice_forms

NOTIFICATIONS_PER_PAGE = 20


@login_required
def notification_settings(request):
    """The signed-in person chooses how often they get email about the forum,
    and what the rooms offer to tell them about."""
    preference = NotificationPreference.objects.filter(
        user=request.user
    ).first() or NotificationPreference(user=request.user)
    form = NotificationPreferenceForm(request.POST or None, instance=preference)
    # What the rooms above the forum let a person choose to be told about.
    more = choice_forms(request.POST or None, request.user)
    valid = [f.is_valid() for f in [form, *more]] if request.method == "POST" else []
    if valid and all(valid):
        form.save()
        for choice in more:
            choice.save()
        messages.success(request, _("Dina val för aviseringar är sparade."))
        return redirect("forum:notification_settings")
    recent = request.user.notifications.order_by("-created_at")[:20]
    return TemplateResponse(
        request,
        "forum/notification_settings.html",
        {"form": form, "choice_forms": more, "recent": recent},
    )


@login_required
@reads_query(PageQueryForm)
def notification_list(request, query_form):
    """The signed-in person's own notifications, newest first, unread marked."""
    notifications = Notification.objects.of(request.user).order_by("-created_at", "-pk")
    page = Paginator(notifications, NOTIFICATIONS_PER_PAGE).get_page(
        query_form().page_number()
    )
    return TemplateResponse(
        request,
        "forum/notification_list.html",
        {"page": page, **pagination(page)},
    )


@login_required
def notification_open(request, pk):
    """Mark one of the person's notifications read and go where it points.

    Only a path on this site is followed; a notification with any other link
    (or none) is marked read and the person is back at the list.
    """
    notification = get_object_or_404(Notification.objects.of(request.user), pk=pk)
    Notification.objects.filter(pk=notification.pk).mark_read()
    return redirect(notification.local_url or "forum:notification_list")


@login_required
@require_POST
def notifications_mark_all_read(request):
    """Mark every unread notification of the person read."""
    if Notification.objects.of(request.user).mark_read():
        messages.success(request, _("Alla aviseringar är markerade som lästa."))
    return redirect("forum:notification_list")
