from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Agreement, ContactPerson, Membership, Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisationer")
    list_display = ["name", "kind", "organisation_number"]
    list_filter = ["kind", "subregions"]
    search_fields = ["name", "organisation_number", "description"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("organisation_number"),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("email"), FieldPanel("phone")],
            heading=_("Kontaktvägar"),
        ),
        FieldPanel("description"),
        FieldPanel("subregions"),
        FieldPanel("municipalities"),
        FieldPanel("logo"),
    ]


class ContactPersonViewSet(SnippetViewSet):
    model = ContactPerson
    icon = "user"
    menu_label = _("Kontaktpersoner")
    list_display = ["name", "organisation", "role", "scope", "visibility"]
    list_filter = ["scope", "visibility"]
    search_fields = ["name", "email", "role"]


class MembershipViewSet(SnippetViewSet):
    model = Membership
    icon = "user"
    menu_label = _("Medlemskap")
    list_display = ["user", "organisation", "role", "status"]
    list_filter = ["role", "status"]
    search_fields = ["user__email", "organisation__name"]


class AgreementForm(WagtailAdminModelForm):
    """The organisation an agreement is about is always one of its parties."""

    def _save_m2m(self):
        super()._save_m2m()
        self.instance.parties.add(self.instance.organisation)


class AgreementViewSet(SnippetViewSet):
    model = Agreement
    icon = "doc-full"
    menu_label = _("Överenskommelser")
    list_display = [
        "title",
        "organisation",
        "forum",
        "signed_on",
        "valid_from",
        "valid_until",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("forum"),
            FieldPanel("organisation"),
            FieldPanel("parties"),
            MultiFieldPanel(
                [
                    FieldPanel("signed_on"),
                    FieldPanel("valid_from"),
                    FieldPanel("valid_until"),
                ],
                heading=_("Undertecknande och giltighet"),
            ),
            FieldPanel("delegated_tasks"),
            FieldPanel("signed_document"),
        ],
        base_form_class=AgreementForm,
    )
    list_filter = ["forum"]
    search_fields = ["title", "organisation__name"]


class PartnersGroup(ViewSetGroup):
    menu_label = _("Partner")
    menu_icon = "group"
    add_to_admin_menu = True
    items = (
        OrganisationViewSet,
        ContactPersonViewSet,
        MembershipViewSet,
        AgreementViewSet,
    )


register_snippet(PartnersGroup)
