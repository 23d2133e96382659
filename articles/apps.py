from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self):
        from articles.models import Article
        from cms import pagecache

        # A scheduled article going live changes readers' pages without anyone saving anything:
        # the page cache moves on by itself once the clock passes the next publish time.
        def next_publish_at(now):
            scheduled = Article.objects.scheduled(now).order_by("publish_at")
            return scheduled.values_list("publish_at", flat=True).first()

        pagecache.register_schedule(next_publish_at)

        # The image library sits below articles and imports nothing from it; it announces a
        # changed image, and the core renders the articles that show it.
        from articles.services.derived import image_changed_receiver
        from images.signals import image_changed

        image_changed.connect(image_changed_receiver, dispatch_uid="articles.image_changed")

        # A batch of imports shares one name directory until the people database changes.
        from django.db.models.signals import post_delete, post_save

        from articles.analysis import people_changed
        from people.models import Character, Credit, Person, PersonAlias

        for model in (Person, PersonAlias, Character, Credit):
            for signal in (post_save, post_delete):
                signal.connect(people_changed, sender=model, dispatch_uid=f"articles.people_changed.{model.__name__}")
