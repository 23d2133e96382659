"""Every type of public page, checked the way validators and assistive technology read it: one
``h1`` and no skipped heading level, landmarks of the same kind told apart by their names, and
JSON-LD whose types carry the properties schema.org and search engines expect."""

import json
from html.parser import HTMLParser
from itertools import pairwise
from urllib.parse import urlsplit

import pytest
from django.urls import URLPattern, URLResolver

from articles.models import Article
from articles.services import article_render
from people.models import Credit, Work
from reader import urls as reader_urls
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    series = factories.work("Tiny Pretty Things", slug="tiny-pretty-things", synopsis="Ballet and rivals.")
    factories.season(series, number=1, episodes=3)
    june = factories.character(series, "June Park", slug="june-park", description="A dancer.")
    kylie = factories.person("Kylie Jefferson", slug="kylie-jefferson", bio="A dancer and actor.")
    factories.credit(kylie, series, role=Credit.Role.CAST, character=june)
    novel = factories.work("Tiny Pretty Things", slug="tiny-pretty-things-novel", kind=Work.Kind.NOVEL)
    factories.credit(factories.person("Sona Charaipotra"), novel, role=Credit.Role.AUTHOR)
    review = factories.published_article(
        kind=Article.Kind.REVIEW,
        headline="A fair review",
        slug="a-fair-review",
        dek="Messy but magnetic.",
        reviewed_work=series,
        rating="4",
        rating_scale=5,
        body="## The first act\n\n### The rehearsal\n\n“I trained for years,” said Kylie Jefferson.",
    )
    review.works.add(series)
    review.people.add(kylie)
    review.tags.add("ballet")
    factories.byline(review, factories.person("Theo Lindqvist"), label="TV Critic")
    quote = factories.quote(review, kylie, status="confirmed", words="I trained for years", character=june)
    article_render(article=review)
    factories.published_article(kind=Article.Kind.NEWS, headline="Casting news").tags.add("ballet")
    return {"series": series, "novel": novel, "june": june, "kylie": kylie, "review": review, "quote": quote}


# Each public page type (by URL name), with how to reach one in the ``site`` fixture.
PAGES = {
    "home": ("articles:home", lambda site: "/"),
    "article": ("articles:article_detail", lambda site: site["review"].get_absolute_url()),
    "kind archive": ("articles:kind_archive", lambda site: "/kind/review/"),
    "tag archive": ("articles:tag_detail", lambda site: "/tags/ballet/"),
    "quote": ("articles:quote_detail", lambda site: site["quote"].get_absolute_url()),
    "person": ("people:person_detail", lambda site: site["kylie"].get_absolute_url()),
    "series": ("people:work_detail", lambda site: site["series"].get_absolute_url()),
    "novel": ("people:work_detail", lambda site: site["novel"].get_absolute_url()),
    "character": ("people:character_detail", lambda site: site["june"].get_absolute_url()),
    "search": ("search:search", lambda site: "/search/"),
    "search results": ("search:search", lambda site: "/search/?q=ballet"),
}
NOT_PAGES = {
    "articles:reader_progress": "a form's target; it redirects",
    "articles:share_preview": "the article page, behind a signed link",
    "sitemap": "XML",
    "sitemap_section": "XML",
}


def reader_route_names() -> set[str]:
    def walk(patterns, namespace: str):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, f"{namespace}{pattern.namespace}:" if pattern.namespace else "")
            elif isinstance(pattern, URLPattern):
                yield f"{namespace}{pattern.name}"

    return set(walk(reader_urls.urlpatterns, ""))


def test_every_readers_page_type_is_checked():
    html_pages = {name for name in reader_route_names() if "feed" not in name} - set(NOT_PAGES)
    assert html_pages == {name for name, _ in PAGES.values()}


class Page(HTMLParser):
    """What the checks read from a page: its headings in order, its landmarks with their names,
    and its JSON-LD."""

    LANDMARK_TAGS = {"nav": "navigation", "aside": "complementary", "main": "main"}

    def __init__(self):
        super().__init__()
        self.headings: list[int] = []
        self.landmarks: list[tuple[str, str | None, str | None]] = []  # role, aria-label, aria-labelledby
        self.json_ld: list[dict] = []
        self.texts: dict[str, list[str]] = {}
        self.open_ids: list[tuple[str, str]] = []
        self.in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self.headings.append(int(tag[1]))
        role = attributes.get("role") or self.LANDMARK_TAGS.get(tag)
        if role in {"search", "navigation", "complementary", "main"}:
            self.landmarks.append((role, attributes.get("aria-label"), attributes.get("aria-labelledby")))
        if attributes.get("id"):
            self.open_ids.append((tag, attributes["id"]))
            self.texts[attributes["id"]] = []
        self.in_json_ld = tag == "script" and attributes.get("type") == "application/ld+json"

    def handle_endtag(self, tag):
        if self.open_ids and self.open_ids[-1][0] == tag:
            self.open_ids.pop()
        self.in_json_ld = False

    def handle_data(self, data):
        if self.in_json_ld:
            data = json.loads(data)
            self.json_ld += data if isinstance(data, list) else [data]
        for _, element_id in self.open_ids:
            self.texts[element_id].append(data)

    def landmark_names(self, role: str) -> list[str | None]:
        names = []
        for landmark_role, label, labelledby in self.landmarks:
            if landmark_role == role:
                names.append(label or ("".join(self.texts.get(labelledby, [])).strip() if labelledby else None))
        return names


def read(client, url: str) -> Page:
    response = client.get(url)
    assert response.status_code == 200, url
    page = Page()
    page.feed(response.content.decode())
    page.close()
    return page


@pytest.mark.parametrize("page_type", PAGES)
def test_each_public_page_has_one_h1_and_it_comes_first(client, site, page_type):
    headings = read(client, PAGES[page_type][1](site)).headings

    assert headings.count(1) == 1
    assert headings[0] == 1


@pytest.mark.parametrize("page_type", PAGES)
def test_no_public_page_skips_a_heading_level(client, site, page_type):
    headings = read(client, PAGES[page_type][1](site)).headings

    skips = [(before, after) for before, after in pairwise(headings) if after > before + 1]
    assert skips == [], headings


@pytest.mark.parametrize("page_type", PAGES)
def test_landmarks_of_one_kind_are_told_apart_by_their_names(client, site, page_type):
    page = read(client, PAGES[page_type][1](site))

    for role in ("search", "navigation", "complementary"):
        names = page.landmark_names(role)
        if len(names) > 1:
            assert all(names) and len(set(names)) == len(names), (role, names)


def test_the_search_page_labels_its_form_apart_from_the_headers(client, site):
    page = read(client, "/search/?q=ballet")

    assert page.landmark_names("search") == ["Site search", "Search articles, people and works"]


# JSON-LD: the types used, what each must carry, and what each property may hold.

WORK_TYPES = {"TVSeries", "Movie", "Book", "CreativeWork"}
REQUIRED = {
    "WebSite": {"name", "url"},
    "SearchAction": {"target", "query-input"},
    "EntryPoint": {"urlTemplate"},
    "ItemList": {"itemListElement"},
    "BreadcrumbList": {"itemListElement"},
    "ListItem": {"position"},
    "CollectionPage": {"name", "url", "mainEntity"},
    "WebPage": {"@id"},
    "NewsArticle": {"headline", "datePublished", "url", "publisher"},
    "ReviewNewsArticle": {"headline", "datePublished", "url", "publisher", "itemReviewed"},
    "Rating": {"ratingValue", "bestRating"},
    "Organization": {"name"},
    "Person": {"name"},
    "PerformanceRole": {"actor"},
    "Quotation": {"text"},
    "TVSeason": {"seasonNumber"},
    "TVEpisode": {"episodeNumber"},
    **{work_type: {"name", "url"} for work_type in WORK_TYPES},
}
# The types a property's value may have (schema.org's ranges, as far as these pages use them).
RANGES = {
    "actor": {"Person", "PerformanceRole"},
    "author": {"Person", "Organization"},
    "creator": {"Person", "Organization"},
    "character": {"Person"},
    "spokenByCharacter": {"Person"},
    "performerIn": {"Event"},
    "itemListElement": {"ListItem"},
    "potentialAction": {"SearchAction"},
    "target": {"EntryPoint"},
    "mainEntity": {"ItemList"},
    "mainEntityOfPage": {"WebPage"},
    "publisher": {"Organization"},
    "productionCompany": {"Organization"},
    "reviewRating": {"Rating"},
    "about": WORK_TYPES,
    "isBasedOn": WORK_TYPES,
    "itemReviewed": WORK_TYPES | {"TVSeason", "TVEpisode"},
    "partOfSeries": {"TVSeries"},
    "partOfSeason": {"TVSeason"},
    "containsSeason": {"TVSeason"},
}


def shape_problems(node, where: str = "") -> list[str]:
    """What is wrong with a JSON-LD node and everything inside it."""
    if isinstance(node, list):
        return [problem for item in node for problem in shape_problems(item, where)]
    if not isinstance(node, dict):
        return []
    kind = node.get("@type")
    problems = []
    if kind not in REQUIRED:
        return [f"{where}: unknown type {kind!r}"]
    missing = REQUIRED[kind] - set(node)
    if missing:
        problems.append(f"{where}{kind}: missing {sorted(missing)}")
    for key, value in node.items():
        for item in value if isinstance(value, list) else [value]:
            if key in RANGES and (not isinstance(item, dict) or item.get("@type") not in RANGES[key]):
                problems.append(f"{where}{kind}.{key}: {item!r} is not one of {sorted(RANGES[key])}")
        problems += shape_problems(value, f"{where}{kind}.{key} > ")
    if kind in {"ItemList", "BreadcrumbList"}:
        items = node.get("itemListElement", [])
        if [item.get("position") for item in items] != list(range(1, len(items) + 1)):
            problems.append(f"{where}{kind}: positions are not 1, 2, 3…")
        address = "item" if kind == "BreadcrumbList" else "url"
        for item in items:
            if not urlsplit(item.get(address, "")).scheme or (kind == "BreadcrumbList" and not item.get("name")):
                problems.append(f"{where}{kind}: {item!r} lacks a name or an absolute {address}")
    if kind == "PerformanceRole" and (node.get("actor") or {}).get("@type") != "Person":
        problems.append(f"{where}PerformanceRole: its actor is not a Person")
    if kind == "SearchAction":
        template = (node.get("target") or {}).get("urlTemplate", "")
        if "{search_term_string}" not in template or "name=search_term_string" not in node.get("query-input", ""):
            problems.append(f"{where}SearchAction: the query placeholder does not match")
    return problems


# The top-level types each page must describe itself with.
EXPECTED_TYPES = {
    "home": {"WebSite", "ItemList"},
    "article": {"ReviewNewsArticle", "Quotation", "BreadcrumbList"},
    "kind archive": {"CollectionPage", "BreadcrumbList"},
    "tag archive": {"CollectionPage", "BreadcrumbList"},
    "quote": {"Quotation"},
    "person": {"Person", "TVSeries", "BreadcrumbList"},
    "series": {"TVSeries", "BreadcrumbList"},
    "novel": {"Book", "BreadcrumbList"},
    "character": {"TVSeries", "BreadcrumbList"},
    "search": set(),
    "search results": set(),
}


@pytest.mark.parametrize("page_type", PAGES)
def test_each_pages_json_ld_has_the_types_and_properties_it_should(client, site, page_type):
    blocks = read(client, PAGES[page_type][1](site)).json_ld

    assert {block["@type"] for block in blocks} == EXPECTED_TYPES[page_type]
    assert all(block["@context"] == "https://schema.org" for block in blocks)
    assert shape_problems(blocks) == []


def test_the_shape_check_refuses_a_person_performing_in_a_work():
    person = {
        "@type": "Person",
        "name": "Kylie Jefferson",
        "performerIn": {"@type": "PerformanceRole", "actor": {"@type": "Person", "name": "Kylie Jefferson"}},
    }
    assert shape_problems(person) != []


def test_an_articles_breadcrumbs_go_through_its_kinds_archive(client, site):
    [crumbs] = [
        block for block in read(client, "/articles/a-fair-review/").json_ld if block["@type"] == "BreadcrumbList"
    ]

    assert [(item["name"], item["item"]) for item in crumbs["itemListElement"]] == [
        ("Callboard", "http://testserver/"),
        ("Reviews", "http://testserver/kind/review/"),
        ("A fair review", "http://testserver/articles/a-fair-review/"),
    ]


def test_a_characters_json_ld_names_the_character_and_who_plays_them(client, site):
    [work] = [block for block in read(client, site["june"].get_absolute_url()).json_ld if "character" in block]

    assert work["character"]["name"] == "June Park"
    assert [role["actor"]["name"] for role in work["actor"]] == ["Kylie Jefferson"]


def test_a_persons_page_says_their_roles_from_the_works_side(client, site):
    blocks = read(client, site["kylie"].get_absolute_url()).json_ld

    [person] = [block for block in blocks if block["@type"] == "Person"]
    [series] = [block for block in blocks if block["@type"] == "TVSeries"]
    assert "performerIn" not in person
    assert series["actor"] == [
        {
            "@type": "PerformanceRole",
            "actor": {"@type": "Person", "name": "Kylie Jefferson", "url": "http://testserver/people/kylie-jefferson/"},
            "characterName": "June Park",
        }
    ]


@pytest.mark.parametrize(
    "work, open_graph_type", [("series", "video.tv_show"), ("novel", "book")], ids=["series", "novel"]
)
def test_a_works_open_graph_type_follows_its_kind(client, site, work, open_graph_type):
    page = client.get(site[work].get_absolute_url()).content.decode()

    assert f'<meta property="og:type" content="{open_graph_type}">' in page
