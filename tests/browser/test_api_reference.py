"""The content API's reference page works in a real browser under the site's strict policy:
its script and styles come from the site's own static files, and nothing is refused."""

import pytest

from articles import services
from tests import factories

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_reference_page_lists_the_endpoints_and_tries_one_out(page, live_server):
    article = factories.publishable_article(headline="Read through the API")
    services.article_render(article=article)
    services.article_publish(article=article)
    refused, requested = [], []
    page.on(
        "console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None
    )
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{live_server.url}/api/")

    listing = page.locator(".opblock-summary-path", has_text="/api/v1/articles/").first
    expect(listing).to_be_visible(timeout=15_000)
    listing.click()
    page.get_by_role("button", name="Try it out").first.click()
    page.get_by_role("button", name="Execute").first.click()
    expect(page.locator(".response-col_description .microlight").first).to_contain_text("Read through the API")

    assert refused == []
    assert all(url.startswith(live_server.url) for url in requested), [
        u for u in requested if not u.startswith(live_server.url)
    ]
