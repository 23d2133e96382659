"""Hostile input in every text field, on every page, feed, JSON-LD block and admin view.

For each payload of ``payloads.PAYLOADS`` a whole newsroom is built with the payload in every text
field (``world.build``), published and rendered; then every public page, feed and admin view is
fetched. Nothing may answer 500, no payload may become an element, an attribute, a script or a
URL, JSON-LD must parse back to the input, and feeds must be well-formed XML.
"""

from __future__ import annotations

import feedparser
import pytest
from django.db import connection
from django.urls import reverse
from django.utils.text import Truncator
from markupsafe import escape as page_escape  # the public pages are Jinja2 templates, escaped by MarkupSafe

from articles.models import Article, Quote
from articles.services import article_publish, article_render
from people.models import Person, Work
from reader.feeds import XML_UNSAFE
from reader.progress import COOKIE_NAME
from reader.structured_data import HEADLINE_MAX_CHARS
from tests import factories
from tests.admin_helpers import article_form, inline_management, person_form
from tests.security import world as hostile
from tests.security.payloads import (
    BY_KEY,
    MEGABYTE_LINE,
    PAYLOADS,
    Payload,
    injection_problems,
    json_ld_blocks,
    parse_xml,
    walk_json,
)

pytestmark = pytest.mark.django_db


def _stored(payload: Payload) -> Payload:
    """Skip payloads the database itself cannot hold (PostgreSQL refuses NUL in text)."""
    if "\x00" in payload.text and connection.vendor == "postgresql":
        pytest.skip("PostgreSQL cannot store NUL characters; the form test covers the refusal")
    return payload


def fetch(client, url: str, problems: list[str], *, expect=(200,)):
    """GET ``url``; record a problem (never raise) when it fails or answers an unexpected status."""
    try:
        response = client.get(url)
    except Exception as error:  # the test client re-raises view exceptions: that is a 500
        problems.append(f"{url[:120]}: 500 ({type(error).__name__}: {str(error)[:200]})")
        return None
    if response.status_code not in expect:
        problems.append(f"{url[:120]}: status {response.status_code}")
        return None
    return response


def check_html(url: str, html: str, payload: Payload, problems: list[str], *, admin: bool = False) -> None:
    problems += [f"{url[:120]}: {problem}" for problem in injection_problems(html, admin=admin)]
    if "<" in payload.text and payload.text in html:
        problems.append(f"{url[:120]}: the payload appears unescaped")


def check_response(url, response, payload, problems, *, admin=False) -> None:
    content_type = response.get("Content-Type", "")
    if "html" in content_type:
        check_html(url, response.content.decode(), payload, problems, admin=admin)
    elif "xml" in content_type:
        try:
            parse_xml(response.content)
        except Exception as error:
            problems.append(f"{url}: not well-formed XML ({error})")


def test_the_checker_sees_an_injection_when_there_is_one():
    """The harness itself: each kind of injection the checker looks for is reported."""
    unsafe = (
        '<b id="pwn-x">x</b><img src=x onerror="alert(1)"><a href=" JaVa\tScript:alert(1)">x</a>'
        '<script>alert(1)</script><script src="https://evil.example/x.js"></script>'
        '<script type="application/ld+json">{"a": "</script>"}</script><style>body{display:none}</style>'
        '<p style="background:url(javascript:alert(1))">x</p><iframe src="/"></iframe>'
    )
    found = "\n".join(injection_problems(unsafe))
    for expected in [
        "injected element",
        "event handler attribute onerror",
        "dangerous URL in href",
        "inline script",
        "foreign script",
        "not JSON",
        "style element",
        "style attribute",
        "forbidden element <iframe",
    ]:
        assert expected in found, expected
    assert injection_problems("<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;b id=&quot;pwn-x&quot;&gt;</p>") == []


# --- Public pages -----------------------------------------------------------------------------


@pytest.mark.parametrize("payload", PAYLOADS, ids=str)
def test_every_public_page_shows_the_payload_as_inert_text(client, payload):
    world = hostile.build(_stored(payload))
    problems: list[str] = []
    for url in world.public_urls:
        expect = (200, 404) if url == world.hostile_quote.get_absolute_url() else (200,)
        response = fetch(client, url, problems, expect=expect)
        if response is not None:
            check_response(url, response, payload, problems)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("payload", PAYLOADS, ids=str)
def test_pages_with_spoilers_opened_by_reader_progress_stay_inert(client, payload):
    """Reader progress sends the stored HTML through the reveal rewriter: it must stay inert."""
    world = hostile.build(_stored(payload))
    client.cookies[COOKIE_NAME] = f"{world.work.slug}:all"
    problems: list[str] = []
    for url in [world.article.get_absolute_url(), world.speaker.get_absolute_url(), world.share_url]:
        response = fetch(client, url, problems)
        if response is not None:
            check_response(url, response, payload, problems)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("payload", PAYLOADS, ids=str)
def test_headline_names_and_titles_are_printed_as_text(client, payload):
    """Escaped, not stripped: the reader sees exactly what the editor typed."""
    world = hostile.build(_stored(payload))
    article_html = client.get(world.article.get_absolute_url()).content.decode()
    assert f'<h1 id="headline">{page_escape(world.article.headline)}</h1>' in article_html
    assert f"<title>{page_escape(world.article.headline)} · Callboard</title>" in article_html
    person_html = client.get(world.author.get_absolute_url()).content.decode()
    assert f"<h1>{page_escape(world.author.name)}</h1>" in person_html
    work_html = client.get(world.work.get_absolute_url()).content.decode()
    assert f"<h1>{page_escape(world.work.title)}</h1>" in work_html


def test_template_syntax_in_input_is_never_evaluated(client):
    world = hostile.build(BY_KEY["template"])
    for url in [world.article.get_absolute_url(), world.author.get_absolute_url(), world.work.get_absolute_url()]:
        html = client.get(url).content.decode()
        assert "{{ 7*7 }}" in html  # printed as typed, not evaluated
        assert "{% debug %}" in html
        assert "sql_queries" not in html  # what {% debug %} would dump
        assert "pbkdf2" not in html


@pytest.mark.parametrize("payload", PAYLOADS, ids=str)
def test_json_ld_parses_and_round_trips_the_input(client, payload):
    world = hostile.build(_stored(payload))

    def blocks(url):
        response = client.get(url)
        assert response.status_code == 200, url
        return json_ld_blocks(response.content.decode())

    article_data = blocks(world.article.get_absolute_url())
    news = next(block for block in article_data if block.get("@type") in ("NewsArticle", "ReviewNewsArticle"))
    assert news["headline"] == Truncator(world.article.headline).chars(HEADLINE_MAX_CHARS)
    assert news["description"] == world.article.dek.strip()
    assert world.author.name in [author["name"] for author in news["author"]]
    assert sorted(news["keywords"], key=str.casefold) == sorted(
        (tag.name for tag in world.article.tags.all()), key=str.casefold
    )
    quotations = [block for block in article_data if block.get("@type") == "Quotation"]
    assert world.plain_quote.words in [quotation["text"] for quotation in quotations]

    person = next(block for block in blocks(world.author.get_absolute_url()) if block.get("@type") == "Person")
    assert person["name"] == world.author.name
    work = next(block for block in blocks(world.work.get_absolute_url()) if "name" in block)
    assert work["name"] == world.work.title
    quotation = blocks(world.plain_quote.get_absolute_url())[0]
    assert quotation["creator"]["name"] == world.speaker.name
    for block in article_data:
        for value in walk_json(block):
            assert "<" not in value or value in _typed_values(world), f"JSON-LD invented markup: {value[:100]!r}"


def _typed_values(world) -> set[str]:
    """Every text an editor typed into the world, as JSON-LD may carry it."""
    values = {
        world.article.headline,
        Truncator(world.article.headline).chars(HEADLINE_MAX_CHARS),
        world.article.dek,
        world.article.dek.strip(),
        world.author.name,
        world.speaker.name,
        world.work.title,
        world.character.name,
        world.plain_quote.words,
        world.hostile_quote.words,
        *world.article.bylines.values_list("label", flat=True),
        *(tag.name for tag in world.article.tags.all()),
    }
    return values


# --- Feeds ------------------------------------------------------------------------------------


@pytest.mark.parametrize("payload", list(PAYLOADS), ids=str)
def test_every_feed_is_well_formed_and_carries_the_input_as_text(client, payload):
    world = hostile.build(_stored(payload))
    problems: list[str] = []
    for url, root in _feeds(client, world, problems):
        titles = [element.text for element in root.iter() if _local(element.tag) == "title"]
        # Characters XML cannot carry (NUL, most controls) are dropped on the way into a feed.
        headline = XML_UNSAFE.sub("", world.article.headline)
        if "/people/hostile-speaker" not in url and headline not in titles:
            problems.append(f"{url}: the headline does not round-trip as an item title")
        for element in _item_fields(root, "encoded", "content"):
            problems += [f"{url} <{_local(element.tag)}>: {p}" for p in injection_problems(element.text)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("payload", list(PAYLOADS), ids=str)
def test_feed_item_summaries_are_html_with_the_input_escaped(client, payload):
    """RSS ``<description>`` and Atom ``<summary type="html">`` are HTML to every feed reader:
    the dek, the excerpt and the spoiler notice (with the work's title) must arrive escaped."""
    world = hostile.build(_stored(payload))
    problems: list[str] = []
    for url, root in _feeds(client, world, problems):
        for element in _item_fields(root, "description", "summary"):
            problems += [f"{url} <{_local(element.tag)}>: {p}" for p in injection_problems(element.text)]
    assert not problems, "\n".join(problems)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _item_fields(root, *names):
    for item in root.iter():
        if _local(item.tag) in ("item", "entry"):
            for element in item:
                if _local(element.tag) in names and element.text:
                    yield element


def _feeds(client, world, problems):
    for url in world.feed_urls:
        response = fetch(client, url, problems)
        if response is None:
            continue
        try:
            root = parse_xml(response.content)
        except Exception as error:
            problems.append(f"{url}: not well-formed XML ({error})")
            continue
        parsed = feedparser.parse(response.content)
        if parsed.bozo:
            problems.append(f"{url}: feedparser bozo ({parsed.get('bozo_exception')})")
        yield url, root


# --- Admin ------------------------------------------------------------------------------------


@pytest.mark.parametrize("payload", PAYLOADS, ids=str)
def test_admin_changelists_and_change_forms_escape_every_payload(staff_client, admin_user, payload):
    world = hostile.build(_stored(payload), user=admin_user)
    problems: list[str] = []
    for url in world.admin_urls:
        response = fetch(staff_client, url, problems)
        if response is not None:
            check_response(url, response, payload, problems, admin=True)
    assert not problems, "\n".join(problems)


# --- Through the admin forms: stored, or refused with a clear error ---------------------------


CORRECTED_AT = {"corrected_at_0": "2025-01-02", "corrected_at_1": "10:00"}


def _form_outcome(response) -> str:
    if response.status_code == 302:
        return "saved"
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    assert "errornote" in html or "errorlist" in html, "a refused form must say why"
    return "refused"


@pytest.mark.parametrize("payload", list(PAYLOADS), ids=str)
def test_admin_forms_store_the_payload_or_refuse_it_clearly(staff_client, payload):
    fit = payload.fit
    author = factories.person("Plain Author", slug="plain-author")
    response = staff_client.post(
        reverse("admin:articles_article_add"),
        article_form(
            headline=fit(300),
            slug="form-article",
            dek=fit(600),
            body=payload.text,
            verdict=fit(300),
            tags=f'"{fit(90)}", plain',
            **inline_management("bylines", [{"person": author.pk, "label": fit(100), "position": "0"}]),
            **inline_management("corrections", [{"note": payload.text, **CORRECTED_AT}]),
        ),
    )
    article_outcome = _form_outcome(response)
    article_page = response.content.decode()
    response = staff_client.post(
        reverse("admin:people_person_add"),
        person_form(
            name=fit(200),
            slug="form-person",
            bio=payload.text,
            **inline_management("aliases", [{"name": fit(180) + " alias"}]),
            **inline_management("links", [{"kind": "website", "value": fit(300)}]),
        ),
    )
    person_outcome = _form_outcome(response)
    if "\x00" in payload.text:
        assert (article_outcome, person_outcome) == ("refused", "refused")
        assert "Null characters are not allowed." in response.content.decode()
        return
    if article_outcome == "refused":
        # A payload whose quote marks split the tags field can leave a tag with no letters or
        # digits; the form refuses that tag by name rather than storing an unaddressable one.
        assert "These tags have no letters or digits to make an address from" in article_page
        assert person_outcome == "saved"
        return
    assert (article_outcome, person_outcome) == ("saved", "saved"), "only invalid characters may be refused"
    article = Article.objects.get(slug="form-article")
    assert article.headline == fit(300)
    article_publish(article=article)
    article_render(article=article)
    problems: list[str] = []
    for url in [article.get_absolute_url(), Person.objects.get(slug="form-person").get_absolute_url(), "/"]:
        response = fetch(staff_client, url, problems)
        if response is not None:
            check_response(url, response, payload, problems)
    assert not problems, "\n".join(problems)


def test_null_bytes_are_refused_by_every_admin_text_field(staff_client):
    """PostgreSQL cannot store NUL: the forms must refuse it with a message, never a 500."""
    response = staff_client.post(
        reverse("admin:people_work_add"),
        {
            "kind": "series",
            "title": "Null\x00title",
            "slug": "null-title",
            "synopsis": "null\x00synopsis",
            **inline_management("seasons"),
            **inline_management("characters"),
        },
    )
    assert response.status_code == 200
    assert response.content.decode().count("Null characters are not allowed.") >= 2
    assert not Work.objects.filter(slug="null-title").exists()


def test_a_headline_with_a_control_character_never_breaks_the_feeds(staff_client, client):
    author = factories.person("Plain Author", slug="plain-author")
    response = staff_client.post(
        reverse("admin:articles_article_add"),
        article_form(
            headline="Escape \x1b[31m red",
            slug="control",
            body="A body.",
            **inline_management("bylines", [{"person": author.pk, "label": "", "position": "0"}]),
        ),
    )
    # The admin stores the headline as typed; a refusal here would be a change to understand, not skip.
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get(slug="control")
    article_publish(article=article)
    response = client.get("/feeds/all.rss")
    assert response.status_code == 200
    parse_xml(response.content)
    assert b"Escape" in response.content


# --- One megabyte on one line -----------------------------------------------------------------


def test_a_megabyte_single_line_body_renders_escaped_everywhere(client):
    article = factories.publishable_article(headline="Long line", slug="long-line", body=MEGABYTE_LINE)
    article.tags.add("long")
    article_render(article=article)
    article_publish(article=article)
    problems: list[str] = []
    for url in [article.get_absolute_url(), "/", "/tags/long/", "/feeds/all.rss", "/feeds/all.atom", "/search/?q=long"]:
        response = fetch(client, url, problems)
        if response is not None:
            check_response(url, response, Payload("megabyte", MEGABYTE_LINE), problems)
    assert not problems, "\n".join(problems)
    assert "A" * 10_000 in client.get(article.get_absolute_url()).content.decode()


def test_a_megabyte_in_unbounded_fields_is_stored_and_shown_escaped(staff_client, client):
    response = staff_client.post(
        reverse("admin:people_person_add"), person_form(name="Long Bio", slug="long-bio", bio=MEGABYTE_LINE)
    )
    assert response.status_code == 302
    html = client.get("/people/long-bio/").content.decode()
    assert injection_problems(html) == []
    assert page_escape(MEGABYTE_LINE) in html


@pytest.mark.parametrize(
    "url_name, data, field, limit",
    [
        ("admin:articles_article_add", article_form(slug="big", headline=MEGABYTE_LINE), "headline", 300),
        ("admin:articles_article_add", article_form(slug="big", dek=MEGABYTE_LINE), "dek", 600),
        ("admin:people_person_add", person_form(slug="big", name=MEGABYTE_LINE), "name", 200),
    ],
)
def test_a_megabyte_in_a_bounded_field_is_refused_with_its_limit(staff_client, url_name, data, field, limit):
    response = staff_client.post(reverse(url_name), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert f"Ensure this value has at most {limit} characters" in html
    assert injection_problems(html, admin=True) == []


def test_a_megabyte_search_query_is_cut_not_failed(client):
    factories.published_article(headline="Searchable", body="text")
    response = client.get("/search/", {"q": MEGABYTE_LINE})
    assert response.status_code == 200
    html = response.content.decode()
    assert injection_problems(html) == []
    assert "limited to 200 characters" in html
    assert len(html) < 100_000


# --- Pages that reflect the request ------------------------------------------------------------


@pytest.mark.parametrize("payload", PAYLOADS, ids=str)
def test_query_strings_are_never_reflected_as_markup(client, payload):
    world = hostile.build(_stored(payload))
    problems: list[str] = []
    reflected = [
        ("/search/?" + hostile._query({"q": payload.text, "page": payload.text}), (404,)),
        ("/search/?" + hostile._query({"q": "plain", "type": payload.text}), (200,)),
        ("/kind/review/?" + hostile._query({"page": payload.text}), (404,)),
        (world.author.get_absolute_url() + "?" + hostile._query({"page": payload.text}), (404,)),
        (world.article.get_absolute_url() + "?" + hostile._query({"x": payload.text}), (200,)),
        (f"/feeds/works/{world.work.slug}.rss?" + hostile._query({"through": payload.text}), (400,)),
        ("/admin/login/?" + hostile._query({"next": payload.text}), (200,)),
    ]
    for url, expect in reflected:
        response = fetch(client, url, problems, expect=expect)
        if response is not None:
            check_response(url, response, payload, problems, admin=url.startswith("/admin/"))
    assert not problems, "\n".join(problems)


def test_a_bad_through_is_answered_as_plain_text(client):
    world = hostile.build(BY_KEY["script"])
    response = client.get(f"/feeds/works/{world.work.slug}.rss", {"through": BY_KEY["script"].text})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")


# --- Tags ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Amélie", "日本のドラマ", "★★★", '">'])
def test_a_tag_of_any_script_never_breaks_pages(client, name):
    article = factories.publishable_article(headline="Tagged", slug="tagged")
    article.tags.add(name)
    article_render(article=article)
    article_publish(article=article)
    problems: list[str] = []
    for url in [article.get_absolute_url(), "/sitemap.xml", "/sitemap-tags.xml"]:
        fetch(client, url, problems)
    assert not problems, "\n".join(problems)


def test_a_quote_with_the_speaker_only_as_written_stays_escaped_in_the_admin(staff_client):
    payload = BY_KEY["img-onerror"]
    article = factories.article(headline="Plain", body=payload.text)
    quote = Quote.objects.create(article=article, words=payload.text, speaker=None, speaker_name=payload.text)
    for url in [reverse("admin:articles_quote_changelist"), reverse("admin:articles_quote_change", args=[quote.pk])]:
        html = staff_client.get(url).content.decode()
        assert injection_problems(html, admin=True) == []
        assert payload.text not in html
