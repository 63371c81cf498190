"""Who may download a Wagtail document: default-deny.

Wagtail serves every document to everybody; ours decides first, in this order:

1. **Records that point to it.** Every model with a field that points to the
   document model (meeting papers, consultation documents, agreements, and
   any model added later) is found through the app registry, and says who
   sees its rows through its own ``visible_to(user)`` QuerySet method — the
   room's access rule. A document that such a row points to is served to
   whoever sees at least one of those rows, and to nobody else: a page that
   also links to it does not widen that, so being able to edit public pages
   opens nothing private. A model without ``visible_to`` lets nobody through
   (``tests/website/test_documents.py`` fails on such a model).
2. **Pages that link to it.** A document that no such record points to is
   served as the pages linking to it allow (rich text, a chooser block or a
   foreign key: Wagtail's ``ReferenceIndex``; ``core/page_access.py``): when
   a page type with its own access rule (``visible_to``, e.g. the knowledge
   pages) links to it, to those who see one of those pages; otherwise to
   everyone when a live page without view restrictions links to it.
3. **Nothing.** A document referenced by nothing public, e.g. one just
   uploaded, is served only to the people who may change it in the admin.

Wagtail's own checks (collection view restrictions) still apply after ours.
The admin follows rule 1 too (``permissions.py``): a document that a record
points to is listed, chosen, changed and deleted only by those who see one of
those records, so an editor of public pages cannot read the titles of, replace
or delete the forum's papers.
"""

import functools

from django.apps import apps
from django.db.models import Q
from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry

from core.page_access import Access, guarded_access, linked_from_public_page

__all__ = ["Access", "access", "documents_q", "linked_from_public_page"]


@functools.cache
def document_fields():
    """``(model, field name)`` for every model field that points to a document."""
    document_model = get_document_model()
    return tuple(
        (model, field.name)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if field.is_relation
        and field.concrete
        and field.related_model is document_model
    )


def seen_through_records(user, document):
    """Whether ``user`` sees a record that points to ``document``; None if none does."""
    referenced = False
    for model, field in document_fields():
        manager = model._default_manager
        if not manager.filter(**{field: document}).exists():
            continue
        referenced = True
        visible_to = getattr(manager, "visible_to", None)
        if visible_to and visible_to(user).filter(**{field: document}).exists():
            return True
    return False if referenced else None


def documents_q(user):
    """A Q for the documents no record points to, or whose record ``user`` sees.

    The same rule as :func:`seen_through_records`, for a list of documents (the
    admin's document listing and chooser).
    """
    referenced = Q(pk__in=[])
    seen = Q(pk__in=[])
    for model, field in document_fields():
        manager = model._default_manager
        pointing = {f"{field}__isnull": False}
        referenced |= Q(pk__in=manager.filter(**pointing).values(field))
        if visible_to := getattr(manager, "visible_to", None):
            seen |= Q(pk__in=visible_to(user).filter(**pointing).values(field))
    return ~referenced | seen


def access(user, document):
    """How ``document`` may be served to ``user`` (see the module's docstring)."""
    seen = seen_through_records(user, document)
    if seen is not None:
        return Access.PRIVATE if seen else Access.DENIED
    by_pages = guarded_access(user, document)
    if by_pages is not None:
        return by_pages
    if linked_from_public_page(document):
        return Access.PUBLIC
    if may_change(user, document):
        return Access.PRIVATE
    return Access.DENIED


def may_change(user, document):
    """Whether ``user`` may change ``document`` in the admin (Wagtail's policy)."""
    policy = policy_registry.get_by_type(get_document_model())
    return policy.user_has_permission_for_instance(user, "change", document)
