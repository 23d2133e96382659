"""Screenshots of the body's writing toolbar on the demo content, for docs/editors.md.

Runs only when CALLBOARD_SCREENSHOTS=1, so CI never rewrites the committed files:

    CALLBOARD_SCREENSHOTS=1 .venv/bin/python -m pytest tests/browser/test_toolbar_screenshots.py
"""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.models import Article

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
TABLET = {"width": 768, "height": 1024}

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        os.environ.get("CALLBOARD_SCREENSHOTS") != "1",
        reason="set CALLBOARD_SCREENSHOTS=1 to rewrite docs/screenshots/",
    ),
]

# Select the first sentence of the body's second paragraph, as a writer would before marking it.
SELECT_A_SENTENCE = """() => {
  const body = document.getElementById("id_body");
  const start = body.value.indexOf("\\n\\n") + 2;
  const lineEnd = body.value.indexOf("\\n", start) < 0 ? body.value.length : body.value.indexOf("\\n", start);
  const sentenceEnd = body.value.indexOf(". ", start);
  body.focus();
  body.setSelectionRange(start, sentenceEnd > start && sentenceEnd < lineEnd ? sentenceEnd + 1 : lineEnd);
  body.scrollTop = 0;
}"""


def open_the_form(browser, live_server, log_in, account, article, viewport):
    context = browser.new_context(viewport=viewport, reduced_motion="reduce")
    page = context.new_page()
    log_in(page, *account)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    return context, page


def test_screenshots_of_the_scope_picker_and_the_cheat_sheet(browser, live_server, editor_account, log_in):
    call_command("load_demo", verbosity=0)
    article = Article.objects.filter(works__seasons__episodes__isnull=False).distinct().first()
    assert article is not None, "the demo has an article about a work with episodes"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    # The span picker at desktop width, a sentence of the body selected.
    context, page = open_the_form(browser, live_server, log_in, editor_account, article, DESKTOP)
    page.evaluate(SELECT_A_SENTENCE)
    page.get_by_role("toolbar", name="Body writing tools").get_by_role("button", name="Spoiler span").click()
    scope = page.get_by_label("Scope")
    expect(scope).to_be_focused()  # the works' seasons and episodes have arrived
    scope.select_option(index=2)
    page.locator(".form-row.field-body").screenshot(path=SCREENSHOTS / "toolbar-scope-picker-desktop.png")
    context.close()

    # The cheat-sheet at tablet width: the toolbar wraps, nothing sticks out.
    context, page = open_the_form(browser, live_server, log_in, editor_account, article, TABLET)
    page.get_by_role("toolbar", name="Body writing tools").get_by_role("button", name="Syntax help").click()
    page.get_by_role("region", name="Body syntax cheat-sheet").wait_for()
    right = page.evaluate("document.querySelector('.body-toolbar-editor').getBoundingClientRect().right")
    assert right <= TABLET["width"], "the toolbar is wider than a tablet's screen"
    page.locator(".form-row.field-body").screenshot(path=SCREENSHOTS / "toolbar-cheat-sheet-tablet.png")
    context.close()
