"""The editorial core's one change signal.

``article_changed`` is sent once per editorial write, after it commits, with ``article`` and
``action`` (``"saved"``, ``"published"``, ``"scheduled"``, ``"unpublished"``, ``"restored"``,
``"quotes"``). The core already invalidates the page cache itself; receivers are for what hangs
off a change (webhooks, search indexes, CDN purges) and must not write to articles.
"""

from django.dispatch import Signal

article_changed = Signal()
