"""Hostile input in a real Chromium: no dialog opens, no injected element exists, no script runs.

The payloads set ``window.pwned`` and call ``alert``; the pages carrying them are loaded with a
dialog listener, then the DOM is asked for any element whose id starts with ``pwn-``.
"""

import pytest

from reader.progress import COOKIE_NAME
from tests.security import world as hostile
from tests.security.payloads import PAYLOADS, Payload

pytestmark = pytest.mark.django_db(transaction=True)

# NUL and C0 controls are covered by the HTTP tests; the browser adds nothing for them.
BROWSER_PAYLOADS = [payload for payload in PAYLOADS if payload.storable_everywhere]


def visit(page, url: str) -> list[str]:
    """Load ``url``, wait for its scripts, and return everything that betrays an injection."""
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    response = page.goto(url)
    page.wait_for_load_state("load")
    problems = [f"{url}: dialog {message!r}" for message in dialogs]
    if response is None or response.status >= 500:
        problems.append(f"{url}: status {response.status if response else 'none'}")
    injected = page.evaluate("document.querySelector('[id^=pwn-]')?.outerHTML ?? null")
    if injected is not None:
        problems.append(f"{url}: injected element {injected[:200]}")
    if page.evaluate("typeof window.pwned !== 'undefined'"):
        problems.append(f"{url}: an injected script ran (window.pwned is set)")
    hrefs = page.evaluate(
        "[...document.querySelectorAll('[href],[src],[action],[formaction]')]"
        ".map(e => e.href || e.src || e.action || e.formAction || '')"
        ".filter(u => /^\\s*(javascript|vbscript|data):/i.test(u))"
    )
    problems += [f"{url}: dangerous URL {href[:80]!r}" for href in hrefs]
    handlers = page.evaluate(
        "[...document.querySelectorAll('*')].flatMap(e => [...e.attributes].map(a => a.name))"
        ".filter(n => n.startsWith('on'))"
    )
    problems += [f"{url}: event handler attribute {name}" for name in handlers]
    if page.evaluate("getComputedStyle(document.body).display") == "none":
        problems.append(f"{url}: injected CSS hid the page")
    return problems


@pytest.mark.parametrize("payload", BROWSER_PAYLOADS, ids=str)
def test_no_payload_executes_in_chromium(page, live_server, payload: Payload):
    world = hostile.build(payload)
    urls = [
        world.article.get_absolute_url(),
        world.author.get_absolute_url(),
        world.speaker.get_absolute_url(),
        world.work.get_absolute_url(),
        world.character.get_absolute_url(),
        world.plain_quote.get_absolute_url(),
        "/",
        "/search/?" + hostile._query({"q": payload.text}),
        "/search/?" + hostile._query({"q": "plain words " + payload.text}),
    ]
    problems: list[str] = []
    for url in urls:
        problems += visit(page, live_server.url + url)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("payload", BROWSER_PAYLOADS, ids=str)
def test_no_payload_executes_with_every_spoiler_revealed(page, live_server, payload: Payload):
    """Revealed spoilers (reader progress, then a click on each reveal) keep the payload inert."""
    world = hostile.build(payload)
    page.context.add_cookies([{"name": COOKIE_NAME, "value": f"{world.work.slug}:all", "url": live_server.url}])
    url = live_server.url + world.article.get_absolute_url()
    problems = visit(page, url)
    page.context.clear_cookies()
    problems += visit(page, url)
    for control in page.locator(".spoiler-reveal").all():
        if control.is_visible():
            control.click()
    if page.evaluate("document.querySelector('[id^=pwn-]') !== null || typeof window.pwned !== 'undefined'"):
        problems.append(f"{url}: injected content after revealing the spoilers by hand")
    assert not problems, "\n".join(problems)


def test_the_detectors_see_an_injection_when_there_is_one(page, live_server):
    """The harness itself: a page that does execute a payload is caught on every count."""
    unsafe = '<body><img id="pwn-proof" src=x onerror="window.pwned=1;alert(1)"></body>'
    page.route("**/unsafe-proof/", lambda route: route.fulfill(body=unsafe, content_type="text/html"))
    problems = visit(page, live_server.url + "/unsafe-proof/")
    assert any("dialog" in problem for problem in problems)
    assert any("injected element" in problem for problem in problems)
    assert any("window.pwned" in problem for problem in problems)
    assert any("onerror" in problem for problem in problems)
