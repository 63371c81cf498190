"""Who may have a file that pages link to: a document or an image.

Wagtail's ``ReferenceIndex`` knows which pages link to a document or show an
image (rich text, chooser blocks, foreign keys). A page type whose manager has
``visible_to(user)`` (a room's access rule, e.g. the knowledge pages, public
or for a forum level) *guards* what it links to: when a live guarded page
links to the file, those pages decide alone, as records do for documents
(``core/documents/access.py``, rule 1), so a public page of another type that
also links to it widens nothing. Otherwise a live page without view
restrictions makes the file public.
"""

import enum
from collections import defaultdict

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex


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
