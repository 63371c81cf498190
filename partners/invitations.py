"""Invitations by email to join an organisation: sent by its admins, used once."""

from allauth.account.models import EmailAddress
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.email import send as send_email

from .models import Invitation, Membership
from .permissions import membership_of, organisation_for_admin


def open_invitations(organisation):
    """Invitations to ``organisation`` that can still be used."""
    return organisation.invitations.filter(
        accepted_at__isnull=True, expires_at__gt=timezone.now()
    )


class InvitationForm(forms.ModelForm):
    """Who to invite and as what; refuses people who are in or already invited."""

    class Meta:
        model = Invitation
        fields = ["email", "role"]
        labels = {"email": gettext_lazy("E-postadress"), "role": gettext_lazy("Roll")}
        help_texts = {
            "email": gettext_lazy("Inbjudan skickas till den här adressen."),
        }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["email"].widget.attrs["autocomplete"] = "off"

    def clean_email(self):
        email = self.cleaned_data["email"]
        is_member = (
            Membership.objects.active()
            .filter(organisation=self.organisation)
            .filter(
                Q(user__email__iexact=email)
                | Q(user__emailaddress__email__iexact=email)
            )
            .exists()
        )
        if is_member:
            raise forms.ValidationError(
                _("%(email)s är redan medlem i %(organisation)s."),
                params={"email": email, "organisation": self.organisation.name},
                code="member",
            )
        if open_invitations(self.organisation).filter(email__iexact=email).exists():
            raise self.already_invited(email)
        return email

    @staticmethod
    def already_invited(email):
        return forms.ValidationError(
            _(
                "%(email)s har redan en inbjudan som gäller. Vänta tills den "
                "har gått ut innan du skickar en ny."
            ),
            params={"email": email},
            code="invited",
        )


def save_invitation(invitation):
    """Save a new invitation; False if the address has an unused one already
    (the database's constraint: two admins inviting at the same instant).

    Expired, unused invitations to the address go first: a new one replaces
    them."""
    try:
        with transaction.atomic():
            Invitation.objects.filter(
                organisation=invitation.organisation,
                email__iexact=invitation.email,
                accepted_at__isnull=True,
                expires_at__lte=timezone.now(),
            ).delete()
            invitation.save()
    except IntegrityError:
        return False
    return True


@login_required
def create_invitation(request, organisation_slug):
    """Organisation admins (and county admins): invite by email, see open invites."""
    organisation = organisation_for_admin(request, organisation_slug)
    data = request.POST if request.method == "POST" else None
    form = InvitationForm(data, organisation=organisation)
    if form.is_bound and form.is_valid():
        invitation = form.save(commit=False)
        invitation.organisation = organisation
        invitation.invited_by = request.user
        if save_invitation(invitation):
            send_invitation(request, invitation)
            messages.success(
                request,
                _("En inbjudan har skickats till %(email)s.")
                % {"email": invitation.email},
            )
            return redirect("partners:invitation_create", organisation_slug)
        # Another admin invited the same address a moment ago.
        form.add_error("email", form.already_invited(invitation.email))
    return TemplateResponse(
        request,
        "partners/invitation_form.html",
        {
            "organisation": organisation,
            "form": form,
            "valid_days": Invitation.VALID_DAYS,
            "invitations": open_invitations(organisation)
            .select_related("invited_by")
            .order_by("expires_at"),
        },
    )


def send_invitation(request, invitation):
    path = reverse("partners:invitation_accept", args=[invitation.token])
    send_email(
        [invitation.email],
        "partners/email/invitation.txt",
        {
            "organisation": invitation.organisation,
            "invited_by": invitation.invited_by,
            # The lazy label, so that it is translated in the email's language.
            "role": Membership.Role(invitation.role).label,
            "accept_url": request.build_absolute_uri(path),
            "expires_at": invitation.expires_at,
        },
    )


def user_addresses(user, email):
    """The signed-in user's addresses that match ``email``: (verified, unverified)."""
    if not user.is_authenticated:
        return False, False
    matches = EmailAddress.objects.filter(user=user, email__iexact=email)
    verified = any(address.verified for address in matches)
    return verified, bool(matches) and not verified


def accept_invitation(request, token):
    """Show an invitation; the invited person, signed in, accepts it by POST."""
    invitation = get_object_or_404(
        Invitation.objects.select_related("organisation"), token=token
    )
    if not invitation.is_usable:
        return unusable(request, invitation)
    can_accept, unverified = user_addresses(request.user, invitation.email)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if can_accept:
            return accept(request, invitation)
    return TemplateResponse(
        request,
        "partners/invitation_accept.html",
        {
            "invitation": invitation,
            "organisation": invitation.organisation,
            "state": "open",
            "can_accept": can_accept,
            "unverified": unverified,
        },
        status=403 if request.method == "POST" else 200,
    )


def accept(request, invitation):
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if not invitation.is_usable:
            # Someone else used it between the page and the button.
            return unusable(request, invitation)
        membership, created = Membership.objects.get_or_create(
            user=request.user,
            organisation=invitation.organisation,
            defaults={"role": invitation.role, "status": Membership.Status.ACTIVE},
        )
        if not created:
            # A pending request takes the invited role; an active admin keeps
            # the admin role whatever the invitation says.
            if membership.status == Membership.Status.PENDING:
                membership.role = invitation.role
            elif invitation.role == Membership.Role.ADMIN:
                membership.role = Membership.Role.ADMIN
            membership.status = Membership.Status.ACTIVE
            membership.save(update_fields=["status", "role"])
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = request.user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
    messages.success(
        request,
        _("Välkommen! Du är nu med i %(organisation)s.")
        % {"organisation": invitation.organisation.name},
    )
    return redirect("partners:organisation_dashboard", invitation.organisation.slug)


def unusable(request, invitation):
    """410: the link was used or has expired; it will not work again."""
    return TemplateResponse(
        request,
        "partners/invitation_accept.html",
        {
            "invitation": invitation,
            "organisation": invitation.organisation,
            "state": "used" if invitation.accepted_at else "expired",
            "is_member": membership_of(request.user, invitation.organisation)
            is not None,
        },
        status=410,
    )
