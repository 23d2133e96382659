"""Prepared queries: compiled once, run with new values, giving what the queryset would give."""

from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.db.models.functions import Upper
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, Byline
from cms.prepared import Contained, Keys, PreparedQuery, any_key
from tests import factories

pytestmark = pytest.mark.django_db


def bylines_of(article):
    return Byline.objects.filter(article=article).select_related("person")


def test_a_prepared_query_gives_the_querysets_rows_with_their_related_objects():
    article = factories.published_article()
    for position, name in enumerate(["Ana Reyes", "Bo Lind"]):
        factories.byline(article, factories.person(name), label=f"Label {position}", position=position)
    prepared = PreparedQuery(bylines_of, article=int)

    found = prepared.run(article=article.pk)

    expected = list(bylines_of(article.pk))
    assert [(b.pk, b.label, b.person_id) for b in found] == [(b.pk, b.label, b.person_id) for b in expected]
    with CaptureQueriesContext(connection) as context:
        names = [byline.person.name for byline in found]
    assert names == ["Ana Reyes", "Bo Lind"]
    assert context.captured_queries == []


@pytest.fixture
def two_bylined():
    """Two articles, bylined Ana Reyes and Bo Lind."""
    first, second = factories.published_article(), factories.published_article()
    factories.byline(first, factories.person("Ana Reyes"))
    factories.byline(second, factories.person("Bo Lind"))
    return first, second


def run_for_both(prepared, first, second):
    assert [b.person.name for b in prepared.run(article=first.pk)] == ["Ana Reyes"]
    assert [b.person.name for b in prepared.run(article=second.pk)] == ["Bo Lind"]


def test_each_run_reads_the_rows_of_its_own_values(two_bylined):
    first, second = two_bylined
    prepared = PreparedQuery(bylines_of, article=int)

    run_for_both(prepared, first, second)
    assert prepared.run(article=second.pk + 1000) == []


def test_a_time_value_is_compared_as_the_database_stores_times():
    now = timezone.now()
    scheduled = factories.article(status=Article.Status.PUBLISHED, publish_at=now + timedelta(hours=2))
    prepared = PreparedQuery(
        lambda slug, now: Article.objects.published(now).with_is_live(now).filter(slug=slug), slug=str, now=datetime
    )

    assert prepared.run(slug=scheduled.slug, now=now) == []
    (live,) = prepared.run(slug=scheduled.slug, now=now + timedelta(hours=3))
    assert live.pk == scheduled.pk
    assert live.is_live is True  # the backend's converters ran: SQLite stores booleans as 0 and 1
    assert live.publish_at == scheduled.publish_at and timezone.is_aware(live.publish_at)


def test_the_query_is_built_and_compiled_once():
    article = factories.published_article()
    factories.byline(article)
    built = []

    def build(article):
        built.append(article)
        return bylines_of(article)

    prepared = PreparedQuery(build, article=int)
    for _ in range(3):
        assert len(prepared.run(article=article.pk)) == 1

    assert len(built) == 2  # once to learn the model, once to compile; never with a real value
    assert article.pk not in built


def test_a_value_that_does_not_reach_the_sql_as_a_parameter_is_refused():
    prepared = PreparedQuery(lambda words: Article.objects.filter(headline__icontains=words), words=str)

    with pytest.raises(ValueError, match="'words' does not reach the SQL"):
        prepared.run(words="finale")


@pytest.mark.parametrize(
    "build",
    [
        lambda article: Byline.objects.filter(article=article).values("label"),
        lambda article: Byline.objects.filter(article=article).values_list(Upper("label"), "pk"),
        lambda article: Article.objects.filter(pk=article).prefetch_related("bylines"),
    ],
    ids=["values", "prefetch", "values-list-with-an-expression-first"],
)
def test_only_plain_model_and_values_list_querysets_can_be_prepared(build):
    with pytest.raises(ValueError, match=r"plain model or values_list|fields before its expressions"):
        PreparedQuery(build, article=int).run(article=1)


def test_a_values_list_gives_its_rows_converted_as_the_queryset_would():
    now = timezone.now()
    live = factories.published_article(headline="Live")
    factories.article(headline="Draft")

    def build(now):
        return Article.objects.with_is_live(now).order_by("headline").values_list("headline", "publish_at", "is_live")

    rows = PreparedQuery(build, now=datetime).run(now=now)

    assert rows == list(build(now))
    assert rows == [("Draft", None, False), ("Live", live.publish_at, True)]
    assert type(rows[1][2]) is bool and timezone.is_aware(rows[1][1])


def test_a_flat_values_list_gives_single_values():
    article = factories.published_article(headline="Live")
    prepared = PreparedQuery(lambda key: Article.objects.filter(pk=key).values_list("headline", flat=True), key=int)

    assert prepared.run(key=article.pk) == ["Live"]
    assert prepared.run(key=article.pk + 1) == []


def test_the_statement_is_the_compiled_sql_with_the_values_in_place():
    article = factories.published_article(headline="Live")
    prepared = PreparedQuery(lambda key: Article.objects.filter(pk=key).values_list("headline", flat=True), key=int)

    alias, sql, params = prepared.statement(key=article.pk)

    assert alias == "default" and article.pk in params
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({sql}) AS found", params)
        assert cursor.fetchone() == (1,)


def test_values_must_be_the_ones_the_query_names():
    prepared = PreparedQuery(bylines_of, article=int)

    with pytest.raises(TypeError, match="takes \\['article'\\]"):
        prepared.run(articles=1)


def test_a_contained_value_is_looked_for_inside_the_column_with_percent_and_underscore_as_themselves():
    for headline in ("A 100% live finale", "A 1000-seat live finale", "Pas_de_deux", "Pas de deux"):
        factories.article(headline=headline)
    prepared = PreparedQuery(lambda words: Article.objects.filter(headline__icontains=words), words=Contained)

    assert [a.headline for a in prepared.run(words="0% LIVE")] == ["A 100% live finale"]
    assert [a.headline for a in prepared.run(words="s_de")] == ["Pas_de_deux"]
    assert sorted(a.headline for a in prepared.run(words="deux")) == ["Pas de deux", "Pas_de_deux"]
    assert prepared.run(words="coda") == []


def test_a_contained_value_compared_for_equality_is_refused():
    prepared = PreparedQuery(lambda words: Article.objects.filter(headline=words), words=Contained)

    with pytest.raises(ValueError, match="'words' does not reach the SQL"):
        prepared.run(words="finale")


postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="server-side prepared statements")


def prepared_statements():
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [statement for (statement,) in cursor.fetchall()]


@postgres_only
def test_on_postgresql_the_query_is_prepared_on_the_server_once_and_reused(two_bylined):
    prepared = PreparedQuery(bylines_of, article=int)

    run_for_both(prepared, *two_bylined)

    statements = [sql for sql in prepared_statements() if '"articles_byline"' in sql]
    assert len(statements) == 1 and "$1" in statements[0]


@postgres_only
def test_the_query_log_shows_the_prepared_statement_with_its_values():
    article = factories.published_article()
    prepared = PreparedQuery(bylines_of, article=int)
    with CaptureQueriesContext(connection) as context:
        prepared.run(article=article.pk)
    [logged] = context.captured_queries
    assert '"articles_byline"' in logged["sql"] and f"= {article.pk}" in logged["sql"]


@postgres_only
def test_with_preparing_turned_off_nothing_is_prepared(monkeypatch):
    # DATABASE_PREPARED_STATEMENTS=0 leaves the connection as Django opens it: prepare_threshold None.
    article = factories.published_article()
    factories.byline(article, factories.person("Ana Reyes"))
    connection.ensure_connection()
    monkeypatch.setattr(connection.connection, "prepare_threshold", None)
    prepared = PreparedQuery(bylines_of, article=int)

    assert [b.person.name for b in prepared.run(article=article.pk)] == ["Ana Reyes"]
    assert not [sql for sql in prepared_statements() if '"articles_byline"' in sql]


@postgres_only
def test_a_prepared_query_still_runs_after_a_rolled_back_transaction_and_a_failed_query():
    from django.db import DatabaseError, transaction

    article = factories.published_article()
    factories.byline(article, factories.person("Ana Reyes"))
    prepared = PreparedQuery(bylines_of, article=int)
    with pytest.raises(DatabaseError), transaction.atomic():
        prepared.run(article=article.pk)
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 / 0")
    assert [b.person.name for b in prepared.run(article=article.pk)] == ["Ana Reyes"]


def by_keys(keys):
    return Article.objects.filter(pk__in=any_key(keys)).order_by("pk").values_list("headline", flat=True)


@postgres_only
def test_keys_reach_the_sql_as_one_array_whatever_their_number():
    articles = [factories.published_article(headline=f"Article {n}") for n in range(3)]
    prepared = PreparedQuery(by_keys, keys=Keys)

    assert prepared.run(keys=[articles[2].pk, articles[0].pk]) == ["Article 0", "Article 2"]
    assert prepared.run(keys=[article.pk for article in articles]) == ["Article 0", "Article 1", "Article 2"]
    assert len([sql for sql in prepared_statements() if "unnest" in sql]) == 1
    assert prepared.run(keys=[]) == []


@postgres_only
def test_a_query_planned_for_its_values_is_not_prepared_on_the_server():
    article = factories.published_article(headline="Live")
    prepared = PreparedQuery(by_keys, on_server=False, keys=Keys)

    assert prepared.run(keys=[article.pk]) == ["Live"]
    assert not [sql for sql in prepared_statements() if "unnest" in sql]
