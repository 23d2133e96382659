"""An import batch reads the people database once and again only after it changes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.analysis import directory_batch, name_directory, people_generation
from articles.importing import import_text
from people.models import Person, PersonAlias
from tests import factories

pytestmark = pytest.mark.django_db

ARTICLE = """Harbour Lights gets a second season

By Wren Hollowell

Aiko Kimura spent the winter on the docks.

“We wanted the fog to feel alive,” Kimura said. “It took weeks.”
"""


def queries(call) -> tuple[object, int]:
    with CaptureQueriesContext(connection) as captured:
        result = call()
    return result, len(captured)


def test_a_batch_reads_the_people_once_for_the_same_works():
    factories.person("Aiko Kimura", slug="aiko-kimura")
    with directory_batch():
        first, reads = queries(name_directory)
        again, rereads = queries(name_directory)
    assert reads > 0 and rereads == 0
    assert again is first and first.knows("Aiko Kimura")


def test_outside_a_batch_every_call_reads_the_people():
    factories.person("Aiko Kimura", slug="aiko-kimura")
    _, reads = queries(name_directory)
    _, rereads = queries(name_directory)
    assert reads == rereads > 0


def test_a_change_to_a_person_or_an_alias_is_read_by_the_next_directory():
    aiko = factories.person("Aiko Kimura", slug="aiko-kimura")
    with directory_batch():
        assert not name_directory().knows("Leo Albright")
        factories.person("Leo Albright", slug="leo-albright")
        assert name_directory().knows("Leo Albright")
        PersonAlias.objects.create(person=aiko, name="Aiko K. Kimura")
        assert name_directory().knows("Aiko K. Kimura")


def test_works_have_directories_of_their_own_within_a_batch():
    harbour = factories.work("Harbour Lights", slug="harbour-lights")
    aiko = factories.person("Aiko Kimura", slug="aiko-kimura")
    factories.credit(aiko, harbour, character=factories.character(harbour, "Inspector Pell"))
    with directory_batch():
        assert name_directory([harbour]).character("Inspector Pell")
        assert not name_directory().character("Inspector Pell")
        _, rereads = queries(lambda: name_directory([harbour]))
    assert rereads == 0


def test_a_dry_run_that_created_people_leaves_the_batch_directory_as_it_was():
    factories.person("Aiko Kimura", slug="aiko-kimura")
    with directory_batch():
        before = name_directory()
        generation = people_generation()
        import_text(ARTICLE, source="harbour.txt", dry_run=True)
        changed = people_generation() != generation  # the byline's person was made, then rolled back
        after, rereads = queries(name_directory)
    assert changed
    assert after is before and rereads == 0
    assert not Person.objects.filter(name="Wren Hollowell").exists()


def test_an_import_that_keeps_a_new_person_is_read_by_the_next_article():
    with directory_batch():
        name_directory()
        import_text(ARTICLE, source="harbour.txt")
        assert Person.objects.filter(name="Wren Hollowell").exists()
        assert name_directory().knows("Wren Hollowell")
