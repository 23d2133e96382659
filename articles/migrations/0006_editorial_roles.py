"""The newsroom's roles as groups with their permissions.

Contributor: writes and edits their own drafts, submits them for review. Editor: everything an
editor does with articles, people, works and images, including publishing. Admin: all of that
plus accounts. The finer rules (whose article, which state) live in articles.services.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTRIBUTOR = {
    "articles": {
        "article": ["add", "change", "view"],
        "byline": ["add", "change", "delete", "view"],
        "quote": ["add", "change", "delete", "view"],
        "articlespoiler": ["add", "change", "delete", "view"],
        "spoilerscope": ["view"],
        "taggedarticle": ["add", "change", "delete", "view"],
    },
    "people": {model: ["view"] for model in ["person", "work", "season", "episode", "character", "credit"]},
    "images": {"image": ["add", "change", "view"]},
    "taggit": {"tag": ["add", "view"]},
}
EDITOR_APPS = ["articles", "people", "images", "taggit"]
ADMIN_APPS = [*EDITOR_APPS, "auth"]


def ensure_permissions(apps):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_roles(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    contributor, _ = Group.objects.get_or_create(name="Contributor")
    codenames = [
        (app, f"{action}_{model}")
        for app, models in CONTRIBUTOR.items()
        for model, actions in models.items()
        for action in actions
    ]
    contributor.permissions.set(
        Permission.objects.filter(
            pk__in=[
                p.pk
                for app, codename in codenames
                for p in Permission.objects.filter(content_type__app_label=app, codename=codename)
            ]
        )
    )
    editor, _ = Group.objects.get_or_create(name="Editor")
    editor.permissions.set(Permission.objects.filter(content_type__app_label__in=EDITOR_APPS))
    admin, _ = Group.objects.get_or_create(name="Admin")
    admin.permissions.set(Permission.objects.filter(content_type__app_label__in=ADMIN_APPS))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Contributor", "Editor", "Admin"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_workflow_revisions_share_links_audit"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("people", "0002_credit_character_from_same_work"),
        ("images", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
