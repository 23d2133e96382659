"""What the body's writing toolbar asks the server: the episodes a spoiler can name, the images."""


class BodyToolbarMixin:
    """Adds the toolbar's JSON lookups to the article admin."""

    def get_urls(self):
        return [*self.toolbar_urls(), *super().get_urls()]

    def toolbar_urls(self):
        return []
