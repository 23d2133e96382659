"""The body toolbar's lookups: the scopes a spoiler can name, and the image library search."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.admin_toolbar import IMAGE_RESULTS, MAX_WORKS
from tests import factories

pytestmark = pytest.mark.django_db

SCOPES = reverse("admin:articles_article_toolbar_scopes")
IMAGES = reverse("admin:articles_article_toolbar_images")


def staff_with(*codenames: str):
    """A staff account holding exactly these permissions ("articles.view_article", …)."""
    user = get_user_model().objects.create_user(f"staff-{len(codenames)}-{'-'.join(codenames)}", is_staff=True)
    for name in codenames:
        app_label, codename = name.split(".")
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return user


@pytest.fixture
def lighthouse():
    """Season 1 has episodes 1 to 3, season 2 is recorded with no episodes yet."""
    series = factories.work("The Lighthouse Keepers", slug="lighthouse-keepers")
    first = factories.season(series, number=1, episodes=3)
    first.episodes.filter(number=1).update(title="The Lamp")
    factories.season(series, number=2, title="The Mainland")
    return series


def test_scopes_list_the_works_seasons_and_only_the_episodes_that_exist(staff_client, lighthouse):
    response = staff_client.get(SCOPES, {"work": lighthouse.pk})

    assert response.status_code == 200
    [work] = response.json()["works"]
    assert (work["id"], work["title"], work["scope"]) == (lighthouse.pk, "The Lighthouse Keepers", "lighthouse-keepers")
    first, second = work["seasons"]
    assert (first["number"], first["scope"]) == (1, "lighthouse-keepers:S1")
    assert [e["scope"] for e in first["episodes"]] == [
        "lighthouse-keepers:S1E1",
        "lighthouse-keepers:S1E2",
        "lighthouse-keepers:S1E3",
    ]
    assert first["episodes"][0] == {
        "number": 1,
        "title": "The Lamp",
        "code": "S1E1",
        "scope": "lighthouse-keepers:S1E1",
    }
    assert (second["number"], second["title"], second["episodes"]) == (2, "The Mainland", [])


def test_scopes_answer_each_requested_work_in_the_order_asked_and_no_other(staff_client, lighthouse):
    spin_off = factories.work("Harbour Lights", slug="harbour-lights")
    factories.season(spin_off, number=1, episodes=2)
    factories.work("Unrelated Show", slug="unrelated-show")

    response = staff_client.get(SCOPES, {"work": [spin_off.pk, lighthouse.pk, spin_off.pk]})

    works = response.json()["works"]
    assert [w["slug"] for w in works] == ["harbour-lights", "lighthouse-keepers"]
    assert [e["scope"] for e in works[0]["seasons"][0]["episodes"]] == ["harbour-lights:S1E1", "harbour-lights:S1E2"]


def test_a_work_whose_address_a_scope_cannot_name_is_offered_without_scopes(staff_client):
    # "s1" reads as season 1, so no scope can name this work; the picker must not write one.
    odd = factories.work("Season One", slug="s1")
    factories.season(odd, number=1, episodes=1)

    [work] = staff_client.get(SCOPES, {"work": odd.pk}).json()["works"]

    assert work["scope"] is None
    assert work["seasons"][0]["scope"] is None
    assert work["seasons"][0]["episodes"][0]["scope"] is None


@pytest.mark.parametrize(
    "params, message",
    [
        ({}, "Name at least one work"),
        ({"work": "abc"}, "“abc” is not a work id"),
        ({"work": "0"}, "“0” is not a work id"),
        ({"work": "-3"}, "“-3” is not a work id"),
        ({"work": "٣"}, "is not a work id"),
        ({"work": [str(n) for n in range(1, MAX_WORKS + 2)]}, f"at most {MAX_WORKS} works"),
        ({"work": "999999"}, "No work has the id 999999"),
    ],
)
def test_bad_scope_parameters_are_refused_with_a_message(staff_client, params, message):
    response = staff_client.get(SCOPES, params)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert message in response.json()["error"]


def test_scopes_need_a_signed_in_staff_member(client, lighthouse):
    response = client.get(SCOPES, {"work": lighthouse.pk})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_scopes_are_refused_to_staff_who_cannot_view_articles(client, lighthouse):
    client.force_login(staff_with("people.view_work"))

    response = client.get(SCOPES, {"work": lighthouse.pk})

    assert response.status_code == 403
    assert "permission to view articles" in response.json()["error"]


def test_scopes_answer_staff_who_may_only_view_articles(client, lighthouse):
    client.force_login(staff_with("articles.view_article"))

    response = client.get(SCOPES, {"work": lighthouse.pk})

    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")


def count_queries(client, url: str, params: dict) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params)
    assert response.status_code == 200, response.content
    return len(context.captured_queries)


def test_scopes_cost_the_same_queries_for_one_episode_or_hundreds(staff_client):
    small = factories.work()
    factories.season(small, number=1, episodes=1)
    large = factories.work()
    for number in range(1, 7):
        factories.season(large, number=number, episodes=40)
    other_large = factories.work()
    factories.season(other_large, number=1, episodes=30)
    staff_client.get(SCOPES, {"work": small.pk})  # the session is read once either way

    few = count_queries(staff_client, SCOPES, {"work": small.pk})
    many = count_queries(staff_client, SCOPES, {"work": [large.pk, other_large.pk]})

    assert many == few


# --- Image search -------------------------------------------------------------------------------


def test_image_search_finds_images_by_their_words_with_alt_text_and_thumbnail(staff_client):
    lamp = factories.image(title="Lamp room", alt_text="Ines at the dark lamp", credit="Sophie Giraud/Netflix")
    factories.image(alt_text="A ferry in fog")

    response = staff_client.get(IMAGES, {"q": "lamp"})

    assert response.status_code == 200
    [found] = response.json()["images"]
    assert found["id"] == lamp.pk
    assert (found["title"], found["alt"], found["credit"]) == (
        "Lamp room",
        "Ines at the dark lamp",
        "Sophie Giraud/Netflix",
    )
    assert found["thumbnail"] == lamp.file.url
    assert response.json()["more"] is False


def test_image_search_finds_an_image_by_its_number(staff_client):
    wanted = factories.image(alt_text="A ferry in fog")
    factories.image(alt_text="Something else")

    found = staff_client.get(IMAGES, {"q": f"#{wanted.pk}"}).json()["images"]

    assert [image["id"] for image in found] == [wanted.pk]


def test_image_search_without_words_lists_the_newest_and_says_there_are_more(staff_client):
    made = [factories.image(alt_text=f"Picture {n}") for n in range(IMAGE_RESULTS + 2)]

    body = staff_client.get(IMAGES).json()

    assert [image["id"] for image in body["images"]] == [image.pk for image in reversed(made)][:IMAGE_RESULTS]
    assert body["more"] is True


def test_image_search_is_refused_to_staff_who_cannot_view_the_library(client):
    factories.image()
    client.force_login(staff_with("articles.view_article"))

    response = client.get(IMAGES, {"q": "picture"})

    assert response.status_code == 403
    assert "image library" in response.json()["error"]


def test_image_search_answers_staff_who_may_view_articles_and_images(client):
    factories.image(alt_text="A test picture")
    client.force_login(staff_with("articles.view_article", "images.view_image"))

    response = client.get(IMAGES, {"q": "picture"})

    assert response.status_code == 200
    assert len(response.json()["images"]) == 1


def test_image_search_needs_a_signed_in_staff_member(client):
    response = client.get(IMAGES, {"q": "lamp"})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_an_overlong_image_search_is_refused_with_a_message(staff_client):
    response = staff_client.get(IMAGES, {"q": "x" * 201})

    assert response.status_code == 400
    assert "at most 200 characters" in response.json()["error"]


def test_image_search_costs_the_same_queries_for_one_image_or_many(staff_client):
    factories.image(alt_text="Lamp 0")
    staff_client.get(IMAGES, {"q": "lamp"})
    few = count_queries(staff_client, IMAGES, {"q": "lamp"})
    for n in range(1, IMAGE_RESULTS + 5):
        factories.image(alt_text=f"Lamp {n}")

    many = count_queries(staff_client, IMAGES, {"q": "lamp"})

    assert many == few
