"""schema.org JSON-LD for articles and their quotes, the site, listings and breadcrumbs, built
from rows the caller has already fetched.

JSON-LD is a never-spoil zone: search engines show it to people who have not chosen to see
anything. So these functions take the description from the caller (who passes spoiler-safe text)
and never read the body, its rendered variants, the verdict or the spoiler tags; reviewed seasons
and episodes are named by their numbers, not their titles.

They only read attributes and relation caches; the expected ``select_related`` and
``prefetch_related`` lookups are listed on each function so a page builds its JSON-LD in the
queries it already made.
"""

from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.utils.text import Truncator

from articles.models import Article, Byline, Quote
from cms.links import link
from people.models import Episode, Season, Work
from people.structured_data import (
    SCHEMA_CONTEXT,
    AbsoluteUrl,
    JsonLd,
    absolute_file_url,
    character_reference,
    person_reference,
    work_reference,
)

PUBLISHER_NAME = "Callboard"
# Google's article guidelines: headlines longer than this are cut off in results.
HEADLINE_MAX_CHARS = 110


def article_json_ld(article: Article, *, absolute_url: AbsoluteUrl, description: str) -> JsonLd:
    """JSON-LD for an article page: a ``NewsArticle``, or a ``ReviewNewsArticle`` for a review of
    a work, season or episode.

    Fetch the article with ``reader.detail.article_for_page``, so that nothing here queries.
    ``description`` must already be spoiler-safe (the dek or the stored spoiler-safe excerpt).
    """
    url = absolute_url(article.get_absolute_url())
    item_reviewed = _item_reviewed(article, absolute_url=absolute_url)
    data: JsonLd = {
        "@context": SCHEMA_CONTEXT,
        "@type": "ReviewNewsArticle" if item_reviewed else "NewsArticle",
        "headline": Truncator(article.headline).chars(HEADLINE_MAX_CHARS),
    }
    if description.strip():
        data["description"] = description.strip()
    if article.publish_at:
        data["datePublished"] = article.publish_at.isoformat()
    data["dateModified"] = article.updated_at.isoformat()
    data["url"] = url
    data["mainEntityOfPage"] = {"@type": "WebPage", "@id": url}
    authors = [_author(byline, absolute_url=absolute_url) for byline in article.bylines.all()]
    if authors:
        data["author"] = authors
    data["publisher"] = {"@type": "Organization", "name": PUBLISHER_NAME, "url": absolute_url("/")}
    if article.hero_image_id:
        data["image"] = [absolute_file_url(article.hero_image, absolute_url=absolute_url)]
    # Sorted so the markup does not change between requests with the prefetch in another order.
    keywords = sorted((tag.name for tag in article.tags.all()), key=str.casefold)
    if keywords:
        data["keywords"] = keywords
    about = [work_reference(work, absolute_url=absolute_url) for work in article.works.all()]
    if about:
        data["about"] = about
    if item_reviewed:
        data["itemReviewed"] = item_reviewed
        if article.rating is not None:
            data["reviewRating"] = {
                "@type": "Rating",
                "ratingValue": _number(article.rating),
                "bestRating": article.rating_scale,
                "worstRating": 0,
            }
    return data


def quotation_json_ld(quote: Quote, *, absolute_url: AbsoluteUrl) -> JsonLd:
    """JSON-LD ``Quotation`` for a quote shown outside its article.

    Only confirmed quotes outside any spoiler may leave the article (the rule of
    ``Quote.objects.public()``); anything else raises ``ValueError`` so a wrong queryset fails
    loudly instead of publishing an unchecked attribution or a spoiler. Fetch with
    ``select_related("article", "speaker", "character")``.
    """
    if quote.status != Quote.Status.CONFIRMED:
        raise ValueError(f"Only confirmed quotes are published as JSON-LD; quote {quote.pk} is {quote.status}.")
    if quote.spoiler_scope:
        raise ValueError(f"Quote {quote.pk} sits inside a spoiler ({quote.spoiler_scope}); it stays in the article.")
    data: JsonLd = {"@context": SCHEMA_CONTEXT, "@type": "Quotation", "text": quote.words}
    if quote.speaker_id:
        data["creator"] = person_reference(quote.speaker, absolute_url=absolute_url)
    if quote.character_id:
        data["spokenByCharacter"] = character_reference(quote.character)
    data["isPartOf"] = absolute_url(quote.article.get_absolute_url())
    return data


def website_json_ld(*, absolute_url: AbsoluteUrl) -> JsonLd:
    """The site as a ``WebSite`` whose search a search engine may offer from its results page."""
    search = absolute_url(link("search:search"))
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "WebSite",
        "name": PUBLISHER_NAME,
        "url": absolute_url(link("articles:home")),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        },
    }


def home_json_ld(latest: Iterable[Article], *, absolute_url: AbsoluteUrl) -> list[JsonLd]:
    """The home page: the site with its search, and the latest articles as a list."""
    latest_list = {"@context": SCHEMA_CONTEXT, **article_list_json_ld(latest, absolute_url=absolute_url)}
    return [website_json_ld(absolute_url=absolute_url), {**latest_list, "name": "Latest"}]


def article_list_json_ld(articles: Iterable[Article], *, absolute_url: AbsoluteUrl) -> JsonLd:
    """An ``ItemList`` of articles in the order shown, each by its address and headline."""
    return {
        "@type": "ItemList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "url": absolute_url(article.get_absolute_url()),
                "name": article.headline,
            }
            for position, article in enumerate(articles, start=1)
        ],
    }


def collection_page_json_ld(*, name: str, path: str, articles: Iterable[Article], absolute_url: AbsoluteUrl) -> JsonLd:
    """A ``CollectionPage`` (a kind or a tag archive) whose main entity is the list of its articles."""
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "CollectionPage",
        "name": name,
        "url": absolute_url(path),
        "mainEntity": article_list_json_ld(articles, absolute_url=absolute_url),
    }


def breadcrumb_json_ld(trail: Sequence[tuple[str, str]], *, absolute_url: AbsoluteUrl) -> JsonLd:
    """A ``BreadcrumbList`` from the home page down to the page itself.

    ``trail`` is ``(name, path)`` pairs after the home page, the page itself last.
    """
    crumbs = [(PUBLISHER_NAME, link("articles:home")), *trail]
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": absolute_url(path)}
            for position, (name, path) in enumerate(crumbs, start=1)
        ],
    }


def _author(byline: Byline, *, absolute_url: AbsoluteUrl) -> JsonLd:
    author = person_reference(byline.person, absolute_url=absolute_url)
    if byline.label:
        author["jobTitle"] = byline.label
    return author


def _item_reviewed(article: Article, *, absolute_url: AbsoluteUrl) -> JsonLd | None:
    """The most specific thing a review covers: the episode, else the season, else the work."""
    if article.kind != Article.Kind.REVIEW:
        return None
    if article.reviewed_episode_id:
        return _episode_node(article.reviewed_episode, absolute_url=absolute_url)
    if article.reviewed_season_id:
        return _season_node(article.reviewed_season, absolute_url=absolute_url)
    if article.reviewed_work_id:
        return work_reference(article.reviewed_work, absolute_url=absolute_url)
    return None


def _series_node(work: Work, *, absolute_url: AbsoluteUrl) -> JsonLd:
    # Seasons and episodes only exist on television, whatever the work's kind says.
    return {**work_reference(work, absolute_url=absolute_url), "@type": "TVSeries"}


def _season_node(season: Season, *, absolute_url: AbsoluteUrl) -> JsonLd:
    work = season.work
    return {
        "@type": "TVSeason",
        "name": f"{work.title} S{season.number}",
        "seasonNumber": season.number,
        "partOfSeries": _series_node(work, absolute_url=absolute_url),
    }


def _episode_node(episode: Episode, *, absolute_url: AbsoluteUrl) -> JsonLd:
    # Named "Work S1E5", never by its title: an episode title can give the twist away.
    season = episode.season
    work = season.work
    return {
        "@type": "TVEpisode",
        "name": f"{work.title} S{season.number}E{episode.number}",
        "episodeNumber": episode.number,
        "partOfSeason": {
            "@type": "TVSeason",
            "name": f"{work.title} S{season.number}",
            "seasonNumber": season.number,
        },
        "partOfSeries": _series_node(work, absolute_url=absolute_url),
    }


def _number(value: Decimal) -> int | float:
    """A rating as a JSON number (DjangoJSONEncoder would write a Decimal as a string)."""
    return int(value) if value == value.to_integral_value() else float(value)
