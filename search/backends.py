"""Searching published articles, people and works, with the best tool each database offers.

PostgreSQL ranks with ``ts_rank`` over each article's stored weighted vector (``ArticleSearchEntry``),
among the newest ``RANKED_MATCHES`` matches, the rest of the newest ``MAX_RESULTS`` + 1 after them;
SQLite ranks with FTS5's ``bm25()`` using the same weights; without FTS5, substring matching keeps
search working.
Every backend filters through ``published_q`` (on PostgreSQL, on the entry's copy of status and
publish time) and reads only headline, dek and ``safe_text`` (the body with spoilers left out), so
results and snippets cannot spoil.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache, partial

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection, connections
from django.db.models import Case, Exists, ExpressionWrapper, F, FloatField, OuterRef, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString

from articles.models import Article, ArticleQuerySet, published_q
from cms.prepared import Contained, Keys, PreparedQuery, any_key
from people.models import Person, PersonAlias, PersonQuerySet, Work
from people.names import normalize_name
from search.index import ENTRY_VECTOR_INDEX, FIELD_WEIGHTS, FTS_TABLE, SEARCH_CONFIG, sqlite_has_fts5
from search.models import ArticleSearchEntry
from search.query import MARK_END, MARK_START, fts5_match, has_mark, mark_terms, render_marked

SNIPPET_WORDS = 28
SNIPPET_CHARACTERS = 220
# The most results a search lists and counts; past it, the page says "more than" this many.
MAX_RESULTS = 1000
# PostgreSQL ranks the newest this many matches (about twenty pages of results); the rest, up to
# MAX_RESULTS, follow them newest first (PostgresArticleSearch.ranked_keys).
RANKED_MATCHES = 250
# PostgreSQL: a search the planner expects to match at most this many articles may read them all
# from the GIN index and sort them by date, rather than walk the date index (PostgresArticleSearch.ranked_keys).
FEW_MATCHES = 20_000


@dataclass(frozen=True)
class Highlight:
    """A result's headline and a spoiler-free snippet, escaped, with matches in ``<mark>``."""

    headline: SafeString
    snippet: SafeString


def fallback_highlight(article: Article) -> Highlight:
    return Highlight(headline=escape(article.headline), snippet=escape(article.dek))


class PostgresArticleSearch:
    """Ranking and highlighting through queries compiled once per process (``cms.prepared``).

    Building and compiling the ranked search, its plan check and its highlights cost more than
    running them: the search page spent about 12 ms of its 28 building SQL it had built before.
    """

    def ranked_keys(self, terms: Sequence[str]) -> list[int]:
        """The keys of the newest ``MAX_RESULTS`` + 1 matches: the newest ``RANKED_MATCHES`` of
        them best ranked first, then the rest newest first.

        A common word matches nearly every article, and ranking every match would make each
        search cost more as the archive grows. Choosing the candidates by date keeps the cost
        bounded, and only those are ranked. Choosing them by rank would mean ranking them all
        first. Ranking reads each candidate's whole vector (about 7 µs each), so only the newest
        ``RANKED_MATCHES`` are ranked: the first twenty pages a reader sees are the best of the
        recent coverage, and a search costs the same on a large archive as on a small one. The
        price: when more than ``RANKED_MATCHES`` articles match, an older, better match comes
        after the ranked ones, and past ``MAX_RESULTS`` it is left out and the page asks for
        another word. The one match past ``MAX_RESULTS`` lets the count tell "more than" apart.

        The candidates are read the cheaper of two ways. Walking the published-newest index and
        testing each article stops as soon as enough match: cheap for a common word, whose
        matches are everywhere. But a word found only in older articles (a series that ended
        years ago) makes that walk read every newer article first, and the planner cannot see
        that its matches cluster in time. So when the planner expects at most ``FEW_MATCHES``
        matches and would read them all through the GIN index, they are read that way instead
        and sorted by date. The read stops one past ``FEW_MATCHES``; should the estimate have
        been wrong, the walk runs after all. Where the planner would rather scan the whole table
        for them (a word in a large share of a small archive), the walk runs too.
        """
        now, text = timezone.now(), " ".join(terms)
        expected, by_search_index = planned_read(published_matches(None).statement(now=now, text=text))
        if expected <= FEW_MATCHES and by_search_index:
            alias, inner, params = published_matches(FEW_MATCHES + 1).statement(now=now, text=text)
            with connections[alias].cursor() as cursor:
                # A derived table: the date order applies only after the read by the index. One
                # aggregate both orders and counts what was read: a window's count would keep
                # every match in memory first (about a fifth of the time at 8,000 matches).
                cursor.execute(
                    "SELECT (array_agg(found.pk ORDER BY found.publish_at DESC, found.pk DESC))[1:%s], COUNT(*) "
                    f"FROM ({inner}) AS found (pk, publish_at)",
                    [MAX_RESULTS + 1, *params],
                )
                newest, read = cursor.fetchone()
            if not read:
                return []
            if read <= FEW_MATCHES:
                return _best_of_newest(now, text, newest)
        return _best_of_newest(now, text, list(_newest(MAX_RESULTS + 1).run(now=now, text=text)))

    def highlights(self, terms: Sequence[str], keys: Sequence[int]) -> dict[int, Highlight]:
        rows = _HIGHLIGHTS.run(text=" ".join(terms), keys=list(keys)) if keys else []
        return {pk: choose_highlight(headline, dek, body) for pk, headline, dek, body in rows}


def text_query(text: str) -> SearchQuery:
    """The words of a search as PostgreSQL's ``plainto_tsquery``: every word, stemmed."""
    return SearchQuery(text, search_type="plain", config=SEARCH_CONFIG)


def _ranked(candidates: QuerySet[ArticleSearchEntry], text: str) -> QuerySet:
    """The article keys of ``candidates``, best ranked for ``text`` first, the newest first among equals."""
    by_label = dict(FIELD_WEIGHTS.values())
    weights = [by_label.get(label, 0.1) for label in "DCBA"]  # the order SearchRank takes them in
    rank = SearchRank(F("search_vector"), text_query(text), weights=weights)
    return (
        candidates.annotate(rank=rank)
        .order_by("-rank", "-publish_at", "-article_id")
        .values_list("article_id", flat=True)
    )


def _published(now: datetime) -> QuerySet[ArticleSearchEntry]:
    """The entries of the articles readers may see at ``now``: the one rule, on the entry's copy
    of status and publish time."""
    return ArticleSearchEntry.objects.filter(published_q(now))


def _matching(now: datetime, text: str) -> QuerySet[ArticleSearchEntry]:
    return _published(now).filter(search_vector=text_query(text))


@cache
def published_matches(limit: int | None) -> PreparedQuery:
    """Every published match's key and time, up to ``limit``: what the planner is asked about,
    and the read through the search index."""
    return PreparedQuery(
        lambda now, text: _matching(now, text).order_by().values_list("article_id", "publish_at")[:limit],
        on_server=False,
        now=datetime,
        text=str,
    )


@cache
def _newest(limit: int) -> PreparedQuery:
    """The keys of the newest ``limit`` matches, found by walking the date index. Planned on each
    run: the best plan depends on the words, and a plan for any words would read every match."""
    return PreparedQuery(
        lambda now, text: (
            _matching(now, text).order_by("-publish_at", "-article_id").values_list("article_id", flat=True)[:limit]
        ),
        on_server=False,
        now=datetime,
        text=str,
    )


def _best_of_newest(now: datetime, text: str, newest: list[int]) -> list[int]:
    """``newest`` (keys, newest first), its first ``RANKED_MATCHES`` best ranked first."""
    return [*_RANKED_AMONG.run(now=now, text=text, keys=newest[:RANKED_MATCHES]), *newest[RANKED_MATCHES:]]


_RANKED_AMONG = PreparedQuery(
    # Published still: the keys may have been read a moment before.
    lambda now, text, keys: _ranked(_published(now).filter(article_id__in=any_key(keys)), text),
    now=datetime,
    text=str,
    keys=Keys,
)

_MARKS = {"start_sel": MARK_START, "stop_sel": MARK_END, "config": SEARCH_CONFIG}
_HIGHLIGHTS = PreparedQuery(
    lambda text, keys: Article.objects.filter(pk__in=any_key(keys)).values_list(
        "pk",
        SearchHeadline("headline", text_query(text), highlight_all=True, **_MARKS),
        SearchHeadline("dek", text_query(text), highlight_all=True, **_MARKS),
        SearchHeadline(
            "safe_text",
            text_query(text),
            max_words=SNIPPET_WORDS,
            min_words=SNIPPET_WORDS // 2,
            max_fragments=2,
            fragment_delimiter=" … ",
            **_MARKS,
        ),
    ),
    text=str,
    keys=Keys,
)


def planned_read(statement: tuple[str, str, list]) -> tuple[float, bool]:
    """PostgreSQL's plan for reading every row of a query (``PreparedQuery.statement``), from
    planning alone (``EXPLAIN``): how many rows it expects, and whether it would find them through
    the search vector's index."""
    alias, sql, params = statement
    with connections[alias].cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        [plan] = cursor.fetchone()[0]
    nodes, indexes = [plan["Plan"]], set()
    while nodes:
        node = nodes.pop()
        indexes.add(node.get("Index Name"))
        nodes.extend(node.get("Plans", []))
    return plan["Plan"]["Plan Rows"], ENTRY_VECTOR_INDEX in indexes


class RankedByQuerySet:
    """The keys of a ranking queryset (``matching``), as many as a search lists and one more."""

    def ranked_keys(self, terms: Sequence[str]) -> list[int]:
        return list(self.matching(terms).values_list("pk", flat=True)[: MAX_RESULTS + 1])


class SqliteArticleSearch(RankedByQuerySet):
    """FTS5 over headline, dek and safe_text; the table and its triggers come from our migration."""

    def matching(self, terms: Sequence[str]) -> ArticleQuerySet:
        match = fts5_match(terms)
        weights = ", ".join(str(weight) for _, weight in FIELD_WEIGHTS.values())
        matched_ids = RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [match])
        # bm25() is lower for better matches; it only exists inside a full-text query, hence
        # the correlated subquery, run for matching published rows only.
        rank = RawSQL(
            f"SELECT bm25({FTS_TABLE}, {weights}) FROM {FTS_TABLE} "
            f"WHERE {FTS_TABLE} MATCH %s AND {FTS_TABLE}.rowid = {Article._meta.db_table}.id",
            [match],
            output_field=FloatField(),
        )
        return (
            Article.objects.published()
            .filter(pk__in=matched_ids)
            .annotate(rank=rank)
            .order_by("rank", "-publish_at", "-pk")
        )

    def highlights(self, terms: Sequence[str], keys: Sequence[int]) -> dict[int, Highlight]:
        if not keys:
            return {}
        ids = list(keys)
        marks = f"'{MARK_START}', '{MARK_END}'"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, highlight({FTS_TABLE}, 0, {marks}), highlight({FTS_TABLE}, 1, {marks}), "
                f"snippet({FTS_TABLE}, 2, {marks}, '…', {SNIPPET_WORDS}) FROM {FTS_TABLE} "
                f"WHERE {FTS_TABLE} MATCH %s AND rowid IN ({', '.join(['%s'] * len(ids))})",
                [fts5_match(terms), *ids],
            )
            return {pk: choose_highlight(headline, dek, body) for pk, headline, dek, body in cursor.fetchall()}


class SubstringArticleSearch(RankedByQuerySet):
    """For databases without full-text search: every term somewhere, headline matches first."""

    def matching(self, terms: Sequence[str]) -> ArticleQuerySet:
        articles = Article.objects.published()
        rank = Value(0.0)
        for term in terms:
            articles = articles.filter(
                Q(headline__icontains=term) | Q(dek__icontains=term) | Q(safe_text__icontains=term)
            )
            for field, (_, weight) in FIELD_WEIGHTS.items():
                rank += Case(When(**{f"{field}__icontains": term}, then=Value(weight)), default=Value(0.0))
        return articles.annotate(rank=ExpressionWrapper(rank, output_field=FloatField())).order_by(
            "-rank", "-publish_at", "-pk"
        )

    def highlights(self, terms: Sequence[str], keys: Sequence[int]) -> dict[int, Highlight]:
        rows = Article.objects.filter(pk__in=keys).values_list("pk", "headline", "dek", "safe_text") if keys else []
        return {
            pk: Highlight(
                headline=mark_terms(headline, terms),
                snippet=mark_terms(safe_text, terms, width=SNIPPET_CHARACTERS)
                if any(term in safe_text.casefold() for term in terms)
                else mark_terms(dek, terms),
            )
            for pk, headline, dek, safe_text in rows
        }


def choose_highlight(headline: str, dek: str, body: str) -> Highlight:
    """The body snippet when the match is in the body; otherwise the dek, if there is one."""
    snippet = body if has_mark(body) or not dek else dek
    return Highlight(headline=render_marked(headline), snippet=render_marked(snippet))


def article_search(vendor: str | None = None):
    vendor = vendor or connection.vendor
    if vendor == "postgresql":
        return PostgresArticleSearch()
    if vendor == "sqlite" and sqlite_has_fts5():
        return SqliteArticleSearch()
    return SubstringArticleSearch()


@dataclass(frozen=True)
class ResultCount:
    """How many results a search found, up to ``MAX_RESULTS``; ``more`` when there were more."""

    number: int
    more: bool = False

    def __str__(self) -> str:
        return f"more than {self.number}" if self.more else str(self.number)


class ArticleResults(Sequence[Article]):
    """The published articles matching a search, best first, up to ``MAX_RESULTS``.

    Their keys are read at once, in order, with one more to tell "more than" apart; the articles
    are read a slice at a time by ``read`` (the readers' pages pass ``reader.detail.cards``: a
    card's columns, its bylines and spoiler tags, never the body), so a page of results costs the
    same whichever page it is. ``read`` leaves out an article unpublished since its key was read.
    """

    def __init__(self, keys: list[int], read: Callable[[Sequence[int]], list[Article]]):
        self.found = ResultCount(number=min(len(keys), MAX_RESULTS), more=len(keys) > MAX_RESULTS)
        self.keys = keys[:MAX_RESULTS]
        self.read = read

    def __len__(self) -> int:
        return len(self.keys)

    def __iter__(self):
        return iter(self[:])

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self.read(self.keys[index])
        found = self.read([self.keys[index]])
        if not found:
            raise IndexError("That result is no longer published.")
        return found[0]


def search_articles(terms: Sequence[str], *, read: Callable[[Sequence[int]], list[Article]]) -> ArticleResults:
    """Published articles matching every term, best first, each slice read by ``read`` (``ArticleResults``)."""
    return ArticleResults(article_search().ranked_keys(terms), read)


def article_highlights(terms: Sequence[str], articles: Iterable[Article]) -> list[tuple[Article, Highlight]]:
    """Each article with its highlighted headline and snippet, in one query for the lot."""
    articles = list(articles)
    found = article_search().highlights(terms, [article.pk for article in articles])
    return [(article, found.get(article.pk) or fallback_highlight(article)) for article in articles]


def count_results(results: QuerySet | ArticleResults) -> ResultCount:
    """Count ``results`` up to ``MAX_RESULTS`` + 1 and no further: a common word costs what a rare one does.

    Which ``MAX_RESULTS`` + 1 rows does not matter, so the count drops the ordering and the ranking.
    Articles found by ``search_articles`` were counted when their keys were read.
    """
    if isinstance(results, ArticleResults):
        return results.found
    found = results.order_by().values("pk")[: MAX_RESULTS + 1].count()
    return ResultCount(number=min(found, MAX_RESULTS), more=found > MAX_RESULTS)


def search_people(terms: Sequence[str], *, now: datetime | None = None) -> PersonQuerySet:
    """People with a public page whose name, other spelling or biography holds every term; name matches first."""
    return _people_holding([normalize_name(term) for term in terms], terms, now or timezone.now())


def _people_holding(keys: Sequence, texts: Sequence, now) -> PersonQuerySet:
    """``search_people`` with each term given twice: as a name key (``normalize_name``) and as typed."""
    people = Person.objects.public(partial(published_q, now))
    by_name = Q()
    for key, text in zip(keys, texts, strict=True):
        named = Q(normalized_name__contains=key) | Exists(
            PersonAlias.objects.filter(person=OuterRef("pk"), normalized_name__contains=key)
        )
        people = people.filter(named | Q(bio__icontains=text))
        by_name &= named
    return people.order_by(Case(When(by_name, then=Value(0)), default=Value(1)), "name", "pk")


def search_works(terms: Sequence[str], *, now: datetime | None = None) -> QuerySet[Work]:
    """Works with a public page whose title or synopsis holds every term; title matches first."""
    works = Work.objects.public(partial(published_q, now or timezone.now()))
    by_title = Q()
    for term in terms:
        works = works.filter(Q(title__icontains=term) | Q(synopsis__icontains=term))
        by_title &= Q(title__icontains=term)
    return works.order_by(Case(When(by_title, then=Value(0)), default=Value(1)), "title", "year", "pk")


# The first few people and works beside the articles: the same queries as ``search_people`` and
# ``search_works``, compiled once per number of terms. Building and compiling their public-page
# rule (nine EXISTS each) cost several times more than running them.


@cache
def _people_preview(terms: int, limit: int) -> PreparedQuery:
    kinds = {f"key{i}": Contained for i in range(terms)} | {f"text{i}": Contained for i in range(terms)}
    return PreparedQuery(
        lambda now, **values: _people_holding(
            [values[f"key{i}"] for i in range(terms)], [values[f"text{i}"] for i in range(terms)], now
        )[:limit],
        now=datetime,
        **kinds,
    )


@cache
def _works_preview(terms: int, limit: int) -> PreparedQuery:
    return PreparedQuery(
        lambda now, **values: search_works([values[f"text{i}"] for i in range(terms)], now=now)[:limit],
        now=datetime,
        **{f"text{i}": Contained for i in range(terms)},
    )


def people_preview(terms: Sequence[str], limit: int) -> list[Person]:
    """The first ``limit`` of ``search_people(terms)``."""
    keys = {f"key{i}": normalize_name(term) for i, term in enumerate(terms)}
    texts = {f"text{i}": term for i, term in enumerate(terms)}
    return _people_preview(len(terms), limit).run(now=timezone.now(), **keys, **texts)


def works_preview(terms: Sequence[str], limit: int) -> list[Work]:
    """The first ``limit`` of ``search_works(terms)``."""
    texts = {f"text{i}": term for i, term in enumerate(terms)}
    return _works_preview(len(terms), limit).run(now=timezone.now(), **texts)
