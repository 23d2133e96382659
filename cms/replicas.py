"""Read replicas: readers' pages are read from a PostgreSQL standby once it has caught up.

With ``DATABASE_REPLICA_URLS`` set, an anonymous GET of a public page (the requests the page cache
serves, ``pagecache.cacheable_request``) reads from one of the standbys, chosen per request.
Everything else reads and writes on the primary: the admin, previews, signed-in staff, every POST,
management commands and anything outside a request.

Replication lag is handled by position, not by time. Whenever readers' content changes, the page
cache moves to a new generation and the primary's write-ahead log position, read once the change
has committed, is recorded with it (``record_change_position``, which ``cms.apps`` registers with
the page cache). A request reads from a standby only if the standby has replayed the log at least
that far; otherwise it reads from the primary. So a page rebuilt after a publish never comes from
a standby that has not seen the publish, and the page cache never stores a stale page under a new
generation. The check is one small query on the standby, made on the request's first database
read, so a page-cache hit costs nothing.

A request that writes anything stays on the primary from then on (read-your-writes). If a standby
cannot be reached, reads go to the primary and a warning is logged; that standby is left alone
for ``UNREACHABLE_RETRY_SECONDS`` (connections to it give up after ``connect_timeout``, two
seconds unless the URL says otherwise). If the page cache's store cannot be reached, reads go to
the primary too.
"""

import logging
import random
import time
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

from cms import pagecache

logger = logging.getLogger(__name__)

CHANGE_POSITION_KEY = "callboard:change-position:{generation}"
# A standby that failed to answer is left alone this long, so readers do not each wait on it.
UNREACHABLE_RETRY_SECONDS = 10
_unreachable_until: dict[str, float] = {}


@dataclass
class ReadPlan:
    """Where this request's reads go: ``None`` until the first read decides, then an alias."""

    candidates: list[str]
    alias: str | None = None

    def pin_to_primary(self) -> None:
        self.alias = DEFAULT_DB_ALIAS


_plan: ContextVar[ReadPlan | None] = ContextVar("callboard_read_plan", default=None)


def record_change_position(generation: str) -> None:
    """Remember how far the primary's log had reached once ``generation`` began.

    Any position read after the generation moved on covers every change committed before it, so
    the first writer wins (``add``) and a later, larger position is never needed.
    """
    if not settings.DATABASE_REPLICAS:
        return
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            # The insert position, not the write position: with synchronous_commit off, a commit
            # is visible before its log record is written.
            cursor.execute("SELECT pg_current_wal_insert_lsn()::text")
            position = cursor.fetchone()[0]
        cache.add(CHANGE_POSITION_KEY.format(generation=generation), position, pagecache.PAGE_TIMEOUT)
    except Exception:
        logger.warning("Could not record the primary's log position; readers use the primary.", exc_info=True)


def required_position() -> str | None:
    """The primary's log position readers' pages need now, or ``None`` when it cannot be known."""
    try:
        generation = pagecache.current_generation()
        key = CHANGE_POSITION_KEY.format(generation=generation)
        position = cache.get(key)
        if position is None:
            record_change_position(generation)
            position = cache.get(key)
        return position
    except Exception:
        logger.warning("The position readers need is unknown; reading from the primary.", exc_info=True)
        return None


def replica_state(alias: str) -> str:
    """``ok`` (caught up), ``behind``, ``unreachable``, or ``unknown`` when the position is."""
    position = required_position()
    if position is None:
        return "unknown"
    try:
        with connections[alias].cursor() as cursor:
            # NULL on a server that is not a standby: never caught up.
            cursor.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [position])
            replayed = bool(cursor.fetchone()[0])
    except DatabaseError:
        logger.warning(
            "Read replica %s unreachable; reading from the primary for %d s.",
            alias,
            UNREACHABLE_RETRY_SECONDS,
            exc_info=True,
        )
        _unreachable_until[alias] = time.monotonic() + UNREACHABLE_RETRY_SECONDS
        connections[alias].close_if_unusable_or_obsolete()
        return "unreachable"
    _unreachable_until.pop(alias, None)
    return "ok" if replayed else "behind"


def reading_alias() -> str | None:
    """The alias this request reads from, decided on its first read; ``None`` outside requests."""
    plan = _plan.get()
    if plan is None:
        return None
    if plan.alias is None:
        # The primary until the check is done: the check's own reads must not ask again.
        plan.alias = DEFAULT_DB_ALIAS
        now = time.monotonic()
        reachable = [alias for alias in plan.candidates if _unreachable_until.get(alias, 0) <= now]
        if reachable:
            alias = random.choice(reachable)
            if replica_state(alias) == "ok":
                plan.alias = alias
    return plan.alias


class ReplicaRouter:
    """Reads of readers' pages go to a caught-up standby; writes and everything else to the primary."""

    def db_for_read(self, model, **hints):
        return reading_alias() or DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints):
        plan = _plan.get()
        if plan is not None:
            plan.pin_to_primary()
        # Explicit: an object read from a standby must still be saved on the primary.
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # every alias holds the same data

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS


class ReplicaReadsMiddleware:
    """Let the router send this request's reads to a standby when it is a reader's public page."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.candidates = settings.DATABASE_REPLICAS

    def __call__(self, request):
        if not self.candidates or not pagecache.cacheable_request(request):
            return self.get_response(request)
        token = _plan.set(ReadPlan(candidates=self.candidates))
        try:
            return self.get_response(request)
        finally:
            _plan.reset(token)
