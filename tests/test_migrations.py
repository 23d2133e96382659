from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from articles.models import Quote


@pytest.mark.django_db
def test_every_model_change_has_a_migration():
    output = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=output, stderr=output)
    except SystemExit as exit_:  # makemigrations --check exits 1 when one is missing.
        pytest.fail(f"A migration is missing:\n{output.getvalue()} (exit {exit_.code})")


@pytest.mark.django_db(transaction=True)
def test_possible_speakers_stored_as_slugs_become_names():
    executor = MigrationExecutor(connection)
    executor.migrate([("articles", "0010_auditentry_people_action")])
    apps = executor.loader.project_state([("articles", "0010_auditentry_people_action")]).apps
    person = apps.get_model("people", "Person").objects.create(name="Leo Albright", slug="leo-albright")
    article = apps.get_model("articles", "Article").objects.create(headline="A", slug="a", body="")
    quote = apps.get_model("articles", "Quote").objects.create(
        article=article, words="It rained.", speaker_name="Albright", candidates=[person.slug, "gone-person"]
    )
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert Quote.objects.get(pk=quote.pk).candidates == ["Leo Albright", "gone-person"]


@pytest.mark.django_db(transaction=True)
def test_stored_names_are_folded_again_and_a_spelling_already_taken_keeps_its_key():
    from people.models import Person, PersonAlias

    executor = MigrationExecutor(connection)
    executor.migrate([("people", "0002_credit_character_from_same_work")])
    apps = executor.loader.project_state([("people", "0002_credit_character_from_same_work")]).apps
    OldPerson, OldAlias = apps.get_model("people", "Person"), apps.get_model("people", "PersonAlias")
    # as the earlier folding stored them: "ı" and "ł" kept
    person = OldPerson.objects.create(name="Tarık Yılmaz", slug="tarik-yilmaz", normalized_name="tarık yılmaz")
    first = OldAlias.objects.create(person=person, name="Tarik Yilmaz", normalized_name="tarik yilmaz")
    second = OldAlias.objects.create(person=person, name="Tarık Yilmaz", normalized_name="tarık yilmaz")
    other = OldAlias.objects.create(person=person, name="Tarık Yılmazoğlu", normalized_name="tarık yılmazoglu")
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert Person.objects.get(pk=person.pk).normalized_name == "tarik yilmaz"
    assert PersonAlias.objects.get(pk=first.pk).normalized_name == "tarik yilmaz"
    assert PersonAlias.objects.get(pk=second.pk).normalized_name == "tarık yilmaz"  # its new key was taken
    assert PersonAlias.objects.get(pk=other.pk).normalized_name == "tarik yilmazoglu"
    assert list(Person.objects.matching_name("TARIK YILMAZ")) == [Person.objects.get(pk=person.pk)]
