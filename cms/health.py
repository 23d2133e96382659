"""``/healthz``: whether this app server can serve readers, for load balancers and monitors.

Answered before any other middleware, so a balancer probing by IP address (a Host header not in
``ALLOWED_HOSTS``) or over plain HTTP behind an HTTPS redirect still gets an answer. It says 200
when the primary database answers, 503 when it does not. The cache and read replicas are reported
but do not fail the check: without them the site still serves, from the database and the primary.
Nothing in the answer names a host, a version or a setting.
"""

import json
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers

from cms import replicas

logger = logging.getLogger(__name__)

HEALTH_PATH = "/healthz"
PROBE_KEY = "callboard:health-probe"


def database_status(alias: str) -> str:
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.warning("Health check: database %s unreachable.", alias, exc_info=True)
        connections[alias].close_if_unusable_or_obsolete()
        return "unreachable"
    return "ok"


def cache_status() -> str:
    try:
        cache.set(PROBE_KEY, "ok", timeout=60)
        return "ok" if cache.get(PROBE_KEY) == "ok" else "unreachable"
    except Exception:
        logger.warning("Health check: cache unreachable.", exc_info=True)
        return "unreachable"


def health() -> tuple[int, dict]:
    report = {"database": database_status(DEFAULT_DB_ALIAS), "cache": cache_status()}
    healthy = report["database"] == "ok"
    if aliases := settings.DATABASE_REPLICAS:
        # Judged against the primary's position, so only asked when the primary answers.
        report["replicas"] = {alias: replicas.replica_state(alias) if healthy else "unknown" for alias in aliases}
    return (200 if healthy else 503), {"status": "ok" if healthy else "unavailable", **report}


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path != HEALTH_PATH:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            response = HttpResponse(status=405)
            response["Allow"] = "GET, HEAD"
            return response
        status, report = health()
        response = HttpResponse(json.dumps(report), status=status, content_type="application/json")
        response["X-Content-Type-Options"] = "nosniff"
        add_never_cache_headers(response)
        return response
