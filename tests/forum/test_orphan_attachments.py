"""Files left without a row (a rolled-back save) are cleaned up, others kept."""

import os
import time

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from core.attachments import check_upload, private_storage
from forum.models import Post, PostAttachment, Thread
from tests.factories import ForumFactory, UserFactory

pytestmark = pytest.mark.django_db


def age(name, hours):
    """Date the file ``hours`` back from the process's clock (real or faked)."""
    path = private_storage().path(name)
    then = time.time() - hours * 3600
    os.utime(path, (then, then))


def test_only_old_files_without_a_row_are_deleted(settings):
    user = UserFactory()
    thread = Thread.objects.create(forum=ForumFactory(), title="Tråd", created_by=user)
    post = Post.objects.create(thread=thread, author=user, body="<p>Hej</p>")
    kept = PostAttachment.create_from(
        check_upload(SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan")), user, post=post
    )
    storage = private_storage()
    old_orphan = storage.save("bilagor/gammal/gammal.pdf", ContentFile(b"%PDF-1.4"))
    new_orphan = storage.save("bilagor/ny/ny.pdf", ContentFile(b"%PDF-1.4"))
    age(kept.file.name, 48)
    age(old_orphan, 48)
    # Not left to the file system's clock, which a faked clock does not move.
    age(new_orphan, 1)

    call_command("remove_orphan_attachments", "--dry-run", stdout=open(os.devnull, "w"))
    assert storage.exists(old_orphan)

    call_command("remove_orphan_attachments", stdout=open(os.devnull, "w"))
    assert not storage.exists(old_orphan)
    assert storage.exists(new_orphan)  # its row may still be on its way
    assert storage.exists(kept.file.name)
