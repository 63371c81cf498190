"""Consultations, threads, tasks and joint decisions."""

import datetime

from forum.factories import (
    ConsultationFactory,
    ConsultationQuestionFactory,
    ConsultationResponseFactory,
    DecisionAnswerFactory,
    DelegatedTaskFactory,
    FeedbackItemFactory,
    JointDecisionFactory,
    PostFactory,
    PostModerationFactory,
    ResponseAnswerFactory,
    ResponseVersionFactory,
    ThreadFactory,
    ThreadFollowFactory,
)
from forum.models import (
    Consultation,
    ConsultationQuestion,
    ConsultationResponse,
    DecisionAnswer,
    DelegatedTask,
    FeedbackItem,
    JointDecision,
    Level,
    Post,
    PostModeration,
    ResponseAnswer,
    ResponseVersion,
    Thread,
    ThreadFollow,
    Visibility,
)
from website.benchmark.data.base import (
    BATCH,
    PREFIX,
    RESPONSES_PER_CONSULTATION,
    bullet_list,
    missing,
    paragraph,
    user_ref,
)
from website.benchmark.data.pools import (
    ANSWERS,
    CONSULTATION_TOPICS,
    DECISION_TOPICS,
    POST_SENTENCES,
    QUESTIONS,
    TASK_STATUSES,
    TASK_TOPICS,
    THREAD_TOPICS,
)


class ForumGrowth:
    """Consultations, threads, tasks and joint decisions."""

    # ------------------------------------------------------- consultations

    def consultations(self):
        target = self.volumes["consultations"]
        todo = missing(
            target,
            Consultation.objects.filter(
                forum=self.forum, slug__startswith=PREFIX
            ).values_list("slug", flat=True),
            r"^bench-(\d+)$",
        )
        if not todo:
            return
        responders = self.orgs_from(Level.SAMRAD)
        members = self.members_by_org()
        per_consultation = min(RESPONSES_PER_CONSULTATION, len(responders))
        if per_consultation < RESPONSES_PER_CONSULTATION:
            self.growth.notes.append(
                f"Only {len(responders)} organisations at level Samråd or higher: "
                f"{per_consultation} responses per consultation."
            )
        new = []
        for n in todo:
            opens = self.now - datetime.timedelta(days=5 + n * 9)
            if n % 13 == 12:  # announced, opens next week
                opens = self.now + datetime.timedelta(days=7)
            deadline = opens + datetime.timedelta(days=30)
            closed = deadline <= self.now
            with_feedback = closed and n % 3 == 0
            topic = CONSULTATION_TOPICS[n % len(CONSULTATION_TOPICS)]
            new.append(
                ConsultationFactory.build(
                    forum=self.forum,
                    slug=f"{PREFIX}{n:03d}",
                    title=f"{topic} {opens.year}",
                    proposal=paragraph(
                        "Länsstyrelsen föreslår hur arbetet ska inriktas under "
                        "nästa period och vill veta vad forumets organisationer "
                        "tycker."
                    )
                    + bullet_list(
                        [
                            "fler aktiviteter där utbudet i dag är litet;",
                            "insatser som når kvinnor;",
                            "en tydligare koppling mellan språk och arbete.",
                        ]
                    ),
                    visibility=Visibility.DIALOG if n % 7 == 6 else Visibility.SAMRAD,
                    opens_at=opens,
                    deadline=deadline,
                    published=n % 10 != 9,
                    responses_visible=n % 2 == 1,
                    feedback=paragraph(
                        "Tack för era svar. Så här påverkade de beslutet."
                    )
                    if with_feedback
                    else "",
                    feedback_published_at=(
                        min(deadline + datetime.timedelta(days=10), self.now)
                        if with_feedback
                        else None
                    ),
                    created_by=self.convener,
                )
            )
        Consultation.objects.bulk_create(new, batch_size=BATCH)
        created = list(
            Consultation.objects.filter(
                forum=self.forum, slug__in=[c.slug for c in new]
            ).order_by("slug")
        )
        ConsultationQuestion.objects.bulk_create(
            [
                ConsultationQuestionFactory.build(
                    consultation=c, position=position, text=text
                )
                for c in created
                for position, text in enumerate(QUESTIONS, start=1)
            ],
            batch_size=BATCH,
        )
        questions = {}
        for question in ConsultationQuestion.objects.filter(
            consultation__in=created
        ).order_by("position"):
            questions.setdefault(question.consultation_id, []).append(question)
        responses = []
        for c in created:
            n = int(c.slug.removeprefix(PREFIX))
            if not c.published or c.opens_at > self.now:
                continue
            for k in range(per_consultation):
                org = responders[(n + k) % len(responders)]
                submitted = min(
                    c.opens_at + datetime.timedelta(days=1 + k),
                    c.deadline,
                    self.now,
                )
                author = (members.get(org.pk) or [None])[0]
                responses.append(
                    ConsultationResponseFactory.build(
                        consultation=c,
                        organisation=org,
                        general_comment=paragraph(ANSWERS[(n + k) % len(ANSWERS)])
                        if k % 3 == 0
                        else "",
                        version=1,
                        submitted_at=submitted,
                        updated_by_id=author,
                    )
                )
        ConsultationResponse.objects.bulk_create(responses, batch_size=BATCH)
        answers, versions, feedback = [], [], []
        for response in ConsultationResponse.objects.filter(
            consultation__in=created
        ).select_related("consultation"):
            texts = {}
            for k, question in enumerate(questions[response.consultation_id]):
                text = paragraph(ANSWERS[(response.organisation_id + k) % len(ANSWERS)])
                texts[str(question.pk)] = text
                answers.append(
                    ResponseAnswerFactory.build(
                        response=response, question=question, text=text
                    )
                )
            versions.append(
                ResponseVersionFactory.build(
                    response=response,
                    version=1,
                    snapshot={
                        "general_comment": response.general_comment,
                        "answers": texts,
                    },
                    saved_by_id=response.updated_by_id,
                    saved_at=response.submitted_at or self.now,
                )
            )
        for c in created:
            if c.feedback_published_at:
                feedback += [
                    FeedbackItemFactory.build(
                        consultation=c,
                        question=question,
                        summary=paragraph(
                            "De flesta som svarade delar förslaget; flera vill se "
                            "fler aktiviteter på landsbygden."
                        ),
                    )
                    for question in questions[c.pk]
                ]
        ResponseAnswer.objects.bulk_create(answers, batch_size=BATCH)
        ResponseVersion.objects.bulk_create(versions, batch_size=BATCH)
        FeedbackItem.objects.bulk_create(feedback, batch_size=BATCH)
        self.growth.add("consultations", len(new))
        self.growth.add("consultation responses", len(responses))

    # -------------------------------------------------------------- dialog

    def threads(self):
        target = self.volumes["threads"]
        todo = missing(
            target,
            Thread.objects.filter(
                forum=self.forum, title__startswith="[bench "
            ).values_list("title", flat=True),
            r"^\[bench (\d+)\]",
        )
        if not todo:
            return
        members = self.members_by_org()
        writers = [
            (user_id, org.pk)
            for org in self.orgs_from(Level.DIALOG)
            for user_id in members.get(org.pk, [])
        ]
        if not writers:
            writers = [(self.convener.pk if self.convener else None, None)]
        plans, new = {}, []
        for n in todo:
            count = self.volumes["long_thread_posts"] if n == 0 else 2 + (n * 7) % 15
            # The long thread is the one written in last; the others spread
            # over a year, a reply every few hours.
            started = self.now - datetime.timedelta(
                days=60 if n == 0 else 3 + (n * 11) % 400
            )
            latest = self.now - datetime.timedelta(hours=1)
            if n:
                latest = min(latest, started + datetime.timedelta(hours=7 * count))
            step = (latest - started) / count
            times = [started + step * k for k in range(count)]
            authors = [writers[(n * 5 + k * 3) % len(writers)] for k in range(count)]
            title = f"[bench {n:03d}] {THREAD_TOPICS[n % len(THREAD_TOPICS)]}"
            plans[title] = (n, times, authors)
            new.append(
                ThreadFactory.build(
                    forum=self.forum,
                    title=title,
                    visibility=(
                        Visibility.PARTNERSKAP if n % 6 == 5 else Visibility.DIALOG
                    ),
                    created_by=user_ref(authors[0][0]),
                    organisation_id=authors[0][1],
                    created_at=times[0],
                    last_activity_at=times[-1],
                )
            )
        Thread.objects.bulk_create(new, batch_size=BATCH)
        posts, follows = [], []
        for thread in Thread.objects.filter(forum=self.forum, title__in=list(plans)):
            n, times, authors = plans[thread.title]
            for k, (when, (user_id, org_id)) in enumerate(
                zip(times, authors, strict=True)
            ):
                sentences = [
                    POST_SENTENCES[(n + k + j) % len(POST_SENTENCES)]
                    for j in range(1 + k % 3)
                ]
                hidden = n % 25 == 5 and k == 1
                posts.append(
                    PostFactory.build(
                        thread=thread,
                        author=user_ref(user_id),
                        organisation_id=org_id,
                        body=paragraph(*sentences)
                        + (bullet_list(sentences) if k % 5 == 4 else ""),
                        created_at=when,
                        hidden=hidden,
                        hidden_reason="Inlägget innehöll personuppgifter."
                        if hidden
                        else "",
                    )
                )
            for user_id in {user_id for user_id, _ in authors[:3] if user_id}:
                follows.append(
                    ThreadFollowFactory.build(thread=thread, user=user_ref(user_id))
                )
        Post.objects.bulk_create(posts, batch_size=BATCH)
        ThreadFollow.objects.bulk_create(
            follows, batch_size=BATCH, ignore_conflicts=True
        )
        moderations = [
            PostModerationFactory.build(
                post=post,
                action=PostModeration.Action.HIDDEN,
                reason=post.hidden_reason,
                moderator=self.convener,
                created_at=post.created_at + datetime.timedelta(hours=3),
            )
            for post in Post.objects.filter(
                hidden=True, thread__title__in=list(plans), moderation__isnull=True
            )
        ]
        PostModeration.objects.bulk_create(moderations, batch_size=BATCH)
        self.growth.add("threads", len(new))
        self.growth.add("posts", len(posts))

    # --------------------------------------------------------- partnership

    def tasks(self):
        target = self.volumes["tasks"]
        todo = missing(
            target,
            DelegatedTask.objects.filter(
                forum=self.forum, title__startswith="[bench "
            ).values_list("title", flat=True),
            r"^\[bench (\d+)\]",
        )
        partners = self.orgs_from(Level.PARTNERSKAP)
        if not todo or not partners:
            return
        new = []
        for n in todo:
            status = TASK_STATUSES[n % len(TASK_STATUSES)]
            due = self.today + datetime.timedelta(days=-120 + (n * 13) % 300)
            done = status == DelegatedTask.Status.DONE
            new.append(
                DelegatedTaskFactory.build(
                    forum=self.forum,
                    title=f"[bench {n:03d}] {TASK_TOPICS[n % len(TASK_TOPICS)]}",
                    description=paragraph(
                        "Forumet har delegerat uppdraget till organisationen.",
                        "Rapportera kort när det är klart.",
                    ),
                    assigned_to=partners[n % len(partners)],
                    due_date=due,
                    status=status,
                    report=paragraph("Klart och redovisat till forumet.")
                    if done
                    else "",
                    reported_at=(min(self.local(due, 15), self.now) if done else None),
                    created_by=self.convener,
                )
            )
        DelegatedTask.objects.bulk_create(new, batch_size=BATCH)
        self.growth.add("delegated tasks", len(new))

    def decisions(self):
        target = self.volumes["decisions"]
        todo = missing(
            target,
            JointDecision.objects.filter(
                forum=self.forum, title__startswith="[bench "
            ).values_list("title", flat=True),
            r"^\[bench (\d+)\]",
        )
        partners = self.orgs_from(Level.PARTNERSKAP)
        if not todo or not partners:
            return
        new = []
        for n in todo:
            answer_by = self.now + datetime.timedelta(days=14 - 10 * n)
            past = answer_by <= self.now
            topic = DECISION_TOPICS[n % len(DECISION_TOPICS)]
            new.append(
                JointDecisionFactory.build(
                    forum=self.forum,
                    title=f"[bench {n:03d}] {topic}",
                    proposal=paragraph(
                        "Parterna föreslås besluta gemensamt om detta under "
                        "nästa period."
                    ),
                    answer_by=answer_by,
                    outcome=(
                        (
                            JointDecision.Outcome.NOT_ADOPTED
                            if n % 4 == 3
                            else JointDecision.Outcome.ADOPTED
                        )
                        if past
                        else JointDecision.Outcome.PENDING
                    ),
                    outcome_note="Avgjort efter partnernas svar." if past else "",
                    decided_at=answer_by + datetime.timedelta(days=1) if past else None,
                    created_by=self.convener,
                    created_at=answer_by - datetime.timedelta(days=14),
                )
            )
        JointDecision.objects.bulk_create(new, batch_size=BATCH)
        members = self.members_by_org()
        answers = []
        for decision in JointDecision.objects.filter(
            forum=self.forum, title__in=[d.title for d in new]
        ):
            n = int(decision.title[len("[bench ") :].split("]")[0])
            pending = decision.outcome == JointDecision.Outcome.PENDING
            for k, org in enumerate(partners):
                if pending and k % 2:
                    continue  # not everyone has answered yet
                objects = (n + k) % 5 == 4
                answers.append(
                    DecisionAnswerFactory.build(
                        decision=decision,
                        organisation=org,
                        answer=DecisionAnswer.Answer.OBJECTION
                        if objects
                        else DecisionAnswer.Answer.CONSENT,
                        reason="Vi behöver mer underlag innan vi kan ta ställning."
                        if objects
                        else "",
                        answered_by_id=(members.get(org.pk) or [None])[0],
                        answered_at=decision.answer_by - datetime.timedelta(days=1 + k),
                    )
                )
        DecisionAnswer.objects.bulk_create(
            answers, batch_size=BATCH, ignore_conflicts=True
        )
        self.growth.add("joint decisions", len(new))
