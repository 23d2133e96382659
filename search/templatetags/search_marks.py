from collections.abc import Sequence

from django import template
from django.utils.safestring import SafeString

from search.query import mark_terms

register = template.Library()


@register.filter
def marked(text: str, terms: Sequence[str]) -> SafeString:
    """``text`` escaped, the searched ``terms`` in ``<mark>``."""
    return mark_terms(text or "", terms)


@register.filter
def marked_excerpt(text: str, terms: Sequence[str]) -> SafeString:
    """A short window of ``text`` around the first searched term, escaped and marked."""
    return mark_terms(text or "", terms, width=180)
