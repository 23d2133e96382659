"""schema.org JSON-LD for people and works, built from rows the caller has already fetched.

Person and work pages are never-spoil zones, so everything here comes from fields that are
spoiler-free by definition (names, the synopsis, the bio, credits); season and episode titles are
left out because a title can give away what happens. The functions only read attributes and
relation caches: the caller fetches with ``select_related``/``prefetch_related`` so that a page
emits its JSON-LD without a query per credit.

The small ``*_reference`` helpers are shared with ``reader.structured_data`` (the reader depends on
people, never the other way round).
"""

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.utils.text import Truncator

from images.models import Image
from people.models import Character, Credit, Person, Season, Work

AbsoluteUrl = Callable[[str], str]
"""Turns a site path such as ``/people/anna/`` into ``https://host/people/anna/``."""

JsonLd = dict[str, Any]

SCHEMA_CONTEXT = "https://schema.org"
BIO_DESCRIPTION_CHARS = 300

_SCHEMA_TYPE_BY_KIND: dict[str, str] = {
    Work.Kind.SERIES: "TVSeries",
    Work.Kind.MINISERIES: "TVSeries",
    Work.Kind.FILM: "Movie",
    Work.Kind.NOVEL: "Book",
}
# Types on which schema.org defines productionCompany; the others name the network as publisher.
_PRODUCED_TYPES = frozenset({"TVSeries", "Movie"})

# Open Graph's own vocabulary (ogp.me): a one-off broadcast is "video.other", and a play or a
# musical on stage has no type of its own, so it is a plain "website".
_OPEN_GRAPH_TYPE_BY_KIND: dict[str, str] = {
    Work.Kind.SERIES: "video.tv_show",
    Work.Kind.MINISERIES: "video.tv_show",
    Work.Kind.FILM: "video.movie",
    Work.Kind.SPECIAL: "video.other",
    Work.Kind.NOVEL: "book",
}


def work_schema_type(work: Work) -> str:
    """The schema.org type for a work's kind; plays, musicals and specials stay ``CreativeWork``
    because schema.org has no closer type that search engines understand."""
    return _SCHEMA_TYPE_BY_KIND.get(work.kind, "CreativeWork")


def work_open_graph_type(work: Work) -> str:
    """The ``og:type`` of a work's page: a novel is a ``book``, never a TV show."""
    return _OPEN_GRAPH_TYPE_BY_KIND.get(work.kind, "website")


def absolute_file_url(image: Image, *, absolute_url: AbsoluteUrl) -> str:
    """The image file's address; storages that already give a full URL (a CDN) are left alone."""
    url = image.file.url
    if url.startswith(("https://", "http://")):
        return url
    return absolute_url(url)


def person_reference(person: Person, *, absolute_url: AbsoluteUrl) -> JsonLd:
    """A short ``Person`` node pointing at the person's page, for bylines, credits and quotes."""
    return {"@type": "Person", "name": person.name, "url": absolute_url(person.get_absolute_url())}


def work_reference(work: Work, *, absolute_url: AbsoluteUrl) -> JsonLd:
    """A short node for a work (typed by its kind) pointing at the work's page."""
    return {"@type": work_schema_type(work), "name": work.title, "url": absolute_url(work.get_absolute_url())}


def character_reference(character: Character) -> JsonLd:
    """A character as schema.org wants for ``spokenByCharacter``: a ``Person`` with only a name.

    No URL: the actor's page would say the actor is the character, and the character's own
    page needs its work, which a quote is not fetched with.
    """
    return {"@type": "Person", "name": character.name}


def person_json_ld(person: Person, *, absolute_url: AbsoluteUrl) -> JsonLd:
    """JSON-LD for a person's page; their roles are ``acting_roles_json_ld``.

    The caller fetches ``person`` with ``select_related("headshot")`` and
    ``prefetch_related("aliases", "links")``. Other spellings become ``alternateName`` so search
    engines join the misspelt mentions to the person; only links that are full addresses go into
    ``sameAs`` (a bare handle is not a URL).
    """
    data: JsonLd = {
        "@context": SCHEMA_CONTEXT,
        **person_reference(person, absolute_url=absolute_url),
    }
    aliases = [alias.name for alias in person.aliases.all()]
    if aliases:
        data["alternateName"] = aliases
    description = _collapse_whitespace(person.bio)
    if description:
        data["description"] = Truncator(description).chars(BIO_DESCRIPTION_CHARS)
    if person.headshot_id:
        data["image"] = absolute_file_url(person.headshot, absolute_url=absolute_url)
    same_as = [link.value for link in person.links.all() if link.value.startswith(("https://", "http://"))]
    if same_as:
        data["sameAs"] = same_as
    return data


def acting_roles_json_ld(person: Person, *, credits: Iterable[Credit], absolute_url: AbsoluteUrl) -> list[JsonLd]:
    """The works a person acted in, each with the person in its ``actor`` list as a ``PerformanceRole``.

    schema.org has no property from a person to a work they act in (``performerIn`` takes an
    event), so a person's roles are said from the work's side, as a work's page says its cast.
    ``credits`` are the person's, with ``select_related("work", "character")``; one node per
    work, in the credits' order.
    """
    works: dict[int, Work] = {}
    roles: dict[int, list[JsonLd]] = {}
    for credit in credits:
        if _is_acting(credit):
            works.setdefault(credit.work_id, credit.work)
            roles.setdefault(credit.work_id, []).append(_actor_role(credit, actor=person, absolute_url=absolute_url))
    return [
        {"@context": SCHEMA_CONTEXT, **work_reference(work, absolute_url=absolute_url), "actor": roles[key]}
        for key, work in works.items()
    ]


def character_json_ld(character: Character, *, credits: Iterable[Credit], absolute_url: AbsoluteUrl) -> JsonLd:
    """JSON-LD for a character's page: the character's work, with the character and who plays them.

    The caller fetches the character with ``select_related("work")`` and passes its credits with
    ``select_related("person")``. The description is the character's own, spoiler-free by rule.
    """
    node: JsonLd = {"@type": "Person", "name": character.name, "url": absolute_url(character.get_absolute_url())}
    description = _collapse_whitespace(character.description)
    if description:
        node["description"] = description
    data: JsonLd = {"@context": SCHEMA_CONTEXT, **work_reference(character.work, absolute_url=absolute_url)}
    data["character"] = node
    actors = [
        _actor_role(credit, actor=credit.person, absolute_url=absolute_url, character=character)
        for credit in credits
        if _is_acting(credit)
    ]
    if actors:
        data["actor"] = actors
    return data


def work_json_ld(
    work: Work,
    *,
    credits: Iterable[Credit],
    absolute_url: AbsoluteUrl,
    seasons: Sequence[Season] | None = None,
) -> JsonLd:
    """JSON-LD for a work's page.

    The caller fetches ``work`` with ``select_related("poster", "based_on")`` and passes its
    credits in billing order with ``select_related("person", "character")``; the ``actor`` list
    keeps that order. ``seasons``, when given, need ``prefetch_related("episodes")``; only their
    numbers and episode counts are used, never titles, which can spoil.
    """
    schema_type = work_schema_type(work)
    data: JsonLd = {
        "@context": SCHEMA_CONTEXT,
        **work_reference(work, absolute_url=absolute_url),
    }
    if work.synopsis.strip():
        data["description"] = work.synopsis.strip()
    if work.premiere_date:
        data["startDate" if schema_type == "TVSeries" else "datePublished"] = work.premiere_date.isoformat()
    elif work.year:
        data["datePublished"] = str(work.year)
    if work.network:
        company_key = "productionCompany" if schema_type in _PRODUCED_TYPES else "publisher"
        data[company_key] = {"@type": "Organization", "name": work.network}
    if work.based_on_id:
        data["isBasedOn"] = work_reference(work.based_on, absolute_url=absolute_url)
    if work.poster_id:
        data["image"] = absolute_file_url(work.poster, absolute_url=absolute_url)

    actors: list[JsonLd] = []
    people_by_role: dict[str, list[JsonLd]] = {"creator": [], "author": []}
    seen: dict[str, set[int]] = {"creator": set(), "author": set()}
    for credit in credits:
        if _is_acting(credit):
            actors.append(_actor_role(credit, absolute_url=absolute_url))
            continue
        key = {Credit.Role.CREATOR: "creator", Credit.Role.AUTHOR: "author"}.get(credit.role)
        if key and credit.person_id not in seen[key]:
            seen[key].add(credit.person_id)
            people_by_role[key].append(person_reference(credit.person, absolute_url=absolute_url))
    if actors:
        data["actor"] = actors
    for key, people in people_by_role.items():
        if people:
            data[key] = people

    if seasons is not None and schema_type == "TVSeries":
        data["numberOfSeasons"] = len(seasons)
        data["containsSeason"] = [_season_node(season) for season in seasons]
    return data


def _is_acting(credit: Credit) -> bool:
    return credit.role in Credit.ACTING_ROLES


def _actor_role(
    credit: Credit, *, absolute_url: AbsoluteUrl, actor: Person | None = None, character: Character | None = None
) -> JsonLd:
    """A work's cast member, as a ``PerformanceRole`` wrapping the actor with the character's name
    (the schema.org Role pattern). ``actor`` and ``character``, when the caller already holds them,
    save reading them from the credit."""
    role: JsonLd = {
        "@type": "PerformanceRole",
        "actor": person_reference(actor or credit.person, absolute_url=absolute_url),
    }
    if credit.character_id:
        role["characterName"] = (character or credit.character).name
    if credit.role != Credit.Role.CAST:
        # A guest star or stunt double "as Delia" is not the same claim as the cast member who plays her.
        role["roleName"] = credit.get_role_display()
    return role


def _season_node(season: Season) -> JsonLd:
    node: JsonLd = {
        "@type": "TVSeason",
        "seasonNumber": season.number,
        "numberOfEpisodes": len(season.episodes.all()),
    }
    if season.premiere_date:
        node["startDate"] = season.premiere_date.isoformat()
    return node


def _collapse_whitespace(text: str) -> str:
    return " ".join(text.split())
