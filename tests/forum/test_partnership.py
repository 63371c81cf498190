"""The partnership workspace: delegated tasks, joint decisions, agreements."""

import datetime

import pytest
from django.utils import timezone

from forum.models import (
    DecisionAnswer,
    DelegatedTask,
    JointDecision,
    Level,
    Notification,
)
from partners.models import Agreement
from tests.factories import (
    ForumFactory,
    MembershipFactory,
    ParticipationFactory,
    UserFactory,
)

BASE = "/forum/tia-skane/partnerskap/"


@pytest.fixture
def setup(db):
    forum = ForumFactory(slug="tia-skane")
    other_forum = ForumFactory(slug="annat-forum")
    data = {"forum": forum}
    for name, level in [("a", Level.PARTNERSKAP), ("b", Level.PARTNERSKAP)]:
        org = ParticipationFactory(forum=forum, level=level).organisation
        data[f"org_{name}"] = org
        data[f"member_{name}"] = MembershipFactory(organisation=org).user
    dialog_org = ParticipationFactory(forum=forum, level=Level.DIALOG).organisation
    data["dialog"] = MembershipFactory(organisation=dialog_org).user
    outsider_org = ParticipationFactory(
        forum=other_forum, level=Level.PARTNERSKAP
    ).organisation
    data["outsider"] = MembershipFactory(organisation=outsider_org).user
    data["convener"] = UserFactory()
    forum.conveners.add(data["convener"])
    return data


def decision(forum, days=7, **fields):
    return JointDecision.objects.create(
        forum=forum,
        title="Gemensam kalender",
        proposal="Vi samlar alla aktiviteter i en kalender.",
        answer_by=timezone.now() + datetime.timedelta(days=days),
        **fields,
    )


def answer(client, setup, item, org="a", **data):
    client.force_login(setup[f"member_{org}"])
    return client.post(
        f"{BASE}beslut/{item.pk}/",
        {"organisation": setup[f"org_{org}"].pk, "answer": "consent"} | data,
    )


def test_workspace_is_for_partners_and_conveners(client, setup):
    assert client.get(BASE).status_code == 302
    for who, expected in [
        ("member_a", 200),
        ("convener", 200),
        ("dialog", 403),
        ("outsider", 403),
    ]:
        client.force_login(setup[who])
        assert client.get(BASE).status_code == expected, who


def test_workspace_shows_tasks_overdue_decisions_and_agreements(client, setup):
    forum = setup["forum"]
    DelegatedTask.objects.create(
        forum=forum,
        title="Kartlägg språkcaféer",
        assigned_to=setup["org_a"],
        due_date=timezone.localdate() - datetime.timedelta(days=3),
        report="Halvvägs klart.",
    )
    decided = decision(forum, days=-2, outcome=JointDecision.Outcome.ADOPTED)
    decided.title = "Ny mötestid"
    decided.save()
    decision(forum)
    year = timezone.localdate().year
    Agreement.objects.create(
        organisation=setup["org_b"],
        forum=forum,
        title="Överenskommelse om språkstöd",
        valid_from=datetime.date(year, 1, 1),
        valid_until=datetime.date(year + 1, 12, 31),
    )
    Agreement.objects.create(
        organisation=setup["org_a"],
        forum=forum,
        title="Överenskommelse om tolkstöd",
        valid_from=datetime.date(year - 2, 1, 1),
        valid_until=timezone.localdate() - datetime.timedelta(days=1),
    )
    client.force_login(setup["member_b"])
    content = client.get(BASE).content.decode()
    assert "Kartlägg språkcaféer" in content
    assert "Försenat" in content
    assert "Halvvägs klart." in content
    assert "Gemensam kalender" in content
    assert "Ny mötestid" in content and "Beslutat" in content
    assert "Överenskommelse om språkstöd" in content
    assert f"1 januari {year} – 31 december {year + 1}</td>" in content
    # Only the one that ended yesterday says so.
    assert content.count("(har upphört)") == 1
    ended = content.index("Överenskommelse om tolkstöd")
    assert content.index("(har upphört)", ended) < content.index("</tr>", ended)


@pytest.mark.parametrize("count", [5, 50])
def test_workspace_query_count_does_not_grow(
    client, setup, count, django_assert_max_num_queries
):
    forum = setup["forum"]
    DelegatedTask.objects.bulk_create(
        DelegatedTask(
            forum=forum,
            title=f"Uppdrag {n}",
            assigned_to=setup["org_a" if n % 2 else "org_b"],
            due_date=timezone.localdate() + datetime.timedelta(days=30),
        )
        for n in range(count)
    )
    for n in range(count // 5):
        decision(forum, days=n - 2)
        Agreement.objects.create(
            organisation=setup["org_a"],
            forum=forum,
            title=f"Överenskommelse {n}",
            valid_from=timezone.localdate(),
            valid_until=timezone.localdate() + datetime.timedelta(days=365),
        )
    client.force_login(setup["member_a"])
    # Session, user, site chrome (about 11) and the workspace's own 12 queries;
    # tests/forum/test_partnership_archive.py pins it with finished work too.
    with django_assert_max_num_queries(23):
        response = client.get(BASE)
    assert response.status_code == 200
    assert len(response.context["tasks"]) == count


def test_conveners_create_tasks_and_partners_cannot(client, setup):
    url = f"{BASE}uppdrag/nytt/"
    data = {
        "title": "Kartlägg språkcaféer",
        "description": "I alla kommuner.",
        "assigned_to": setup["org_a"].pk,
        "due_date": (timezone.localdate() + datetime.timedelta(days=180)).isoformat(),
    }
    client.force_login(setup["member_a"])
    assert client.post(url, data).status_code == 403
    client.force_login(setup["convener"])
    assert client.post(url, data).status_code == 302
    task = DelegatedTask.objects.get()
    assert task.assigned_to == setup["org_a"] and task.created_by == setup["convener"]


def test_a_task_goes_only_to_a_partner_organisation(client, setup):
    dialog_org = setup["dialog"].memberships.get().organisation
    client.force_login(setup["convener"])
    response = client.post(
        f"{BASE}uppdrag/nytt/",
        {
            "title": "X",
            "assigned_to": dialog_org.pk,
            "due_date": (
                timezone.localdate() + datetime.timedelta(days=180)
            ).isoformat(),
        },
    )
    assert response.status_code == 200
    assert "assigned_to" in response.context["form"].errors
    assert not DelegatedTask.objects.exists()


def test_only_the_assigned_organisation_or_conveners_update_a_task(client, setup):
    task = DelegatedTask.objects.create(
        forum=setup["forum"], title="Kartlägg", assigned_to=setup["org_a"]
    )
    url = f"{BASE}uppdrag/{task.pk}/"
    data = {"status": "in_progress", "report": "Vi har börjat."}
    for who in ("member_b", "dialog", "outsider"):
        client.force_login(setup[who])
        assert client.post(url, data).status_code == 403, who
    client.force_login(setup["member_a"])
    assert client.post(url, data).status_code == 302
    task.refresh_from_db()
    assert task.status == "in_progress" and task.report == "Vi har börjat."
    assert task.reported_at is not None
    client.force_login(setup["convener"])
    assert client.post(url, {"status": "done", "report": "Klart."}).status_code == 302


def test_bad_task_status_is_a_form_error_not_a_crash(client, setup):
    task = DelegatedTask.objects.create(
        forum=setup["forum"], title="Kartlägg", assigned_to=setup["org_a"]
    )
    client.force_login(setup["member_a"])
    response = client.post(
        f"{BASE}uppdrag/{task.pk}/", {"status": "nonsense", "report": "Klart!"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert (
        "Välj ett giltigt alternativ. nonsense finns inte bland tillgängliga "
        "alternativ." in page
    )
    # Next to the field it is about.
    assert 'id="id_status_error"' in page
    task.refresh_from_db()
    assert (task.status, task.report, task.reported_at) == ("open", "", None)
    assert "Uppdraget är uppdaterat" not in client.get(BASE).content.decode()
    assert client.get(f"{BASE}uppdrag/999999/").status_code == 404


def test_creating_a_decision_notifies_every_partner_member(client, setup):
    client.force_login(setup["convener"])
    answer_by = timezone.localtime() + datetime.timedelta(days=5)
    response = client.post(
        f"{BASE}beslut/nytt/",
        {
            "title": "Gemensam kalender",
            "proposal": "Vi samlar alla aktiviteter.",
            "answer_by": answer_by.strftime("%Y-%m-%dT%H:%M"),
        },
    )
    assert response.status_code == 302
    item = JointDecision.objects.get()
    notified = set(
        Notification.objects.filter(kind="decision_to_answer").values_list(
            "user", flat=True
        )
    )
    assert notified == {setup["member_a"].pk, setup["member_b"].pk}
    assert Notification.objects.first().message().url == f"{BASE}beslut/{item.pk}/"


def test_a_decision_needs_an_answer_time_in_the_future(client, setup):
    client.force_login(setup["convener"])
    response = client.post(
        f"{BASE}beslut/nytt/",
        {"title": "X", "proposal": "Y", "answer_by": "2001-01-01T10:00"},
    )
    assert response.status_code == 200
    assert "answer_by" in response.context["form"].errors
    client.force_login(setup["member_a"])
    assert client.get(f"{BASE}beslut/nytt/").status_code == 403


def test_an_objection_without_a_reason_is_refused(client, setup):
    item = decision(setup["forum"])
    response = answer(client, setup, item, answer="objection", reason="  ")
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    assert not DecisionAnswer.objects.exists()


def test_one_answer_per_organisation_updatable_before_the_deadline(client, setup):
    item = decision(setup["forum"])
    assert answer(client, setup, item).status_code == 302
    response = answer(client, setup, item, answer="objection", reason="För dyrt.")
    assert response.status_code == 302
    stored = DecisionAnswer.objects.get()
    assert stored.answer == "objection" and stored.reason == "För dyrt."
    page = client.get(f"{BASE}beslut/{item.pk}/").content.decode()
    assert "För dyrt." in page


def test_a_partner_answers_only_for_their_own_organisation(client, setup):
    item = decision(setup["forum"])
    client.force_login(setup["member_a"])
    response = client.post(
        f"{BASE}beslut/{item.pk}/",
        {"organisation": setup["org_b"].pk, "answer": "consent"},
    )
    assert response.status_code == 200
    assert not DecisionAnswer.objects.exists()
    client.force_login(setup["convener"])  # no partner organisation of their own
    response = client.post(
        f"{BASE}beslut/{item.pk}/",
        {"organisation": setup["org_a"].pk, "answer": "consent"},
    )
    assert response.status_code == 403


def test_an_answer_after_the_deadline_is_refused(client, setup):
    item = decision(setup["forum"], days=-1)
    response = answer(client, setup, item, follow=False)
    assert response.status_code == 302
    assert not DecisionAnswer.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert "Det går inte längre att svara" in page


def test_an_answer_after_the_decision_is_refused(client, setup):
    item = decision(setup["forum"], outcome=JointDecision.Outcome.ADOPTED)
    answer(client, setup, item)
    assert not DecisionAnswer.objects.exists()


def test_outcome_adopted_without_objections_and_partners_notified(client, setup):
    item = decision(setup["forum"])
    answer(client, setup, item, org="a")
    client.force_login(setup["convener"])
    url = f"{BASE}beslut/{item.pk}/avgor/"
    # Not everybody has answered and the time is not up.
    assert client.post(url, {"outcome": "adopted"}).status_code == 302
    item.refresh_from_db()
    assert item.outcome == "pending"
    answer(client, setup, item, org="b")
    client.force_login(setup["convener"])
    assert client.get(url).context["form"].initial["outcome"] == "adopted"
    assert client.post(url, {"outcome": "adopted"}).status_code == 302
    item.refresh_from_db()
    assert item.outcome == "adopted" and item.decided_at is not None
    notified = set(
        Notification.objects.filter(kind="decision_outcome").values_list(
            "user", flat=True
        )
    )
    assert notified == {setup["member_a"].pk, setup["member_b"].pk}


def test_an_objection_means_not_adopted_unless_the_convener_motivates(client, setup):
    item = decision(setup["forum"], days=-1)
    DecisionAnswer.objects.create(
        decision=item,
        organisation=setup["org_a"],
        answer="objection",
        reason="För dyrt.",
    )
    client.force_login(setup["convener"])
    url = f"{BASE}beslut/{item.pk}/avgor/"
    assert client.get(url).context["form"].initial["outcome"] == "not_adopted"
    response = client.post(url, {"outcome": "adopted"})
    assert response.status_code == 200
    assert "outcome_note" in response.context["form"].errors
    response = client.post(
        url, {"outcome": "adopted", "outcome_note": "Invändningen är tillgodosedd."}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.outcome == "adopted"
    assert item.outcome_note == "Invändningen är tillgodosedd."
    # Decided once: a second close changes nothing.
    client.post(url, {"outcome": "not_adopted", "outcome_note": "Nej."})
    item.refresh_from_db()
    assert item.outcome == "adopted"
    assert Notification.objects.filter(kind="decision_outcome").count() == 2


def test_only_conveners_close_a_decision(client, setup):
    item = decision(setup["forum"], days=-1)
    client.force_login(setup["member_a"])
    assert client.post(f"{BASE}beslut/{item.pk}/avgor/").status_code == 403
    item.refresh_from_db()
    assert item.outcome == "pending"
