"""Fold stored names again now that letters Unicode does not decompose ("ı", "ł", "ø") fold to plain ones.

An other spelling whose new key another spelling already holds keeps its old key: the two were the
same spelling to a reader all along, and the one that got there first still finds the person.
"""

from django.db import migrations

from people.names import normalize_name


def refold(apps, schema_editor):
    Person = apps.get_model("people", "Person")
    PersonAlias = apps.get_model("people", "PersonAlias")
    for person in Person.objects.only("pk", "name", "normalized_name").iterator():
        if (key := normalize_name(person.name)) != person.normalized_name:
            Person.objects.filter(pk=person.pk).update(normalized_name=key)
    taken = set(PersonAlias.objects.values_list("normalized_name", flat=True))
    for alias in PersonAlias.objects.only("pk", "name", "normalized_name").iterator():
        key = normalize_name(alias.name)
        if key != alias.normalized_name and key not in taken:
            PersonAlias.objects.filter(pk=alias.pk).update(normalized_name=key)
            taken.discard(alias.normalized_name)
            taken.add(key)


class Migration(migrations.Migration):
    dependencies = [("people", "0002_credit_character_from_same_work")]

    operations = [migrations.RunPython(refold, migrations.RunPython.noop)]
