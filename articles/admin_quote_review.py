"""The article's quotes reviewed as one compact table."""

from django.urls import path


class QuoteReviewMixin:
    """Adds ``<id>/quotes/`` to the article admin: every quote of one article in a table."""

    def get_urls(self):
        view = self.admin_site.admin_view
        extra = [path("<path:object_id>/quotes/", view(self.quote_review_view), name="articles_article_quotes")]
        return [*extra, *super().get_urls()]

    def quote_review_view(self, request, object_id):
        from django.http import Http404

        raise Http404("Not built yet.")
