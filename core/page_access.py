"""Who may have a file that pages link to: a document or an image.

Wagtail's ``ReferenceIndex`` knows which pages link to a document or show an
image (rich text, chooser blocks, foreign keys). A page type whose manager has
``visible_to(user)`` (a room's access rule, e.g. the knowledge pages, public
or for a forum level) *guards* what it links to: when a live guarded page
links to the file, those pages decide alone, as records do for documents
(``core/documents/access.py``, rule 1), so a public page of another type that
also links to it widens nothing. Otherwise a live page without view
restrictions makes the file public.

The admin has the same rule with the admin's reader (:func:`hidden_in_admin`):
a page type whose manager has ``admin_visible_to(user)`` (drafts included, its
authors and reviewers too) hides from the admin's document and image library
what only pages the person may not read there link to.
"""

import enum
from collections import defaultdict

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex, get_page_models


class Access(enum.Enum):
    PUBLIC = "public"  # anyone, and shared caches may keep it
    PRIVATE = "private"  # this person only: Cache-Control private
    DENIED = "denied"


def referring_pages(obj):
    """The live pages that link to ``obj``, as Wagtail's reference index has it."""
    page_ids = [
        int(pk)
        for pk in ReferenceIndex.get_references_to(obj)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    ]
    return Page.objects.live().filter(pk__in=page_ids)


def guarded_access(user, obj):
    """What the guarded pages that link to ``obj`` allow ``user``: PUBLIC when
    one of them is public, PRIVATE when ``user`` sees one, DENIED when none;
    None when no guarded page links to it."""
    by_model = defaultdict(list)
    for content_type_id, pk in referring_pages(obj).values_list(
        "content_type_id", "pk"
    ):
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None:
            by_model[model].append(pk)
    guarded = False
    seen = False
    for model, ids in by_model.items():
        visible_to = getattr(model._default_manager, "visible_to", None)
        if visible_to is None:
            continue
        guarded = True
        if visible_to(AnonymousUser()).filter(pk__in=ids).exists():
            return Access.PUBLIC
        if user.is_authenticated and visible_to(user).filter(pk__in=ids).exists():
            seen = True
    if not guarded:
        return None
    return Access.PRIVATE if seen else Access.DENIED


def linked_from_public_page(obj):
    """Whether a live page without view restrictions links to ``obj``."""
    return referring_pages(obj).public().exists()


def hidden_in_admin(user, model, pk=None):
    """The ids of ``model`` objects (documents, images; only ``pk`` when given)
    that guarded pages link to, none of which ``user`` may read in the admin
    (their manager's ``admin_visible_to``): the admin's library leaves them out.
    Computed once a request for the whole library."""
    if user.is_superuser:
        return frozenset()
    cache = getattr(user, "_hidden_in_admin", None)
    if cache is None:
        cache = {}
        user._hidden_in_admin = cache
    key = (model._meta.label, pk)
    if key not in cache:
        cache[key] = _hidden_in_admin(user, model, pk)
    return cache[key]


def _hidden_in_admin(user, model, pk):
    guarded = {
        ContentType.objects.get_for_model(page_model).pk: page_model
        for page_model in get_page_models()
        if hasattr(page_model._default_manager, "admin_visible_to")
    }
    if not guarded:
        return frozenset()
    references = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        content_type_id__in=guarded,
        to_content_type=ContentType.objects.get_for_model(model),
    )
    if pk is not None:
        references = references.filter(to_object_id=str(pk))
    linking = defaultdict(set)  # the object's id: the ids of the pages
    pages_by_model = defaultdict(set)
    for content_type_id, page_id, target_id in references.values_list(
        "content_type_id", "object_id", "to_object_id"
    ).distinct():
        linking[target_id].add(int(page_id))
        pages_by_model[guarded[content_type_id]].add(int(page_id))
    readable = set()
    for page_model, ids in pages_by_model.items():
        readable.update(
            page_model._default_manager.admin_visible_to(user)
            .filter(pk__in=ids)
            .values_list("pk", flat=True)
        )
    return frozenset(
        int(target_id) for target_id, pages in linking.items() if not pages & readable
    )
