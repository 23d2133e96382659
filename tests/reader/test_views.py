"""The readers' door: pages show only what readers may see, in a fixed number of queries."""

import json
import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Correction
from articles.services import article_render, quote_cards_refresh
from tests import factories

pytestmark = pytest.mark.django_db


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def rich_article(size: int, series=None, **fields):
    """A published article with ``size`` bylines, tags, quotes, spoiler tags, works and people."""
    if series is None:
        series = factories.work()
        factories.season(series, number=1, episodes=max(size, 1))
    article = factories.published_article(
        hero_image=factories.image(caption="A caption", credit="Jo Bloggs/Netflix"), **fields
    )
    article.works.add(series)
    for n in range(size):
        person = factories.person()
        factories.byline(article, person, label="Writer", position=n)
        factories.quote(article, person, status="confirmed", words=f"Quoted words number {n} said plainly")
        article.people.add(person)
        article.tags.add(f"topic-{article.pk}-{n}")
        factories.spoiler(article, series, 1, n + 1, severity="minor")
        Correction.objects.create(article=article, note=f"Fixed a name {n}.")
    article.body = "\n\n".join(f"“Quoted words number {n} said plainly,” they said." for n in range(size))
    article.save()
    article_render(article=article)
    return article


def test_article_page_queries_stay_fixed_from_one_to_fifty_of_everything(client):
    one = rich_article(1)
    fifty = rich_article(50)
    for article in (one, fifty):  # related articles on both pages
        for _ in range(3):
            rich_article(2, series=article.works.get()).tags.add(*article.tags.all())
    client.cookies["callboard_progress"] = f"{fifty.works.get().slug}:s1e3"
    few, many = queries(client, one.get_absolute_url()), queries(client, fifty.get_absolute_url())
    assert few == many
    assert many <= 10


def test_home_page_queries_stay_fixed_as_articles_grow(client):
    rich_article(1, kind=Article.Kind.REVIEW)
    few = queries(client, reverse("articles:home"))
    for kind in Article.Kind.values:
        for _ in range(3):
            rich_article(3, kind=kind)
    assert queries(client, reverse("articles:home")) == few


def card_titles(html: str) -> list[str]:
    return re.findall(r'<h3 class="card-title"><a [^>]*>([^<]+)</a>', html)


def test_home_shows_the_latest_seven_and_the_newest_four_of_each_kind(client):
    for n in range(9):
        factories.published_article(kind=Article.Kind.NEWS, headline=f"News {n}", ago=timedelta(hours=n + 1))
    for n in range(2):
        factories.published_article(kind=Article.Kind.REVIEW, headline=f"Review {n}", ago=timedelta(days=n + 1))
    factories.article(kind=Article.Kind.RECAP, headline="Draft recap")
    factories.published_article(kind=Article.Kind.RECAP, headline="Scheduled recap", ago=-timedelta(hours=1))

    page = client.get(reverse("articles:home")).content.decode()
    latest = page[page.index('id="latest-heading"') : page.index('class="lane"')]
    news_lane = page[page.index('id="lane-news"') :]
    reviews_lane = page[page.index('id="lane-review"') :]

    assert card_titles(latest) == [f"News {n}" for n in range(7)]
    assert card_titles(news_lane)[:4] == ["News 0", "News 1", "News 2", "News 3"]
    assert card_titles(reviews_lane)[:2] == ["Review 0", "Review 1"]
    assert 'id="lane-recap"' not in page
    assert not [title for title in card_titles(page) if "recap" in title]


def test_home_features_the_works_of_the_newest_articles(client):
    works = [factories.work(f"Show {n}") for n in range(6)]
    for n, work in enumerate(works[:5]):
        factories.published_article(ago=timedelta(days=n + 1)).works.add(work)
    factories.published_article(ago=timedelta(days=30)).works.add(works[0])  # older article, same work
    factories.article().works.add(works[5])  # only a draft

    page = client.get(reverse("articles:home")).content.decode()
    featured = page[page.index('id="works-heading"') :]

    assert re.findall(r"<span>(Show \d)</span>", featured) == ["Show 0", "Show 1", "Show 2", "Show 3"]


@pytest.mark.parametrize(
    "url_for",
    [
        lambda a: reverse("articles:kind_archive", args=["news"]),
        lambda a: reverse("articles:tag_detail", args=[a.tags.first().slug]),
    ],
)
def test_listing_queries_stay_fixed_as_items_grow(client, url_for):
    first = rich_article(1, kind=Article.Kind.NEWS)
    few = queries(client, url_for(first))
    for _ in range(12):
        article = rich_article(3, kind=Article.Kind.NEWS)
        article.tags.add(first.tags.first())
    assert queries(client, url_for(first)) == few


def test_article_page_shows_everything_a_reader_needs(client):
    series = factories.work("Tiny Pretty Things")
    factories.season(series, number=1, episodes=10)
    writer = factories.person("Marisol Quartey")
    review = factories.published_article(
        kind=Article.Kind.REVIEW,
        headline="A fair review",
        dek="Messy but magnetic.",
        rating="3.5",
        rating_scale=5,
        verdict="Worth a watch",
        reviewed_work=series,
        hero_image=factories.image(credit="Sophie Giraud/Netflix"),
        body="Plenty of *pointe work* here.\n\n::: spoiler S1E10\nThe secret ending sentence.\n:::",
    )
    review.works.add(series)
    review.tags.add("ballet")
    factories.byline(review, writer, label="Senior Editor")
    factories.spoiler(review, series, 1, 10, severity="ending")
    Correction.objects.create(article=review, note="An earlier version misspelled a name.")
    article_render(article=review)

    page = client.get(review.get_absolute_url()).content.decode()

    for expected in [
        "A fair review",
        "Messy but magnetic.",
        "Marisol Quartey",
        "Senior Editor",
        "Sophie Giraud/Netflix",
        "min read",
        "Spoiler warning",
        "through S1E10",
        "3.5",
        "Worth a watch",
        "<em>pointe work</em>",
        "An earlier version misspelled a name.",
        'href="/tags/ballet/"',
        "Reveal spoiler for S1E10",
    ]:
        assert expected in page, expected


@pytest.mark.parametrize(
    "status, offset",
    [
        (Article.Status.DRAFT, -1),
        (Article.Status.IN_REVIEW, -1),
        (Article.Status.UNPUBLISHED, -1),
        (Article.Status.PUBLISHED, +1),
    ],
)
def test_articles_readers_may_not_see_exist_nowhere_for_them(client, status, offset):
    series, person = factories.work(), factories.person()
    hidden = factories.article(
        status=status, publish_at=timezone.now() + timedelta(hours=offset), headline="Hidden headline"
    )
    hidden.works.add(series)
    hidden.people.add(person)
    hidden.tags.add("ballet")
    factories.quote(hidden, person, status="confirmed", words="Words from a hidden article")
    factories.published_article().tags.add("ballet")

    assert client.get(hidden.get_absolute_url()).status_code == 404
    for url in [
        "/",
        series.get_absolute_url(),
        person.get_absolute_url(),
        "/tags/ballet/",
        reverse("articles:kind_archive", args=[hidden.kind]),
        "/sitemap.xml",
        "/sitemap-articles.xml",
        "/sitemap-tags.xml",
        "/sitemap-people.xml",
        "/sitemap-works.xml",
        "/sitemap-characters.xml",
        "/sitemap-quotes.xml",
        "/feeds/all.rss",
        f"/feeds/works/{series.slug}.rss",
        f"/feeds/people/{person.slug}.atom",
    ]:
        page = client.get(url).content.decode()
        assert "Hidden headline" not in page, url
        assert "Words from a hidden article" not in page, url
        assert hidden.quotes.get().get_absolute_url() not in page, url
    assert client.get(hidden.quotes.get().get_absolute_url()).status_code == 404


def test_staff_preview_unpublished_articles_with_a_banner_never_cached_or_indexed(client, admin_user):
    draft = factories.article(headline="Work in progress")
    client.force_login(admin_user)

    response = client.get(draft.get_absolute_url())

    page = response.content.decode()
    assert response.status_code == 200
    assert "Preview." in page and "Work in progress" in page
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "no-cache" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_non_staff_accounts_do_not_see_previews(client):
    user = get_user_model().objects.create_user("reader", password="x" * 12)
    client.force_login(user)
    assert client.get(factories.article().get_absolute_url()).status_code == 404


def test_published_article_is_not_marked_as_a_preview(client, admin_user):
    client.force_login(admin_user)
    response = client.get(factories.published_article().get_absolute_url())
    assert "Preview." not in response.content.decode()
    assert "X-Robots-Tag" not in response


def test_article_page_has_meta_tags_and_news_article_json_ld(client):
    article = factories.published_article(headline="Finale night", dek="What to expect.", hero_image=factories.image())
    page = client.get(article.get_absolute_url()).content.decode()

    assert "<title>Finale night · Callboard</title>" in page
    assert '<meta name="description" content="What to expect.">' in page
    assert f'<link rel="canonical" href="http://testserver{article.get_absolute_url()}">' in page
    assert '<meta property="og:type" content="article">' in page
    assert '<meta property="og:image" content="http://testserver/media/' in page
    assert '<meta name="twitter:card" content="summary_large_image">' in page
    data = json_ld_blocks(page)
    assert data[0]["@type"] == "NewsArticle" and data[0]["headline"] == "Finale night"


def test_json_ld_cannot_be_broken_out_of_by_a_headline(client):
    nasty = 'Finale </script><script>alert("x")</script> night'
    article = factories.published_article(headline=nasty, slug="nasty")
    page = client.get(article.get_absolute_url()).content.decode()

    assert '<script>alert("x")</script>' not in page
    assert json_ld_blocks(page)[0]["headline"] == nasty


def test_confirmed_quotes_render_linked_to_their_speaker_with_quotation_json_ld(client):
    speaker = factories.person("Anna Maiche", slug="anna-maiche")
    article = factories.published_article(body="“I wanted to dance on that ledge myself,” she said.")
    factories.quote(article, speaker, status="confirmed", words="I wanted to dance on that ledge myself")
    article_render(article=article)

    page = client.get(article.get_absolute_url()).content.decode()

    assert '<q class="quote" cite="/people/anna-maiche/">I wanted to dance on that ledge myself,</q>' in page
    quotation = [block for block in json_ld_blocks(page) if block["@type"] == "Quotation"]
    assert quotation[0]["creator"]["name"] == "Anna Maiche"


def test_raw_html_in_the_body_is_shown_as_text(client):
    article = factories.published_article(body="Look: <script>alert(1)</script> <b onmouseover=x>bold</b>")
    article_render(article=article)
    page = client.get(article.get_absolute_url()).content.decode()
    body = page[page.index('<div class="article-body">') :]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<b onmouseover" not in body


def test_related_articles_share_a_work_or_tag_and_are_published(client):
    series = factories.work()
    main = factories.published_article(headline="Main piece")
    main.works.add(series)
    sibling = factories.published_article(headline="Sibling piece")
    sibling.works.add(series)
    factories.article(headline="Draft sibling").works.add(series)
    factories.published_article(headline="Unrelated piece")

    page = client.get(main.get_absolute_url()).content.decode()
    related = page[page.index('id="related-heading"') :]

    assert "Sibling piece" in related
    assert "Draft sibling" not in related and "Unrelated piece" not in related


def test_related_articles_are_the_newest_four_each_listed_once(client):
    series = factories.work()
    main = factories.published_article(headline="Main piece")
    main.works.add(series)
    main.tags.add("ballet")
    for n in range(6):
        other = factories.published_article(headline=f"Other piece {n}", ago=timedelta(days=n + 1))
        other.works.add(series)
        other.tags.add("ballet")  # shares both the work and the tag

    page = client.get(main.get_absolute_url()).content.decode()
    related = page[page.index('id="related-heading"') :]

    assert re.findall(r"Other piece (\d)", related) == ["0", "1", "2", "3"]


def test_review_page_names_what_it_reviews_within_the_article_query_budget(client):
    series = factories.work("Tiny Pretty Things")
    episode = factories.season(series, number=1, episodes=10).episodes.get(number=4)
    review = factories.published_article(kind=Article.Kind.REVIEW, rating="4", reviewed_episode=episode)
    review.works.add(series)
    factories.spoiler(review, series, 1, 4)

    review_queries = queries(client, review.get_absolute_url())
    page = client.get(review.get_absolute_url()).content.decode()

    assert review_queries <= 10
    assert f'Reviewed: <a href="{series.get_absolute_url()}">Tiny Pretty Things</a>, season 1, episode 4' in page
    assert '"@type": "TVEpisode"' in page


def test_related_articles_follow_topic_tags_alone_and_are_absent_without_links(client):
    main = factories.published_article(headline="Main piece")
    main.tags.add("ballet")
    factories.published_article(headline="Tagged sibling").tags.add("ballet")
    loner = factories.published_article(headline="Loner")

    assert "Tagged sibling" in client.get(main.get_absolute_url()).content.decode()
    assert 'id="related-heading"' not in client.get(loner.get_absolute_url()).content.decode()


def test_quote_permalink_shows_words_speaker_article_and_date(client):
    speaker = factories.person("Kylie Jefferson")
    article = factories.published_article(headline="The interview")
    quote = factories.quote(article, speaker, status="confirmed", words="Every rehearsal was a marathon")

    page = client.get(quote.get_absolute_url()).content.decode()

    assert "Every rehearsal was a marathon" in page and "Kylie Jefferson" in page and "The interview" in page
    assert json_ld_blocks(page)[0]["@type"] == "Quotation"


def test_a_long_quotes_page_title_is_cut_to_eighty_characters_with_its_opening_mark(client):
    words = " ".join(["rehearsal"] * 12)  # 119 characters
    quote = factories.quote(
        factories.published_article(), factories.person("Kylie Jefferson"), status="confirmed", words=words
    )

    page = client.get(quote.get_absolute_url()).content.decode()

    title = re.search(r"<title>(.*?)</title>", page).group(1)
    assert title == f"“{words[:78]}…” — Kylie Jefferson"


def test_suggested_and_spoiler_quotes_have_no_permalink(client):
    article = factories.published_article()
    suggested = factories.quote(article, status="suggested")
    in_spoiler = factories.quote(article, status="confirmed", spoiler_scope="work:s1e10")
    assert client.get(suggested.get_absolute_url()).status_code == 404
    assert client.get(in_spoiler.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/articles/no-such-article/",
        "/kind/gossip/",
        "/tags/no-such-tag/",
        "/quotes/999999/",
        "/?page=abc",
        "/kind/news/?page=99",
        "/kind/news/?page=abc",
        "/kind/news/?page=-1",
        "/kind/news/?page=0",
        "/kind/news/?page=99999999999999999999999",
        "/kind/news/?page=%EF%BC%92",  # a full-width digit two
    ],
)
def test_unknown_things_and_pages_past_the_end_answer_404_in_the_site_design(client, url):
    factories.published_article(kind=Article.Kind.NEWS)
    response = client.get(url)
    if url == "/?page=abc":  # the home page has no pagination; the parameter is ignored
        assert response.status_code == 200
        return
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_server_error_page_is_in_the_site_design(rf):
    from django.views.defaults import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


def test_pagination_walks_through_a_kind_archive(client):
    for n in range(14):
        factories.published_article(kind=Article.Kind.NEWS, headline=f"News item {n:02d}", ago=timedelta(hours=n + 1))
    first = client.get("/kind/news/").content.decode()
    second = client.get("/kind/news/?page=2").content.decode()
    assert "News item 00" in first and "News item 13" not in first
    assert "News item 13" in second and 'rel="prev"' in second
    assert 'rel="next"' in first and 'rel="next"' not in second
    assert "<span>Page 2</span>" in second


def test_listing_pages_never_count_the_listing(client):
    for _ in range(3):
        factories.published_article(kind=Article.Kind.NEWS).tags.add("ballet")
    for url in ["/kind/news/", "/tags/ballet/"]:
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        assert not [query for query in captured.captured_queries if "COUNT(" in query["sql"].upper()], url


def test_pages_have_landmarks_and_a_skip_link(client):
    page = client.get("/").content.decode()
    assert '<a class="skip-link" href="#main">' in page
    assert "<header" in page and "<nav" in page and '<main id="main"' in page and "<footer" in page


def test_robots_directives_only_on_previews(client):
    page = client.get(factories.published_article().get_absolute_url()).content.decode()
    assert 'name="robots"' not in page


def json_ld_blocks(page: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, flags=re.S)
    parsed = []
    for block in blocks:
        data = json.loads(block)
        parsed.extend(data if isinstance(data, list) else [data])
    return parsed


def test_confirmed_quote_gets_a_card_used_as_its_link_preview(client):
    from PIL import Image as PILImage

    speaker = factories.person("Kylie Jefferson")
    article = factories.published_article(body="“Every rehearsal felt like a marathon,” she said.")
    article.works.add(factories.work("Tiny Pretty Things"))
    quote = factories.quote(article, speaker, status="confirmed", words="Every rehearsal felt like a marathon")
    article_render(article=article)
    quote_cards_refresh(article=article)
    quote.refresh_from_db()

    with PILImage.open(quote.card.path) as card:
        assert (card.format, card.size) == ("PNG", (1200, 630))
    page = client.get(quote.get_absolute_url()).content.decode()
    assert f'<meta property="og:image" content="http://testserver{quote.card.url}">' in page


def test_quote_card_is_drawn_once_and_redrawn_when_the_words_change():
    article = factories.published_article(
        body="“The first version of the words.” Then “The second version of the words.”"
    )
    quote = factories.quote(article, status="confirmed", words="The first version of the words")
    article_render(article=article)
    quote_cards_refresh(article=article)
    quote.refresh_from_db()
    first = quote.card.name
    article_render(article=article)
    quote_cards_refresh(article=article)
    quote.refresh_from_db()
    assert quote.card.name == first

    quote.words = "The second version of the words"
    quote.save()
    article_render(article=article)
    quote_cards_refresh(article=article)
    quote.refresh_from_db()
    assert quote.card.name != first


def test_a_confirmed_quote_missing_from_the_body_stays_off_public_pages(client):
    article = factories.published_article(body="The body no longer has the words.")
    quote = factories.quote(article, status="confirmed", words="Words that were edited out")
    article_render(article=article)
    quote.refresh_from_db()
    assert quote.spoiler_scope == "unscoped" and not quote.card
    assert client.get(quote.get_absolute_url()).status_code == 404


def test_quotes_inside_spoilers_and_unconfirmed_quotes_get_no_card():
    article = factories.published_article(body="::: spoiler S1E2\n“A line from inside the spoiler,” she said.\n:::")
    article.works.add(factories.work())
    inside = factories.quote(article, status="confirmed", words="A line from inside the spoiler")
    suggested = factories.quote(article, status="suggested", words="Just a suggestion here")
    article_render(article=article)
    inside.refresh_from_db()
    suggested.refresh_from_db()
    assert not inside.card and not suggested.card


def test_quote_page_runs_a_fixed_number_of_queries(client):
    def quote_in(size: int):
        article = factories.published_article(body="“Words said in the interview today,” she said.")
        for _ in range(size):
            article.tags.add(f"topic-{article.pk}-{_}")
            factories.byline(article)
        return factories.quote(article, status="confirmed", words="Words said in the interview today")

    assert queries(client, quote_in(1).get_absolute_url()) == queries(client, quote_in(20).get_absolute_url())


def test_shared_preview_runs_the_article_pages_queries(client):
    from articles import services

    editor = get_user_model().objects.create_superuser("chief", password="x" * 16)
    draft = rich_article(3)
    link = services.share_link_create(article=draft, user=editor)
    preview = reverse("articles:share_preview", args=[services.share_link_token(link)])
    assert queries(client, preview) <= 11  # the article page's queries and the link itself


def test_listing_cards_are_read_from_published_articles_only(rf):
    from reader.views import listing_page

    live = factories.published_article(headline="Live")
    factories.article(headline="Unpublished since its key was read")

    page = listing_page(rf.get("/"), Article.objects.all())  # keys that include the unpublished one

    assert [card.headline for card in page.object_list] == [live.headline]
