"""The group "Länsadministratörer" (county administrators).

Its members convene every forum and administer every organisation on the site
(the permission ``forum.administer_forums``, read by ``forum.access``), reach
the Wagtail admin, and manage there the records of the rooms: forums and
levels, organisations, contacts, memberships and agreements, the calendar and
minutes, activities and travel routes, sub-regions, documents and images.
Pages stay with Wagtail's own groups (Editors, Moderators). An administrator
grants the group to a person in the admin (Settings → Users); a superuser has
every permission anyway.

Permissions and content types are found or created by their names, as
Wagtail's own data migrations do: on a new database they are created before
``post_migrate`` would create them.
"""

from django.db import migrations

GROUP = "Länsadministratörer"
ALL = ("add", "change", "delete", "view")
# (app label, model, actions) for the records county administrators keep.
MODELS = [
    ("forum", "forum", ALL),
    ("forum", "participation", ALL),
    ("forum", "levelchange", ("view",)),
    ("forum", "coordinator", ALL),
    ("partners", "organisation", ALL),
    ("partners", "contactperson", ALL),
    ("partners", "membership", ALL),
    ("partners", "agreement", ALL),
    ("events", "event", ALL),
    ("events", "occurrenceoverride", ALL),
    ("events", "eventattachment", ALL),
    ("events", "agendaproposal", ALL),
    ("events", "minutes", ALL),
    ("events", "actionitem", ALL),
    ("directory", "activity", ALL),
    ("directory", "travelroute", ALL),
    ("directory", "language", ALL),
    ("geography", "subregion", ALL),
    ("geography", "municipality", ("change", "view")),
    ("geography", "county", ("view",)),
]
# Collection permissions on the root collection: meeting papers, logos.
COLLECTION_PERMISSIONS = [
    ("wagtaildocs", "document", ("add", "change", "delete", "choose")),
    ("wagtailimages", "image", ("add", "change", "choose")),
]


def permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(
        app_label=app_label, model=model
    )
    found, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return found


def create_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        permission(
            apps,
            "forum",
            "forum",
            "administer_forums",
            "Kan administrera alla forum (länsadministratör)",
        ),
        permission(
            apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"
        ),
        *(
            permission(
                apps, app_label, model, f"{action}_{model}", f"Can {action} {model}"
            )
            for app_label, model, actions in MODELS
            for action in actions
        ),
    )
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    for app_label, model, actions in COLLECTION_PERMISSIONS:
        for action in actions:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root,
                permission=permission(
                    apps, app_label, model, f"{action}_{model}", f"Can {action} {model}"
                ),
            )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("forum", "0008_administer_forums_permission"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0026_group_collection_permission"),
        ("wagtaildocs", "0011_add_choose_permissions"),
        ("wagtailimages", "0023_add_choose_permissions"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
