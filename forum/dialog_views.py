"""Dialog: threads and replies from level Dialog up; conveners moderate."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from core.attachments import serve
from core.pagination import pagination
from core.query import PageQueryForm, reads_query
from core.sanitizer import safe_html
from partners.models import Membership

from .access import can, forum_for, is_convener, level_in
from .dialog_forms import ModerationForm, PostForm, ThreadForm
from .models import Level, Post, PostAttachment, PostModeration, Thread, ThreadFollow
from .notification_texts import thread_url
from .notifications import notify_users

THREADS_PER_PAGE = 50
POSTS_PER_PAGE = 50


def author_organisation(user, forum):
    """The organisation the user speaks for in ``forum``: their first active one."""
    membership = (
        Membership.objects.active()
        .filter(user=user, organisation__participations__forum=forum)
        .select_related("organisation")
        .order_by("created_at", "pk")
        .first()
    )
    return membership.organisation if membership else None


def visible_thread(request, forum, pk):
    """The thread ``pk`` of ``forum`` if the user may see it, else 404."""
    return get_object_or_404(
        Thread.objects.visible_to(request.user)
        .filter(forum=forum)
        .select_related("created_by", "organisation"),
        pk=pk,
    )


def page_of(post):
    """The page of its thread that shows ``post``: the posts before it in the
    thread's order (``created_at``, ``pk``), divided by POSTS_PER_PAGE."""
    before = Post.objects.filter(thread_id=post.thread_id).filter(
        Q(created_at__lt=post.created_at)
        | Q(created_at=post.created_at, pk__lt=post.pk)
    )
    return before.count() // POSTS_PER_PAGE + 1


def post_url(post, page=None):
    """The address of ``post``: the page of its thread that shows it (``page``
    when the caller knows it already), and its anchor."""
    page = page or page_of(post)
    return thread_url(post.thread.forum.slug, post.thread_id, page) + (
        f"#inlagg-{post.pk}"
    )


@login_required
@reads_query(PageQueryForm)
def thread_list(request, slug, query_form):
    forum = forum_for(request, slug, "view_members")
    level = level_in(request.user, forum)
    threads = (
        Thread.objects.visible_to(request.user)
        .filter(forum=forum)
        .select_related("created_by", "organisation")
        .annotate(
            post_count=Count("posts", distinct=True),
            last_post_pk=Subquery(
                Post.objects.filter(thread=OuterRef("pk"))
                .order_by("-created_at", "-pk")
                .values("pk")[:1]
            ),
        )
        .order_by("-last_activity_at", "-pk")
    )
    page = Paginator(threads, THREADS_PER_PAGE).get_page(query_form().page_number())
    # One query for every thread's last post and its author and organisation.
    last_posts = Post.objects.select_related("author", "organisation").in_bulk(
        [thread.last_post_pk for thread in page if thread.last_post_pk]
    )
    for thread in page:
        thread.last_post = last_posts.get(thread.last_post_pk)
        thread.reply_count = max(thread.post_count - 1, 0)
    return TemplateResponse(
        request,
        "forum/dialog/thread_list.html",
        {
            "forum": forum,
            "page": page,
            **pagination(page),
            "reaches_dialog": level >= Level.DIALOG,
            "may_post": level >= Level.DIALOG,
        },
    )


@login_required
def thread_create(request, slug):
    forum = forum_for(request, slug, "post")
    form = ThreadForm(
        request.POST or None,
        request.FILES or None,
        max_level=level_in(request.user, forum),
    )
    if request.method == "POST" and form.is_valid():
        thread = start_thread(forum, request.user, form.cleaned_data)
        messages.success(request, _("Tråden är startad. Du bevakar den."))
        return redirect("forum:thread_detail", forum.slug, thread.pk)
    return TemplateResponse(
        request, "forum/dialog/thread_form.html", {"forum": forum, "form": form}
    )


@transaction.atomic
def start_thread(forum, user, data):
    organisation = author_organisation(user, forum)
    now = timezone.now()
    thread = Thread.objects.create(
        forum=forum,
        title=data["title"],
        visibility=data["visibility"],
        created_by=user,
        organisation=organisation,
        created_at=now,
        last_activity_at=now,
    )
    post = Post.objects.create(
        thread=thread,
        author=user,
        organisation=organisation,
        body=data["body"],
        created_at=now,
    )
    attach(post, user, data.get("attachments"))
    ThreadFollow.objects.create(thread=thread, user=user)
    return thread


@login_required
@reads_query(PageQueryForm)
def thread_detail(request, slug, pk, query_form):
    forum = forum_for(request, slug, "view_members")
    thread = visible_thread(request, forum, pk)
    may_post = can(request.user, "post", forum)
    form = PostForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not may_post:
            raise PermissionDenied
        if form.is_valid():
            post = reply(
                thread,
                request.user,
                form.cleaned_data["body"],
                form.cleaned_data["attachments"],
            )
            page = page_of(post)
            notify_followers(thread, post, page)
            messages.success(request, _("Ditt svar är publicerat."))
            return redirect(post_url(post, page))
    convener = is_convener(request.user, forum)
    # Opening the thread clears its unread replies on the follower's desk.
    ThreadFollow.mark_read(thread, request.user)
    # Oldest first, POSTS_PER_PAGE a page; a bad or too high ?sida= gives page 1
    # or the last page. One query counts, one reads the page's posts and one all
    # their attachments, however long the thread is.
    page = Paginator(
        thread.posts.order_by("created_at", "pk")
        .select_related("author", "organisation")
        .prefetch_related(Prefetch("attachments", to_attr="attachment_list")),
        POSTS_PER_PAGE,
    ).get_page(query_form().page_number())
    posts = page.object_list = list(page.object_list)
    for post in posts:
        # Post.save() sanitised the body; cleaning again guards rows from elsewhere.
        post.body_html = safe_html(post.body)
        add_download_urls(post, forum, convener)
    return TemplateResponse(
        request,
        "forum/dialog/thread_detail.html",
        {
            "forum": forum,
            "thread": thread,
            "posts": posts,
            "page": page,
            # Numbered: the links are shown twice, above and below the posts.
            **pagination(page, numbered=True),
            "form": form if may_post else None,
            "is_convener": convener,
            "follows": thread.follows.filter(user=request.user).exists(),
        },
    )


@transaction.atomic
def reply(thread, user, body, attachments=()):
    post = Post.objects.create(
        thread=thread,
        author=user,
        organisation=author_organisation(user, thread.forum),
        body=body,
    )
    attach(post, user, attachments)
    thread.last_activity_at = post.created_at
    thread.save(update_fields=["last_activity_at"])
    return post


def attach(post, user, attachments):
    """Store the checked uploads of a form (a list of CheckedUpload) on ``post``."""
    for checked in attachments or ():
        PostAttachment.create_from(checked, user, post=post)


def add_download_urls(post, forum, convener):
    """Give ``post.attachment_list`` its download links; none on a hidden post
    unless the reader is a convener (members see only the reason it is hidden)."""
    if post.hidden and not convener:
        post.attachment_list = []
    for attachment in post.attachment_list:
        attachment.download_url = reverse(
            "forum:post_attachment",
            args=[forum.slug, post.thread_id, attachment.pk],
        )


@login_required
@require_safe
def post_attachment(request, slug, pk, attachment_id):
    """Download a file attached to a post, for whoever may read the post."""
    forum = forum_for(request, slug, "view_members")
    thread = visible_thread(request, forum, pk)
    attachment = get_object_or_404(
        PostAttachment.objects.filter(post__thread=thread).select_related("post"),
        pk=attachment_id,
    )
    if attachment.post.hidden and not is_convener(request.user, forum):
        raise Http404
    return serve(attachment)


def notify_followers(thread, post, page):
    """Tell everyone following ``thread``, except the one who wrote ``post``."""
    followers = [
        follow.user
        for follow in thread.follows.exclude(user=post.author).select_related("user")
    ]
    if not followers:
        return
    author = post.author.get_full_name() or str(post.author)
    if post.organisation:
        author = f"{author} ({post.organisation.name})"
    notify_users(
        followers,
        "thread_reply",
        {
            "thread": thread.pk,
            "post": post.pk,
            "page": page,
            "forum": thread.forum.slug,
            "forum_name": thread.forum.name,
            "title": thread.title,
            "author": author,
        },
    )


@login_required
@require_POST
def thread_follow(request, slug, pk):
    """Start or stop following a thread (notifications about replies)."""
    forum = forum_for(request, slug, "view_members")
    thread = visible_thread(request, forum, pk)
    deleted, _rows = ThreadFollow.objects.filter(
        thread=thread, user=request.user
    ).delete()
    if deleted:
        messages.success(request, _("Du bevakar inte längre tråden."))
    else:
        ThreadFollow.objects.get_or_create(thread=thread, user=request.user)
        messages.success(
            request, _("Du bevakar tråden och får besked när någon svarar.")
        )
    # Back to the page the button was on (the thread page checks the number).
    try:
        page = int(request.POST.get("sida", 1))
    except ValueError:
        page = 1
    return redirect(thread_url(forum.slug, thread.pk, page))


@login_required
def post_moderate(request, slug, post_id):
    """A convener hides a post (or shows it again) with a reason, which is logged."""
    forum = forum_for(request, slug, "manage")
    post = get_object_or_404(
        Post.objects.filter(thread__forum=forum).select_related(
            "thread__forum", "author", "organisation"
        ),
        pk=post_id,
    )
    initial = {"action": "shown" if post.hidden else "hidden"}
    form = ModerationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        action = form.cleaned_data["action"]
        hide = action == PostModeration.Action.HIDDEN
        if hide == post.hidden:
            messages.info(
                request,
                _("Inlägget är redan dolt.") if hide else _("Inlägget visas redan."),
            )
        else:
            moderate(post, hide, form.cleaned_data["reason"], request.user)
            messages.success(
                request,
                _("Inlägget är dolt.") if hide else _("Inlägget visas igen."),
            )
        return redirect(post_url(post))
    post.body_html = safe_html(post.body)
    post.attachment_list = list(post.attachments.all())
    add_download_urls(post, forum, convener=True)
    return TemplateResponse(
        request,
        "forum/dialog/post_moderate.html",
        {
            "forum": forum,
            "post": post,
            "post_url": post_url(post),
            "form": form,
            "log": post.moderation.select_related("moderator"),
        },
    )


@transaction.atomic
def moderate(post, hide, reason, moderator):
    post.hidden = hide
    post.hidden_reason = reason if hide else ""
    post.save(update_fields=["hidden", "hidden_reason"])
    PostModeration.objects.create(
        post=post,
        action=PostModeration.Action.HIDDEN if hide else PostModeration.Action.SHOWN,
        reason=reason,
        moderator=moderator,
    )
