"""Telling people about a new knowledge page, through the forum's
notifications (``forum.notifications``), in each person's language.

When a knowledge page is published for the first time (Wagtail's
``page_published``; its aliases and translations are not new), those who
chose it in their notification choices (:class:`KnowledgeSubscription`) and
may read it are told: for a page for a level, the members of its forum from
that level up and its conveners; for a public page, everybody who chose all
new public knowledge, and the forum's members and conveners who chose their
forums' pages. The author is not told about their own page.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from wagtail.models import PageLogEntry

from core.users.language import url_in_language
from forum.models import Participation, Visibility
from forum.notification_texts import Message, renders
from forum.notifications import notify_users

from .models import Kind, KnowledgePage, KnowledgeSubscription

KIND = "new_knowledge"
Scope = KnowledgeSubscription.Scope


class KnowledgeChoiceForm(forms.Form):
    """The knowledge room's part of the notification settings page."""

    kunskap = forms.ChoiceField(
        label=gettext_lazy("Berätta om ny kunskap"),
        choices=Scope.choices,
        widget=forms.RadioSelect,
        # Left out (an older form, another client): the choice stays as it was.
        required=False,
        help_text=gettext_lazy(
            "Kunskapsartiklar, behovsanalyser, kartläggningar och "
            "mötesanteckningar, när de publiceras: bara sådant du får läsa."
        ),
    )

    def __init__(self, data=None, *, user):
        self.user = user
        chosen = (
            KnowledgeSubscription.objects.filter(user=user)
            .values_list("scope", flat=True)
            .first()
        )
        super().__init__(data, initial={"kunskap": chosen or Scope.NONE})

    def save(self):
        if not self.cleaned_data["kunskap"]:
            return
        KnowledgeSubscription.objects.update_or_create(
            user=self.user, defaults={"scope": self.cleaned_data["kunskap"]}
        )


def readers_q(forum, level):
    """People who take part in ``forum`` from ``level`` up, and its conveners."""
    takes_part = Exists(
        Participation.objects.filter(
            forum=forum,
            level__gte=max(level, 1),
            organisation__memberships__user=OuterRef("pk"),
            organisation__memberships__status="active",
        )
    )
    return takes_part | Q(convened_forums=forum)


def recipients(page):
    """Who chose to be told about ``page`` and may read it."""
    users = get_user_model().objects.filter(is_active=True)
    forum_scopes = [Scope.FORUMS, Scope.ALL]
    if page.visibility == Visibility.PUBLIC:
        wanted = Q(knowledge_subscription__scope=Scope.ALL)
        if page.forum_id:
            wanted |= Q(knowledge_subscription__scope__in=forum_scopes) & readers_q(
                page.forum, 1
            )
    elif page.forum_id:
        wanted = Q(knowledge_subscription__scope__in=forum_scopes) & readers_q(
            page.forum, page.visibility
        )
    else:
        return users.none()
    return users.filter(wanted).exclude(pk=page.owner_id).distinct()


def page_params(page):
    """What the message needs: the page's address in its own language, which
    the message turns into the reader's language's tree (the trees mirror
    the Swedish one, slugs synchronised)."""
    return {
        "page": page.pk,
        "title": page.title,
        "kind": page.kind,
        "forum_name": page.forum.name if page.forum_id else "",
        "url": page.url,
    }


def notify_new_page(page):
    """Tell the subscribers who may read ``page``; return the notifications."""
    return notify_users(recipients(page), KIND, page_params(page))


def first_published(sender, instance, revision=None, **kwargs):
    """``page_published``: a knowledge page's first publication in its own
    language (not an alias, nor a translation of a page already out)."""
    page = instance
    if not isinstance(page, KnowledgePage) or page.alias_of_id:
        return
    # Approved for a later date: told when publish_scheduled publishes it.
    if not page.live or page.first_published_at is None:
        return
    if page.first_published_at != page.last_published_at:
        return
    earlier = PageLogEntry.objects.filter(page_id=page.pk, action="wagtail.publish")
    if revision is not None and earlier.exclude(revision_id=revision.pk).exists():
        return
    if page.translation_key and (
        KnowledgePage.objects.filter(translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .filter(alias_of__isnull=True, first_published_at__lt=page.first_published_at)
        .exists()
    ):
        return
    notify_new_page(page)


@renders(KIND)
def new_knowledge(params):
    url = url_in_language(params["url"], get_language()) if params["url"] else ""
    values = {
        "title": params["title"],
        "kind": Kind(params["kind"]).label,
        "forum": params["forum_name"],
    }
    if params["forum_name"]:
        body = _("%(forum)s har publicerat en ny sida: %(kind)s, %(title)s.") % values
    else:
        body = _("En ny sida är publicerad: %(kind)s, %(title)s.") % values
    return Message(_("Ny kunskap: %(title)s") % values, body, url)
