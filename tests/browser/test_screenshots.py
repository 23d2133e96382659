"""Phone and desktop screenshots of the public pages with the demo content, for the README.

Runs only when CALLBOARD_SCREENSHOTS=1, so CI never rewrites the committed files:

    CALLBOARD_SCREENSHOTS=1 .venv/bin/python -m pytest tests/browser/test_screenshots.py
"""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.models import Article

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
VIEWPORTS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 900}}

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        os.environ.get("CALLBOARD_SCREENSHOTS") != "1",
        reason="set CALLBOARD_SCREENSHOTS=1 to rewrite docs/screenshots/",
    ),
]

# Lazy images below the fold would be blank in a full-page capture: load them all first.
LOAD_EVERY_IMAGE = """async () => {
  const images = Array.from(document.images);
  images.forEach((img) => { img.loading = "eager"; });
  await Promise.all(images.map((img) => img.complete ? null : new Promise((done) => {
    img.addEventListener("load", done); img.addEventListener("error", done);
  })));
}"""


def test_screenshots_of_home_article_person_and_work(browser, live_server):
    call_command("load_demo", verbosity=0)
    article = (
        Article.objects.published().filter(kind="interview", spoiler_items__isnull=False).first()
        or Article.objects.published().first()
    )
    pages = {
        "home": "/",
        "article": article.get_absolute_url(),
        "person": "/people/kylie-jefferson/",
        "work": "/works/tiny-pretty-things/",
    }
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for device, viewport in VIEWPORTS.items():
        context = browser.new_context(viewport=viewport, reduced_motion="reduce")
        page = context.new_page()
        for name, path in pages.items():
            response = page.goto(live_server.url + path)
            assert response.ok, f"{path} answered {response.status}"
            page.evaluate(LOAD_EVERY_IMAGE)
            page.wait_for_load_state("networkidle")
            # Nothing may stick out sideways on a phone.
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{name} on {device} is {overflow}px wider than the screen"
            page.screenshot(path=SCREENSHOTS / f"{name}-{device}.png", full_page=True)
        context.close()
