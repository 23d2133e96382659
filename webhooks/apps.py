from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    name = "webhooks"
    verbose_name = "Webhooks"

    def ready(self):
        from articles.signals import article_changed
        from webhooks.receivers import article_changed_receiver

        article_changed.connect(article_changed_receiver, dispatch_uid="webhooks.article_changed")
