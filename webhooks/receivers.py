"""Editorial changes turned into webhook events.

The editorial core sends ``articles.signals.article_changed`` once per write, after it commits,
whichever door the write came through; this is the one place that listens for webhooks. The
listener only queues ``webhook_events``, so a save never waits on building payloads:

- ``article.published`` when an article goes live, at once or, when it was scheduled, at its
  publish time (a task due then checks the schedule still holds); ``article.unpublished`` when it comes down,
  ``article.updated`` for any other change to a live article (text, bylines, quotes, a restore);
- ``quote.confirmed`` once for each quote that has become public (confirmed, attributed,
  outside every spoiler, in a live article) since endpoints were last told, whichever door
  confirmed it: the review table, the article form, the quotes admin or an import.
"""

from datetime import datetime

from django.db import transaction

from articles.models import Article, Quote
from articles.services import article_is_live
from cms.tasks import default_task_backend, task
from webhooks.models import Endpoint, Event, NoticedQuote
from webhooks.payloads import article_gone_payload, article_payload, quote_payload
from webhooks.services import deliveries_create

UPDATES = {"saved", "restored", "quotes"}


def article_changed_receiver(*, article: Article, action: str, **kwargs) -> None:
    if action == "scheduled" and article.publish_at and default_task_backend.supports_defer:
        # Going live by the clock is an event too: a task due at the publish time says so then.
        webhook_went_live.using(run_after=article.publish_at).enqueue(article.pk, article.publish_at.isoformat())
    elif Endpoint.objects.filter(active=True).exists():
        webhook_events.enqueue(article.pk, action)


@task()
def webhook_went_live(article_id: int, publish_at: str) -> None:
    """``article.published`` for a scheduled article whose time has come, if it is still the
    schedule this task was queued for (a new time queued its own task) and it is live."""
    article = Article.objects.filter(pk=article_id).first()
    if article is None or article.publish_at != datetime.fromisoformat(publish_at):
        return  # gone, or scheduled for another time (equal instants compare equal in any zone)
    if article_is_live(article):
        webhook_events.call(article_id, "published")


@task()
def webhook_events(article_id: int, action: str) -> None:
    """The deliveries one editorial change makes, read from the article as it is now."""
    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        return
    live = article_is_live(article)
    if action == "unpublished":
        deliveries_create(event=Event.ARTICLE_UNPUBLISHED, payload=article_gone_payload(article))
    elif live and action in UPDATES | {"published"}:
        payload = article_payload(article)
        if payload is not None:
            event = Event.ARTICLE_PUBLISHED if action == "published" else Event.ARTICLE_UPDATED
            deliveries_create(event=event, payload=payload)
    _notice_quotes(article, live)


def _notice_quotes(article: Article, live: bool) -> None:
    """Tell endpoints of quotes that became public; forget quotes that stopped being public, so a
    quote confirmed again later is announced again."""
    public = set(Quote.objects.public().filter(article=article).values_list("pk", flat=True)) if live else set()
    noticed = set(NoticedQuote.objects.filter(quote__article=article).values_list("quote_id", flat=True))
    with transaction.atomic():
        NoticedQuote.objects.filter(quote_id__in=noticed - public).delete()
        for quote in Quote.objects.filter(pk__in=public - noticed).order_by("position", "pk"):
            payload = quote_payload(quote)
            if payload is not None:
                NoticedQuote.objects.create(quote=quote)
                # Endpoints registered after the quote was confirmed were not there to be told.
                deliveries_create(event=Event.QUOTE_CONFIRMED, payload=payload, since=quote.updated_at)
