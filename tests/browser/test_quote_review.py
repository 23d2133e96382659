"""The quote review table in a real browser: keys, the "Confirm all" box, the speaker autocomplete,
the buttons without JavaScript, and axe at a 1,280 px window."""

import pytest

from articles.models import Quote
from tests import factories
from tests.browser.test_accessibility import AXE, axe_violations, describe
from tests.browser.widgets import open_autocomplete

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.django_db(transaction=True)

BODY = (
    "Imogen Vale has spent two years playing the youngest understudy in the company.\n\n"
    "“I learned every part in the building, because you never know who will twist an ankle,” Imogen Vale "
    "said. Then she laughed.\n\n"
    "Her co-star was just as candid. “We rehearsed the storm scene until the sprinklers gave up,” Reyes said.\n\n"
    "“Nobody warned us about the rain machine,” said the stage manager, who asked not to be named."
)
FIRST = "I learned every part in the building, because you never know who will twist an ankle,"
SECOND = "We rehearsed the storm scene until the sprinklers gave up,"
THIRD = "Nobody warned us about the rain machine,"


@pytest.fixture
def interview(live_server):
    """A draft with two sure suggestions and one the analyser could give nobody, and the address
    of its review table."""
    people = {
        name: factories.person(name, slug=name.lower().replace(" ", "-"))
        for name in ["Imogen Vale", "Tobias Reyes", "Marcus Bell", "Dana Quist"]
    }
    article = factories.article(body=BODY, headline="Imogen Vale on two years as the understudy")
    article.people.add(people["Imogen Vale"], people["Tobias Reyes"])
    quotes = [
        factories.quote(article, people["Imogen Vale"], words=FIRST, speaker_name="Imogen Vale", confidence=0.95),
        factories.quote(
            article, people["Tobias Reyes"], words=SECOND, speaker_name="Reyes", confidence=0.92, position=1
        ),
        Quote.objects.create(
            article=article,
            words=THIRD,
            speaker_name="the stage manager",
            confidence=0.91,
            position=2,
            candidates=["Marcus Bell", "Dana Quist"],
        ),
    ]
    url = f"{live_server.url}/admin/articles/article/{article.pk}/quotes/"
    return {"article": article, "quotes": quotes, "people": people, "url": url}


def status_of(quote: Quote) -> str:
    quote.refresh_from_db()
    return quote.status


def test_j_j_c_confirms_the_second_quote_and_keeps_it_in_focus(page, interview, editor_account, log_in):
    first, second, third = interview["quotes"]
    page.set_default_timeout(15_000)
    log_in(page, *editor_account)
    page.goto(interview["url"])
    expect(page.locator("#quote-review-keys")).to_be_visible()  # the script runs and offers its keys

    row = page.locator(f"#quote-{second.pk}")
    background = "row => getComputedStyle(row.querySelector('td')).backgroundColor"
    unfocused = row.evaluate(background)

    page.keyboard.press("j")
    expect(page.locator(f"#quote-{first.pk}")).to_be_focused()
    page.keyboard.press("j")
    expect(row).to_be_focused()
    assert row.evaluate(background) != unfocused  # the row in focus looks it
    page.keyboard.press("c")

    page.wait_for_url(f"**/quotes/#quote-{second.pk}")
    expect(page.locator(".messagelist")).to_contain_text(f"Confirmed “{SECOND}”, said by Tobias Reyes.")
    expect(page.locator(f"#quote-{second.pk}")).to_be_focused()
    expect(page.locator(f"#quote-{second.pk} .qr-status")).to_have_text("Confirmed")
    assert [status_of(q) for q in (first, second, third)] == ["suggested", "confirmed", "suggested"]


def test_r_rejects_after_moving_back_up_with_the_arrow_keys(page, interview, editor_account, log_in):
    first, second, _ = interview["quotes"]
    page.set_default_timeout(15_000)
    log_in(page, *editor_account)
    page.goto(interview["url"])

    page.keyboard.press("j")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    expect(page.locator(f"#quote-{first.pk}")).to_be_focused()
    page.keyboard.press("r")

    page.wait_for_url(f"**/quotes/#quote-{first.pk}")
    expect(page.locator(f"#quote-{first.pk} .qr-status")).to_have_text("Rejected")
    assert (status_of(first), status_of(second)) == ("rejected", "suggested")


def test_confirm_all_at_a_chosen_confidence_reports_the_count(page, interview, editor_account, log_in):
    first, second, third = interview["quotes"]
    page.set_default_timeout(15_000)
    log_in(page, *editor_account)
    page.goto(interview["url"])

    page.get_by_label("Confirm every suggestion with a confidence of at least").fill("0.9")
    page.get_by_role("button", name="Confirm all ≥ this confidence").click()

    expect(page.locator(".messagelist")).to_have_text("Confirmed 2 quotes; 1 skipped: no speaker chosen.")
    expect(page.locator("td.qr-status")).to_have_text(["Confirmed", "Confirmed", "Suggested"])
    assert [status_of(q) for q in (first, second, third)] == ["confirmed", "confirmed", "suggested"]


def test_any_person_can_be_chosen_with_the_autocomplete_and_the_difference_is_flagged(
    page, interview, editor_account, log_in
):
    second = interview["quotes"][1]
    outsider = factories.person("Ottilie Brandt", slug="ottilie-brandt")  # not in the article at all
    page.set_default_timeout(15_000)
    log_in(page, *editor_account)
    page.goto(interview["url"])
    assert page.locator(f"#speaker-{second.pk} option", has_text="Ottilie Brandt").count() == 0

    open_autocomplete(page, f"speaker-{second.pk}").fill("Brandt")
    page.locator(".select2-results__option", has_text="Ottilie Brandt").click()
    page.get_by_role("button", name=f"Save speaker of “{SECOND}”").click()

    page.wait_for_url(f"**/quotes/#quote-{second.pk}")
    flag = page.locator(f"#quote-{second.pk} .qr-flag")
    expect(flag).to_have_text("⚠ Not the name in print. Check the choice, or make “Reyes” an alias of Ottilie Brandt.")
    second.refresh_from_db()
    assert (second.speaker, second.speaker_name, second.status) == (outsider, "Reyes", "suggested")


def test_the_buttons_work_without_javascript(page_without_js, interview, editor_account, log_in):
    first, _, third = interview["quotes"]
    page = page_without_js
    page.set_default_timeout(15_000)
    log_in(page, *editor_account)
    page.goto(interview["url"])
    expect(page.locator("#quote-review-keys")).to_be_hidden()

    page.locator(f"#speaker-{third.pk}").select_option(label="Dana Quist")
    page.get_by_role("button", name=f"Confirm “{THIRD}”").click()
    expect(page.locator(f"#quote-{third.pk} .qr-status")).to_have_text("Confirmed")
    page.get_by_role("button", name=f"Reject “{FIRST[:59]}…”").click()
    expect(page.locator(f"#quote-{first.pk} .qr-status")).to_have_text("Rejected")

    third.refresh_from_db()
    assert (third.status, third.speaker.name) == ("confirmed", "Dana Quist")
    assert status_of(first) == "rejected"


@pytest.mark.skipif(not AXE.exists(), reason=f"axe-core not installed ({AXE}); run `npm ci` at the repository root")
def test_the_table_fits_1280_pixels_and_has_no_serious_axe_violations(browser, interview, editor_account, log_in):
    # The site's Content-Security-Policy forbids the inline script axe is injected as; only this
    # test's context bypasses it.
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.set_default_timeout(15_000)
        log_in(page, *editor_account)
        page.goto(interview["url"])
        # static/js/admin-a11y.js names the select2 widgets once they are drawn; wait for that.
        page.wait_for_function("document.querySelectorAll('.select2-selection[role=combobox][aria-label]').length")
        page.wait_for_function("!document.querySelector('.select2-selection[role=combobox]:not([aria-label])')")

        width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert width[0] <= width[1], f"the page scrolls sideways: {width[0]} px of content in {width[1]} px"

        page.keyboard.press("j")  # and with a row in focus
        problems = describe("quote review", axe_violations(page))
        assert not problems, "axe found serious or critical violations:\n" + problems
    finally:
        context.close()
