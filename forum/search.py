"""The members' search: what the signed-in person may see in their forums.

Each part of the platform hands in a provider, ``provider(user, words,
forums)`` → a list of :class:`ResultGroup`; the forum registers its own
(threads, posts, consultations, feedback, the partnership's tasks and
decisions, agreements) and rooms above it theirs through :func:`register`
(``events/search.py``, from ``EventsConfig.ready``), so the forum imports
none of them. Every provider reads through the rooms' own ``visible_to``
querysets and ``forum.access`` (never a rule of its own), within ``forums``,
the forums the person takes part in (``forums_of``), and costs one query a
kind however many rows match: at most ``LIMIT`` results a kind, and whether
there were more.

The words are matched case-insensitively as substrings (``icontains``, which
escapes ``%``, ``_`` and ``\\``); every word must match, each in any of the
kind's fields.
"""

import html
from dataclasses import dataclass, field

from django import forms
from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Q,
    Subquery,
)
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from partners.models import Agreement, Membership

from .access import forums_allowing, forums_of, forums_reading_agreements
from .dialog_views import POSTS_PER_PAGE, thread_url
from .models import (
    Consultation,
    ConsultationQuestion,
    DelegatedTask,
    FeedbackItem,
    JointDecision,
    Post,
    Thread,
)

# Results of one kind on the page; the group says when there were more.
LIMIT = 20
MAX_QUERY_LENGTH = 200
# Words beyond these are not searched for (each word is one more condition).
MAX_WORDS = 8
EXCERPT_LENGTH = 160


class SearchForm(forms.Form):
    """The members' search's query string: the words, ``q``."""

    # A CharField refuses NUL bytes, which no database can search for.
    q = forms.CharField(
        label=_("Sök i forumen"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": _(
                "Sökningen får vara högst %(limit_value)d tecken. Korta den och "
                "sök igen."
            ),
        },
    )

    def words(self):
        """The words to search for (at most MAX_WORDS); [] for none or invalid."""
        if not self.is_valid():
            return []
        words = []
        for word in self.cleaned_data["q"].replace('"', " ").split():
            if word.lower() not in {w.lower() for w in words}:
                words.append(word)
        return words[:MAX_WORDS]


@dataclass
class Result:
    """One thing found: its title, where it is, when, the match, a link."""

    title: str
    url: str
    forum: str
    date: object = None
    excerpt: list = field(default_factory=list)


@dataclass
class ResultGroup:
    """The results of one kind (``more``: there were more than ``LIMIT``)."""

    key: str
    title: str
    results: list
    more: bool = False


_providers = []


def register(provider):
    """Add ``provider(user, words, forums)`` → list of :class:`ResultGroup`."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def search(user, words):
    """Every kind's results for ``words``, grouped, in the person's forums."""
    if not words:
        return []
    forums = forums_of(user)
    groups = []
    for provider in _providers:
        groups += provider(user, words, forums)
    return [group for group in groups if group.results]


def every_word(words, *fields):
    """A Q: each of ``words`` occurs in one of ``fields`` (names, or a callable
    ``word`` → Q/Exists for a related row)."""
    condition = Q()
    for word in words:
        alternatives = Q()
        for name in fields:
            if callable(name):
                alternatives |= name(word)
            else:
                alternatives |= Q(**{f"{name}__icontains": word})
        condition &= alternatives
    return condition


class RelatedText:
    """A text field of the rows that point to a consultation (its questions,
    its feedback items), for :func:`every_word` and the excerpt."""

    def __init__(self, model, field):
        self.model, self.field = model, field

    def _matching(self, word):
        return self.model.objects.filter(
            **{"consultation": OuterRef("pk"), f"{self.field}__icontains": word}
        )

    def contains(self, word):
        """Whether one of the rows contains ``word``."""
        return Exists(self._matching(word))

    def first(self, word):
        """The text of the first row containing ``word`` (or None)."""
        return Subquery(self._matching(word).values(self.field)[:1])


def limited(queryset):
    """The first LIMIT rows, and whether there were more (one query)."""
    rows = list(queryset[: LIMIT + 1])
    return rows[:LIMIT], len(rows) > LIMIT


def group(key, title, rows, more, make):
    return ResultGroup(key, str(title), [make(row) for row in rows], more)


def plain(text):
    """Text of stored HTML, as a reader sees it."""
    return " ".join(html.unescape(strip_tags(text or "")).split())


def excerpt(words, *texts):
    """A short piece of the first of ``texts`` with a word in it, as
    ``{"text", "match"}`` parts (the template marks the matches)."""
    folded = [word.lower() for word in words]
    for text in texts:
        text = plain(text)
        lower = text.lower()
        hits = [lower.find(word) for word in folded if word in lower]
        if not hits:
            continue
        if len(lower) != len(text):  # lower() changed the length: no marks
            return [{"text": text[:EXCERPT_LENGTH], "match": False}]
        first = min(hits)
        start = max(0, first - EXCERPT_LENGTH // 3)
        end = min(len(text), start + EXCERPT_LENGTH)
        piece = text[start:end]
        parts = mark(piece, folded)
        if start > 0:
            parts.insert(0, {"text": "…", "match": False})
        if end < len(text):
            parts.append({"text": "…", "match": False})
        return parts
    return []


def mark(piece, folded):
    """Split ``piece`` into parts, the occurrences of the words marked."""
    lower = piece.lower()
    parts, position = [], 0
    while position < len(piece):
        found = [
            (lower.find(word, position), word)
            for word in folded
            if word and lower.find(word, position) >= 0
        ]
        if not found:
            break
        at, word = min(found, key=lambda hit: (hit[0], -len(hit[1])))
        if at > position:
            parts.append({"text": piece[position:at], "match": False})
        parts.append({"text": piece[at : at + len(word)], "match": True})
        position = at + len(word)
    if position < len(piece):
        parts.append({"text": piece[position:], "match": False})
    return parts


# ---------------------------------------------------------------------------
# The forum's own kinds.


def dialog(user, words, forums):
    """Threads by title and posts by text; hidden posts only for conveners."""
    threads = Thread.objects.visible_to(user).filter(forum__in=forums)
    found_threads, more_threads = limited(
        threads.filter(every_word(words, "title"))
        .select_related("forum")
        .order_by("-last_activity_at", "-pk")
    )
    before = (
        Post.objects.filter(thread=OuterRef("thread"))
        .filter(
            Q(created_at__lt=OuterRef("created_at"))
            | Q(created_at=OuterRef("created_at"), pk__lt=OuterRef("pk"))
        )
        .values("thread")
        .annotate(count=Count("pk"))
        .values("count")
    )
    shown = Q(hidden=False) | Q(thread__forum__in=forums_allowing(user, "manage"))
    posts = (
        Post.objects.filter(thread__in=threads)
        .filter(shown)
        .filter(every_word(words, "body"))
        .annotate(position=Subquery(before))
        .select_related("thread__forum")
        .order_by("-created_at", "-pk")
    )
    found_posts, more_posts = limited(posts)

    def post_result(post):
        page = (post.position or 0) // POSTS_PER_PAGE + 1
        return Result(
            post.thread.title,
            thread_url(post.thread.forum.slug, post.thread_id, page)
            + f"#inlagg-{post.pk}",
            post.thread.forum.name,
            post.created_at,
            excerpt(words, post.body),
        )

    return [
        group(
            "threads",
            _("Trådar"),
            found_threads,
            more_threads,
            lambda thread: Result(
                thread.title,
                thread_url(thread.forum.slug, thread.pk),
                thread.forum.name,
                thread.last_activity_at,
                excerpt(words, thread.title),
            ),
        ),
        group("posts", _("Inlägg i dialogen"), found_posts, more_posts, post_result),
    ]


def consultations(user, words, forums):
    """Consultations by title, proposal and questions; published feedback."""
    visible = Consultation.objects.visible_to(user).filter(forum__in=forums)

    questions = RelatedText(ConsultationQuestion, "text")
    found, more = limited(
        visible.filter(every_word(words, "title", "proposal", questions.contains))
        .annotate(matching_question=questions.first(words[0]))
        .select_related("forum")
        .order_by("-deadline", "-pk")
    )

    summaries = RelatedText(FeedbackItem, "summary")
    with_feedback, more_feedback = limited(
        visible.filter(feedback_published_at__isnull=False)
        .filter(every_word(words, "feedback", summaries.contains))
        .annotate(matching_summary=summaries.first(words[0]))
        .select_related("forum")
        .order_by("-feedback_published_at", "-pk")
    )

    def url(consultation, anchor=""):
        return (
            reverse(
                "forum:consultation_detail",
                args=[consultation.forum.slug, consultation.pk],
            )
            + anchor
        )

    return [
        group(
            "consultations",
            _("Samråd"),
            found,
            more,
            lambda c: Result(
                c.title,
                url(c),
                c.forum.name,
                c.deadline,
                excerpt(words, c.proposal, c.matching_question, c.title),
            ),
        ),
        group(
            "feedback",
            _("Återkoppling på samråd"),
            with_feedback,
            more_feedback,
            lambda c: Result(
                c.title,
                url(c, "#feedback-heading"),
                c.forum.name,
                c.feedback_published_at,
                excerpt(words, c.feedback, c.matching_summary),
            ),
        ),
    ]


def partnership(user, words, forums):
    """Delegated tasks and joint decisions, in the workspaces the person opens."""
    workspaces = forums_allowing(user, "partnership").filter(pk__in=forums)
    tasks, more_tasks = limited(
        DelegatedTask.objects.filter(forum__in=workspaces)
        .filter(every_word(words, "title", "description", "report"))
        .select_related("forum")
        .order_by("-created_at", "-pk")
    )
    decisions, more_decisions = limited(
        JointDecision.objects.filter(forum__in=workspaces)
        .filter(every_word(words, "title", "proposal", "outcome_note"))
        .select_related("forum")
        .order_by("-answer_by", "-pk")
    )
    return [
        group(
            "tasks",
            _("Delegerade uppdrag"),
            tasks,
            more_tasks,
            lambda task: Result(
                task.title,
                reverse("forum:partnership", args=[task.forum.slug]) + "#tasks-heading",
                task.forum.name,
                task.due_date or task.created_at,
                excerpt(words, task.description, task.report, task.title),
            ),
        ),
        group(
            "decisions",
            _("Gemensamma beslut"),
            decisions,
            more_decisions,
            lambda decision: Result(
                decision.title,
                reverse(
                    "forum:decision_detail", args=[decision.forum.slug, decision.pk]
                ),
                decision.forum.name,
                decision.answer_by,
                excerpt(
                    words, decision.proposal, decision.outcome_note, decision.title
                ),
            ),
        ),
    ]


def agreements(user, words, forums):
    """Agreements, by the agreements' own rule (``Agreement.visible_to``)."""
    administered = (
        Membership.objects.active()
        .filter(user=user, role=Membership.Role.ADMIN)
        .filter(
            Q(organisation=OuterRef("organisation"))
            | Q(organisation__agreements_as_party=OuterRef("pk"))
        )
        .values("organisation__slug")[:1]
    )
    found, more = limited(
        Agreement.objects.visible_to(user)
        .filter(forum__in=forums)
        .filter(every_word(words, "title", "delegated_tasks"))
        .annotate(
            in_workspace=ExpressionWrapper(
                Q(forum__in=forums_reading_agreements(user)),
                output_field=BooleanField(),
            ),
            admin_of=Subquery(administered),
        )
        .select_related("forum")
        .order_by("-valid_from", "-pk")
    )

    def url(agreement):
        # Where the person reads it: the workspace, or their organisation's page.
        if agreement.in_workspace or not agreement.admin_of:
            return (
                reverse("forum:partnership", args=[agreement.forum.slug])
                + "#agreements-heading"
            )
        return reverse("partners:organisation_dashboard", args=[agreement.admin_of])

    return [
        group(
            "agreements",
            _("Överenskommelser"),
            found,
            more,
            lambda agreement: Result(
                agreement.title,
                url(agreement),
                agreement.forum.name,
                agreement.signed_on or agreement.valid_from,
                excerpt(words, agreement.delegated_tasks, agreement.title),
            ),
        )
    ]


for _provider in (dialog, consultations, partnership, agreements):
    register(_provider)
