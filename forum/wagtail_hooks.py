from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    CreateView,
    DeleteView,
    EditView,
    SnippetViewSet,
)

from .models import Coordinator, Forum, LevelChange, Participation


class ForumViewSet(SnippetViewSet):
    model = Forum
    icon = "group"
    menu_label = _("Forum")
    list_display = ["name", "county", "subregion"]
    search_fields = ["name"]


class LoggedSaveMixin:
    """Saves a participation with the person who changed it, for the level log."""

    log_action = "wagtail.edit"

    def save_instance(self):
        instance = self.form.save(commit=False)
        instance.save(changed_by=self.request.user)
        self.form.save_m2m()
        log(instance, self.log_action, user=self.request.user)
        return instance


class ParticipationCreateView(LoggedSaveMixin, CreateView):
    log_action = "wagtail.create"


class ParticipationEditView(LoggedSaveMixin, EditView):
    pass


class ParticipationDeleteView(DeleteView):
    def delete_action(self):
        log(self.object, "wagtail.delete", user=self.request.user)
        self.object.delete(changed_by=self.request.user)


class ParticipationViewSet(SnippetViewSet):
    """Conveners set each organisation's level; every change lands in the log."""

    model = Participation
    icon = "pick"
    menu_label = _("Deltagande och nivåer")
    list_display = ["organisation", "forum", "level", "since"]
    list_filter = ["forum", "level"]
    search_fields = ["organisation__name"]
    add_view_class = ParticipationCreateView
    edit_view_class = ParticipationEditView
    delete_view_class = ParticipationDeleteView


class ReadOnlyPolicy(ModelPermissionPolicy):
    """The level log is written by the system, never edited by hand."""

    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete"}:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class LevelChangeViewSet(SnippetViewSet):
    model = LevelChange
    icon = "history"
    menu_label = _("Nivåändringar (logg)")
    list_display = [
        "organisation",
        "forum",
        "from_level",
        "to_level",
        "changed_by",
        "changed_at",
    ]
    list_filter = ["forum"]
    search_fields = ["organisation__name"]
    inspect_view_enabled = True


register_permission_policy(LevelChange, ReadOnlyPolicy(LevelChange))


class CoordinatorViewSet(SnippetViewSet):
    model = Coordinator
    icon = "user"
    menu_label = _("Delregionala samordnare")
    list_display = ["name", "subregion", "organisation", "email"]
    list_filter = ["subregion"]
    search_fields = ["name", "email"]


class ForumGroup(ViewSetGroup):
    menu_label = _("Samverkansforum")
    menu_icon = "group"
    items = (
        ForumViewSet,
        ParticipationViewSet,
        LevelChangeViewSet,
        CoordinatorViewSet,
    )


register_snippet(ForumGroup)
