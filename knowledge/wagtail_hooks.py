"""The forum levels in the Wagtail admin: who may not read a knowledge page
does not find it there either.

One rule, :meth:`KnowledgePageQuerySet.admin_visible_to` (the public site's
rule with drafts, plus the page's authors and reviewers): the explorer and its
menu, the page chooser and the admin's page search leave out the pages it
leaves out, and every admin view of such a page (``KnowledgePage.
permissions_for_user``, checked by Wagtail first; the hooks below answer 404
where Wagtail asks them) shows nothing of it. Documents and protected images
that such pages link to follow in ``core/documents/permissions.py`` and
``core/images/permissions.py``, through ``core/page_access.py``.
"""

from django.http import Http404
from wagtail import hooks
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import KnowledgePage


def without_hidden_pages(pages, user):
    """``pages`` (of any type) less the knowledge pages ``user`` may not read."""
    if user.is_superuser:
        return pages
    return pages.exclude(
        pk__in=KnowledgePage.objects.admin_hidden_from(user).values("pk")
    )


def refuse_hidden(request, page, *destination):
    """A 404 for a knowledge page the person may not read: not even its title
    (``before_move_page`` also passes the destination)."""
    specific = page.specific_deferred
    if isinstance(specific, KnowledgePage) and not specific.is_admin_visible_to(
        request.user
    ):
        raise Http404


class PagePolicy(PagePermissionPolicy):
    """Wagtail's page permissions, less the knowledge pages the person may not
    read: the admin's page search, dashboard panels and reports list pages
    through this policy (the search has no hook of its own)."""

    def instances_user_has_any_permission_for(self, user, actions):
        return without_hidden_pages(
            super().instances_user_has_any_permission_for(user, actions), user
        )

    def explorable_instances(self, user):
        return without_hidden_pages(super().explorable_instances(user), user)


# exact_class: the policy of the Page model itself (lists of pages); a page's
# own permissions come from its class (``permissions_for_user``).
register_permission_policy(Page, PagePolicy(Page), exact_class=True)


@hooks.register("construct_explorer_page_queryset")
def explorer_pages(parent_page, pages, request):
    refuse_hidden(request, parent_page)
    return without_hidden_pages(pages, request.user)


@hooks.register("construct_page_chooser_queryset")
def chooser_pages(pages, request):
    return without_hidden_pages(pages, request.user)


# Wagtail has asked the page's permissions (none, see above) before these;
# should a view skip that, the answer is still 404.
for _hook in (
    "before_edit_page",
    "before_delete_page",
    "before_copy_page",
    "before_move_page",
    "before_convert_alias_page",
):
    hooks.register(_hook, refuse_hidden)
