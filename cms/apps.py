from django.apps import AppConfig


class CmsConfig(AppConfig):
    """Project plumbing: no models, only the cache table's migration and the wiring below."""

    name = "cms"
    verbose_name = "Site"

    def ready(self):
        from cms import pagecache, replicas

        # The page cache tells the replicas how far the primary's log had reached once each
        # change committed; registered here so that neither module imports the other both ways.
        pagecache.after_committed_change(replicas.record_change_position)
