"""Links reversed once and remembered, per URL configuration and script prefix."""

import pytest
from django.template import engines
from django.urls import NoReverseMatch, reverse, set_script_prefix

from cms import links


@pytest.fixture(autouse=True)
def fresh_links():
    links._reversed.cache_clear()
    yield
    set_script_prefix("/")
    links._reversed.cache_clear()


def test_a_link_is_what_reverse_gives():
    assert links.link("articles:article_detail", "a-slug") == reverse("articles:article_detail", args=["a-slug"])
    assert links.link("articles:home") == reverse("articles:home")


def test_a_link_is_reversed_once_and_then_remembered():
    for _ in range(3):
        links.link("people:person_detail", "kylie-jefferson")

    assert links._reversed.cache_info().misses == 1
    assert links._reversed.cache_info().hits == 2


def test_a_site_served_under_a_prefix_gets_its_own_links():
    plain = links.link("articles:home")
    set_script_prefix("/news/")

    assert links.link("articles:home") == "/news/" + plain.lstrip("/")


def test_an_unknown_link_raises_as_reverse_does():
    with pytest.raises(NoReverseMatch):
        links.link("articles:article_detail", "not a slug")


def test_public_templates_link_with_it():
    template = engines["jinja2"].from_string("{{ link('articles:tag_detail', slug) }}")

    assert template.render({"slug": "a-b"}) == reverse("articles:tag_detail", args=["a-b"])
    assert links._reversed.cache_info().misses == 1
