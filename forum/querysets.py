"""A QuerySet base for content that belongs to a forum and carries a visibility."""

from django.db import models

from .access import visible_q


class ForumContentQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(visible_q(user)).distinct()
