"""The anonymous page cache: whole responses for readers without an account, invalidated exactly.

Every cached page is stored under the site's current *generation*. Anything a page can show
changing (an article saved, published or unpublished, a quote confirmed, a person, work or image
edited) moves the generation on, so every page is rebuilt on its next request, on every app
process sharing the cache. A scheduled article going live is a change nobody makes: the
generation remembers when the next scheduled article is due and moves on by itself once the clock
passes it, so no job has to run.

The key varies on what changes a page for a reader: the path and query, the language used to
format dates, and the reader's spoiler progress cookie; nothing else. If the cache backend is
unreachable (Redis down), pages are served from the database and a warning is logged.
"""

import hashlib
import logging
import os
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers

logger = logging.getLogger(__name__)

GENERATION_KEY = "callboard:generation"
NEXT_CHANGE_KEY = "callboard:next-change:{generation}"
PAGE_KEY = "callboard:page:{generation}:{digest}"
PAGE_TIMEOUT = 24 * 60 * 60
NO_SCHEDULE = "none"
EXCLUDED_PREFIXES = ("/admin/", "/preview/", "/progress/")


def enabled() -> bool:
    return os.environ.get("CALLBOARD_PAGE_CACHE", "1").strip().lower() not in {"0", "false", "no", "off"}


def site_changed() -> None:
    """Something readers can see has changed: every cached page is stale from now on.

    Inside a transaction the generation moves on at once and again when the change commits: a
    page rebuilt in between, from rows not yet committed, was stored under a generation that is
    left behind. The primary's log position for the replicas is read only once the change is
    committed, outside the writer's transaction.
    """
    if transaction.get_connection().in_atomic_block:
        _move_on()
        transaction.on_commit(lambda: _move_on(committed=True))
    else:
        _move_on(committed=True)


def _move_on(committed: bool = False) -> None:
    try:
        try:
            generation = cache.incr(GENERATION_KEY)
        except ValueError:
            cache.add(GENERATION_KEY, 1, timeout=None)
            generation = cache.incr(GENERATION_KEY)
    except Exception:
        logger.warning("Page cache unreachable; could not record a change.", exc_info=True)
        return
    if committed:
        from cms.replicas import record_change_position

        record_change_position(generation)


def _generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        generation = cache.get(GENERATION_KEY) or 1
    return int(generation)


def current_generation(now: datetime | None = None) -> int:
    """The generation pages are cached under, moved on if a scheduled article has gone live."""
    generation = _generation()
    key = NEXT_CHANGE_KEY.format(generation=generation)
    due = cache.get(key)
    if due is None:
        from articles.models import Article

        upcoming = Article.objects.scheduled(now).order_by("publish_at").values_list("publish_at", flat=True).first()
        due = upcoming.isoformat() if upcoming else NO_SCHEDULE
        cache.set(key, due, timeout=PAGE_TIMEOUT)
    if due != NO_SCHEDULE and datetime.fromisoformat(due) <= (now or timezone.now()):
        site_changed()
        generation = _generation()
    return generation


def cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD") or request.path.startswith(EXCLUDED_PREFIXES):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False  # signed-in staff and anyone with a session see their own pages
    return not getattr(request, "user", None) or not request.user.is_authenticated


def page_key(request, generation: int) -> str:
    from articles.progress import COOKIE_NAME

    parts = [
        request.method,
        request.get_full_path(),
        getattr(request, "LANGUAGE_CODE", ""),
        request.COOKIES.get(COOKIE_NAME, ""),
    ]
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return PAGE_KEY.format(generation=generation, digest=digest)


class AnonymousPageCacheMiddleware:
    """Serve readers' pages from the cache; store fresh ones; set CDN-friendly headers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (enabled() and cacheable_request(request)):
            return self.get_response(request)
        try:
            key = page_key(request, current_generation())
            cached = cache.get(key)
        except Exception:
            logger.warning("Page cache unreachable; serving %s uncached.", request.path, exc_info=True)
            return self.get_response(request)
        if cached is not None:
            cached["X-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if self.storable(response):
            self.add_public_headers(request, response)
            try:
                # Template responses are rendered by the time they pass back through here.
                cache.set(key, response, PAGE_TIMEOUT)
            except Exception:
                logger.warning("Page cache unreachable; %s not stored.", request.path, exc_info=True)
            response["X-Cache"] = "miss"
        return response

    @staticmethod
    def storable(response) -> bool:
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        control = response.get("Cache-Control", "")
        return not any(word in control for word in ("private", "no-cache", "no-store"))

    @staticmethod
    def add_public_headers(request, response) -> None:
        from articles.progress import COOKIE_NAME

        patch_vary_headers(response, ["Accept-Language", "Cookie"])
        if COOKIE_NAME in request.COOKIES:
            patch_cache_control(response, private=True, max_age=0)
        else:
            patch_cache_control(response, public=True, max_age=0, s_maxage=60, stale_while_revalidate=300)
