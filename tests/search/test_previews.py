"""The few people and works beside the articles: the full search's first rows, from queries
compiled once per number of terms and run with each request's terms and time."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from articles.models import Article
from search.backends import people_preview, search_people, search_works, works_preview
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    """People and works that match on a name, another spelling, a biography, a title or a
    synopsis, in different orders, and some that only a draft mentions."""
    factories.person("Ballet Mistress Ines Karr", bio="Coached the company for years.")
    factories.person("Ines Dorval", bio="Danced ballet in Lyon before television.")
    odile = factories.person("Odile Fenn", bio="Plays the understudy.")
    factories.alias(odile, "Odile Ballet-Fenn")
    factories.person("Arno Vell", bio="Composer; wrote the 50% remix.")
    drafted = factories.person("Ines Ballet Draft")
    factories.byline(factories.article(status=Article.Status.DRAFT), drafted)
    factories.work("Ballet Nights", synopsis="A season at the Paris opera.")
    factories.work("Pointe", synopsis="Ballet students in their final year.")
    factories.work("Second Position", synopsis="A ballet school's rivalries, in Paris.")
    only_draft = factories.work("Ballet Draft Work")
    factories.article(status=Article.Status.DRAFT).works.add(only_draft)


@pytest.mark.parametrize(
    "terms",
    [("ballet",), ("ines",), ("ballet", "ines"), ("paris", "ballet"), ("fenn",), ("50",), ("nobody",)],
)
@pytest.mark.parametrize("limit", [1, 2, 5])
def test_a_preview_is_the_first_rows_of_the_full_search(catalogue, terms, limit):
    assert people_preview(terms, limit) == list(search_people(terms)[:limit])
    assert works_preview(terms, limit) == list(search_works(terms)[:limit])


def test_a_preview_leaves_out_what_only_a_draft_mentions(catalogue):
    assert "Ines Ballet Draft" not in [person.name for person in people_preview(("ballet",), 5)]
    assert "Ballet Draft Work" not in [work.title for work in works_preview(("ballet",), 5)]
    assert [person.name for person in people_preview(("ballet",), 5)] == [
        "Ballet Mistress Ines Karr",
        "Odile Fenn",
        "Ines Dorval",
    ]


def test_a_preview_reads_the_time_of_each_search():
    """The compiled query takes the time as a value: a scheduled article shows its people and
    works once its time has come, not as of the first search."""
    start = timezone.now()
    scheduled = factories.article(status=Article.Status.PUBLISHED, publish_at=start + timedelta(hours=1))
    factories.byline(scheduled, factories.person("Wren Castellane"))
    scheduled.works.add(factories.work("Castellane Hours"))

    with time_machine.travel(start, tick=False):
        assert people_preview(("castellane",), 5) == []
        assert works_preview(("castellane",), 5) == []
    with time_machine.travel(start + timedelta(hours=2), tick=False):
        assert [person.name for person in people_preview(("castellane",), 5)] == ["Wren Castellane"]
        assert [work.title for work in works_preview(("castellane",), 5)] == ["Castellane Hours"]
