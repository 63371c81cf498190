"""Permission-matrix rows for the dialog URLs of forum/ (tests/matrix_roles.py)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from core.attachments import check_upload
from forum.models import Post, PostAttachment, Thread, ThreadFollow, Visibility
from tests.matrix_roles import CONVENERS, COUNTY_ADMINS, LOGIN, MEMBERS, ROLES

# Threads start at level Dialog: below it (and for sensus, at Samråd) a thread
# is not there at all; outside the forum, the forum itself is closed.
DIALOG_READERS = (
    dict.fromkeys(ROLES, 404)
    | {"anonymous": LOGIN, "other_forum": 403, "editor": 403}
    | {"dialog": 200, "partnerskap": 200, "convener": 200}
    | COUNTY_ADMINS
)
DIALOG_WRITERS = DIALOG_READERS | {"information": 403, "samrad": 403, "org_admin": 403}
REPLIED = dict.fromkeys(DIALOG_READERS, 302) | {
    role: answer for role, answer in DIALOG_READERS.items() if answer != 200
}

ROWS = {
    "forum:threads": ("/forum/tia-skane/dialog/", MEMBERS),
    "forum:thread_create": ("/forum/tia-skane/dialog/ny/", DIALOG_WRITERS),
    "forum:thread_detail": ("/forum/tia-skane/dialog/{thread}/", DIALOG_READERS),
    # A file of a visible post: whoever reads the thread, and nobody else.
    "forum:post_attachment": (
        "/forum/tia-skane/dialog/{thread}/bilagor/{post_attachment}/",
        DIALOG_READERS,
    ),
    "forum:thread_follow": (
        "POST /forum/tia-skane/dialog/{thread}/bevaka/",
        REPLIED,
        {},
    ),
    "forum:post_moderate": (
        "/forum/tia-skane/dialog/inlagg/{post}/moderera/",
        CONVENERS,
    ),
}


def populate(people, forum):
    """Add what the rows need to ``people`` as "_name" keys (used as {name} in URLs)."""
    thread = Thread.objects.create(
        forum=forum,
        title="Samverkan kring språkcaféer",
        visibility=Visibility.DIALOG,
        created_by=people["dialog"],
    )
    post = Post.objects.create(
        thread=thread, author=people["dialog"], body="<p>Hur gör ni?</p>"
    )
    upload = SimpleUploadedFile(
        "protokoll.pdf", b"%PDF-1.4\n%matrix\n", content_type="application/pdf"
    )
    attachment = PostAttachment.create_from(
        check_upload(upload), people["dialog"], post=post
    )
    ThreadFollow.objects.create(thread=thread, user=people["dialog"])
    people["_thread"] = thread.pk
    people["_post"] = post.pk
    people["_post_attachment"] = attachment.pk
