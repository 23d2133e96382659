"""The bridge between the database and the pure analyser in ``articles/text/``.

The analyser takes a name directory, not querysets; this module builds that directory from the
people database, with who is credited on the article's works, and is the one way in: an import or
a paste reads a whole text with `analyse_pasted`, a save reads the stored article with
`analyse_stored`, and both end in the same `analyse_body` with the same directory, works and season
lengths, so saving an imported article again attributes every quote as the import did.
"""

from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch

from articles.text.analyse import Analysis, BodyAnalysis, analyse, analyse_body, split_paragraphs
from articles.text.directory import NameDirectory, PersonEntry
from people.models import Credit, Person, Season, Work


@dataclass
class _Batch:
    directories: dict[tuple[frozenset, int], NameDirectory] = field(default_factory=dict)
    same_as: dict[int, int] = field(default_factory=dict)  # a generation rolled back to an earlier one

    def generation(self) -> int:
        return self.same_as.get(_people_generation, _people_generation)


_batch: ContextVar[_Batch | None] = ContextVar("name_directory_batch", default=None)
_people_generation = 0  # moves on whenever a person, alias, character or credit changes


def people_changed(**kwargs) -> None:
    """Signal receiver: a directory built before this change is stale."""
    global _people_generation
    _people_generation += 1


def people_generation() -> int:
    return _people_generation


def rolled_back_to(generation: int) -> None:
    """The transaction that changed people since `generation` was rolled back (a dry run): the
    people database is as it was then, and so is the directory a batch read then."""
    batch = _batch.get()
    if batch is not None and _people_generation != generation:
        batch.same_as[_people_generation] = batch.same_as.get(generation, generation)


@contextmanager
def directory_batch():
    """Within the block, articles about the same works share one name directory until the people
    database changes: an import of many articles reads the people once, not once an article. The
    block is one thread's (a command, the benchmark)."""
    token = _batch.set(_Batch())
    try:
        yield
    finally:
        _batch.reset(token)


def name_directory(works: Iterable[Work] = ()) -> NameDirectory:
    """Everyone in the people database, with who plays whom in ``works``."""
    works = list(works)
    batch = _batch.get()
    if batch is None:
        return _read_directory(works)
    generation = batch.generation()
    key = (frozenset(work.pk for work in works), generation)
    if key not in batch.directories:
        for stale in [known for known in batch.directories if known[1] != generation]:
            del batch.directories[stale]
        batch.directories[key] = _read_directory(works)
    return batch.directories[key]


def _read_directory(works: Sequence[Work]) -> NameDirectory:
    work_ids = {work.pk for work in works}
    people = Person.objects.prefetch_related(
        "aliases",
        Prefetch(
            "credits",
            queryset=Credit.objects.filter(work_id__in=work_ids).select_related("character"),
            to_attr="article_credits",
        ),
    )
    return NameDirectory(
        PersonEntry(
            key=person.slug,
            name=person.name,
            aliases=tuple(alias.name for alias in person.aliases.all()),
            credited=bool(person.article_credits),
            characters=tuple(credit.character.name for credit in person.article_credits if credit.character_id),
        )
        for person in people
    )


def season_lengths(works: Sequence[Work]) -> dict[int, int]:
    """Episodes per season of the first work, for "the season 1 finale"."""
    if not works:
        return {}
    seasons = Season.objects.filter(work=works[0]).annotate(episode_count=Count("episodes"))
    return dict(seasons.values_list("number", "episode_count"))


def analyse_pasted(text: str, works: Sequence[Work]) -> Analysis:
    """A whole pasted or imported article (headline and bylines first) about `works`."""
    return analyse(
        text, name_directory(works), works=[work.title for work in works], season_lengths=season_lengths(works)
    )


def analyse_stored(article) -> BodyAnalysis:
    """A stored article's body, read exactly as its import was."""
    works = list(article.works.all())
    bylines = [(byline.person.slug, byline.person.name) for byline in article.bylines.select_related("person")]
    return analyse_body(
        article.headline,
        split_paragraphs(article.body),
        name_directory(works),
        works=[work.title for work in works],
        bylines=bylines,
        season_lengths=season_lengths(works),
    )
