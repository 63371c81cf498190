"""The editors' review: a knowledge page is published when a second person
approves it — another sub-regional coordinator, a convener of the page's
forum or a county administrator — never its own author."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Workflow, WorkflowPage

from core.geography.models import County, SubRegion
from forum.factories import CoordinatorFactory
from forum.models import Visibility
from knowledge.factories import KnowledgeIndexFactory, NeedsAnalysisFactory
from knowledge.models import REVIEW_WORKFLOW, KnowledgeSubscription, SecondReviewerTask
from tests.factories import ForumFactory, UserFactory, county_admin, editor


def coordinator():
    subregion, _ = SubRegion.objects.get_or_create(
        slug="nordvastra-skane",
        defaults={"county": County.objects.get(code="12"), "name": "Nordvästra Skåne"},
    )
    user = editor()
    CoordinatorFactory(user=user, email=user.email, subregion=subregion)
    return user


@pytest.fixture
def author(db):
    return coordinator()


@pytest.fixture
def in_review(forum_index, forum, author):
    """A needs analysis the author wrote and sent to review."""
    page = NeedsAnalysisFactory(
        parent=forum_index,
        title="Behov i Nordväst",
        forum=forum,
        visibility=Visibility.DIALOG,
        owner=author,
        live=False,
    )
    page.save_revision(user=author)
    workflow = page.get_workflow()
    workflow.start(page, author)
    page.refresh_from_db()
    return page


def task_of(page):
    return page.current_workflow_task.specific


def test_the_knowledge_indexes_use_the_review_workflow(public_index, forum_index):
    workflow = Workflow.objects.get(name=REVIEW_WORKFLOW)
    assert [task.specific_class for task in workflow.tasks] == [SecondReviewerTask]
    assert WorkflowPage.objects.get(page=public_index).workflow == workflow
    page = NeedsAnalysisFactory(parent=forum_index, live=False)
    assert page.get_workflow() == workflow
    # A page elsewhere keeps the site's own workflow.
    assert public_index.get_parent().get_workflow() != workflow


def test_the_author_cannot_approve_their_own_page(in_review, author):
    task = task_of(in_review)
    assert task.get_actions(in_review, author) == []
    assert task.locked_for_user(in_review, author)
    with pytest.raises(PermissionDenied):
        task.on_action(in_review.current_workflow_task_state, author, "approve")
    in_review.refresh_from_db()
    assert not in_review.live


def test_the_author_cannot_approve_even_as_convener(in_review, author, forum):
    forum.conveners.add(author)
    assert task_of(in_review).get_actions(in_review, author) == []


def approve(page, user):
    task = task_of(page)
    assert "approve" in [name for name, *_ in task.get_actions(page, user)]
    task.on_action(page.current_workflow_task_state, user, "approve")
    page.refresh_from_db()


def test_another_coordinator_approves_and_the_page_is_published(in_review):
    reviewer = coordinator()
    assert in_review in [
        state.revision.content_object.specific
        for state in task_of(in_review).get_task_states_user_can_moderate(reviewer)
    ]
    approve(in_review, reviewer)
    assert in_review.live
    assert in_review.current_workflow_state is None


def test_a_convener_of_the_forum_approves(in_review, convener):
    approve(in_review, convener)
    assert in_review.live


def test_a_county_administrator_approves(in_review):
    approve(in_review, county_admin())
    assert in_review.live


@pytest.mark.parametrize("who", ["editor", "member", "other_convener"])
def test_nobody_else_may_approve(in_review, who, member):
    if who == "editor":
        user = editor()
    elif who == "member":
        user = member(4)
    else:
        user = UserFactory()
        ForumFactory().conveners.add(user)
    task = task_of(in_review)
    assert task.get_actions(in_review, user) == []
    assert not task.user_can_access_editor(in_review, user)
    assert not task.get_task_states_user_can_moderate(user).exists()
    with pytest.raises(PermissionDenied):
        task.on_action(in_review.current_workflow_task_state, user, "approve")


def test_a_new_index_gets_the_workflow(home):
    index = KnowledgeIndexFactory(parent=home, slug="fler")
    assert WorkflowPage.objects.get(page=index).workflow.name == REVIEW_WORKFLOW


def test_an_approved_page_with_a_later_date_is_published_by_the_daily_job(
    forum_index, forum, author, convener
):
    page = NeedsAnalysisFactory(
        parent=forum_index, forum=forum, owner=author, live=False
    )
    go_live = timezone.now() + timedelta(days=2)
    page.go_live_at = go_live
    page.save_revision(user=author)
    page.get_workflow().start(page, author)
    page.refresh_from_db()
    reader = UserFactory()
    KnowledgeSubscription.objects.create(user=reader, scope="all")
    approve(page, convener)
    assert not page.live
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live
    with time_machine.travel(go_live + timedelta(minutes=1)):
        call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live
    # Its readers are told when it goes live, not when it was approved.
    assert reader.notifications.get().params["page"] == page.pk
