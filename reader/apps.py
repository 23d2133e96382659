from django.apps import AppConfig


class ReaderConfig(AppConfig):
    """What readers get: pages, listings, feeds, sitemaps and search results, all read-only."""

    name = "reader"
    verbose_name = "reader"
