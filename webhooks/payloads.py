"""What a delivery says: the content API's own representation of the article or quote.

A delivery reads the row through the API's querysets and serializers with no ``through``, so it
carries exactly what an anonymous API client would get: the spoiler-safe body, public quotes
only, and nothing at all of an article readers cannot see. Links are absolute, on
``CALLBOARD_SITE_URL``, since there is no request to take a host from.
"""

from urllib.parse import urljoin

from django.conf import settings

from api.filters import ReaderScope
from api.serializers import ArticleSerializer, QuoteSerializer
from api.views import article_rows, quote_rows
from articles.models import Article, Quote
from reader.feeds import FeedRequest


class SiteRequest:
    """Stands in for a request where serializers build absolute links."""

    def build_absolute_uri(self, location: str = "/") -> str:
        return urljoin(settings.CALLBOARD_SITE_URL, location)


def _context() -> dict:
    request = SiteRequest()
    return {"request": request, "asked": FeedRequest(absolute_url=request.build_absolute_uri)}


def article_payload(article: Article) -> dict | None:
    """The article as the API lists it, or None when readers cannot see it now."""
    row = article_rows(ReaderScope()).filter(pk=article.pk).first()
    return None if row is None else dict(ArticleSerializer(row, context=_context()).data)


def article_gone_payload(article: Article) -> dict:
    """What endpoints learn of an article taken down: which one, and nothing of its text."""
    return {
        "id": article.pk,
        "slug": article.slug,
        "url": urljoin(settings.CALLBOARD_SITE_URL, article.get_absolute_url()),
    }


def quote_payload(quote: Quote) -> dict | None:
    """The quote as the API shows it, or None unless it is public (confirmed, outside spoilers, live)."""
    row = quote_rows(ReaderScope()).filter(pk=quote.pk).first()
    return None if row is None else dict(QuoteSerializer(row, context=_context()).data)
