"""/api/v1/people/, /works/ and /tags/: only what published content shows, with credits,
seasons, episodes and characters."""

from datetime import timedelta

import pytest
import time_machine

from articles.models import Article
from people.models import Credit, PersonLink
from tests import factories
from tests.api.world import get_json, slugs

pytestmark = pytest.mark.django_db


def test_people_are_those_with_a_page_alphabetical_by_slug(client, newsroom):
    assert slugs(get_json(client, "/api/v1/people/")) == ["kylie-jefferson", "theo-lindqvist"]


def test_a_byline_only_drafts_carry_gives_no_person_until_one_is_published(client, newsroom):
    get_json(client, "/api/v1/people/draft-only-byline/", status=404)
    with time_machine.travel(newsroom.scheduled.publish_at + timedelta(minutes=1)):
        assert "draft-only-byline" in slugs(get_json(client, "/api/v1/people/"))
        get_json(client, "/api/v1/people/draft-only-byline/")


def test_a_person_carries_credits_spellings_links_and_where_to_find_their_articles(client, newsroom):
    PersonLink.objects.create(person=newsroom.actor, kind=PersonLink.Kind.INSTAGRAM, value="@kyliejefferson")
    person = get_json(client, "/api/v1/people/kylie-jefferson/")
    assert person["url"] == "http://testserver/people/kylie-jefferson/"
    assert person["bio"] == "A dancer and actor."
    assert person["aliases"] == ["Kylie Jeffersen"]
    assert person["links"] == [{"kind": "instagram", "value": "@kyliejefferson"}]
    [credit] = person["credits"]
    assert credit["work"]["slug"] == "tiny-pretty-things" and credit["role"] == "cast" and credit["billing"] == 1
    assert credit["character"] == {
        "name": "Neveah Stroyer",
        "slug": "neveah",
        "url": "http://testserver/works/tiny-pretty-things/characters/neveah/",
    }
    assert slugs(get_json(client, person["articles"])) == ["finale-recap"]
    assert [quote["id"] for quote in get_json(client, person["quotes"])["results"]] == [newsroom.public_quote.pk]
    critic = get_json(client, "/api/v1/people/theo-lindqvist/")
    assert slugs(get_json(client, critic["bylines"])) == ["finale-recap", "jefferson-interview"]


def test_a_headshot_is_an_absolute_url(client, newsroom):
    newsroom.actor.headshot = factories.image(alt_text="Kylie Jefferson smiling")
    newsroom.actor.save()
    headshot = get_json(client, "/api/v1/people/kylie-jefferson/")["headshot"]
    assert headshot["url"] == f"http://testserver{newsroom.actor.headshot.file.url}"
    assert headshot["alt_text"] == "Kylie Jefferson smiling"


def test_works_are_those_with_a_page_alphabetical_by_slug(client, newsroom):
    assert slugs(get_json(client, "/api/v1/works/")) == ["tiny-pretty-things", "tiny-pretty-things-novel"]
    get_json(client, "/api/v1/works/draft-only-show/", status=404)
    get_json(client, "/api/v1/works/no-such-work/", status=404)


def test_a_work_carries_seasons_episodes_characters_credits_and_adaptations(client, newsroom):
    newsroom.series.seasons.get(number=1).episodes.filter(number=3).update(title="Swan")
    creator = factories.person("Michael MacLennan", slug="michael-maclennan")
    factories.credit(creator, newsroom.series, role=Credit.Role.CREATOR, billing=50)
    work = get_json(client, "/api/v1/works/tiny-pretty-things/")
    assert work["based_on"]["slug"] == "tiny-pretty-things-novel"
    [season] = work["seasons"]
    assert season["number"] == 1 and season["title"] == "Season one"
    assert [episode["number"] for episode in season["episodes"]] == list(range(1, 11))
    assert season["episodes"][2]["title"] == "Swan"
    assert [character["slug"] for character in work["characters"]] == ["neveah"]
    assert [(credit["person"]["slug"], credit["role"]) for credit in work["credits"]] == [
        ("kylie-jefferson", "cast"),
        ("michael-maclennan", "creator"),
    ]
    assert slugs(get_json(client, work["articles"])) == ["finale-recap", "season-one-review"]
    novel = get_json(client, "/api/v1/works/tiny-pretty-things-novel/")
    assert [adaptation["slug"] for adaptation in novel["adaptations"]] == ["tiny-pretty-things"]


def test_the_work_list_is_a_summary_and_the_detail_is_whole(client, newsroom):
    listed = get_json(client, "/api/v1/works/")["results"][0]
    assert "seasons" not in listed and "credits" not in listed
    assert listed["api_url"] == "http://testserver/api/v1/works/tiny-pretty-things/"


def test_tags_are_the_topic_tags_of_published_articles(client, newsroom):
    tags = get_json(client, "/api/v1/tags/")["results"]
    assert [tag["slug"] for tag in tags] == ["ballet", "interviews"]
    assert tags[0]["url"] == "http://testserver/tags/ballet/"
    assert slugs(get_json(client, tags[0]["articles"])) == ["finale-recap"]


def test_a_tag_in_any_script_has_a_working_articles_link(client, newsroom):
    newsroom.interview.tags.add("日本のドラマ")
    [tag] = [tag for tag in get_json(client, "/api/v1/tags/")["results"] if tag["name"] == "日本のドラマ"]
    assert slugs(get_json(client, tag["articles"])) == ["jefferson-interview"]


def test_people_works_and_tags_page_with_a_cursor(client):
    for index in range(25):
        article = factories.published_article(kind=Article.Kind.NEWS)
        article.tags.add(f"topic-{index:02}")
        factories.credit(factories.person(slug=f"someone-{index:02}"), factories.work(slug=f"show-{index:02}"))
    for address, prefix in (("people", "someone-"), ("works", "show-"), ("tags", "topic-")):
        first = get_json(client, f"/api/v1/{address}/")
        second = get_json(client, first["next"])
        seen = slugs(first) + slugs(second)
        assert seen == sorted(seen) and len(seen) == len(set(seen)) == 25, address
        assert all(slug.startswith(prefix) for slug in seen) and second["next"] is None


@pytest.mark.parametrize("address", ["people", "works"])
def test_an_unknown_slug_is_not_found(client, newsroom, address):
    assert "detail" in get_json(client, f"/api/v1/{address}/nobody-here/", status=404)
