"""What the reader typed, turned into plain search terms, and highlighted text turned into HTML.

Pure functions, no database: the backends take the terms from here and never see the raw query,
so quotes, ``*``, ``NEAR``, ``:`` and the like can never reach a full-text query parser.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12

# Private-use characters the databases put around matched words; they cannot come from a
# keyboard, and they survive HTML escaping, so highlights are marked only after escaping.
MARK_START = "\ue000"
MARK_END = "\ue001"

_TERM = re.compile(r"[^\W_]+")
_MARKED = re.compile(f"{MARK_START}([^{MARK_START}{MARK_END}]*){MARK_END}")
_STRAY_MARKS = re.compile(f"[{MARK_START}{MARK_END}]")


@dataclass(frozen=True)
class UserQuery:
    text: str
    """What the reader typed, whitespace tidied and cut to ``MAX_QUERY_LENGTH``; for display only."""
    terms: tuple[str, ...]
    """The words to look for: letters and digits only, lower-cased, each once."""
    shortened: bool = False


def parse_query(raw: str) -> UserQuery:
    """Read a query string as plain words; every other character only separates them."""
    text = " ".join(_STRAY_MARKS.sub("", raw).split())
    shortened = len(text) > MAX_QUERY_LENGTH
    if shortened:
        text = text[:MAX_QUERY_LENGTH].rstrip()
    terms = tuple(dict.fromkeys(word.casefold() for word in _TERM.findall(text)))[:MAX_TERMS]
    return UserQuery(text=text, terms=terms, shortened=shortened)


def fts5_match(terms: Sequence[str]) -> str:
    """An FTS5 MATCH expression finding rows with every term.

    Each term is a quoted string, so FTS5 reads ``NEAR``, ``AND``, ``OR``, ``NOT`` and column
    names as words; terms hold no quote marks (``parse_query`` keeps letters and digits only).
    """
    return " ".join(f'"{term}"' for term in terms)


def render_marked(text: str) -> SafeString:
    """Escape ``text``, then turn each ``MARK_START``…``MARK_END`` pair into ``<mark>``."""
    escaped = _MARKED.sub(r"<mark>\1</mark>", escape(text))
    return mark_safe(_STRAY_MARKS.sub("", escaped))


def has_mark(text: str) -> bool:
    return MARK_START in text


def mark_terms(text: str, terms: Sequence[str], *, width: int | None = None) -> SafeString:
    """Highlight ``terms`` in ``text`` (as substrings, ignoring case), escaped.

    With ``width``, only a window of about that many characters around the first match is kept,
    cut at spaces, with an ellipsis where text was left out.
    """
    if not terms:
        return render_marked(text if width is None else _window(text, 0, width))
    pattern = re.compile("|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True)), re.IGNORECASE)
    if width is not None:
        first = pattern.search(text)
        text = _window(text, first.start() if first else 0, width)
    return render_marked(pattern.sub(lambda match: f"{MARK_START}{match.group(0)}{MARK_END}", text))


def _window(text: str, at: int, width: int) -> str:
    if len(text) <= width:
        return text
    start = max(0, at - width // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < at else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > at else end
    return f"{'…' if start else ''}{text[start:end].strip()}{'…' if end < len(text) else ''}"
