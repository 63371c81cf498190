"""The editors' review: a knowledge page is published after a second person
approves it, a sub-regional coordinator or a convener of the page's forum who
did not write it (Wagtail's group approval lets authors approve themselves).

The workflow *Kunskap: granskning* (migration ``0002``) has this one task and
is assigned to the knowledge index pages, so every page below them uses it.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Task, TaskState, WorkflowState

from core.users.permissions import is_county_admin
from forum.models import Coordinator

REVIEW_WORKFLOW = "Kunskap: granskning"


def authors_of(page):
    """Who wrote what is in review: the page's owner, whoever sent it to review
    and the author of the revision being reviewed."""
    authors = {page.owner_id}
    state = page.current_workflow_state
    if state is not None:
        authors.add(state.requested_by_id)
        task_state = state.current_task_state
        if task_state is not None and task_state.revision_id:
            authors.add(task_state.revision.user_id)
    return authors - {None}


def may_review(page, user):
    """Whether ``user`` may approve ``page``: not one of its authors, and a
    sub-regional coordinator with an account, a convener of the page's forum
    or a county administrator."""
    if not (user.is_authenticated and user.is_active):
        return False
    page = page.specific
    if user.pk in authors_of(page):
        return False
    if is_county_admin(user):
        return True
    forum_id = getattr(page, "forum_id", None)
    if forum_id and page.forum.conveners.filter(pk=user.pk).exists():
        return True
    return is_reviewing_coordinator(user)


def is_reviewing_coordinator(user):
    """Whether ``user`` is a sub-regional coordinator with an account: they
    review any knowledge page they did not write."""
    return Coordinator.objects.filter(user=user).exists()


def in_review():
    """An EXISTS for pages (the outer query's ``pk``) that wait for this
    review: a workflow in progress whose current task is ours."""
    return Exists(
        WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id=Cast(OuterRef("pk"), CharField()),
            status=WorkflowState.STATUS_IN_PROGRESS,
            current_task_state__status=TaskState.STATUS_IN_PROGRESS,
            current_task_state__task__in=SecondReviewerTask.objects.values("pk"),
        )
    )


class SecondReviewerTask(Task):
    """Approval by a coordinator or convener who is not the page's author."""

    admin_form_fields = Task.admin_form_fields

    class Meta:
        verbose_name = _("granskning av en annan samordnare")
        verbose_name_plural = _("granskningar av en annan samordnare")

    def _may_review(self, obj, user):
        # Asked several times a request (the editor, its menu, the lock).
        cache = getattr(user, "_knowledge_review_checks", None)
        if cache is None:
            cache = {}
            user._knowledge_review_checks = cache
        key = (obj.pk, getattr(obj, "latest_revision_id", None))
        if key not in cache:
            cache[key] = may_review(obj, user)
        return cache[key]

    def user_can_access_editor(self, obj, user):
        return self._may_review(obj, user)

    def locked_for_user(self, obj, user):
        return not self._may_review(obj, user)

    def user_can_lock(self, obj, user):
        return self._may_review(obj, user)

    def get_actions(self, obj, user):
        if not self._may_review(obj, user):
            return []
        return [
            ("reject", _("Begär ändringar"), True),
            ("approve", _("Godkänn och publicera"), False),
            ("approve", _("Godkänn med kommentar"), True),
        ]

    def on_action(self, task_state, user, action_name, **kwargs):
        # Checked again here: the actions above are only what the admin shows.
        if not self._may_review(task_state.revision.content_object, user):
            raise PermissionDenied
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(
            status=TaskState.STATUS_IN_PROGRESS
        ).select_related("revision")
        allowed = [
            state.pk
            for state in states
            if self._may_review(state.revision.content_object, user)
        ]
        return TaskState.objects.filter(pk__in=allowed)

    @classmethod
    def get_description(cls):
        return _(
            "En delregional samordnare, en sammankallande i sidans forum eller en "
            "länsadministratör som inte själv skrev sidan godkänner den."
        )


def assign_review_workflow(sender, instance, created, raw=False, **kwargs):
    """A new knowledge index (and each language's copy) gets the review
    workflow, when the site has it, so that its pages are reviewed too."""
    from wagtail.models import Workflow, WorkflowPage

    if not created or raw:
        return
    workflow = Workflow.objects.filter(name=REVIEW_WORKFLOW, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(
            page=instance, defaults={"workflow": workflow}
        )
