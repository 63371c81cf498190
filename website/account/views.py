"""'Mitt konto': the host gathers what each room keeps about the person."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.template.response import TemplateResponse

from core.collation import swedish
from forum.models import NotificationPreference
from partners.models import Membership, Organisation


@login_required
def overview(request):
    """Name, organisations, addresses, password, second factor, notifications,
    language and calendar, each with the link to change it."""
    user = request.user
    preference = NotificationPreference.objects.filter(user=user).first()
    frequency = (
        preference.get_frequency_display()
        if preference
        else NotificationPreference(user=user).get_frequency_display()
    )
    context = {
        "memberships": Membership.objects.filter(user=user)
        .select_related("organisation")
        .order_by(swedish("organisation__name")),
        "email_addresses": EmailAddress.objects.filter(user=user).order_by(
            "-primary", "email"
        ),
        "has_password": user.has_usable_password(),
        "has_second_factor": Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ).exists(),
        "notification_frequency": frequency,
        "language_name": dict(settings.LANGUAGES).get(user.language, ""),
        # Follow-up: the organisations whose participation the person reports.
        "participation_organisations": Organisation.objects.filter(
            memberships__user=user,
            memberships__status=Membership.Status.ACTIVE,
            activities__isnull=False,
        )
        .distinct()
        .order_by(swedish("name")),
    }
    return TemplateResponse(request, "site_account/overview.html", context)
