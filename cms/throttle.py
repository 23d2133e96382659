"""Slow down password guessing on the admin login: a few failures, then a pause."""

import functools
import hashlib

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.html import escape

MAX_FAILURES = 5
WINDOW_SECONDS = 15 * 60


def _key(request) -> str:
    who = request.POST.get("username", "").strip().casefold()
    where = request.META.get("REMOTE_ADDR", "")
    return "callboard:login-failures:" + hashlib.sha256(f"{where}\x1f{who}".encode()).hexdigest()


def throttled_login(login_view):
    """Wrap the admin's login view: refuse further attempts for a while after repeated failures."""

    @functools.wraps(login_view)
    def view(request, *args, **kwargs):
        if request.method != "POST":
            return login_view(request, *args, **kwargs)
        key = _key(request)
        if (cache.get(key) or 0) >= MAX_FAILURES:
            minutes = WINDOW_SECONDS // 60
            response = HttpResponse(
                f"<!doctype html><title>Too many attempts</title><h1>Too many failed sign-ins</h1>"
                f"<p>{escape(f'Sign-in is paused for this account from here; try again in {minutes} minutes.')}</p>",
                status=429,
            )
            response["Retry-After"] = str(WINDOW_SECONDS)
            return response
        response = login_view(request, *args, **kwargs)
        if response.status_code == 302:
            cache.delete(key)
        elif response.status_code == 200:
            cache.add(key, 0, WINDOW_SECONDS)
            cache.incr(key)
        return response

    return view
