"""The spoiler lints: never-spoil fields that repeat words from the article's spoilers, and
spoilers whose scope names something that does not exist.

A headline that echoes the reveal ("Delia pushed Cassie") spoils everyone who sees a listing,
a feed or a search result. This finds runs of three or more words that a field shares with any
spoiler, so the editor can reword before publishing. It warns; it does not block.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from .scope import Scope

__all__ = ["scope_lint", "spoiler_lint"]

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


def scope_lint(
    scopes: Sequence[Scope], known: Mapping[str, Mapping[int, int]], *, spoiler_count: int, tagged: bool
) -> list[str]:
    """Warnings for spoilers no reader can reveal by saying how far they have watched, and for an
    article whose spoilers its listing does not announce.

    `known` maps each work's slug to its seasons' episode counts (a season with no episodes
    entered yet maps to 0, which allows any episode number: the guide may simply be behind).
    """
    warnings = []
    for scope in scopes:
        if scope.work is None:
            warnings.append(
                f"The spoiler for {scope.code} names no work and the article is about no single work, so no reader "
                "can reveal it by their progress; write the work, e.g. 'the-work:s1e5'."
            )
            continue
        seasons = known.get(scope.work)
        if seasons is None:
            warnings.append(f"The spoiler for {scope.attr} names a work that does not exist: “{scope.work}”.")
        elif scope.season is not None and scope.season not in seasons:
            warnings.append(
                f"The spoiler for {scope.attr} names season {scope.season}, which {scope.work} does not have."
            )
        elif scope.episode is not None and 0 < seasons[scope.season] < scope.episode:
            warnings.append(
                f"The spoiler for {scope.attr} names episode {scope.episode}, but season {scope.season} of "
                f"{scope.work} has {seasons[scope.season]} episodes."
            )
    if spoiler_count and not tagged:
        warnings.append(
            "The body has spoilers but the article has no spoiler tag, so listings and feeds do not warn readers; "
            "add the work, season or episode it spoils under Spoilers."
        )
    return warnings
