"""The spoiler lint: never-spoil fields that repeat words from the article's spoilers.

A headline that echoes the reveal ("Delia pushed Cassie") spoils everyone who sees a listing,
a feed or a search result. This finds runs of three or more words that a field shares with any
spoiler, so the editor can reword before publishing. It warns; it does not block.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

__all__ = ["spoiler_lint"]

RUN_LENGTH = 3
WORD_RE = re.compile(r"[\w’']+")
# Runs made only of these say nothing about the plot ("one of the", "in the end").
STOPWORDS = {
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by", "from",
    "is", "are", "was", "were", "be", "been", "it", "its", "this", "that", "as", "up", "so", "not",
    "he", "she", "they", "his", "her", "their", "we", "you", "i", "all", "out", "who", "what",
}  # fmt: skip


def _words(text: str) -> list[str]:
    return [word.replace("’", "'") for word in WORD_RE.findall(text.casefold())]


def _runs(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + RUN_LENGTH]) for i in range(len(words) - RUN_LENGTH + 1)}


def spoiler_lint(fields: Mapping[str, str], spoiler_texts: Sequence[str]) -> list[str]:
    """One warning per field that shares a run of three or more words with a spoiler."""
    spoiler_runs: set[tuple[str, ...]] = set()
    for text in spoiler_texts:
        spoiler_runs |= _runs(_words(text))
    warnings = []
    for label, value in fields.items():
        words = _words(value)
        shared = [
            run
            for run in (tuple(words[i : i + RUN_LENGTH]) for i in range(len(words) - RUN_LENGTH + 1))
            if run in spoiler_runs and not set(run) <= STOPWORDS
        ]
        if shared:
            phrase = " ".join(shared[0])
            warnings.append(
                f"The {label} repeats “{phrase}” from a spoiler. It is shown where spoilers never are "
                "(listings, feeds, search results); consider rewording it."
            )
    return warnings
