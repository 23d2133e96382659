from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "search"

    def ready(self) -> None:
        from search.index import ensure_article_index_after_migrate

        # On SQLite, a later migration that alters articles_article rebuilds the table and drops
        # the triggers that keep the full-text index in step; this puts them back after every
        # migrate. post_migrate is only sent for apps with models, hence the articles app as sender.
        post_migrate.connect(ensure_article_index_after_migrate, sender=apps.get_app_config("articles"))
