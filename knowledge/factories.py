"""Factories for the knowledge room's pages, shared by tests, demo data and
the benchmark.

A page factory adds the page under ``parent`` (an index page; for an index,
the Swedish home page when none is given) and publishes it, so that it is
live and, on the host, gets its aliases in every language's tree.
"""

import json

import factory
from django.utils import timezone
from wagtail.models import Page

from forum.models import Visibility

from .models import (
    ArticlePage,
    KnowledgeIndexPage,
    MeetingNotesPage,
    NeedsAnalysisPage,
    PageMunicipality,
    RecommendedAction,
)


def home_page():
    """The site's home page in the default language: the first page below the root."""
    return Page.objects.filter(depth=2).order_by("path").first()


def paragraphs(*texts):
    """A StreamField value: one paragraph block per text."""
    return json.dumps(
        [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in texts]
    )


class PageFactory(factory.django.DjangoModelFactory):
    """Adds the page under ``parent`` and publishes it (``live=False``: a draft)."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Sida {n}")
    slug = factory.Sequence(lambda n: f"sida-{n}")

    @classmethod
    def _create(cls, model_class, *args, parent=None, live=True, tags=(), **kwargs):
        municipalities = kwargs.pop("municipalities", ())
        recommendations = kwargs.pop("recommendations", ())
        page = model_class(*args, **kwargs)
        if tags:
            page.tags.add(*tags)
        if municipalities:
            page.municipalities.set(
                PageMunicipality.objects.filter(pk__in=[m.pk for m in municipalities])
            )
        for position, action in enumerate(recommendations):
            page.recommendations.add(RecommendedAction(sort_order=position, **action))
        parent = parent or cls.default_parent()
        if not live:
            page.live = False
        parent.add_child(instance=page)
        revision = page.save_revision()
        if live:
            revision.publish()
            page.refresh_from_db()
        return page

    @classmethod
    def default_parent(cls):
        return KnowledgeIndexFactory()


class KnowledgeIndexFactory(PageFactory):
    class Meta:
        model = KnowledgeIndexPage

    title = factory.Sequence(lambda n: f"Kunskapsbank {n}")
    slug = factory.Sequence(lambda n: f"kunskap-{n}")

    @classmethod
    def default_parent(cls):
        return home_page()


class ArticleFactory(PageFactory):
    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"Artikel {n}")
    slug = factory.Sequence(lambda n: f"artikel-{n}")
    intro = "Vad vi har lärt oss."
    body = factory.LazyFunction(lambda: paragraphs("En text om tidiga insatser."))
    visibility = Visibility.PUBLIC
    date = factory.LazyFunction(timezone.localdate)


class NeedsAnalysisFactory(PageFactory):
    class Meta:
        model = NeedsAnalysisPage

    title = factory.Sequence(lambda n: f"Behovsanalys {n}")
    slug = factory.Sequence(lambda n: f"behovsanalys-{n}")
    intro = "Vilka behov målgruppen har."
    method = factory.LazyFunction(lambda: paragraphs("Enkät och intervjuer."))
    findings = factory.LazyFunction(lambda: paragraphs("Behov av språkstöd."))
    visibility = Visibility.PUBLIC
    date = factory.LazyFunction(timezone.localdate)


class MeetingNotesFactory(PageFactory):
    class Meta:
        model = MeetingNotesPage

    title = factory.Sequence(lambda n: f"Anteckningar {n}")
    slug = factory.Sequence(lambda n: f"anteckningar-{n}")
    intro = "Vad mötet kom fram till."
    body = factory.LazyFunction(lambda: paragraphs("Vi gick laget runt."))
    visibility = Visibility.PUBLIC
    date = factory.LazyFunction(timezone.localdate)
