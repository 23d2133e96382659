from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    # The database cache's table, when the settings use it (no REDIS_URL): every migrate, from
    # the Makefile, a deploy, the benchmark or a test, leaves the shared cache ready. The command
    # skips tables that exist and caches that live elsewhere.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop, elidable=False)]
