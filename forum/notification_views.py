from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .models import NotificationPreference
from .notification_forms import NotificationPreferenceForm


@login_required
def notification_settings(request):
    """The signed-in person chooses how often they get email about the forum."""
    preference = NotificationPreference.objects.filter(
        user=request.user
    ).first() or NotificationPreference(user=request.user)
    form = NotificationPreferenceForm(request.POST or None, instance=preference)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Dina val för aviseringar är sparade."))
        return redirect("forum:notification_settings")
    recent = request.user.notifications.order_by("-created_at")[:20]
    return TemplateResponse(
        request,
        "forum/notification_settings.html",
        {"form": form, "recent": recent},
    )
