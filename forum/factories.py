"""Factories for the forum: participation, consultations, dialog, partnership."""

import datetime

import factory
from django.utils import timezone

from core.geography.models import County, SubRegion
from core.users.factories import UserFactory
from forum.models import (
    Consultation,
    ConsultationQuestion,
    ConsultationResponse,
    Coordinator,
    DecisionAnswer,
    DelegatedTask,
    FeedbackItem,
    Forum,
    JointDecision,
    LevelChange,
    Notification,
    Participation,
    ParticipationApplication,
    Post,
    PostModeration,
    ResponseAnswer,
    ResponseVersion,
    Thread,
    ThreadFollow,
)
from partners.factories import OrganisationFactory
from partners.models import Agreement


class ForumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Forum

    name = factory.Sequence(lambda n: f"Forum {n}")
    slug = factory.Sequence(lambda n: f"forum-{n}")
    county = factory.LazyFunction(lambda: County.objects.get(code="12"))


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    organisation = factory.SubFactory(OrganisationFactory)
    forum = factory.SubFactory(ForumFactory)
    level = 1

    @classmethod
    def _create(cls, model_class, *args, changed_by=None, note="", **kwargs):
        # save() writes the level log; who made the change and why go with it.
        participation = model_class(*args, **kwargs)
        participation.save(changed_by=changed_by, note=note)
        return participation


class LevelChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LevelChange

    organisation = factory.SubFactory(OrganisationFactory)
    forum = factory.SubFactory(ForumFactory)
    to_level = 1


class ParticipationApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ParticipationApplication

    organisation = factory.SubFactory(OrganisationFactory)
    forum = factory.SubFactory(ForumFactory)
    requested_level = 1
    applicant = factory.SubFactory(UserFactory)


class CoordinatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Coordinator

    name = factory.Sequence(lambda n: f"Samordnare {n}")
    organisation = factory.SubFactory(OrganisationFactory)
    subregion = factory.LazyFunction(
        lambda: SubRegion.objects.filter(county__code="12").first()
    )
    email = factory.Sequence(lambda n: f"samordnare{n}@example.org")


class AgreementFactory(factory.django.DjangoModelFactory):
    """A partnership agreement; here, since it names a forum (partners/ cannot)."""

    class Meta:
        model = Agreement
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    forum = factory.SubFactory(ForumFactory)
    title = factory.Sequence(lambda n: f"Överenskommelse {n}")
    valid_from = factory.LazyFunction(lambda: timezone.localdate().replace(day=1))
    valid_until = factory.LazyAttribute(
        lambda o: o.valid_from + datetime.timedelta(days=365)
    )
    signed_on = factory.LazyAttribute(lambda o: o.valid_from)

    @factory.post_generation
    def parties(self, create, extracted, **kwargs):
        """The organisation signs, and so do ``parties=[...]`` if given."""
        if create:
            self.parties.add(self.organisation, *(extracted or []))


class ConsultationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consultation

    forum = factory.SubFactory(ForumFactory)
    title = factory.Sequence(lambda n: f"Samråd {n}")
    slug = factory.Sequence(lambda n: f"samrad-{n}")
    proposal = "<p>Förslaget.</p>"
    opens_at = factory.LazyFunction(timezone.now)
    deadline = factory.LazyAttribute(lambda o: o.opens_at + datetime.timedelta(days=30))


class ConsultationQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsultationQuestion

    consultation = factory.SubFactory(ConsultationFactory)
    position = factory.Sequence(lambda n: n)
    text = factory.Sequence(lambda n: f"Fråga {n}?")


class ConsultationResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsultationResponse

    consultation = factory.SubFactory(ConsultationFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class ResponseAnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResponseAnswer

    response = factory.SubFactory(ConsultationResponseFactory)
    question = factory.SubFactory(
        ConsultationQuestionFactory,
        consultation=factory.SelfAttribute("..response.consultation"),
    )
    text = "Vi ställer oss bakom förslaget."


class ResponseVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResponseVersion

    response = factory.SubFactory(ConsultationResponseFactory)
    version = 1
    snapshot = factory.LazyFunction(lambda: {"general_comment": "", "answers": {}})


class FeedbackItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FeedbackItem

    question = factory.SubFactory(ConsultationQuestionFactory)
    consultation = factory.SelfAttribute("question.consultation")
    summary = "Synpunkterna sammanfattade."


class ThreadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Thread

    forum = factory.SubFactory(ForumFactory)
    title = factory.Sequence(lambda n: f"Tråd {n}")
    created_by = factory.SubFactory(UserFactory)


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post

    thread = factory.SubFactory(ThreadFactory)
    author = factory.SubFactory(UserFactory)
    body = "<p>Ett inlägg.</p>"


class PostModerationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PostModeration

    post = factory.SubFactory(PostFactory)
    action = PostModeration.Action.HIDDEN
    moderator = factory.SubFactory(UserFactory)


class ThreadFollowFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ThreadFollow

    thread = factory.SubFactory(ThreadFactory)
    user = factory.SubFactory(UserFactory)


class DelegatedTaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DelegatedTask

    forum = factory.SubFactory(ForumFactory)
    title = factory.Sequence(lambda n: f"Uppdrag {n}")
    assigned_to = factory.SubFactory(OrganisationFactory)
    due_date = factory.LazyFunction(
        lambda: timezone.localdate() + datetime.timedelta(days=60)
    )


class JointDecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JointDecision

    forum = factory.SubFactory(ForumFactory)
    title = factory.Sequence(lambda n: f"Beslut {n}")
    proposal = "<p>Förslaget till beslut.</p>"
    answer_by = factory.LazyFunction(
        lambda: timezone.now() + datetime.timedelta(days=14)
    )


class DecisionAnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DecisionAnswer

    decision = factory.SubFactory(JointDecisionFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    answer = DecisionAnswer.Answer.CONSENT


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notification

    user = factory.SubFactory(UserFactory)
    kind = Notification.Kind.THREAD_REPLY
    subject = factory.Sequence(lambda n: f"Nytt svar i tråden {n}")
    body = "Någon har svarat i en tråd du bevakar."
    url = "/forum/"
