"""The body's writing toolbar in a real browser: an editor selects words, marks them as a spoiler
for an episode that exists, inserts a library image and a link, works it all from the keyboard,
saves, and a reader finds the spoiler hidden."""

import re
from pathlib import Path

import pytest

from articles.models import Article
from tests import factories
from tests.browser.test_accessibility import axe_violations, describe
from tests.browser.widgets import open_autocomplete

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = {"serious", "critical"}

BODY = "The storm season opens quietly.\n\nInes keeps the lamp lit for her sister\n\nNobody asks why."
SECRET = "for her sister"


@pytest.fixture
def lighthouse(live_server):
    """A series with episodes 1 to 3 of season 1 recorded (and none after), and a published
    article about it that the editor opens."""
    series = factories.work("The Lighthouse Keepers", slug="lighthouse-keepers")
    factories.season(series, number=1, episodes=3)
    article = factories.published_article(headline="The storm season", slug="the-storm-season", body=BODY)
    factories.byline(article, factories.person("Marisol Quartey", slug="marisol-quartey"))
    article.works.add(series)
    return {"series": series, "article": article}


@pytest.fixture
def editing(page, lighthouse, editor_account, log_in, live_server):
    """The editor's browser on the article's change form, the toolbar drawn."""
    page.set_default_timeout(15_000)
    log_in(page, *editor_account)
    page.goto(f"{live_server.url}/admin/articles/article/{lighthouse['article'].pk}/change/")
    expect(page.get_by_role("toolbar", name="Body writing tools")).to_be_visible()
    return page


def tool(page, name: str):
    """A button of the toolbar, by its label."""
    return page.get_by_role("toolbar", name="Body writing tools").get_by_role("button", name=name, exact=True)


def body(page):
    return page.locator("#id_body")


def select_end_of_line(page, line: str, characters: int) -> None:
    """Select the last ``characters`` characters of the body line that reads ``line``, with the
    keyboard, as a writer would: click into the body, go to that line's end, Shift+Left."""
    body(page).click()
    page.keyboard.press("Control+Home")
    value = body(page).input_value()
    for _ in range(value.split("\n").index(line)):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("End")
    for _ in range(characters):
        page.keyboard.press("Shift+ArrowLeft")


def selection(page) -> str:
    return body(page).evaluate("(area) => area.value.slice(area.selectionStart, area.selectionEnd)")


def focused_id(page) -> str:
    return page.evaluate("document.activeElement.id")


def scope_values(page) -> list[str]:
    return (
        page.get_by_label("Scope")
        .locator("option:not([disabled])")
        .evaluate_all("(options) => options.map((option) => option.value)")
    )


def test_a_spoiler_span_around_selected_words_is_hidden_on_the_saved_page(editing, lighthouse, browser, live_server):
    page = editing
    select_end_of_line(page, "Ines keeps the lamp lit for her sister", len(SECRET))
    assert selection(page) == SECRET

    tool(page, "Spoiler span").click()
    picker = page.get_by_role("dialog", name="Spoiler span: how far into the work does it reach?")
    expect(picker).to_be_visible()
    expect(page.get_by_label("Scope")).to_be_focused()
    page.get_by_label("Scope").select_option(label="S1E2")
    expect(picker.locator("[data-scope-preview]")).to_have_text("||lighthouse-keepers:S1E2: …||")
    picker.get_by_role("button", name="Insert spoiler").click()

    expected = BODY.replace(SECRET, f"||lighthouse-keepers:S1E2: {SECRET}||")
    assert body(page).input_value() == expected
    expect(picker).to_be_hidden()
    # The words stay selected, in the body, for the writer to go on.
    assert focused_id(page) == "id_body"
    assert selection(page) == SECRET

    # The textarea's own undo takes the spoiler off again, and redo puts it back.
    page.keyboard.press("Control+z")
    assert body(page).input_value() == BODY
    page.keyboard.press("Control+Shift+z")
    assert body(page).input_value() == expected

    # Pressed from the keyboard: the live preview below the body is redrawn as the text changes,
    # and a click aimed while the page shifts can land beside the button.
    with page.expect_navigation():
        page.get_by_role("button", name="Publish changes").press("Enter")
    article = Article.objects.get(pk=lighthouse["article"].pk)
    assert article.body.replace("\r\n", "\n") == expected  # a form posts its line breaks as CRLF

    reader = browser.new_context()
    reader_page = reader.new_page()
    reader_page.goto(live_server.url + article.get_absolute_url())
    assert reader_page.get_by_text("Ines keeps the lamp lit").is_visible()
    assert not reader_page.get_by_text(SECRET).is_visible()
    reveal = reader_page.get_by_role("button", name="Reveal spoiler for S1E2")
    reveal.click()
    assert reader_page.get_by_text(SECRET).is_visible()
    reader.close()


def test_the_scope_picker_offers_only_the_seasons_and_episodes_that_exist(editing, lighthouse):
    page = editing
    tool(page, "Spoiler block").click()
    expect(page.get_by_label("Scope")).to_be_focused()

    assert scope_values(page) == [
        "lighthouse-keepers",
        "lighthouse-keepers:S1",
        "lighthouse-keepers:S1E1",
        "lighthouse-keepers:S1E2",
        "lighthouse-keepers:S1E3",
    ]
    # Season 1 has three episodes recorded: no fourth, and no season 2.
    assert page.get_by_label("Scope").locator('option[value="lighthouse-keepers:S1E4"]').count() == 0
    assert page.get_by_label("Scope").locator("option", has_text="S1E4").count() == 0

    # An inline spoiler cannot name a whole work, so the span's picker leaves it out.
    page.keyboard.press("Escape")
    tool(page, "Spoiler span").click()
    expect(page.get_by_label("Scope")).to_be_focused()
    assert scope_values(page)[0] == "lighthouse-keepers:S1"
    assert "lighthouse-keepers" not in scope_values(page)


def test_the_scope_picker_follows_the_works_chosen_in_the_form_before_saving(editing, lighthouse):
    page = editing
    spin_off = factories.work("Harbour Lights", slug="harbour-lights")
    factories.season(spin_off, number=1, episodes=2)

    # The editor adds the spin-off under Coverage (the works autocomplete) and does not save.
    open_autocomplete(page, "id_works").fill("Harbour")
    page.locator(".select2-results__option", has_text="Harbour Lights").click()
    page.keyboard.press("Escape")

    tool(page, "Spoiler block").press("Enter")  # the keyboard: the live preview may be redrawing
    expect(page.get_by_label("Scope")).to_be_focused()
    assert "harbour-lights:S1E2" in scope_values(page)
    assert page.get_by_label("Scope").locator("optgroup").evaluate_all("(groups) => groups.map((g) => g.label)") == [
        "The Lighthouse Keepers",
        "Harbour Lights",
    ]


def test_a_spoiler_block_wraps_the_selection_on_lines_of_its_own(editing):
    page = editing
    select_end_of_line(page, "Ines keeps the lamp lit for her sister", len(SECRET))

    tool(page, "Spoiler block").click()
    page.get_by_label("Scope").select_option("lighthouse-keepers:S1E3")
    page.get_by_label("Scope").press("Enter")

    assert body(page).input_value() == BODY.replace(
        f" {SECRET}", f"\n\n::: spoiler lighthouse-keepers:S1E3\n{SECRET}\n:::"
    )
    assert selection(page) == SECRET


def test_a_spoiler_span_across_paragraphs_is_refused_with_the_reason(editing):
    page = editing
    select_end_of_line(page, "Nobody asks why.", len("for her sister\n\nNobody asks why."))

    tool(page, "Spoiler span").click()

    expect(page.locator(".body-toolbar-status")).to_have_text(
        "An inline spoiler stays within one paragraph; use Spoiler block for several paragraphs."
    )
    expect(page.locator("#body-toolbar-scopes")).to_be_hidden()
    assert body(page).input_value() == BODY


def test_an_article_without_works_is_told_where_scopes_come_from(editing, lighthouse):
    page = editing
    page.locator(
        "#id_works + .select2 .select2-selection__clear, #id_works + .select2 .select2-selection__choice__remove"
    ).first.click()
    page.keyboard.press("Escape")
    assert page.locator("#id_works option:checked").count() == 0

    tool(page, "Spoiler span").press("Enter")

    dialog = page.get_by_role("dialog", name=re.compile("Spoiler span"))
    expect(dialog).to_contain_text("This article covers no work yet")
    expect(dialog.get_by_role("button", name="Insert spoiler")).to_be_disabled()
    assert body(page).input_value() == BODY


def test_an_image_from_the_library_is_inserted_with_its_alt_text(editing):
    page = editing
    lamp = factories.image(title="Lamp room", alt_text="Ines at the dark lamp", credit="Sophie Giraud/Netflix")
    factories.image(alt_text="A ferry in fog")
    select_end_of_line(page, "The storm season opens quietly.", 0)

    tool(page, "Image").click()
    search = page.get_by_label("Search the image library")
    expect(search).to_be_focused()
    search.fill("lamp")
    results = page.get_by_role("list", name="Images found").get_by_role("button")
    expect(results).to_have_count(1)
    expect(results.first).to_contain_text(f"#{lamp.pk}")
    expect(results.first.locator("img")).to_have_attribute("src", lamp.file.url)

    # Down arrow from the search box reaches the results; Enter inserts.
    search.press("ArrowDown")
    expect(results.first).to_be_focused()
    page.keyboard.press("Enter")

    assert body(page).input_value() == BODY.replace(
        "quietly.\n\n", f"quietly.\n\n![Ines at the dark lamp](image:{lamp.pk})\n\n", 1
    )
    assert focused_id(page) == "id_body"
    expect(page.locator("#body-toolbar-images")).to_be_hidden()


def test_a_link_refuses_javascript_and_says_why_then_wraps_the_selection(editing):
    page = editing
    select_end_of_line(page, "Nobody asks why.", len("asks why."))

    tool(page, "Link").click()
    address = page.get_by_label("Address (URL)")
    expect(address).to_be_focused()
    address.fill("  JavaScript:alert(document.cookie)")
    address.press("Enter")

    expect(page.locator("[data-link-error]")).to_contain_text("javascript: addresses are not allowed")
    expect(address).to_have_attribute("aria-invalid", "true")
    assert body(page).input_value() == BODY
    assert page.url.endswith("/change/")  # Enter did not submit the article form

    address.fill("https://example.com/storm season")
    page.get_by_role("button", name="Insert link").click()

    assert body(page).input_value() == BODY.replace("asks why.", "[asks why.](https://example.com/storm%20season)")
    assert selection(page) == "asks why."


def test_q_and_a_and_quote_buttons_write_their_markup_with_a_placeholder(editing):
    page = editing
    select_end_of_line(page, "Nobody asks why.", len("Nobody asks why."))
    tool(page, "Q&A turn").click()
    assert body(page).input_value().endswith("\n\n**Name:** Nobody asks why.")
    assert selection(page) == "Name"
    page.keyboard.type("Ines")

    page.keyboard.press("Control+End")
    tool(page, "Quote").click()
    assert body(page).input_value().endswith("**Ines:** Nobody asks why.\n\n> Quoted words")
    assert selection(page) == "Quoted words"


def test_the_toolbar_works_from_the_keyboard(editing):
    page = editing
    toolbar = page.get_by_role("toolbar", name="Body writing tools")
    names = toolbar.get_by_role("button").evaluate_all("(buttons) => buttons.map((b) => b.textContent.trim())")
    assert names == ["Spoiler block", "Spoiler span", "Q&A turn", "Quote", "Image", "Link", "Syntax help"]

    # One tab stop: Shift+Tab from the body reaches the toolbar's first button.
    body(page).focus()
    page.keyboard.press("Shift+Tab")
    expect(toolbar.get_by_role("button", name="Spoiler block")).to_be_focused()
    page.keyboard.press("ArrowRight")
    expect(toolbar.get_by_role("button", name="Spoiler span")).to_be_focused()
    page.keyboard.press("End")
    expect(toolbar.get_by_role("button", name="Syntax help")).to_be_focused()
    page.keyboard.press("ArrowRight")
    expect(toolbar.get_by_role("button", name="Spoiler block")).to_be_focused()
    page.keyboard.press("ArrowLeft")
    expect(toolbar.get_by_role("button", name="Syntax help")).to_be_focused()
    page.keyboard.press("Home")
    page.keyboard.press("ArrowRight")
    span = toolbar.get_by_role("button", name="Spoiler span")
    expect(span).to_be_focused()

    # Enter opens the picker; arrows choose; Escape closes it and returns to the button.
    page.keyboard.press("Enter")
    scope = page.get_by_label("Scope")
    expect(scope).to_be_focused()
    expect(span).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("ArrowDown")
    assert scope.input_value() == "lighthouse-keepers:S1E1"
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog", name=re.compile("Spoiler span"))).to_be_hidden()
    expect(span).to_be_focused()
    expect(span).to_have_attribute("aria-expanded", "false")
    assert body(page).input_value() == BODY

    # The toolbar remembers the button last used; Tab leaves it for the body.
    page.keyboard.press("Tab")
    assert focused_id(page) == "id_body"
    page.keyboard.press("Shift+Tab")
    expect(span).to_be_focused()

    # The image search: Escape closes it too.
    page.keyboard.press("End")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("Enter")
    expect(page.get_by_label("Search the image library")).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator("#body-toolbar-images")).to_be_hidden()
    expect(toolbar.get_by_role("button", name="Image")).to_be_focused()


def test_syntax_help_opens_the_cheat_sheet_in_one_click(editing):
    page = editing
    help_button = tool(page, "Syntax help")
    sheet = page.get_by_role("region", name="Body syntax cheat-sheet")
    expect(sheet).to_be_hidden()

    help_button.click()

    expect(sheet).to_be_visible()
    expect(help_button).to_have_attribute("aria-expanded", "true")
    expect(sheet.get_by_role("table")).to_contain_text("::: spoiler S1E5")
    expect(sheet).to_contain_text("||S1E5: the twist||")
    expect(sheet).to_contain_text('![Alt text](image:42 "Caption")')
    help_button.click()
    expect(sheet).to_be_hidden()


BOXES = """() => ['.body-toolbar-editor', '.body-toolbar', '#body-toolbar-help', '#body-toolbar-scopes', '#id_body',
    '.body-toolbar-button'].flatMap((selector) => Array.from(document.querySelectorAll(selector)).map((element) => {
        const box = element.getBoundingClientRect();
        return {selector, hidden: element.hidden, left: box.left, right: box.right,
                scroll: element.scrollWidth, client: element.clientWidth};
    }))"""


def sideways(page, width: int) -> list[str]:
    """What sticks out of the page, or scrolls sideways inside itself, at this width."""
    problems = []
    for box in page.evaluate(BOXES):
        if box["hidden"]:
            continue
        if box["left"] < 0 or box["right"] > width:
            problems.append(f"{box['selector']} sticks out: {box}")
        if box["scroll"] > box["client"] and box["selector"] != ".body-toolbar-button":
            problems.append(f"{box['selector']} scrolls sideways: {box}")
    return problems


@pytest.mark.parametrize("width", [1280, 768])
def test_the_toolbar_fits_a_desktop_and_a_tablet_without_overflowing(
    browser, lighthouse, editor_account, log_in, live_server, width
):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    log_in(page, *editor_account)
    page.goto(f"{live_server.url}/admin/articles/article/{lighthouse['article'].pk}/change/")

    tool(page, "Syntax help").click()
    expect(page.get_by_role("region", name="Body syntax cheat-sheet")).to_be_visible()
    with_help = sideways(page, width)
    tool(page, "Spoiler block").click()
    expect(page.get_by_label("Scope")).to_be_focused()
    with_picker = sideways(page, width)
    context.close()

    assert not with_help + with_picker, f"at {width}px:\n" + "\n".join(with_help + with_picker)


@pytest.mark.skipif(not AXE.exists(), reason=f"axe-core not installed ({AXE}); run `npm ci` at the repository root")
def test_the_change_form_with_the_toolbar_open_has_no_serious_axe_violations(
    browser, lighthouse, editor_account, log_in, live_server
):
    # axe is injected as an inline script, which the admin's policy forbids: this context only bypasses it.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    factories.image(alt_text="Ines at the dark lamp")
    log_in(page, *editor_account)
    page.goto(f"{live_server.url}/admin/articles/article/{lighthouse['article'].pk}/change/")
    page.wait_for_function("!document.querySelector('.select2-selection[role=combobox]:not([aria-label])')")

    report = []
    tool(page, "Syntax help").click()
    tool(page, "Spoiler span").click()
    expect(page.get_by_label("Scope")).to_be_focused()
    tool(page, "Syntax help").click()
    expect(page.get_by_role("region", name="Body syntax cheat-sheet")).to_be_visible()
    report.append(describe("change form, cheat-sheet open", axe_violations(page)))

    tool(page, "Spoiler span").click()
    expect(page.get_by_label("Scope")).to_be_focused()
    report.append(describe("change form, scope picker open", axe_violations(page)))

    tool(page, "Image").click()
    expect(page.get_by_role("list", name="Images found").get_by_role("button")).to_have_count(1)
    report.append(describe("change form, image search open", axe_violations(page)))

    tool(page, "Link").click()
    page.get_by_label("Address (URL)").fill("javascript:alert(1)")
    page.get_by_label("Address (URL)").press("Enter")
    expect(page.locator("[data-link-error]")).not_to_be_empty()
    report.append(describe("change form, link refused", axe_violations(page)))
    context.close()

    problems = "\n".join(line for line in report if line)
    assert not problems, "axe found serious or critical violations:\n" + problems
