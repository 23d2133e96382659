"""/api/v1/articles/: the published articles, their filters, and what a refused filter answers."""

from datetime import timedelta
from urllib.parse import quote

import pytest
import time_machine
from django.utils import timezone

from api.serializers import absolute
from articles.models import Article, SlugRedirect
from tests import factories
from tests.api.world import HIDDEN_WORDS, get_json, slugs

pytestmark = pytest.mark.django_db

ARTICLES = "/api/v1/articles/"
LIVE = ["finale-recap", "jefferson-interview", "season-one-review"]
HIDDEN = ["a-draft", "a-scheduled-one", "an-unpublished-one"]


def test_the_list_holds_the_published_articles_newest_first(client, newsroom):
    payload = get_json(client, ARTICLES)
    assert slugs(payload) == LIVE
    assert payload["next"] is None and payload["previous"] is None


def test_drafts_scheduled_and_unpublished_articles_are_in_no_list_and_have_no_detail(client, newsroom):
    listed = client.get(ARTICLES).content.decode()
    for slug in HIDDEN:
        assert slug not in listed
        get_json(client, f"{ARTICLES}{slug}/", status=404)
    assert HIDDEN_WORDS not in listed


def test_a_scheduled_article_appears_once_its_time_has_come(client, newsroom):
    with time_machine.travel(newsroom.scheduled.publish_at + timedelta(minutes=1)):
        assert "a-scheduled-one" in slugs(get_json(client, ARTICLES))
        assert get_json(client, f"{ARTICLES}a-scheduled-one/")["headline"] == "Scheduled headline"


def test_an_article_carries_absolute_urls_for_its_page_its_address_here_and_its_pictures(client, newsroom):
    recap = get_json(client, f"{ARTICLES}finale-recap/")
    assert recap["url"] == "http://testserver/articles/finale-recap/"
    assert recap["api_url"] == "http://testserver/api/v1/articles/finale-recap/"
    assert recap["hero_image"]["url"] == f"http://testserver{newsroom.recap.hero_image.file.url}"
    assert recap["hero_image"]["alt_text"] == "Dancers on a stage"
    assert recap["bylines"] == [
        {
            "name": "Theo Lindqvist",
            "slug": "theo-lindqvist",
            "label": "TV Critic",
            "url": "http://testserver/people/theo-lindqvist/",
            "api_url": "http://testserver/api/v1/people/theo-lindqvist/",
        }
    ]
    assert [work["url"] for work in recap["works"]] == ["http://testserver/works/tiny-pretty-things/"]
    assert recap["tags"][0]["articles"] == "http://testserver/api/v1/articles/?tag=ballet"
    assert 'href="http://testserver/works/tiny-pretty-things/"' in recap["body_html"]
    assert 'href="/' not in recap["body_html"] and 'src="/' not in recap["body_html"]


def test_rendition_urls_are_absolute(client, newsroom):
    hero = newsroom.recap.hero_image
    hero.rendition_index = [{"shape": "hero", "format": "webp", "width": 640, "height": 360, "name": "r/hero.webp"}]
    hero.save(update_fields=["rendition_index"])
    rendition = get_json(client, f"{ARTICLES}finale-recap/")["hero_image"]["renditions"][0]
    assert rendition == {
        "shape": "hero",
        "format": "webp",
        "width": 640,
        "height": 360,
        "url": "http://testserver/media/r/hero.webp",
    }


def test_a_review_carries_its_rating_verdict_and_what_it_reviews(client, newsroom):
    review = get_json(client, f"{ARTICLES}season-one-review/")["review"]
    assert review["rating"] == 4 and review["rating_scale"] == 5 and review["verdict"] == "Worth the leap."
    assert review["work"]["slug"] == "tiny-pretty-things" and review["season"] == 1 and review["episode"] is None
    assert get_json(client, f"{ARTICLES}finale-recap/")["review"] is None


def test_the_detail_carries_corrections_and_the_public_quotes(client, newsroom):
    newsroom.recap.corrections.create(note="An earlier version misspelt a name.")
    recap = get_json(client, f"{ARTICLES}finale-recap/")
    assert [correction["note"] for correction in recap["corrections"]] == ["An earlier version misspelt a name."]
    assert [quote["id"] for quote in recap["quotes"]] == [newsroom.public_quote.pk]
    assert recap["quotes"][0]["speaker"]["slug"] == "kylie-jefferson"


def test_an_old_address_redirects_to_the_new_one_with_its_query(client, newsroom):
    SlugRedirect.objects.create(old_slug="old-recap", article=newsroom.recap)
    response = client.get(f"{ARTICLES}old-recap/?work=tiny-pretty-things&through=s1")
    assert response.status_code == 301
    assert response["Location"] == f"http://testserver{ARTICLES}finale-recap/?work=tiny-pretty-things&through=s1"


def test_an_old_address_of_an_article_no_longer_published_is_not_found(client, newsroom):
    SlugRedirect.objects.create(old_slug="old-draft", article=newsroom.unpublished)
    get_json(client, f"{ARTICLES}old-draft/", status=404)


# --- Filters -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query, expected",
    [
        ("kind=recap", ["finale-recap"]),
        ("kind=review", ["season-one-review"]),
        ("tag=ballet", ["finale-recap"]),
        ("tag=interviews", ["jefferson-interview"]),
        ("work=tiny-pretty-things", ["finale-recap", "season-one-review"]),
        ("person=kylie-jefferson", ["finale-recap"]),
        ("author=theo-lindqvist", ["finale-recap", "jefferson-interview"]),
        ("work=tiny-pretty-things&kind=review", ["season-one-review"]),
        ("author=theo-lindqvist&tag=ballet", ["finale-recap"]),
        ("kind=news", []),
    ],
)
def test_each_filter_narrows_the_list(client, newsroom, query, expected):
    assert slugs(get_json(client, f"{ARTICLES}?{query}")) == expected


def test_person_finds_the_articles_quoting_them_as_well_as_those_about_them(client, newsroom):
    quoted_only = factories.published_article(headline="Quoting her", slug="quoting-her", ago=timedelta(minutes=5))
    factories.quote(quoted_only, newsroom.actor, status="confirmed", words="Words of hers in another article")
    assert slugs(get_json(client, f"{ARTICLES}?person=kylie-jefferson")) == ["quoting-her", "finale-recap"]


def test_updated_since_lists_articles_edited_or_gone_live_since(client, newsroom):
    cut = timezone.now()
    with time_machine.travel(cut + timedelta(hours=2)):
        newsroom.interview.dek = "Edited after the cut."
        newsroom.interview.save()
    with time_machine.travel(newsroom.scheduled.publish_at + timedelta(minutes=1)):
        since = f"{ARTICLES}?updated_since={quote(cut.isoformat())}"
        assert slugs(get_json(client, since)) == ["a-scheduled-one", "jefferson-interview"]
        assert slugs(get_json(client, f"{since}&kind=news")) == ["a-scheduled-one"]


@pytest.mark.parametrize(
    "written",
    # A plus sign left unencoded arrives as a space; without an offset a time is UTC.
    ["{day}", "{day}T00:00:00Z", "{day}T00:00:00+00:00", "{day}T01:00:00%2B01:00", "{day}T00:00:00"],
)
def test_updated_since_reads_dates_times_and_offsets(client, newsroom, written):
    tomorrow = (timezone.now() + timedelta(days=1)).date().isoformat()
    assert slugs(get_json(client, f"{ARTICLES}?updated_since={written.format(day=tomorrow)}")) == []
    yesterday = (timezone.now() - timedelta(days=1)).date().isoformat()
    assert len(slugs(get_json(client, f"{ARTICLES}?updated_since={written.format(day=yesterday)}"))) == 3


@pytest.mark.parametrize(
    "query, parameter, message",
    [
        ("kind=opinion", "kind", "is not a kind of article"),
        ("tag=no-such-tag", "tag", "No topic tag has the slug"),
        ("tag=hidden-topic", "tag", "No topic tag has the slug"),
        ("work=no-such-show", "work", "No work has the slug"),
        ("work=draft-only-show", "work", "No work has the slug"),
        ("person=nobody", "person", "No person has the slug"),
        ("author=draft-only-byline", "author", "No person has the slug"),
        ("author=%00", "author", "is not a slug"),
        ("person=a%20b", "person", "is not a slug"),
        ("updated_since=garbage", "updated_since", "is not a date or time"),
        ("updated_since=2026-13-45", "updated_since", "is not a date or time"),
        ("updated_since=0001-01-01T00:00:00%2B05:00", "updated_since", "outside the range"),
        ("updated_since=" + "9" * 500, "updated_since", "longer than 400"),
        ("through=s1e5", "through", "name the work with `work=<slug>`"),
        ("work=tiny-pretty-things&through=S99E99", "through", "has no season 99"),
        ("work=tiny-pretty-things&through=s1e11", "through", "season 1 has no episode 11"),
        ("work=tiny-pretty-things&through=s1x", "through", "is not a scope"),
        ("work=tiny-pretty-things&through=", "through", "The scope is empty"),
        ("work=tiny-pretty-things&through=other-show:s1e1", "through", "names another work"),
        ("work=tiny-pretty-things&through=s" + "9" * 5000, "through", "longer than 400"),
    ],
)
def test_a_refused_filter_is_a_400_naming_the_parameter(client, newsroom, query, parameter, message):
    errors = get_json(client, f"{ARTICLES}?{query}", status=400)
    assert list(errors) == [parameter]
    assert message in errors[parameter][0]


def test_every_refused_parameter_is_named_at_once(client, newsroom):
    errors = get_json(client, f"{ARTICLES}?kind=x&work=nope&updated_since=x", status=400)
    assert sorted(errors) == ["kind", "updated_since", "work"]


def test_a_bad_through_on_the_detail_is_a_400(client, newsroom):
    errors = get_json(client, f"{ARTICLES}finale-recap/?work=tiny-pretty-things&through=S99E99", status=400)
    assert "has no season 99" in errors["through"][0]


def test_unknown_parameters_are_ignored(client, newsroom):
    assert slugs(get_json(client, f"{ARTICLES}?colour=blue")) == LIVE


# --- Pagination ----------------------------------------------------------------------------------


def many_articles(count: int) -> list[str]:
    """Published articles an hour apart, two of them at the very same time; newest first."""
    base = timezone.now() - timedelta(days=30)
    made = []
    for index in range(count):
        at = base + timedelta(hours=index if index != 1 else 0)
        made.append(factories.article(slug=f"many-{index:03}", status=Article.Status.PUBLISHED, publish_at=at))
    return [article.slug for article in sorted(made, key=lambda a: (a.publish_at, a.pk), reverse=True)]


def walk(client, url: str) -> tuple[list[str], int]:
    seen, pages = [], 0
    while url:
        payload = get_json(client, url)
        seen += slugs(payload)
        url, pages = payload["next"], pages + 1
        assert pages < 100
    return seen, pages


def test_the_cursor_walks_every_article_once_in_order(client):
    expected = many_articles(45)
    seen, pages = walk(client, ARTICLES)
    assert seen == expected and pages == 3


def test_page_size_is_asked_for_and_capped(client):
    many_articles(120)
    assert len(slugs(get_json(client, f"{ARTICLES}?page_size=7"))) == 7
    assert len(slugs(get_json(client, f"{ARTICLES}?page_size=500"))) == 100


def test_previous_leads_back_to_the_page_before(client):
    expected = many_articles(30)
    first = get_json(client, f"{ARTICLES}?page_size=10")
    second = get_json(client, first["next"])
    assert slugs(second) == expected[10:20]
    assert slugs(get_json(client, second["previous"])) == expected[:10]


def test_filters_carry_over_to_the_next_page(client, newsroom):
    for index in range(25):
        factories.published_article(kind=Article.Kind.NEWS, slug=f"news-{index}", ago=timedelta(days=5, hours=index))
    first = get_json(client, f"{ARTICLES}?kind=news")
    assert "kind=news" in first["next"]
    seen, _ = walk(client, first["next"])
    assert len(seen) == 5 and all(slug.startswith("news-") for slug in seen)


@pytest.mark.parametrize(
    "cursor",
    [
        "garbage!",
        "cD1ub3QtYS1kYXRl",  # p=not-a-date
        "cD0yMDI2LTAxLTAxIDAwOjAwOjAw",  # p=2026-01-01 00:00:00, without an offset
        "cD0lMDA=",  # p=%00
        "bz0tNQ==",  # o=-5
    ],
)
def test_a_crafted_cursor_is_not_found_never_a_server_error(client, newsroom, cursor):
    errors = get_json(client, f"{ARTICLES}?cursor={cursor}", status=404)
    assert errors == {"detail": "Invalid cursor"}


def test_an_article_unpublished_between_its_key_and_its_row_is_left_out(client, newsroom, monkeypatch):
    from api import views

    rows = views.article_rows

    def unpublish_first(scope, **kwargs):
        Article.objects.filter(slug="finale-recap").update(status=Article.Status.UNPUBLISHED)
        return rows(scope, **kwargs)

    monkeypatch.setattr(views, "article_rows", unpublish_first)
    assert slugs(get_json(client, ARTICLES)) == ["jefferson-interview", "season-one-review"]


@pytest.mark.parametrize(
    "address, expected",
    [
        ("/media/a.jpg", "http://testserver/media/a.jpg"),
        ("https://cdn.example.com/media/a.jpg", "https://cdn.example.com/media/a.jpg"),
        ("//cdn.example.com/media/a.jpg", "http://cdn.example.com/media/a.jpg"),
    ],
)
def test_addresses_on_this_site_become_absolute_and_others_stay_as_they_are(rf, address, expected):
    context = {"request": rf.get("/api/v1/articles/")}
    assert absolute(context, address) == expected
    assert absolute(context, address) == expected  # and again, from the origin remembered


def walk_both_ways(client, url: str) -> tuple[list[str], list[str]]:
    """Every page from the first by ``next``, then every page back from the last by ``previous``."""
    forward, payloads = [], [get_json(client, url)]
    while payloads[-1]["next"]:
        payloads.append(get_json(client, payloads[-1]["next"]))
    forward = [slug for payload in payloads for slug in slugs(payload)]
    backward, payload = [], payloads[-1]
    while True:
        backward = slugs(payload) + backward
        if not payload["previous"]:
            return forward, backward
        payload = get_json(client, payload["previous"])


def test_a_persons_pages_read_link_by_link_are_the_pages_of_the_whole_list(client, monkeypatch):
    """The person filter reads each link only as far as the page asked for; page for page,
    forward and back, across publish times shared by more articles than a page holds, the
    answers are those read from every article about or quoting them (going back across such
    ties, the cursor skips some of them either way)."""
    from api.views import ArticleList

    actress = factories.person("Kylie Jefferson", slug="kylie-jefferson")
    base = timezone.now() - timedelta(days=30)
    for index in range(40):
        at = base + timedelta(hours=index // 6)  # six articles at each time, so pages split ties
        article = factories.article(slug=f"piece-{index:03}", status=Article.Status.PUBLISHED, publish_at=at)
        if index % 5 != 4:
            article.people.add(actress)
        if index % 7 == 0:
            factories.quote(article, actress, status="confirmed")
        if index % 5 == 4:
            factories.quote(article, actress, status="suggested")
    url = f"{ARTICLES}?person=kylie-jefferson&page_size=4"

    read_by_link = walk_both_ways(client, url)
    monkeypatch.setattr(ArticleList, "as_far_as_the_page", lambda view, articles, links: articles.linked_to(links))
    read_whole = walk_both_ways(client, url)

    assert read_by_link == read_whole
    linked = Article.objects.published().about_or_quoting(actress).newest_first().values_list("slug", flat=True)
    assert read_by_link[0] == list(linked) and len(linked) == 33
