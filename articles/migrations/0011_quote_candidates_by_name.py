from django.db import migrations, models


def slugs_to_names(apps, schema_editor):
    """Possible speakers were stored as slugs; editors read names."""
    Quote = apps.get_model("articles", "Quote")
    Person = apps.get_model("people", "Person")
    quotes = list(Quote.objects.exclude(candidates=[]))
    slugs = {slug for quote in quotes for slug in quote.candidates}
    names = dict(Person.objects.filter(slug__in=slugs).values_list("slug", "name"))
    for quote in quotes:
        quote.candidates = [names.get(slug, slug) for slug in quote.candidates]
    Quote.objects.bulk_update(quotes, ["candidates"], batch_size=500)


def names_to_slugs(apps, schema_editor):
    Quote = apps.get_model("articles", "Quote")
    Person = apps.get_model("people", "Person")
    quotes = list(Quote.objects.exclude(candidates=[]))
    names = {name for quote in quotes for name in quote.candidates}
    slugs = dict(Person.objects.filter(name__in=names).values_list("name", "slug"))
    for quote in quotes:
        quote.candidates = [slugs.get(name, name) for name in quote.candidates]
    Quote.objects.bulk_update(quotes, ["candidates"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0010_auditentry_people_action"),
        ("people", "0002_credit_character_from_same_work"),
    ]

    operations = [
        migrations.AlterField(
            model_name="quote",
            name="candidates",
            field=models.JSONField(
                blank=True,
                default=list,
                editable=False,
                help_text="When the analyser could not choose between people, the ones it found (full names).",
                verbose_name="possible speakers",
            ),
        ),
        migrations.RunPython(slugs_to_names, names_to_slugs),
    ]
