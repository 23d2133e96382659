"""The bridge between the database and the pure analyser in ``articles/text/``.

The analyser takes a name directory, not querysets; this module builds that directory from the
people database, with who is credited on the article's works, and is the one way in: an import or
a paste reads a whole text with `analyse_pasted`, a save reads the stored article with
`analyse_stored`, and both end in the same `analyse_body` with the same directory, works and season
lengths, so saving an imported article again attributes every quote as the import did.
"""

from collections.abc import Iterable, Sequence

from django.db.models import Count, Prefetch

from articles.text.analyse import Analysis, BodyAnalysis, analyse, analyse_body, split_paragraphs
from articles.text.directory import NameDirectory, PersonEntry
from people.models import Credit, Person, Season, Work


def name_directory(works: Iterable[Work] = ()) -> NameDirectory:
    """Everyone in the people database, with who plays whom in ``works``."""
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
