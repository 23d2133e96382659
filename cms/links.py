"""Public URLs, reversed once per process and remembered.

An article's page builds about forty links (the site's sections, its people, works, topics and
related articles) and ``reverse`` costs tens of microseconds each, matching the name against
every pattern again. A URL depends only on the pattern, its arguments, the URL configuration
and the script prefix the site is served under, so it is remembered under all four. The memory
is bounded: the least recently used links are forgotten first.
"""

from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

# About a hundred bytes each: a few megabytes at most, for the pages readers reach most.
REMEMBERED_LINKS = 20_000


def link(viewname: str, *args) -> str:
    """``reverse(viewname, args=args)``, remembered."""
    return _reversed(viewname, args, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())


@lru_cache(maxsize=REMEMBERED_LINKS)
def _reversed(viewname: str, args: tuple, urlconf: str, prefix: str) -> str:
    return reverse(viewname, urlconf=urlconf, args=args)
