"""A QuerySet base for content that belongs to a forum and carries a visibility."""

from django.db import models

# The module, not the function: the model modules subclass this QuerySet while
# ``forum.access`` may still be loading (it imports ``forum.models.core``, and
# with it the ``forum.models`` package), so the rule is looked up when used.
from . import access


class ForumContentQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(access.visible_q(user)).distinct()
