"""Demo forum work: consultations, dialog threads and the partnership workspace,
and an organisation that joined after the open consultation opened (for the
convener to invite).

Everything belongs to the Skåne forum and is dated relative to today. Objects
are matched on their natural key (forum and slug for consultations, forum and
title for threads, tasks and joint decisions); what hangs on them (questions,
responses, posts, answers) is only made together with a new parent, so running
the seed again creates nothing. The people are the demo logins and a few
fictional members; the text is ours, not the organisations'.

A response's version history is stored as snapshots of the form
``{"general_comment": "...", "answers": {"<question pk>": "..."}}``.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from core.factories import upsert
from forum.factories import (
    ConsultationFactory,
    ConsultationQuestionFactory,
    ConsultationResponseFactory,
    DecisionAnswerFactory,
    DelegatedTaskFactory,
    FeedbackItemFactory,
    JointDecisionFactory,
    ParticipationFactory,
    PostFactory,
    PostModerationFactory,
    ResponseAnswerFactory,
    ResponseVersionFactory,
    ThreadFactory,
    ThreadFollowFactory,
)
from forum.models import (
    Consultation,
    ConsultationResponse,
    DecisionAnswer,
    DelegatedTask,
    Forum,
    JointDecision,
    Participation,
    Post,
    PostModeration,
    Thread,
    Visibility,
)
from partners.models import Membership, Organisation
from website.demo.loader import load, records
from website.demo.partners import (
    CONVENER,
    FORUM,
    LEVEL_LOGINS,
    add_member,
    backdate,
    create_organisation,
    demo_email,
    demo_user,
)

ELIN = LEVEL_LOGINS[Visibility.PARTNERSKAP]  # Malmö stad, who attaches a file

DATA = load("forum_work")
# Fictional members who write in the forum: (name, organisation). Their
# addresses follow the contact persons' pattern, name@organisation.example.
MEMBERS = records("forum_work", "members")

# A consultation: days since it opened and to its deadline, the proposal, the
# questions, the responses (organisation, who wrote it, days ago, general
# comment, answers, versions) and, once closed, the feedback.
OPEN_CONSULTATION = DATA["open_consultation"]
CLOSED_CONSULTATION = DATA["closed_consultation"]

# An organisation that joined the forum a few days ago, after the open
# consultation opened: the convener can invite it.
LATE_ORGANISATION = DATA["late_organisation"]

# Threads: title, posts [(author, days ago, body)], index of a post the
# convener hid (or None) with the reason, followers.
THREADS = DATA["threads"]

# (title, organisation, due in days from today, status, description, report)
TASKS = records("forum_work", "tasks")

# A joint decision taken (with one objection) and one still open.
DECIDED = DATA["decided"]
OPEN_DECISION = DATA["open_decision"]


def create_forum_work():
    """Create the forum's consultations, threads, tasks and decisions.

    Returns the number of top-level objects created."""
    forum = Forum.objects.get(slug=FORUM["slug"])
    orgs = {org.slug: org for org in Organisation.objects.all()}
    create_members(orgs)
    users = {u.email: u for u in get_user_model().objects.all()}
    created = 0
    for spec in (OPEN_CONSULTATION, CLOSED_CONSULTATION):
        created += create_consultation(forum, orgs, users, spec)
    created += join_late(forum, users[CONVENER])
    for spec in THREADS:
        created += create_thread(forum, users, spec)
    created += create_tasks(forum, orgs, users)
    created += create_decided(forum, orgs, users)
    created += create_open_decision(forum, orgs, users)
    return created


def create_members(orgs):
    for name, slug in MEMBERS:
        first, last = name.split(" ", 1)
        add_member(
            demo_user(demo_email(name, slug), first, last),
            orgs[slug],
            Membership.Role.MEMBER,
        )


def organisation_of(user):
    membership = user.memberships.filter(status=Membership.Status.ACTIVE).first()
    return membership.organisation if membership else None


def create_consultation(forum, orgs, users, spec):
    if Consultation.objects.filter(forum=forum, slug=spec["slug"]).exists():
        return 0
    now = timezone.now()
    consultation = ConsultationFactory(
        forum=forum,
        slug=spec["slug"],
        title=spec["title"],
        proposal=spec["proposal"],
        visibility=Visibility.SAMRAD,
        opens_at=now - timedelta(days=spec["opened"]),
        deadline=now + timedelta(days=spec["deadline"]),
        published=True,
        responses_visible=spec["responses_visible"],
        created_by=users[CONVENER],
    )
    questions = [
        ConsultationQuestionFactory(
            consultation=consultation, position=position, text=text
        )
        for position, text in enumerate(spec["questions"], start=1)
    ]
    for slug, email, days, comment, answers, versions in spec["responses"]:
        author = users[email]
        submitted = now - timedelta(days=days)
        response = ConsultationResponseFactory(
            consultation=consultation,
            organisation=orgs[slug],
            general_comment=comment,
            version=versions,
            submitted_at=submitted,
            updated_by=author,
        )
        for question, text in zip(questions, answers, strict=True):
            ResponseAnswerFactory(response=response, question=question, text=text)
        final = {str(q.pk): text for q, text in zip(questions, answers, strict=True)}
        for version in range(1, versions + 1):
            snapshot = {"general_comment": response.general_comment, "answers": final}
            if version < versions:  # an earlier draft: the first answer only
                first = str(questions[0].pk)
                snapshot = {"general_comment": "", "answers": {first: final[first]}}
            ResponseVersionFactory(
                response=response,
                version=version,
                snapshot=snapshot,
                saved_by=author,
                saved_at=submitted - timedelta(days=versions - version),
            )
        ConsultationResponse.objects.filter(pk=response.pk).update(updated_at=submitted)
    for question, summary in zip(
        questions, spec.get("feedback_items", []), strict=False
    ):
        FeedbackItemFactory(
            consultation=consultation, question=question, summary=summary
        )
    if spec.get("feedback"):
        consultation.feedback = spec["feedback"]
        consultation.feedback_published_at = now - timedelta(
            days=spec["feedback_days_ago"]
        )
        consultation.save()
    return 1


def join_late(forum, convener):
    """The organisation that joined after the open consultation opened, with a
    member, so that the convener has someone to invite (and notify)."""
    spec = LATE_ORGANISATION
    org = create_organisation(
        spec["slug"],
        spec["name"],
        spec["kind"],
        spec["level"],
        spec["website"],
        spec["places"],
        spec["description"],
    )
    first, last = spec["member"].split(" ", 1)
    add_member(
        demo_user(demo_email(spec["member"], org.slug), first, last),
        org,
        Membership.Role.MEMBER,
    )
    if Participation.objects.filter(forum=forum, organisation=org).exists():
        return 0
    days = spec["joined_days_ago"]
    participation = ParticipationFactory(
        forum=forum,
        organisation=org,
        level=spec["level"],
        since=timezone.localdate() - timedelta(days=days),
        changed_by=convener,
        note=spec["note"],
    )
    backdate(participation, spec["level"], days)
    return 1


def create_thread(forum, users, spec):
    if Thread.objects.filter(forum=forum, title=spec["title"]).exists():
        return 0
    now = timezone.now()
    starter, started_days, _ = spec["posts"][0]
    last_days = spec["posts"][-1][1]
    thread = ThreadFactory(
        forum=forum,
        title=spec["title"],
        visibility=Visibility.DIALOG,
        created_by=users[starter],
        organisation=organisation_of(users[starter]),
        created_at=now - timedelta(days=started_days),
        last_activity_at=now - timedelta(days=last_days),
    )
    posts = [
        PostFactory(
            thread=thread,
            author=users[email],
            organisation=organisation_of(users[email]),
            body=body,
            created_at=now - timedelta(days=days),
        )
        for email, days, body in spec["posts"]
    ]
    if spec["hidden"]:
        index, reason = spec["hidden"]
        post = posts[index]
        post.hidden = True
        post.hidden_reason = reason
        post.save()
        PostModerationFactory(
            post=post,
            action=PostModeration.Action.HIDDEN,
            reason=reason,
            moderator=users[CONVENER],
            created_at=post.created_at + timedelta(hours=3),
        )
    for email in spec["followers"]:
        upsert(ThreadFollowFactory, {"thread": thread, "user": users[email]})
    return 1


def create_tasks(forum, orgs, users):
    today = timezone.localdate()
    now = timezone.now()
    created = 0
    for title, slug, due, status, description, report in TASKS:
        if DelegatedTask.objects.filter(forum=forum, title=title).exists():
            continue
        DelegatedTaskFactory(
            forum=forum,
            title=title,
            description=description,
            assigned_to=orgs[slug],
            due_date=today + timedelta(days=due),
            status=status,
            report=report,
            reported_at=now - timedelta(days=-due + 2) if report else None,
            finished_at=now - timedelta(days=-due + 2)
            if status in DelegatedTask.FINISHED
            else None,
            created_by=users[CONVENER],
        )
        created += 1
    return created


def partners_in(forum):
    return [
        p.organisation
        for p in forum.participations.filter(level=Visibility.PARTNERSKAP)
        .select_related("organisation")
        .order_by("organisation__name")
    ]


def answerer(org, users):
    """A member who answers for the organisation (the convener for Länsstyrelsen)."""
    if org.slug == "lansstyrelsen-skane":
        return users[CONVENER]
    membership = (
        org.memberships.filter(status=Membership.Status.ACTIVE).order_by("pk").first()
    )
    return membership.user if membership else None


def create_decided(forum, orgs, users):
    if JointDecision.objects.filter(forum=forum, title=DECIDED["title"]).exists():
        return 0
    now = timezone.now()
    answer_by = now - timedelta(days=-DECIDED["answer_by"])
    decision = JointDecisionFactory(
        forum=forum,
        title=DECIDED["title"],
        proposal=DECIDED["proposal"],
        answer_by=answer_by,
        outcome=JointDecision.Outcome.ADOPTED,
        outcome_note=DECIDED["outcome_note"],
        decided_at=answer_by + timedelta(days=1),
        created_by=users[CONVENER],
        created_at=answer_by - timedelta(days=14),
    )
    objector, reason = DECIDED["objection"]
    for days, org in enumerate(partners_in(forum), start=2):
        objects = org.slug == objector
        DecisionAnswerFactory(
            decision=decision,
            organisation=org,
            answer=(
                DecisionAnswer.Answer.OBJECTION
                if objects
                else DecisionAnswer.Answer.CONSENT
            ),
            reason=reason if objects else "",
            answered_by=answerer(org, users),
            answered_at=answer_by - timedelta(days=days),
        )
    return 1


def create_open_decision(forum, orgs, users):
    if JointDecision.objects.filter(forum=forum, title=OPEN_DECISION["title"]).exists():
        return 0
    now = timezone.now()
    decision = JointDecisionFactory(
        forum=forum,
        title=OPEN_DECISION["title"],
        proposal=OPEN_DECISION["proposal"],
        answer_by=now + timedelta(days=OPEN_DECISION["answer_by"]),
        created_by=users[CONVENER],
        created_at=now - timedelta(days=5),
    )
    for days, slug in enumerate(OPEN_DECISION["answers"], start=1):
        DecisionAnswerFactory(
            decision=decision,
            organisation=orgs[slug],
            answer=DecisionAnswer.Answer.CONSENT,
            answered_by=answerer(orgs[slug], users),
            answered_at=now - timedelta(days=4 - days),
        )
    return 1


def forum_work_summary():
    """One line: consultations, threads, tasks and joint decisions."""
    now = timezone.now()
    return (
        f"Forumarbete: {Consultation.objects.count()} samråd "
        f"({Consultation.objects.open(now).count()} öppna, "
        f"{Consultation.objects.exclude(feedback_published_at=None).count()} med "
        f"återkoppling), {ConsultationResponse.objects.count()} svar; "
        f"{Thread.objects.count()} trådar med {Post.objects.count()} inlägg "
        f"({Post.objects.filter(hidden=True).count()} dolda); "
        f"{DelegatedTask.objects.count()} delegerade uppdrag, "
        f"{JointDecision.objects.count()} gemensamma beslut "
        f"({JointDecision.objects.filter(outcome='pending').count()} öppna)"
    )
