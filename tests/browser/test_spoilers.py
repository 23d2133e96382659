"""Spoiler reveals in a real browser: keyboard, screen-reader state, and JavaScript off."""

import pytest

from tests.browser.content import INLINE_SECRET, SECRET

pytestmark = pytest.mark.django_db(transaction=True)


def test_spoiler_section_reveals_and_hides_with_the_keyboard(page, spoiled_article):
    page.goto(spoiled_article)
    button = page.get_by_role("button", name="Reveal spoiler for S1E10")
    assert button.get_attribute("aria-expanded") == "false"
    assert not page.get_by_text(SECRET).is_visible()

    button.focus()
    page.keyboard.press("Enter")

    hide = page.get_by_role("button", name="Hide spoiler for S1E10")
    assert hide.get_attribute("aria-expanded") == "true"
    assert page.get_by_text(SECRET).is_visible()

    page.keyboard.press("Space")
    assert page.get_by_role("button", name="Reveal spoiler for S1E10").get_attribute("aria-expanded") == "false"
    assert not page.get_by_text(SECRET).is_visible()


def test_hidden_spoiler_is_out_of_the_accessibility_tree(page, spoiled_article):
    page.goto(spoiled_article)
    tree = page.locator("main").aria_snapshot()
    assert SECRET not in tree
    assert INLINE_SECRET not in tree
    page.get_by_role("button", name="Reveal spoiler for S1E1", exact=True).click()
    assert INLINE_SECRET in page.locator("main").aria_snapshot()


def test_spoilers_reveal_without_javascript(page_without_js, spoiled_article):
    page = page_without_js
    page.goto(spoiled_article)
    assert not page.get_by_text(SECRET).is_visible()
    page.get_by_text("Reveal spoiler for S1E10", exact=True).click()
    assert page.get_by_text(SECRET).is_visible()
    assert not page.get_by_text(INLINE_SECRET).is_visible()
    page.get_by_text("Reveal spoiler for S1E1", exact=True).click()
    assert page.get_by_text(INLINE_SECRET).is_visible()


def test_watched_through_shows_covered_spoilers_openly_then_clears(page_without_js, spoiled_article):
    page = page_without_js
    page.goto(spoiled_article)
    page.get_by_label("I've watched Tiny Pretty Things through").select_option("s1e5")
    page.get_by_role("button", name="Save").click()

    assert page.url == spoiled_article
    assert page.get_by_text(INLINE_SECRET).is_visible()  # S1E1 is covered
    assert not page.get_by_text(SECRET).is_visible()  # S1E10 is not

    page.get_by_role("button", name="Forget my progress").click()
    assert not page.get_by_text(INLINE_SECRET).is_visible()
