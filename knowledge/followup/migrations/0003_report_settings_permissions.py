"""County administrators (the group "Länsadministratörer") keep each county's
follow-up settings in the admin (who sees the situation report)."""

from django.db import migrations

GROUP = "Länsadministratörer"
ACTIONS = ("add", "change", "delete", "view")


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    content_type, _ = ContentType.objects.get_or_create(
        app_label="followup", model="followupsettings"
    )
    for action in ACTIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_followupsettings",
            defaults={"name": f"Can {action} inställningar för uppföljningen"},
        )
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=GROUP).first()
    if group:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="followup",
                codename__endswith="_followupsettings",
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("followup", "0002_settings"),
        ("forum", "0009_county_administrators_group"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
