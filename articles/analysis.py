"""The bridge between the database and the pure analyser in ``articles/text/``.

The analyser takes a name directory, not querysets; this module builds that directory from the
people database, preferring the people credited on the article's works.
"""

from collections.abc import Iterable

from django.db.models import Prefetch

from articles.text.directory import NameDirectory, PersonEntry
from people.models import Credit, Person, Work


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
