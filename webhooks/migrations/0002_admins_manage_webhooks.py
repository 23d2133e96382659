from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant_to_admins(apps, schema_editor):
    """Registering an endpoint sends the newsroom's news elsewhere: the Admin role may, and anyone
    else only when given the permissions one by one."""
    app_config = apps.get_app_config("webhooks")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = list(Permission.objects.filter(content_type__app_label="webhooks"))
    for group in Group.objects.filter(name="Admin"):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    apps.get_model("auth", "Permission").objects.filter(content_type__app_label="webhooks").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_editorial_roles"),
        ("webhooks", "0001_endpoints_and_deliveries"),
    ]

    operations = [migrations.RunPython(grant_to_admins, revoke)]
