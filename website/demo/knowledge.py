"""Demo knowledge: the public knowledge index with the forum's below it, a
needs analysis for each of Skåne's five sub-regions, six articles, notes from
two network meetings linked to the calendar's meetings, and one mapping for
the forum's members from Dialog up.

The texts are ours (``data/knowledge.json``), the people fictional. Pages are
matched on their slug under their index, so running the seed again creates
nothing; the coordinator owns them (``last_reviewed`` a few weeks back).
"""

import datetime
import json

from django.contrib.auth import get_user_model
from django.utils import timezone

from core.geography.models import Municipality, SubRegion
from events.models import Event
from forum.models import Forum, Visibility
from knowledge.factories import (
    ArticleFactory,
    KnowledgeIndexFactory,
    MeetingNotesFactory,
    NeedsAnalysisFactory,
)
from knowledge.models import (
    Kind,
    KnowledgeIndexPage,
    KnowledgePage,
    KnowledgeSubscription,
)
from website.demo.loader import load
from website.demo.partners import COORDINATOR, FORUM
from website.home.models import HomePage

DATA = load("knowledge")
# Sensus's member at Dialog (website/demo/data/people.json).
SUBSCRIBER = "karin.berg@sensus.example"


def paragraph(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def stream(*blocks):
    return json.dumps([block for block in blocks if block])


def about(spec):
    """The fields every page has: sub-region, municipalities, tags, owner."""
    subregion = (
        SubRegion.objects.get(county__code="12", name=spec["subregion"])
        if spec.get("subregion")
        else None
    )
    return {
        "subregion": subregion,
        "municipalities": list(
            Municipality.objects.filter(code__in=spec.get("municipalities", []))
        ),
        "tags": spec.get("tags", []),
        "owner": get_user_model().objects.filter(email=COORDINATOR).first(),
        "last_reviewed": timezone.localdate() - datetime.timedelta(days=20),
    }


def index_page(parent, spec, **fields):
    existing = KnowledgeIndexPage.objects.child_of(parent).filter(slug=spec["slug"])
    if existing.exists():
        return existing.get(), False
    page = KnowledgeIndexFactory(
        parent=parent,
        slug=spec["slug"],
        title=spec["title"],
        intro=spec["intro"],
        **fields,
    )
    return page, True


def make(factory, parent, spec, **fields):
    if KnowledgePage.objects.child_of(parent).filter(slug=spec["slug"]).exists():
        return False
    factory(
        parent=parent,
        slug=spec["slug"],
        title=spec["title"],
        intro=spec["intro"],
        **about(spec),
        **fields,
    )
    return True


def analysis_fields(spec, today):
    end = today - datetime.timedelta(days=30 * spec["months"])
    return {
        "period_start": end - datetime.timedelta(days=120),
        "period_end": end,
        "date": end,
        "method": stream(paragraph(spec["method"])),
        "findings": stream(paragraph(spec["findings"])),
        "recommendations": [
            {"text": text, "responsible": responsible, "status": status}
            for text, responsible, status in spec["recommendations"]
        ],
    }


def article_body(spec):
    blocks = [
        {"type": "heading", "value": {"text": spec["heading"]}},
        *(paragraph(text) for text in spec["paragraphs"]),
    ]
    if "table" in spec:
        blocks.append(
            {
                "type": "table",
                "value": {
                    "data": spec["table"],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": spec["title"],
                },
            }
        )
    if "quote" in spec:
        text, source = spec["quote"]
        blocks.append({"type": "quote", "value": {"text": text, "source": source}})
    if "callout" in spec:
        heading, text = spec["callout"]
        blocks.append(
            {"type": "callout", "value": {"heading": heading, "text": f"<p>{text}</p>"}}
        )
    if "chart" in spec:
        # Drawn from the follow-up's figures each time the page is read.
        place, breakdown = spec["chart"]
        blocks.append(
            {
                "type": "followup_chart",
                "value": {"place": place, "breakdown": breakdown},
            }
        )
    return stream(*blocks)


def create_knowledge():
    """Create what is missing; returns the number of pages created."""
    home = HomePage.objects.get(locale__language_code="sv")
    forum = Forum.objects.get(slug=FORUM["slug"])
    today = timezone.localdate()
    public, new_public = index_page(home, DATA["public_index"], show_in_menus=True)
    forum_index, new_forum = index_page(public, DATA["forum_index"], forum=forum)
    created = int(new_public) + int(new_forum)
    for spec in DATA["needs_analyses"]:
        created += make(
            NeedsAnalysisFactory,
            public,
            spec,
            kind=Kind.NEEDS_ANALYSIS,
            **analysis_fields(spec, today),
        )
    created += make(
        NeedsAnalysisFactory,
        forum_index,
        DATA["members_mapping"],
        kind=Kind.MAPPING,
        forum=forum,
        visibility=Visibility.DIALOG,
        **analysis_fields(DATA["members_mapping"], today),
    )
    for number, spec in enumerate(DATA["articles"]):
        created += make(
            ArticleFactory,
            public,
            spec,
            body=article_body(spec),
            date=today - datetime.timedelta(days=14 * (number + 1)),
        )
    for spec in DATA["meeting_notes"]:
        meeting = Event.objects.get(forum=forum, title=spec["meeting"])
        created += make(
            MeetingNotesFactory,
            forum_index,
            spec,
            kind=Kind.NETWORK_MEETING,
            forum=forum,
            visibility=Visibility.INFORMATION,
            meeting=meeting,
            place=spec["place"],
            participants=spec["participants"],
            date=timezone.localdate(meeting.start),
            body=stream(*(paragraph(text) for text in spec["paragraphs"])),
        )
    # A Dialog member who chose to hear of new pages in her forums (after the
    # pages: seeding tells nobody of them).
    subscriber = get_user_model().objects.filter(email=SUBSCRIBER).first()
    if subscriber is not None:
        KnowledgeSubscription.objects.get_or_create(
            user=subscriber, defaults={"scope": KnowledgeSubscription.Scope.FORUMS}
        )
    return created


def knowledge_summary():
    pages = KnowledgePage.objects.filter(locale__language_code="sv")
    return (
        f"Knowledge: {pages.count()} pages, "
        f"{pages.exclude(visibility=Visibility.PUBLIC).count()} for members only."
    )
