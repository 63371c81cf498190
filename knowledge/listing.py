"""What the knowledge lists show: an index page's filtered list and the
related pages beside a page, each only what the reader may see and in a
fixed number of queries however many pages there are."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Q
from django.urls import reverse

from core.i18n.content import with_content_languages
from core.pagination import pagination
from core.query import nearest_page
from forum import access

from .feeds import feed_links, public_tag
from .models import KnowledgeIndexPage, KnowledgePage

PER_PAGE = 20
RELATED = 5


def for_list(pages):
    """What a list's template reads: the sub-region, the forum, the tags."""
    return with_content_languages(
        pages.select_related("subregion", "forum")
        .prefetch_related("tags")
        .order_by("-date", "title", "pk")
    )


def index_context(index, request, form):
    """The filtered, paginated list of an index page (``KnowledgeQueryForm``)."""
    chosen = form.filters()
    paginator = Paginator(for_list(form.filtered()), PER_PAGE)
    page_obj, page_not_found = nearest_page(paginator, form.cleaned_data.get("sida"))

    def url(number=1):
        params = {**chosen, "sida": number if number > 1 else None}
        query = urlencode({k: v for k, v in params.items() if v})
        return f"?{query}" if query else request.path

    return {
        **pagination(page_obj, url),
        **forum_links(index, request.user),
        **feed_context(index, request, chosen.get("tagg")),
        "query_form": form,
        "knowledge_pages": page_obj.object_list,
        "filters_chosen": bool(chosen),
        "filters_ignored": form.ignored(),
        "page_not_found": page_not_found,
    }


def feed_context(index, request, tag_slug):
    """The index's RSS and Atom feeds; a chosen tag's too when public pages
    have it (a feed names nothing private)."""
    context = {"feeds": feed_links(index, request)}
    tag = public_tag(index, tag_slug) if tag_slug else None
    if tag is not None:
        context["tag_feeds"] = feed_links(index, request, tag)
        context["feed_tag"] = tag
    return context


def forum_links(index, user):
    """From a forum's index, its forum page for those who take part; from the
    public index, the indexes of the reader's forums below it."""
    if index.forum_id:
        if not access.can(user, "view_members", index.forum):
            return {}
        return {"forum_link": reverse("forum:forum_detail", args=[index.forum.slug])}
    return {
        "forum_indexes": list(
            KnowledgeIndexPage.objects.child_of(index)
            .live()
            .public()
            .filter(forum__in=access.forums_of(user))
        )
    }


def related_pages(page, request):
    """Pages with a tag of ``page``'s or its sub-region, newest first, that the
    reader may see, in the page's language tree."""
    tag_ids = [tag.pk for tag in page.tags.all()]
    near = Q(tags__in=tag_ids) if tag_ids else Q(pk__in=[])
    if page.subregion_id:
        near |= Q(subregion_id=page.subregion_id)
    pages = (
        KnowledgePage.objects.visible_to(request.user)
        .filter(locale_id=page.locale_id)
        .filter(near)
        .exclude(pk=page.pk)
    )
    return list(for_list(pages)[:RELATED])
