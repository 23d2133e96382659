"""A newsroom whose every text field carries one hostile payload, published and rendered."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse

from articles.models import Article, Correction, Quote
from articles.services import article_publish, article_render, share_link_create, share_link_token
from people.models import Character, Person, PersonLink, Work
from tests import factories
from tests.security.payloads import Payload


def body_with(text: str, *, image_pk: int, quote_words: str, speaker: str) -> str:
    """The payload in every Markdown context the body has: text, heading, link, quote, spoilers,
    code, image reference and block quote."""
    return (
        f"{text}\n\n"
        f"## {text}\n\n"
        f"[{text}]({text}) and [link](javascript:alert(1)) and <{text}>\n\n"
        f"“{quote_words},” {speaker} said.\n\n"
        f"Inline spoiler: ||S1E1: {text}||.\n\n"
        f"::: spoiler S1E2\n{text}\n:::\n\n"
        f"`{text}`\n\n```\n{text}\n```\n\n"
        f'![{text}](image:{image_pk} "{text}")\n\n'
        f"> {text}\n\n"
        f"**{text.split()[0] if text.split() else 'Q'}:** {text}\n"
    )


@dataclass
class World:
    payload: Payload
    article: Article
    author: Person
    speaker: Person
    work: Work
    character: Character
    hostile_quote: Quote
    plain_quote: Quote
    tag_names: list[str]
    share_url: str
    public_urls: list[str] = field(default_factory=list)
    admin_urls: list[str] = field(default_factory=list)
    feed_urls: list[str] = field(default_factory=list)


def build(payload: Payload, *, user=None) -> World:
    fit = payload.fit
    picture = factories.image(alt_text=fit(300), caption=fit(500), credit=fit(200), title=fit(200), licence=fit(300))
    author = factories.person(fit(200), slug="hostile-author", bio=payload.text, headshot=picture)
    factories.alias(author, fit(190) + " alias")
    PersonLink.objects.create(person=author, kind=PersonLink.Kind.WEBSITE, value=fit(300))
    PersonLink.objects.create(person=author, kind=PersonLink.Kind.OTHER, value="javascript:alert(1)")
    PersonLink.objects.create(person=author, kind=PersonLink.Kind.INSTAGRAM, value=fit(280) + " https://x")
    speaker = factories.person(fit(190) + " speaker", slug="hostile-speaker", bio=payload.text)
    work = factories.work(fit(300), slug="hostile-work", synopsis=payload.text, network=fit(200), poster=picture)
    season = factories.season(work, number=1, episodes=2, title=fit(200))
    for episode in season.episodes.all():
        episode.title = fit(300)
        episode.save()
    character = factories.character(work, fit(200), slug="hostile-character", description=payload.text)
    factories.credit(speaker, work, role="cast", character=character, note=fit(300))
    factories.credit(author, work, role="writer", note=fit(300))

    hostile_words = f"I said {payload.text} out loud"
    plain_words = "Plain words said out loud on stage"
    article = factories.article(
        kind=Article.Kind.REVIEW,
        headline=fit(300),
        slug="hostile-article",
        dek=fit(600),
        verdict=fit(300),
        rating=4,
        reviewed_work=work,
        hero_image=picture,
        body=body_with(payload.text, image_pk=picture.pk, quote_words=plain_words, speaker=speaker.name)
        + f"\n\n“{hostile_words},” she said.\n",
    )
    factories.byline(article, author, label=fit(100))
    article.works.add(work)
    article.people.add(author, speaker)
    tag_names = [fit(100), "plain topic"]
    article.tags.add(*tag_names)
    factories.spoiler(article, work, 1, 2)
    Correction.objects.create(article=article, note=payload.text)
    hostile_quote = factories.quote(article, speaker, words=hostile_words, status="confirmed", character=character)
    plain_quote = factories.quote(article, speaker, words=plain_words, status="confirmed", character=character)
    # A second quote row with the speaker as written only (not in the database).
    Quote.objects.create(article=article, words=payload.text, speaker=None, speaker_name=fit(200))
    article_render(article=article)
    article_publish(article=article)
    article_render(article=article)
    if user is None:
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.create_superuser("hostile-editor", password="not-used-1234")
    link = share_link_create(article=article, user=user)

    world = World(
        payload=payload,
        article=article,
        author=author,
        speaker=speaker,
        work=work,
        character=character,
        hostile_quote=hostile_quote,
        plain_quote=plain_quote,
        tag_names=tag_names,
        share_url=reverse("articles:share_preview", args=[share_link_token(link)]),
    )
    world.public_urls = public_urls(world)
    world.feed_urls = feed_urls(world)
    world.admin_urls = admin_urls(world)
    return world


def tag_slugs(world: World) -> list[str]:
    return list(world.article.tags.values_list("slug", flat=True))


def public_urls(world: World) -> list[str]:
    q = world.payload.text
    urls = [
        "/",
        world.article.get_absolute_url(),
        world.share_url,
        world.author.get_absolute_url(),
        world.speaker.get_absolute_url(),
        world.work.get_absolute_url(),
        world.character.get_absolute_url(),
        reverse("articles:kind_archive", args=["review"]),
        world.plain_quote.get_absolute_url(),
        world.hostile_quote.get_absolute_url(),
        "/sitemap.xml",
        "/sitemap-articles.xml",
        "/sitemap-tags.xml",
        "/sitemap-people.xml",
        "/sitemap-works.xml",
        "/robots.txt",
        "/search/?" + _query({"q": q}),
        "/search/?" + _query({"q": q, "type": "people"}),
        "/search/?" + _query({"q": q, "type": "works"}),
        "/search/?" + _query({"q": q, "type": "articles"}),
        "/search/?" + _query({"q": "plain words hostile " + q}),
    ]
    for slug in tag_slugs(world):
        try:
            urls.append(reverse("articles:tag_detail", args=[slug]))
        except NoReverseMatch:
            continue
    return urls


def feed_urls(world: World) -> list[str]:
    work, person = world.work.slug, world.author.slug
    urls = [
        "/feeds/all.rss",
        "/feeds/all.atom",
        "/feeds/kind/review.rss",
        "/feeds/kind/review.atom",
        f"/feeds/works/{work}.rss",
        f"/feeds/works/{work}.atom",
        f"/feeds/works/{work}.rss?through=s1e1",
        f"/feeds/works/{work}.atom?through=s1e2",
        f"/feeds/works/{work}/spoilers.rss",
        f"/feeds/works/{work}/spoilers.atom",
        f"/feeds/people/{person}.rss",
        f"/feeds/people/{person}.atom",
        f"/feeds/people/{world.speaker.slug}.rss",
    ]
    for slug in tag_slugs(world):
        try:
            urls.append(reverse("articles:tag_feed_rss", args=[slug]))
            urls.append(reverse("articles:tag_feed_atom", args=[slug]))
        except NoReverseMatch:
            continue
    return urls


def admin_urls(world: World) -> list[str]:
    from django.contrib import admin

    urls = []
    for model in admin.site._registry:
        if model._meta.app_label not in {"articles", "people", "images"}:
            continue
        label = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        urls.append(reverse(f"{label}_changelist"))
        urls.append(reverse(f"{label}_changelist") + "?" + _query({"q": world.payload.fit(200)}))
        obj = model._default_manager.order_by("-pk").first()
        if obj is not None:
            urls.append(reverse(f"{label}_change", args=[obj.pk]))
    from articles.models import Revision

    urls.append(reverse("admin:articles_article_revisions", args=[world.article.pk]))
    for revision in Revision.objects.filter(article=world.article)[:2]:
        urls.append(reverse("admin:articles_article_revision_diff", args=[world.article.pk, revision.pk]))
    urls.append(reverse("admin:articles_article_paste"))
    return urls


def _query(params: dict[str, str]) -> str:
    from urllib.parse import urlencode

    return urlencode(params)
