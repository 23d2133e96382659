import json
import re
from datetime import date
from decimal import Decimal

import pytest
from django.db.models import Prefetch
from django.template import Context, Template

from articles.models import Article, Byline, Quote
from people.models import Work
from reader.structured_data import (
    article_json_ld,
    breadcrumb_json_ld,
    collection_page_json_ld,
    home_json_ld,
    quotation_json_ld,
    website_json_ld,
)
from reader.templatetags.json_ld import json_ld_script
from tests import factories

pytestmark = pytest.mark.django_db

SITE = "https://news.example.com"


def absolute_url(path: str) -> str:
    return SITE + path


def fetch(article: Article) -> Article:
    """The article as a detail page would fetch it for its JSON-LD."""
    return (
        Article.objects.select_related(
            "hero_image", "reviewed_work", "reviewed_season__work", "reviewed_episode__season__work"
        )
        .prefetch_related("tags", "works", Prefetch("bylines", queryset=Byline.objects.select_related("person")))
        .get(pk=article.pk)
    )


def fetch_quote(quote: Quote) -> Quote:
    return Quote.objects.select_related("article", "speaker", "character").get(pk=quote.pk)


def script_payload(html: str) -> object:
    match = re.fullmatch(r'<script type="application/ld\+json">(.*)</script>', html, re.DOTALL)
    assert match, html
    return json.loads(match.group(1))


def review_of(**fields) -> Article:
    return factories.published_article(kind=Article.Kind.REVIEW, **fields)


# article_json_ld


def test_news_article_has_headline_dates_url_and_publisher():
    article = factories.published_article(headline="The cast of the ballet drama look back")

    data = article_json_ld(fetch(article), absolute_url=absolute_url, description="A look back.")

    url = f"{SITE}/articles/{article.slug}/"
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "The cast of the ballet drama look back"
    assert data["description"] == "A look back."
    assert data["datePublished"] == article.publish_at.isoformat()
    assert data["dateModified"] == fetch(article).updated_at.isoformat()
    assert data["url"] == url
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert data["publisher"] == {"@type": "Organization", "name": "Callboard", "url": f"{SITE}/"}


def test_authors_follow_byline_order_with_page_and_label():
    article = factories.published_article()
    second = factories.person("Rowan Vale", slug="rowan-vale")
    first = factories.person("Ada Quill", slug="ada-quill")
    factories.byline(article, second, position=2)
    factories.byline(article, first, position=1, label="TV Critic")

    data = article_json_ld(fetch(article), absolute_url=absolute_url, description="")

    assert data["author"] == [
        {"@type": "Person", "name": "Ada Quill", "url": f"{SITE}/people/ada-quill/", "jobTitle": "TV Critic"},
        {"@type": "Person", "name": "Rowan Vale", "url": f"{SITE}/people/rowan-vale/"},
    ]


def test_long_headline_is_cut_to_110_characters():
    article = factories.published_article(headline="word " * 60)

    data = article_json_ld(fetch(article), absolute_url=absolute_url, description="")

    assert len(data["headline"]) == 110
    assert data["headline"].endswith("…")


def test_description_comes_from_the_caller_never_from_the_body():
    article = factories.published_article(body="::: spoiler S1E10\nThe twist is revealed here.\n:::")

    data = article_json_ld(fetch(article), absolute_url=absolute_url, description="Spoiler-free summary.")

    assert data["description"] == "Spoiler-free summary."
    assert "twist" not in json.dumps(data)


def test_empty_description_is_left_out():
    article = factories.published_article()

    data = article_json_ld(fetch(article), absolute_url=absolute_url, description="  ")

    assert "description" not in data


def test_unpublished_article_has_no_date_published():
    article = factories.article()

    data = article_json_ld(fetch(article), absolute_url=absolute_url, description="")

    assert "datePublished" not in data


def test_hero_image_is_an_absolute_address():
    article = factories.published_article(hero_image=factories.image())

    data = article_json_ld(fetch(article), absolute_url=absolute_url, description="")

    [image] = data["image"]
    assert image.startswith(f"{SITE}/media/images/")


def test_keywords_are_the_topic_tags_but_not_the_spoiler_scopes():
    show = factories.work("Tiny Pretty Things")
    article = factories.published_article()
    article.tags.add("netflix", "Ballet")
    factories.spoiler(article, show, season_number=1, episode_number=10)

    data = article_json_ld(fetch(article), absolute_url=absolute_url, description="")

    assert data["keywords"] == ["Ballet", "netflix"]


def test_about_lists_the_works_typed_by_kind():
    series = factories.work("Tiny Pretty Things", slug="tiny-pretty-things", kind=Work.Kind.SERIES)
    novel = factories.work("Tiny Pretty Things", slug="tiny-pretty-things-novel", kind=Work.Kind.NOVEL)
    article = factories.published_article()
    article.works.add(series, novel)

    data = article_json_ld(fetch(article), absolute_url=absolute_url, description="")

    assert data["about"] == [
        {"@type": "TVSeries", "name": "Tiny Pretty Things", "url": f"{SITE}/works/tiny-pretty-things/"},
        {"@type": "Book", "name": "Tiny Pretty Things", "url": f"{SITE}/works/tiny-pretty-things-novel/"},
    ]


def test_review_of_a_film_is_a_review_news_article_about_a_movie():
    film = factories.work("Night Rehearsal", slug="night-rehearsal", kind=Work.Kind.FILM)
    article = review_of(reviewed_work=film)

    data = article_json_ld(fetch(article), absolute_url=absolute_url, description="")

    assert data["@type"] == "ReviewNewsArticle"
    assert data["itemReviewed"] == {
        "@type": "Movie",
        "name": "Night Rehearsal",
        "url": f"{SITE}/works/night-rehearsal/",
    }


def test_review_of_a_season_reviews_a_tv_season_with_its_rating():
    show = factories.work("Tiny Pretty Things", slug="tiny-pretty-things")
    first = factories.season(show, number=1)
    article = review_of(reviewed_work=show, reviewed_season=first, rating=Decimal("4.5"))

    data = article_json_ld(fetch(article), absolute_url=absolute_url, description="")

    assert data["@type"] == "ReviewNewsArticle"
    assert data["itemReviewed"] == {
        "@type": "TVSeason",
        "name": "Tiny Pretty Things S1",
        "seasonNumber": 1,
        "partOfSeries": {"@type": "TVSeries", "name": "Tiny Pretty Things", "url": f"{SITE}/works/tiny-pretty-things/"},
    }
    assert data["reviewRating"] == {"@type": "Rating", "ratingValue": 4.5, "bestRating": 5, "worstRating": 0}


def test_review_of_an_episode_reviews_a_tv_episode_without_its_title():
    show = factories.work("Tiny Pretty Things", slug="tiny-pretty-things")
    factories.season(show, number=1, episodes=10)
    finale = show.seasons.get().episodes.get(number=10)
    finale.title = "Who Pushed Cassie"
    finale.save()
    article = review_of(reviewed_episode=finale)

    item = article_json_ld(fetch(article), absolute_url=absolute_url, description="")["itemReviewed"]

    assert item["@type"] == "TVEpisode"
    assert item["name"] == "Tiny Pretty Things S1E10"
    assert item["episodeNumber"] == 10
    assert item["partOfSeason"] == {"@type": "TVSeason", "name": "Tiny Pretty Things S1", "seasonNumber": 1}
    assert item["partOfSeries"]["@type"] == "TVSeries"
    assert item["partOfSeries"]["url"] == f"{SITE}/works/tiny-pretty-things/"
    assert "Cassie" not in json.dumps(item)


def test_review_rating_uses_the_article_scale_and_an_integer_when_whole():
    film = factories.work(kind=Work.Kind.FILM)
    article = review_of(reviewed_work=film, rating=Decimal("80"), rating_scale=Article.RatingScale.HUNDRED)

    data = article_json_ld(fetch(article), absolute_url=absolute_url, description="")

    assert data["reviewRating"]["ratingValue"] == 80
    assert data["reviewRating"]["bestRating"] == 100


def test_review_without_a_rating_has_no_review_rating():
    article = review_of(reviewed_work=factories.work(kind=Work.Kind.FILM))

    data = article_json_ld(fetch(article), absolute_url=absolute_url, description="")

    assert data["@type"] == "ReviewNewsArticle"
    assert "reviewRating" not in data


def test_review_of_nothing_in_particular_stays_a_news_article():
    data = article_json_ld(fetch(review_of()), absolute_url=absolute_url, description="")

    assert data["@type"] == "NewsArticle"
    assert "itemReviewed" not in data


def test_non_review_with_a_reviewed_work_stays_a_news_article():
    article = factories.published_article(kind=Article.Kind.NEWS, reviewed_work=factories.work())

    data = article_json_ld(fetch(article), absolute_url=absolute_url, description="")

    assert data["@type"] == "NewsArticle"


def test_article_json_ld_runs_no_queries_on_a_prefetched_article(django_assert_num_queries):
    show = factories.work("Tiny Pretty Things")
    factories.season(show, number=1, episodes=3)
    episode = show.seasons.get().episodes.get(number=3)
    article = review_of(reviewed_episode=episode, rating=Decimal("4"), hero_image=factories.image())
    article.works.add(show, factories.work())
    article.tags.add("ballet", "netflix")
    factories.byline(article)
    factories.byline(article)
    fetched = fetch(article)

    with django_assert_num_queries(0):
        article_json_ld(fetched, absolute_url=absolute_url, description="")


# quotation_json_ld


def test_quotation_names_the_speaker_and_the_article():
    article = factories.published_article()
    speaker = factories.person("Kylie Jefferson", slug="kylie-jefferson")
    quote = factories.quote(article, speaker, words="I trained for years.", status=Quote.Status.CONFIRMED)

    data = quotation_json_ld(fetch_quote(quote), absolute_url=absolute_url)

    assert data == {
        "@context": "https://schema.org",
        "@type": "Quotation",
        "text": "I trained for years.",
        "creator": {"@type": "Person", "name": "Kylie Jefferson", "url": f"{SITE}/people/kylie-jefferson/"},
        "isPartOf": f"{SITE}/articles/{article.slug}/",
    }


def test_quotation_said_in_character_has_spoken_by_character():
    show = factories.work()
    neveah = factories.character(show, "Neveah Stroyer")
    quote = factories.quote(factories.published_article(), status=Quote.Status.CONFIRMED, character=neveah)

    data = quotation_json_ld(fetch_quote(quote), absolute_url=absolute_url)

    assert data["spokenByCharacter"] == {"@type": "Person", "name": "Neveah Stroyer"}


@pytest.mark.parametrize("status", [Quote.Status.SUGGESTED, Quote.Status.REJECTED])
def test_quotation_refuses_a_quote_that_is_not_confirmed(status):
    quote = factories.quote(factories.published_article(), status=status)

    with pytest.raises(ValueError, match="confirmed"):
        quotation_json_ld(fetch_quote(quote), absolute_url=absolute_url)


def test_quotation_refuses_a_quote_inside_a_spoiler():
    quote = factories.quote(
        factories.published_article(), status=Quote.Status.CONFIRMED, spoiler_scope="Tiny Pretty Things S1E10"
    )

    with pytest.raises(ValueError, match="spoiler"):
        quotation_json_ld(fetch_quote(quote), absolute_url=absolute_url)


def test_quotation_runs_no_queries_on_a_fetched_quote(django_assert_num_queries):
    quote = factories.quote(
        factories.published_article(), status=Quote.Status.CONFIRMED, character=factories.character()
    )
    fetched = fetch_quote(quote)

    with django_assert_num_queries(0):
        quotation_json_ld(fetched, absolute_url=absolute_url)


# json_ld filter


def test_json_ld_script_cannot_be_broken_out_of_by_a_headline():
    headline = "</script><script>alert(1)</script> & <b>more</b>"
    article = factories.published_article(headline=headline)

    html = json_ld_script(article_json_ld(fetch(article), absolute_url=absolute_url, description=""))

    assert "</script><script>" not in html
    assert html.count("</script>") == 1
    assert "<b>" not in html and "&" not in html
    assert script_payload(html)["headline"] == headline


def test_json_ld_script_serialises_dates_and_decimals():
    html = json_ld_script({"startDate": date(2020, 12, 14), "ratingValue": Decimal("4.5")})

    assert script_payload(html) == {"startDate": "2020-12-14", "ratingValue": "4.5"}


def test_json_ld_filter_renders_a_script_element_unescaped_by_autoescape():
    template = Template("{% load json_ld %}{{ data|json_ld }}")

    html = template.render(Context({"data": [{"@type": "Thing", "name": "A <b> & C"}]}))

    assert html.startswith('<script type="application/ld+json">')
    assert script_payload(html) == [{"@type": "Thing", "name": "A <b> & C"}]


def test_json_ld_filter_renders_nothing_without_data():
    template = Template("{% load json_ld %}{{ data|json_ld }}")

    assert template.render(Context({"data": None})) == ""


# The site, listings and breadcrumbs


def test_website_offers_the_sites_search_with_a_query_placeholder():
    data = website_json_ld(absolute_url=absolute_url)

    assert data == {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": "Callboard",
        "url": f"{SITE}/",
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{SITE}/search/?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        },
    }


def test_home_is_the_website_and_the_latest_articles_in_order():
    older = factories.published_article(headline="Older", slug="older")
    newer = factories.published_article(headline="Newer", slug="newer")

    website, latest = home_json_ld([newer, older], absolute_url=absolute_url)

    assert website["@type"] == "WebSite"
    assert latest == {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "name": "Latest",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "url": f"{SITE}/articles/newer/", "name": "Newer"},
            {"@type": "ListItem", "position": 2, "url": f"{SITE}/articles/older/", "name": "Older"},
        ],
    }


def test_an_archive_is_a_collection_page_whose_main_entity_lists_its_articles():
    article = factories.published_article(headline="A recap", slug="a-recap")

    data = collection_page_json_ld(name="Recaps", path="/kind/recap/", articles=[article], absolute_url=absolute_url)

    assert data == {
        "@context": "https://schema.org",
        "@type": "CollectionPage",
        "name": "Recaps",
        "url": f"{SITE}/kind/recap/",
        "mainEntity": {
            "@type": "ItemList",
            "itemListElement": [
                {"@type": "ListItem", "position": 1, "url": f"{SITE}/articles/a-recap/", "name": "A recap"}
            ],
        },
    }


def test_breadcrumbs_start_at_home_and_end_at_the_page_numbered_from_one():
    data = breadcrumb_json_ld(
        [("Tiny Pretty Things", "/works/tpt/"), ("June Park", "/works/tpt/characters/june/")], absolute_url=absolute_url
    )

    assert data == {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Callboard", "item": f"{SITE}/"},
            {"@type": "ListItem", "position": 2, "name": "Tiny Pretty Things", "item": f"{SITE}/works/tpt/"},
            {"@type": "ListItem", "position": 3, "name": "June Park", "item": f"{SITE}/works/tpt/characters/june/"},
        ],
    }
