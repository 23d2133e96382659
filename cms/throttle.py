"""Slow down password guessing on the admin login: a few failures, then a pause.

Attempts are counted in the shared cache, so every app process counts the same attempts, per
address and per account. The account is the username as the login form will look it up: Django
folds its spellings together with NFKC (``ｅｄｉｔｏｒ`` and ``𝐞𝐝𝐢𝐭𝐨𝐫`` sign in as ``editor``), and the
count also ignores case, so no spelling of a paused account gets fresh attempts.

Each attempt claims one of ``MAX_FAILURES`` slots before the password is checked, with the cache's
``add``, which succeeds for one caller only (Redis's SET NX, the database cache's unique key). So
attempts sent in parallel, to one process or several, cannot all pass the check before any is
counted, and no read-then-write increment can lose one. A failure keeps its slot for
``WINDOW_SECONDS``; a success frees them all; an attempt that is neither (an error) gives its
slot back.
"""

import functools
import hashlib
import unicodedata

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.html import escape

MAX_FAILURES = 5
WINDOW_SECONDS = 15 * 60
# After the page cache's keys in sort order, so that a database cache pruning its lowest keys
# (MAX_ENTRIES in cms/settings.py) drops pages before it drops a count of failed sign-ins.
KEY_PREFIX = "callboard:throttle:login:"


def account(username: str) -> str:
    """One name for every spelling that signs in as the same account, in any case."""
    normalized = AbstractBaseUser.normalize_username(username.strip())
    return unicodedata.normalize("NFKC", normalized.casefold())


def attempt_key(request) -> str:
    who = account(request.POST.get("username", ""))
    where = request.META.get("REMOTE_ADDR", "")
    return KEY_PREFIX + hashlib.sha256(f"{where}\x1f{who}".encode()).hexdigest()


def slot_keys(key: str) -> list[str]:
    return [f"{key}:{slot}" for slot in range(MAX_FAILURES)]


def claim_attempt(key: str, store=cache) -> str | None:
    """The slot this attempt holds, or ``None`` when every slot is taken: the pause."""
    for slot_key in slot_keys(key):
        if store.add(slot_key, 1, WINDOW_SECONDS):
            return slot_key
    return None


def too_many_attempts() -> HttpResponse:
    minutes = WINDOW_SECONDS // 60
    response = HttpResponse(
        f"<!doctype html><title>Too many attempts</title><h1>Too many failed sign-ins</h1>"
        f"<p>{escape(f'Sign-in is paused for this account from here; try again in {minutes} minutes.')}</p>",
        status=429,
    )
    response["Retry-After"] = str(WINDOW_SECONDS)
    return response


def throttled_login(login_view):
    """Wrap the admin's login view: refuse further attempts for a while after repeated failures."""

    @functools.wraps(login_view)
    def view(request, *args, **kwargs):
        if request.method != "POST":
            return login_view(request, *args, **kwargs)
        key = attempt_key(request)
        slot = claim_attempt(key)
        if slot is None:
            return too_many_attempts()
        try:
            response = login_view(request, *args, **kwargs)
        except Exception:
            cache.delete(slot)
            raise
        if response.status_code == 302:
            cache.delete_many(slot_keys(key))
        elif response.status_code != 200:
            cache.delete(slot)  # not a wrong password: the form was never answered
        return response

    return view
