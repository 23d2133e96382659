"""A small newsroom for the content API: a series with a season, people, live and hidden articles.

The recap's body hides one early secret (S1E2, inline) and one late secret (S1E10, a block
holding a confirmed quote); nothing else in the world carries either, so a test can look for
them in every answer.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from articles.models import Article, Quote
from articles.services import article_render
from people.models import Credit, Person, Work
from tests import factories

SECRET = "Quillon Marchbanks sabotaged the gala rehearsal"
EARLY_SECRET = "Ottoline fainted on the opening night"
SECRET_QUOTE = "I never saw that betrayal coming at all"
PUBLIC_QUOTE = "Ballet is the hardest job I ever had"
HIDDEN_WORDS = "Nobody outside the newsroom may read this sentence"


@dataclass
class Newsroom:
    series: Work
    novel: Work
    actor: Person
    critic: Person
    recap: Article
    interview: Article
    review: Article
    draft: Article
    scheduled: Article
    unpublished: Article
    public_quote: Quote
    secret_quote: Quote


def build_newsroom() -> Newsroom:
    novel = factories.work("Tiny Pretty Things (novel)", slug="tiny-pretty-things-novel", kind=Work.Kind.NOVEL)
    series = factories.work(
        "Tiny Pretty Things", slug="tiny-pretty-things", synopsis="Ballet and secrets.", based_on=novel, year=2020
    )
    season = factories.season(series, number=1, episodes=10, title="Season one")
    dancer = factories.character(series, "Neveah Stroyer", slug="neveah")
    actor = factories.person("Kylie Jefferson", slug="kylie-jefferson", bio="A dancer and actor.")
    factories.alias(actor, "Kylie Jeffersen")
    factories.credit(actor, series, role=Credit.Role.CAST, character=dancer, billing=1)
    critic = factories.person("Theo Lindqvist", slug="theo-lindqvist")

    recap = factories.published_article(
        kind=Article.Kind.RECAP,
        headline="Finale recap",
        slug="finale-recap",
        dek="The season ends.",
        hero_image=factories.image(alt_text="Dancers on a stage", caption="The cast on stage", credit="Netflix"),
        ago=timedelta(hours=1),
        body=(
            "A safe opening paragraph with [a link](/works/tiny-pretty-things/).\n\n"
            f"Early on, ||S1E2: {EARLY_SECRET}||.\n\n"
            f"::: spoiler S1E10\n{SECRET}.\n\n“{SECRET_QUOTE},” she said.\n:::\n\n"
            f"“{PUBLIC_QUOTE},” said Kylie Jefferson.\n\n"
            "A safe closing paragraph."
        ),
    )
    recap.works.add(series)
    recap.people.add(actor)
    recap.tags.add("ballet")
    factories.byline(recap, critic, label="TV Critic")
    factories.spoiler(recap, series, 1, 10, severity="ending")
    public_quote = factories.quote(recap, actor, status="confirmed", words=PUBLIC_QUOTE, position=2)
    secret_quote = factories.quote(recap, actor, status="confirmed", words=SECRET_QUOTE, position=1)
    article_render(article=recap)

    interview = factories.published_article(
        kind=Article.Kind.INTERVIEW, headline="Jefferson interview", slug="jefferson-interview", ago=timedelta(days=1)
    )
    interview.tags.add("interviews")
    factories.byline(interview, critic)
    article_render(article=interview)

    review = factories.published_article(
        kind=Article.Kind.REVIEW,
        headline="Season one review",
        slug="season-one-review",
        ago=timedelta(days=2),
        rating=4,
        verdict="Worth the leap.",
        reviewed_work=series,
        reviewed_season=season,
    )
    review.works.add(series)
    article_render(article=review)

    hidden = Person.objects.create(name="Draft Only Byline", slug="draft-only-byline")
    draft = factories.article(headline="Draft headline", slug="a-draft", body=HIDDEN_WORDS)
    scheduled = factories.article(
        headline="Scheduled headline",
        slug="a-scheduled-one",
        status=Article.Status.PUBLISHED,
        publish_at=timezone.now() + timedelta(days=1),
        body=HIDDEN_WORDS,
    )
    unpublished = factories.article(
        headline="Unpublished headline",
        slug="an-unpublished-one",
        status=Article.Status.UNPUBLISHED,
        publish_at=timezone.now() - timedelta(days=3),
        body=HIDDEN_WORDS,
    )
    draft_work = factories.work("Draft Only Show", slug="draft-only-show")
    for article in (draft, scheduled, unpublished):
        article.tags.add("hidden-topic")
        article.works.add(series, draft_work)
        factories.byline(article, hidden)
        factories.quote(article, actor, status="confirmed", words=HIDDEN_WORDS)
        article_render(article=article)
    return Newsroom(
        series=series,
        novel=novel,
        actor=actor,
        critic=critic,
        recap=recap,
        interview=interview,
        review=review,
        draft=draft,
        scheduled=scheduled,
        unpublished=unpublished,
        public_quote=Quote.objects.get(pk=public_quote.pk),
        secret_quote=Quote.objects.get(pk=secret_quote.pk),
    )


def get_json(client, url: str, status: int = 200, **extra):
    response = client.get(url, **extra)
    assert response.status_code == status, (url, response.status_code, response.content[:500])
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    return response.json()


def slugs(payload) -> list[str]:
    return [row["slug"] for row in payload["results"]]
