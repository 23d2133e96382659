"""Spoilers end to end: reader progress, feeds with a scope, the lint, and the leak test."""

import re

import feedparser
import pytest
from django.urls import reverse

from articles.models import Article, SpoilerScope
from articles.services import article_render, article_set_spoiler_scope
from reader.progress import COOKIE_NAME
from tests import factories

pytestmark = pytest.mark.django_db

SAME_SITE = {"HTTP_SEC_FETCH_SITE": "same-origin"}
SECRET = "Quillon Marchbanks sabotaged the gala rehearsal"
EARLY_SECRET = "Ottoline fainted on the opening night"


@pytest.fixture
def series():
    work = factories.work("Tiny Pretty Things", slug="tiny-pretty-things", synopsis="Ballet and secrets.")
    factories.season(work, number=1, episodes=10)
    return work


@pytest.fixture
def recap(series):
    speaker = factories.person("Anna Maiche", slug="anna-maiche")
    article = factories.published_article(
        kind=Article.Kind.RECAP,
        headline="Finale recap",
        slug="finale-recap",
        dek="The season ends.",
        hero_image=factories.image(caption="The cast on stage", alt_text="Dancers on a stage"),
        body=(
            "A safe opening paragraph.\n\n"
            f"Early on, ||S1E2: {EARLY_SECRET}||.\n\n"
            f"::: spoiler S1E10\n{SECRET}.\n\n“I never saw it coming at all,” she said.\n:::\n\n"
            "A safe closing paragraph."
        ),
    )
    article.works.add(series)
    article.people.add(speaker)
    article.tags.add("ballet")
    factories.spoiler(article, series, 1, 10, severity="ending")
    factories.quote(article, speaker, status="confirmed", words="I never saw it coming at all")
    article_render(article=article)
    return article


def spoiler_free(html: str) -> str:
    """The page with every spoiler element of the article body removed."""
    html = re.sub(r"<details[^>]*data-spoiler=.*?</details>", "", html, flags=re.S)
    return re.sub(r'<span class="spoiler"[^>]*data-spoiler=.*?</span></span>', "", html, flags=re.S)


def public_urls(article, series) -> list[str]:
    person = article.people.get()
    quote = article.quotes.get()
    return [
        "/",
        article.get_absolute_url(),
        series.get_absolute_url(),
        person.get_absolute_url(),
        "/tags/ballet/",
        reverse("articles:kind_archive", args=["recap"]),
        quote.get_absolute_url(),
        "/sitemap.xml",
        "/sitemap-articles.xml",
        "/sitemap-tags.xml",
        "/sitemap-people.xml",
        "/sitemap-works.xml",
        "/sitemap-characters.xml",
        "/sitemap-quotes.xml",
        "/robots.txt",
        "/feeds/all.rss",
        "/feeds/all.atom",
        "/feeds/kind/recap.rss",
        "/feeds/tag/ballet.atom",
        f"/feeds/works/{series.slug}.rss",
        f"/feeds/works/{series.slug}.atom",
        f"/feeds/people/{person.slug}.rss",
        "/search/?q=Quillon+Marchbanks+sabotaged",
        "/search/?q=finale+recap",
        "/search/?q=Ottoline&type=articles",
    ]


def test_secret_appears_only_inside_spoiler_elements_of_the_article_body(client, recap, series):
    for url in public_urls(recap, series):
        response = client.get(url)
        body = response.content.decode()
        if response.status_code == 404:
            assert SECRET not in body, url
            continue
        assert response.status_code == 200, url
        assert SECRET not in spoiler_free(body), url
        assert "I never saw it coming" not in spoiler_free(body), url
        if url != recap.get_absolute_url():
            assert SECRET not in body, url
    page = client.get(recap.get_absolute_url()).content.decode()
    assert SECRET in page  # behind its reveal, inside the body


def test_meta_tags_and_json_ld_never_carry_spoilers(client, recap):
    page = client.get(recap.get_absolute_url()).content.decode()
    head = page[: page.index("</head>")]
    assert SECRET not in head and EARLY_SECRET not in head
    assert "I never saw it coming" not in head


def test_quote_from_inside_a_spoiler_stays_off_person_and_quote_pages(client, recap):
    quote = recap.quotes.get()
    assert quote.spoiler_scope == "tiny-pretty-things:s1e10"
    assert client.get(quote.get_absolute_url()).status_code == 404
    assert "I never saw it coming" not in client.get("/people/anna-maiche/").content.decode()


def test_reader_progress_covering_the_quote_shows_it_outside_the_article(client, recap):
    client.cookies[COOKIE_NAME] = "tiny-pretty-things:s1"
    quote_page = client.get(recap.quotes.get().get_absolute_url()).content.decode()
    assert "I never saw it coming" in quote_page
    head = quote_page[: quote_page.index("</head>")]
    assert "I never saw it coming" not in head  # no title, meta or JSON-LD carries it
    assert '<meta name="robots" content="noindex, nofollow">' in head
    assert "I never saw it coming" in client.get("/people/anna-maiche/").content.decode()


def test_progress_short_of_the_quote_keeps_it_hidden(client, recap):
    client.cookies[COOKIE_NAME] = "tiny-pretty-things:s1e9"
    assert client.get(recap.quotes.get().get_absolute_url()).status_code == 404
    assert "I never saw it coming" not in client.get("/people/anna-maiche/").content.decode()


@pytest.mark.parametrize(
    "through, early_open, late_open",
    [(None, False, False), ("tiny-pretty-things:s1e5", True, False), ("tiny-pretty-things:s1", True, True)],
)
def test_article_page_opens_the_spoilers_the_reader_has_watched(client, recap, through, early_open, late_open):
    if through:
        client.cookies[COOKIE_NAME] = through
    page = client.get(recap.get_absolute_url()).content.decode()
    assert ('data-spoiler="tiny-pretty-things:s1e10" data-nosnippet="" open>' in page) is late_open
    assert ('class="spoiler-toggle" checked>' in page) is early_open


def test_malformed_progress_cookie_is_ignored(client, recap):
    client.cookies[COOKIE_NAME] = "s0e0|garbage:::|tiny-pretty-things:s1x|<script>"
    response = client.get(recap.get_absolute_url())
    assert response.status_code == 200
    assert " open>" not in response.content.decode()


def test_progress_form_stores_the_cookie_and_redirects_back(client, recap):
    response = client.post(
        reverse("articles:reader_progress"),
        {"work": "tiny-pretty-things", "through": "s1e5", "next": recap.get_absolute_url()},
        **SAME_SITE,
    )
    assert response.status_code == 303
    assert response["Location"] == recap.get_absolute_url()
    assert response.cookies[COOKIE_NAME].value == "tiny-pretty-things:s1e5"
    assert response.cookies[COOKIE_NAME]["httponly"]
    assert response.cookies[COOKIE_NAME]["samesite"] == "Lax"


def test_progress_through_the_finale_is_kept_as_the_whole_season(client, series):
    response = client.post(reverse("articles:reader_progress"), {"work": series.slug, "through": "s1e10"}, **SAME_SITE)
    assert response.cookies[COOKIE_NAME].value == "tiny-pretty-things:s1"


def test_progress_keeps_other_works_and_can_be_cleared(client, series):
    other = factories.work(slug="other-show")
    factories.season(other, number=1, episodes=3)
    client.cookies[COOKIE_NAME] = "other-show:s1e2"
    response = client.post(reverse("articles:reader_progress"), {"work": series.slug, "through": "s1e3"}, **SAME_SITE)
    assert response.cookies[COOKIE_NAME].value == "other-show:s1e2|tiny-pretty-things:s1e3"
    client.cookies[COOKIE_NAME] = response.cookies[COOKIE_NAME].value
    cleared = client.post(reverse("articles:reader_progress"), {"work": "other-show", "through": ""}, **SAME_SITE)
    assert cleared.cookies[COOKIE_NAME].value == "tiny-pretty-things:s1e3"


@pytest.mark.parametrize(
    "data, message",
    [
        ({"work": "tiny-pretty-things", "through": "s1e99"}, "season 1 has no episode 99"),
        ({"work": "tiny-pretty-things", "through": "s0e0"}, "numbers start at 1"),
        ({"work": "tiny-pretty-things", "through": "s1x"}, "is not a scope"),
        ({"work": "no-such-show", "through": "s1e1"}, "There is no work with this address."),
    ],
)
def test_bad_progress_is_refused_with_a_clear_message(client, series, data, message):
    response = client.post(reverse("articles:reader_progress"), data, **SAME_SITE)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert COOKIE_NAME not in response.cookies


def test_progress_never_redirects_off_site(client, series):
    response = client.post(
        reverse("articles:reader_progress"),
        {"work": series.slug, "through": "s1e1", "next": "https://evil.example/"},
        **SAME_SITE,
    )
    assert response["Location"] == series.get_absolute_url()


def test_progress_form_refuses_posts_from_other_sites(series):
    from django.test import Client

    forged = Client(
        enforce_csrf_checks=True, headers={"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"}
    )
    response = forged.post(reverse("articles:reader_progress"), {"work": series.slug, "through": "all"})
    assert response.status_code == 403
    assert COOKIE_NAME not in response.cookies
    no_origin = Client(enforce_csrf_checks=True)
    assert (
        no_origin.post(reverse("articles:reader_progress"), {"work": series.slug, "through": "all"}).status_code == 403
    )


def feed_entry(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0
    return feed.entries[0]


def test_default_feeds_replace_spoilers_with_a_link_to_the_article(client, recap):
    entry = feed_entry(client, "/feeds/all.rss")
    content = entry.content[0].value
    assert SECRET not in content and EARLY_SECRET not in content
    assert "A safe opening paragraph." in content
    assert 'href="http://testserver/articles/finale-recap/"' in content
    assert entry.summary.startswith("Contains spoilers for Tiny Pretty Things S1E10.")


@pytest.mark.parametrize(
    "through, early, late",
    [("s1e1", False, False), ("s1e5", True, False), ("S1E10", True, True), ("s1 finale", True, True)],
)
def test_work_feed_through_opens_spoilers_up_to_that_episode(client, recap, through, early, late):
    content = feed_entry(client, f"/feeds/works/tiny-pretty-things.rss?through={through}").content[0].value
    assert (EARLY_SECRET in content) is early
    assert (SECRET in content) is late
    assert "<details" not in content and "<input" not in content


@pytest.mark.parametrize("through", ["s0e0", "S1E99", "s1x", "s3", "other-show:s1e1", ""])
def test_work_feed_refuses_a_malformed_through_with_400(client, recap, through):
    response = client.get(f"/feeds/works/tiny-pretty-things.rss?through={through}")
    assert response.status_code == 400
    assert response.content.decode().strip()


def test_spoilers_feed_gives_finished_readers_the_full_text(client, recap, series):
    factories.published_article(headline="Spoiler-free news").works.add(series)
    feed = feedparser.parse(client.get("/feeds/works/tiny-pretty-things/spoilers.atom").content)
    assert [entry.title for entry in feed.entries] == ["Finale recap"]
    assert SECRET in feed.entries[0].content[0].value
    assert EARLY_SECRET in feed.entries[0].content[0].value


@pytest.mark.parametrize(
    "through, early, late",
    [("s1e1", False, False), ("s1e5", True, False), ("S1E10", True, True), ("all", True, True)],
)
def test_spoilers_feed_through_opens_spoilers_up_to_that_episode_only(client, recap, through, early, late):
    entry = feed_entry(client, f"/feeds/works/tiny-pretty-things/spoilers.rss?through={through}")
    content = entry.content[0].value
    assert (EARLY_SECRET in content) is early
    assert (SECRET in content) is late
    if not late:
        assert 'href="http://testserver/articles/finale-recap/"' in content


@pytest.mark.parametrize("through", ["s0e0", "S1E99", "s1x", "s3", "other-show:s1e1", ""])
def test_spoilers_feed_refuses_a_malformed_through_with_400(client, recap, through):
    response = client.get(f"/feeds/works/tiny-pretty-things/spoilers.atom?through={through}")
    assert response.status_code == 400
    assert response.content.decode().strip()


def test_work_page_offers_the_progress_picker_and_all_its_feeds(client, recap, series):
    page = client.get(series.get_absolute_url()).content.decode()
    assert "I've watched <cite>Tiny Pretty Things</cite> through" in page
    assert "/feeds/works/tiny-pretty-things/spoilers.rss" in page
    assert 'type="application/atom+xml" title="Tiny Pretty Things with spoilers (Atom)"' in page


def test_lint_warns_when_the_headline_repeats_the_reveal(recap):
    recap.headline = "Quillon Marchbanks sabotaged everything"
    recap.save()
    warnings = article_render(article=recap)
    assert any("headline repeats “quillon marchbanks sabotaged”" in warning for warning in warnings)


def test_lint_checks_dek_slug_and_hero_caption(recap):
    recap.dek = "Who fainted on the opening night?"
    recap.slug = "ottoline-fainted-on-stage"
    recap.save()
    recap.hero_image.caption = "Marchbanks sabotaged the gala"
    recap.hero_image.save()
    warnings = " ".join(article_render(article=recap))
    assert "The dek repeats" in warnings
    assert "The slug repeats" in warnings
    assert "The hero caption repeats" in warnings


def test_lint_ignores_runs_of_common_words(recap):
    recap.headline = "One of the best episodes"
    recap.dek = "It was on the night"
    recap.save()
    assert not [w for w in article_render(article=recap) if "repeats" in w]


def test_lint_warnings_show_in_the_change_list(staff_client, recap):
    recap.headline = "Quillon Marchbanks sabotaged everything"
    recap.save()
    article_render(article=recap)
    page = staff_client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "headline repeats" in page


def test_bulk_action_sets_one_spoiler_scope_on_selected_articles(staff_client, series):
    first, second = factories.published_article(), factories.published_article()
    factories.spoiler(first, series, 1, 1, severity="minor")
    url = reverse("admin:articles_article_changelist")
    chooser = staff_client.post(url, {"action": "set_spoiler_scope", "_selected_action": [first.pk, second.pk]})
    assert chooser.status_code == 200 and "Set spoiler scope" in chooser.content.decode()

    staff_client.post(
        url,
        {
            "action": "set_spoiler_scope",
            "_selected_action": [first.pk, second.pk],
            "apply": "1",
            "work": series.pk,
            "season": "1",
            "episode": "4",
            "severity": "major",
        },
    )

    for article in (first, second):
        assert [(i.tag.code, i.severity) for i in article.spoiler_items.all()] == [("S1E4", "major")]


def test_bulk_action_explains_a_missing_episode_and_changes_nothing(staff_client, series):
    article = factories.published_article()
    response = staff_client.post(
        reverse("admin:articles_article_changelist"),
        {
            "action": "set_spoiler_scope",
            "_selected_action": [article.pk],
            "apply": "1",
            "work": series.pk,
            "season": "1",
            "episode": "42",
            "severity": "major",
        },
    )
    assert "season 1 has no episode 42" in response.content.decode()
    assert not article.spoiler_items.exists()


def test_setting_the_scope_re_renders_the_body_default(series):
    article = factories.published_article(body=f"::: spoiler\n{SECRET}\n:::")
    article_set_spoiler_scope(
        article=article,
        scope=SpoilerScope.objects.for_numbers(work=series, season_number=1, episode_number=3),
        severity="minor",
    )
    article.refresh_from_db()
    assert 'data-spoiler="tiny-pretty-things:s1e3"' in article.body_html


def test_work_feed_with_through_runs_a_fixed_number_of_queries(client, recap, series):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get("/feeds/works/tiny-pretty-things.rss?through=s1e5").status_code == 200
        return len(context.captured_queries)

    few = queries()
    for n in range(5):
        article = factories.published_article(body=f"::: spoiler S1E{n + 1}\nMore secret text {n}.\n:::")
        article.works.add(series)
        factories.spoiler(article, series, 1, n + 1)
        factories.byline(article)
        article_render(article=article)
    assert queries() == few


def test_lint_names_an_episode_the_season_does_not_have(series):
    article = factories.article(body="Later ||S1E12: the season runs long||.")
    article.works.add(series)
    factories.spoiler(article, series, 1)
    warnings = article_render(article=article)
    assert any("episode 12" in warning and "has 10 episodes" in warning for warning in warnings)


def test_lint_names_a_work_that_does_not_exist(series):
    article = factories.article(body="::: spoiler no-such-show:s1e1\nA twist.\n:::")
    article.works.add(series)
    factories.spoiler(article, series, 1)
    warnings = article_render(article=article)
    assert any("“no-such-show”" in warning for warning in warnings)


def test_lint_asks_for_a_spoiler_tag_when_the_body_has_spoilers(series):
    article = factories.article(body="Later ||S1E2: a twist||.")
    article.works.add(series)
    assert any("no spoiler tag" in warning for warning in article_render(article=article))
    factories.spoiler(article, series, 1, 2)
    assert not any("no spoiler tag" in warning for warning in article_render(article=article))


def test_quotes_outside_spoilers_in_an_article_without_spoilers_are_public(series):
    speaker = factories.person("Anna Maiche")
    article = factories.article(body="“Keep dancing when the music stops,” she said, *laughing*.")
    factories.quote(article, speaker, status="suggested", words="Keep dancing when the music stops")
    article_render(article=article)
    assert article.quotes.get().spoiler_scope == ""


def test_a_quote_whose_second_paragraph_is_a_spoiler_takes_that_spoiler(series):
    speaker = factories.person("Anna Maiche")
    article = factories.article(
        body=(
            "“We rehearsed the ending for weeks.\n\n"
            "::: spoiler S1E9\n"
            "And then Marguerite left the company for good,” she said.\n"
            ":::"
        )
    )
    article.works.add(series)
    factories.spoiler(article, series, 1, 9)
    words = "We rehearsed the ending for weeks.\n\nAnd then Marguerite left the company for good"
    factories.quote(article, speaker, status="confirmed", words=words)
    article_render(article=article)
    assert article.quotes.get().spoiler_scope == "tiny-pretty-things:s1e9"


SEASON_TWO_SECRET = "Marchbanks returns as the new artistic director"


@pytest.fixture
def season_two_review(series):
    """A review whose spoiler is all of a second season shorter than the first."""
    factories.season(series, number=2, episodes=8)
    speaker = factories.person("Kylie Jefferson", slug="kylie-jefferson")
    article = factories.published_article(
        kind=Article.Kind.REVIEW,
        headline="Season two review",
        slug="season-two-review",
        body=f"A safe opening.\n\n::: spoiler S2\n{SEASON_TWO_SECRET}.\n\n“I loved the ending,” she said.\n:::\n",
    )
    article.works.add(series)
    factories.spoiler(article, series, 2, None, severity="major")
    factories.quote(article, speaker, status="confirmed", words="I loved the ending")
    article_render(article=article)
    return article


@pytest.mark.parametrize(
    ("through", "shown"),
    [("tiny-pretty-things:s1", False), ("tiny-pretty-things:s2e7", False), ("tiny-pretty-things:s2", True)],
)
def test_a_whole_season_spoiler_opens_only_for_readers_through_that_season(client, season_two_review, through, shown):
    """Through all of season 1 (ten episodes) is not through season 2 (eight): a page and a quote."""
    client.cookies[COOKIE_NAME] = through
    page = client.get(season_two_review.get_absolute_url()).content.decode()
    assert ('data-spoiler="tiny-pretty-things:s2" data-nosnippet="" open>' in page) is shown
    quote = client.get(season_two_review.quotes.get().get_absolute_url())
    assert quote.status_code == (200 if shown else 404)


@pytest.mark.parametrize(("through", "shown"), [("s1e10", False), ("s2e7", False), ("s2e8", True), ("s2", True)])
def test_a_whole_season_spoiler_in_a_feed_follows_through(client, season_two_review, through, shown):
    entry = feed_entry(client, f"/feeds/works/tiny-pretty-things.rss?through={through}")
    assert (SEASON_TWO_SECRET in entry.content[0].value) is shown
