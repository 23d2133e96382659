"""A reader's whole visit, keyboard only, with JavaScript and without it: the banner, a reveal
reached with Tab, hiding it again, "watched through", and forgetting that progress.

tests/browser/test_spoilers.py checks the pieces (aria-expanded, the accessibility tree, the
no-JavaScript controls); these tests walk the journey end to end."""

import pytest

from tests.browser.content import BANNER, INLINE_SECRET, SECRET

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.django_db(transaction=True)


def tab_to(page, target, limit: int = 40) -> None:
    """Press Tab until ``target`` has the focus, as a keyboard user would."""
    handle = target.element_handle()
    for _ in range(limit):
        page.keyboard.press("Tab")
        if handle.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{target} was not reached in {limit} presses of Tab")


def set_progress(page, through: str) -> None:
    picker = page.get_by_label("I've watched Tiny Pretty Things through")
    picker.select_option(through)
    tab_to(page, page.get_by_role("button", name="Save"))
    page.keyboard.press("Enter")


def test_reader_journey_with_javascript(page, spoiled_article):
    page.goto(spoiled_article)
    banner = page.get_by_role("note", name="Spoiler warning")
    expect(banner).to_contain_text(BANNER)
    expect(page.get_by_text(SECRET)).to_be_hidden()

    # Reveal with the keyboard: Tab to the button, Enter; then Enter again to hide.
    reveal = page.get_by_role("button", name="Reveal spoiler for S1E10")
    tab_to(page, reveal)
    page.keyboard.press("Enter")
    hide = page.get_by_role("button", name="Hide spoiler for S1E10")
    expect(hide).to_be_focused()
    expect(hide).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_text(SECRET)).to_be_visible()
    page.keyboard.press("Enter")
    expect(reveal).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_text(SECRET)).to_be_hidden()

    # "Watched through" the whole season: both spoilers show openly, with no control left.
    set_progress(page, "s1e10")
    page.wait_for_url(spoiled_article)
    expect(page.get_by_text(SECRET)).to_be_visible()
    expect(page.get_by_text(INLINE_SECRET)).to_be_visible()
    expect(page.get_by_role("button", name="Reveal spoiler for S1E10")).to_have_count(0)
    expect(page.get_by_text("up to S1 are shown openly")).to_be_visible()

    # Forget it: everything is hidden again behind its button.
    tab_to(page, page.get_by_role("button", name="Forget my progress"))
    page.keyboard.press("Enter")
    page.wait_for_url(spoiled_article)
    expect(page.get_by_role("button", name="Reveal spoiler for S1E10")).to_be_visible()
    expect(page.get_by_text(SECRET)).to_be_hidden()
    expect(page.get_by_text(INLINE_SECRET)).to_be_hidden()
    expect(page.get_by_role("button", name="Forget my progress")).to_have_count(0)


def test_reader_journey_without_javascript(page_without_js, spoiled_article):
    page = page_without_js
    page.goto(spoiled_article)
    expect(page.get_by_role("note", name="Spoiler warning")).to_contain_text(BANNER)
    expect(page.get_by_text(SECRET)).to_be_hidden()

    # The inline spoiler (first in the text) is a checkbox: Tab to it, Space shows it and hides it.
    checkbox = page.get_by_role("checkbox", name="Reveal spoiler for S1E1")
    tab_to(page, checkbox)
    page.keyboard.press("Space")
    expect(checkbox).to_be_checked()
    expect(page.get_by_text(INLINE_SECRET)).to_be_visible()
    page.keyboard.press("Space")
    expect(page.get_by_text(INLINE_SECRET)).to_be_hidden()

    # The section is a <details>: Tab to its summary, Enter opens it, Enter closes it.
    summary = page.locator("details.spoiler > summary")
    tab_to(page, summary)
    page.keyboard.press("Enter")
    expect(page.locator("details.spoiler")).to_have_attribute("open", "")
    expect(page.get_by_text(SECRET)).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.get_by_text(SECRET)).to_be_hidden()

    # Watched through the finale: both open; then forget it and both are hidden again.
    set_progress(page, "s1e10")
    page.wait_for_url(spoiled_article)
    expect(page.get_by_text(SECRET)).to_be_visible()
    expect(page.get_by_text(INLINE_SECRET)).to_be_visible()
    tab_to(page, page.get_by_role("button", name="Forget my progress"))
    page.keyboard.press("Enter")
    page.wait_for_url(spoiled_article)
    expect(page.get_by_text(SECRET)).to_be_hidden()
    expect(page.get_by_text(INLINE_SECRET)).to_be_hidden()
