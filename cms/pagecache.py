"""The anonymous page cache: whole responses for readers without an account, invalidated exactly.

Every cached page is stored under the site's current *generation*, a random token. Anything a page
can show changing (an article saved, published or unpublished, a quote confirmed, a person, work or
image edited) replaces the token, so every page is rebuilt on its next request, on every app
process sharing the cache. A token is never reused, so two processes replacing it at once cannot
land back on a generation pages were stored under; a counter on a cache without an atomic
increment (the database cache's is a read and a write) could. A scheduled article going live is a
change nobody makes: the generation remembers when the next scheduled change is due and moves on
by itself once the clock passes it, so no job has to run.

This module knows nothing about articles. The apps whose content changes on a schedule register
where the next change comes from (``register_schedule``), and the read replicas register what to
do once a change has committed (``after_committed_change``), both from their ``AppConfig.ready()``.

The key varies on what changes a page for a reader: the path and query, the language used to
format dates, and the reader's spoiler progress cookie (``CALLBOARD_PROGRESS_COOKIE``); nothing
else. If the cache backend is unreachable (Redis down), pages are served from the database and a
warning is logged.
"""

import hashlib
import logging
import os
import secrets
from collections.abc import Callable
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

# When the next change readers will see, made by the clock alone, is due (``None``: none is).
ScheduleSource = Callable[[datetime | None], datetime | None]
# Told each new generation once the change that began it has committed.
ChangeHook = Callable[[str], None]
_schedule_sources: list[ScheduleSource] = []
_committed_change_hooks: list[ChangeHook] = []


def register_schedule(source: ScheduleSource) -> None:
    """Have ``source(now)`` consulted for the time the next scheduled change goes live."""
    if source not in _schedule_sources:
        _schedule_sources.append(source)


def after_committed_change(hook: ChangeHook) -> None:
    """Call ``hook(generation)`` whenever a committed change has moved the generation on."""
    if hook not in _committed_change_hooks:
        _committed_change_hooks.append(hook)


def enabled() -> bool:
    return os.environ.get("CALLBOARD_PAGE_CACHE", "1").strip().lower() not in {"0", "false", "no", "off"}


def site_changed() -> None:
    """Something readers can see has changed: every cached page is stale from now on.

    Inside a transaction the generation moves on at once and again when the change commits: a
    page rebuilt in between, from rows not yet committed, was stored under a generation that is
    left behind. The hooks (the replicas' log position) run only once the change is committed,
    outside the writer's transaction.
    """
    if transaction.get_connection().in_atomic_block:
        _move_on()
        transaction.on_commit(lambda: _move_on(committed=True))
    else:
        _move_on(committed=True)


def _new_generation() -> str:
    return secrets.token_hex(8)


def _move_on(committed: bool = False) -> None:
    generation = _new_generation()
    try:
        cache.set(GENERATION_KEY, generation, timeout=None)
    except Exception:
        logger.warning("Page cache unreachable; could not record a change.", exc_info=True)
        return
    if committed:
        for hook in _committed_change_hooks:
            hook(generation)


def _generation() -> str:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        fresh = _new_generation()
        # Whoever adds first sets the generation for everyone; the others read theirs.
        generation = fresh if cache.add(GENERATION_KEY, fresh, timeout=None) else cache.get(GENERATION_KEY, fresh)
    return str(generation)


# The generation this process read last (a guess at the next one: see current_generation).
_last_read: dict[str, str | None] = {"generation": None}


def next_scheduled_change(now: datetime | None = None) -> datetime | None:
    """The earliest time any registered source says readers' content changes by itself."""
    return min(filter(None, (source(now) for source in _schedule_sources)), default=None)


def current_generation(now: datetime | None = None) -> str:
    """The generation pages are cached under, moved on if a scheduled change has gone live."""
    return read_under_generation(lambda generation: [], now)[0]


def read_under_generation(keys_of: Callable[[str], list[str]], now: datetime | None = None) -> tuple[str, dict]:
    """The current generation (as ``current_generation``) and the cached values of ``keys_of(generation)``.

    One round trip when the generation is the one this process read last, which it is until the
    site changes: the generation, when its next scheduled change is due, and the keys are read
    together under that guess. A value read under a guess is used only if the guess was right.
    """
    guess = _last_read["generation"]
    wanted = [GENERATION_KEY]
    if guess:
        wanted += [NEXT_CHANGE_KEY.format(generation=guess), *keys_of(guess)]
    found = cache.get_many(wanted)
    generation = found.get(GENERATION_KEY)
    generation = _generation() if generation is None else str(generation)
    _last_read["generation"] = generation
    due_key = NEXT_CHANGE_KEY.format(generation=generation)
    if generation != guess:
        found = cache.get_many([due_key, *keys_of(generation)])
    due = found.get(due_key)
    if due is None:
        upcoming = next_scheduled_change(now)
        due = upcoming.isoformat() if upcoming else NO_SCHEDULE
        cache.set(due_key, due, timeout=PAGE_TIMEOUT)
    if due != NO_SCHEDULE and datetime.fromisoformat(due) <= (now or timezone.now()):
        site_changed()
        generation = _generation()
        found = cache.get_many(keys_of(generation))
    return generation, {key: found[key] for key in keys_of(generation) if key in found}


def cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD") or request.path.startswith(EXCLUDED_PREFIXES):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False  # signed-in staff and anyone with a session see their own pages
    return not getattr(request, "user", None) or not request.user.is_authenticated


def page_digest(request) -> str:
    """What tells this request's page apart from every other page under one generation."""
    # The host and scheme too: feeds, sitemaps and structured data carry absolute links built
    # from the request, so a site served under two names keeps one copy of each page per name.
    parts = [
        request.method,
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        getattr(request, "LANGUAGE_CODE", ""),
        request.COOKIES.get(settings.CALLBOARD_PROGRESS_COOKIE, ""),
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


class AnonymousPageCacheMiddleware:
    """Serve readers' pages from the cache; store fresh ones; set CDN-friendly headers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (enabled() and cacheable_request(request)):
            return self.get_response(request)
        try:
            digest = page_digest(request)
            generation, found = read_under_generation(
                lambda generation: [PAGE_KEY.format(generation=generation, digest=digest)]
            )
            key = PAGE_KEY.format(generation=generation, digest=digest)
            cached = found.get(key)
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
        patch_vary_headers(response, ["Accept-Language", "Cookie"])
        if settings.CALLBOARD_PROGRESS_COOKIE in request.COOKIES:
            patch_cache_control(response, private=True, max_age=0)
        else:
            patch_cache_control(response, public=True, max_age=0, s_maxage=60, stale_while_revalidate=300)
