"""Sub-regional coordinators approve activities before the public sees them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.email import send as send_email
from core.sanitizer import safe_html
from forum.access import is_county_admin
from forum.models import Coordinator
from partners.models import Membership

from .forms import CountyTranslationForm, ReviewForm
from .models import (
    Activity,
    ActivityRevision,
    ActivityTranslation,
    translation_languages,
)
from .revisions import changes_since_approval, record
from .translations import (
    can_translate,
    lacking_translations,
    missing_by_activity,
    save_county_translation,
)

Status = Activity.Status
Action = ActivityRevision.Action


def coordinated_subregions(user):
    """Ids of the sub-regions the user coordinates."""
    return list(
        Coordinator.objects.filter(user=user).values_list("subregion_id", flat=True)
    )


def can_review(user, activity):
    """Coordinators of the activity's sub-region, and county administrators."""
    if is_county_admin(user):
        return True
    subregion_id = activity.municipality.subregion_id
    return subregion_id is not None and subregion_id in coordinated_subregions(user)


def recipients(activity):
    """The organisation's active admins and the person who created the activity."""
    emails = list(
        Membership.objects.active()
        .filter(organisation=activity.organisation, role=Membership.Role.ADMIN)
        .values_list("user__email", flat=True)
    )
    if activity.created_by and activity.created_by.email:
        emails.append(activity.created_by.email)
    return list(dict.fromkeys(email for email in emails if email))


# Published activities lacking a translation shown at most in the queue.
UNTRANSLATED_SHOWN = 50


def reviewed_activities(user):
    """The activities the user reviews: their sub-regions' (county admins: all);
    403 for someone who reviews none."""
    activities = Activity.objects.all()
    if not is_county_admin(user):
        subregions = coordinated_subregions(user)
        if not subregions:
            raise PermissionDenied
        activities = activities.filter(municipality__subregion_id__in=subregions)
    return activities


@login_required
def review_queue(request):
    """The submitted activities in the user's sub-regions (county admins: all),
    and the published ones that lack a translation they should have."""
    scope = reviewed_activities(request.user)
    activities = (
        scope.filter(status=Status.SUBMITTED)
        .select_related("organisation", "municipality__subregion")
        .order_by("updated_at", "pk")
    )
    untranslated = list(
        lacking_translations(scope)
        .select_related("organisation", "municipality")
        .order_by("municipality__name", "title", "pk")[: UNTRANSLATED_SHOWN + 1]
    )
    more_untranslated = len(untranslated) > UNTRANSLATED_SHOWN
    untranslated = untranslated[:UNTRANSLATED_SHOWN]
    missing = missing_by_activity(untranslated)
    return TemplateResponse(
        request,
        "directory/manage/review_queue.html",
        {
            "activities": activities,
            "untranslated": [
                {"activity": activity, "missing": missing.get(activity.pk, [])}
                for activity in untranslated
            ],
            "more_untranslated": more_untranslated,
            "untranslated_shown": UNTRANSLATED_SHOWN,
        },
    )


@login_required
def review(request, slug):
    """Approve and publish a submitted activity, or return it with a comment."""
    activity = get_object_or_404(
        Activity.objects.with_public_relations().select_related("created_by"),
        slug=slug,
    )
    if not can_review(request.user, activity):
        raise PermissionDenied
    waiting = activity.status == Status.SUBMITTED
    if request.method == "POST" and not waiting:
        messages.warning(request, not_waiting_message(activity))
        return redirect("directory:review_queue")
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        approve = form.cleaned_data["decision"] == ReviewForm.Decision.APPROVE
        comment = form.cleaned_data["comment"]
        with transaction.atomic():
            # Two coordinators deciding at once: the second one finds it decided.
            current = Activity.objects.select_for_update().get(pk=activity.pk)
            if current.status != Status.SUBMITTED:
                messages.warning(request, not_waiting_message(current))
                return redirect("directory:review_queue")
            decide(activity, approve, comment, request.user)
        send_email(
            recipients(activity),
            "directory/email/activity_reviewed.txt",
            {
                "activity": activity,
                "approved": approve,
                "comment": comment,
                "url": request.build_absolute_uri(
                    reverse(
                        "directory:activity_edit",
                        args=[activity.organisation.slug, activity.slug],
                    )
                ),
            },
        )
        if approve:
            message = _("%(title)s är godkänd och publicerad.")
        else:
            message = _("%(title)s är skickad tillbaka till organisationen.")
        messages.success(request, message % {"title": activity.title})
        return redirect("directory:review_queue")
    return TemplateResponse(
        request,
        "directory/manage/review.html",
        {
            "activity": activity,
            "form": form if waiting else None,
            "not_waiting": None if waiting else not_waiting_message(activity),
            "description": safe_html(activity.description),
            "changes": changes_since_approval(activity),
            "translations": list(activity.translations.all()),
        },
    )


@login_required
def translation_edit(request, slug, language):
    """A county editor adds or corrects a published activity's translation
    into ``language``; it shows on the public page at once."""
    if language not in translation_languages():
        raise Http404
    activity = get_object_or_404(
        Activity.objects.select_related("organisation", "municipality__subregion"),
        slug=slug,
    )
    if not can_review(request.user, activity):
        raise PermissionDenied
    if not can_translate(activity):
        messages.warning(
            request,
            _(
                "%(title)s är inte publicerad (status: %(status)s). Organisationen "
                "skriver översättningarna tills aktiviteten är godkänd."
            )
            % {
                "title": activity.title,
                "status": activity.get_status_display().lower(),
            },
        )
        return redirect("directory:review_queue")
    translations = {t.language: t for t in activity.translations.all()}
    translation = translations.get(language) or ActivityTranslation(
        activity=activity, language=language
    )
    form = CountyTranslationForm(request.POST or None, instance=translation)
    if request.method == "POST" and form.is_valid():
        if not form.has_changed():
            messages.info(request, _("Inget var ändrat, så inget sparades."))
        else:
            save_county_translation(form, activity, language, request.user)
            messages.success(
                request,
                _(
                    "Översättningen av %(title)s till %(language)s är sparad och "
                    "visas nu på aktivitetens sida."
                )
                % {"title": activity.title, "language": translation.language_display},
            )
        return redirect("directory:review_queue")
    supported = {row.code for row in activity.support_languages.all()}
    others = [
        {
            "code": code,
            "name": ActivityTranslation(language=code).language_display,
            "exists": code in translations,
        }
        for code in translation_languages()
        if code != language and (code in translations or code in supported)
    ]
    return TemplateResponse(
        request,
        "directory/manage/translation_form.html",
        {
            "activity": activity,
            "language": language,
            "language_name": translation.language_display,
            "is_new": translation.pk is None,
            "form": form,
            "others": others,
        },
    )


def not_waiting_message(activity):
    return _(
        "%(title)s väntar inte på granskning (status: %(status)s). Inget ändrades."
    ) % {"title": activity.title, "status": activity.get_status_display().lower()}


def decide(activity, approve, comment, user):
    if approve:
        activity.status = Status.PUBLISHED
        activity.review_comment = ""
        # The date of the first publication stays; later approvals are edits.
        if activity.published_at is None:
            activity.published_at = timezone.now()
        activity.confirm()
    else:
        activity.status = Status.DRAFT
        activity.review_comment = comment
    activity.save(
        update_fields=[
            "status",
            "review_comment",
            "published_at",
            "last_confirmed",
            "reminded_at",
            "unlisted_notice_at",
            "updated_at",
        ]
    )
    record(
        activity, Action.APPROVED if approve else Action.RETURNED, user, comment=comment
    )
