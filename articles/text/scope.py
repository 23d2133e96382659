"""Spoiler scopes: how far into a work a piece of text reaches.

A scope is written by editors in spoiler markers (`::: spoiler S1E10`) and by readers when they say
how far they have watched (`?through=s1e5`). Both go through `parse_scope`, so the two can never
disagree about what "S1E10" means, and `covers` is the one place that decides whether a reader's
progress is far enough to see a spoiler.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["Scope", "ScopeError", "covers", "parse_scope"]

SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# The episode part on its own: "s1e10", "s01e02", "s1", "finale", "s1 finale", "the finale".
# At most five digits: no work has more seasons or episodes, and a number of thousands of digits
# would cost seconds to convert (Python refuses past 4,300) before being refused anyway.
EPISODE_RE = re.compile(r"s(?P<season>\d{1,5})(?:e(?P<episode>\d{1,5}))?")
FINALE_RE = re.compile(r"(?:s(?P<season>\d{1,5})\s*)?(?:the\s+)?finale")
# Something that starts like an episode code but is not one ("s1x", "e5", "s1e"): a typo, not a slug.
CODE_LIKE_RE = re.compile(r"[se]\d")


class ScopeError(ValueError):
    """A scope could not be read; the message is meant for the editor or reader who typed it."""


@functools.total_ordering
@dataclass(frozen=True)
class Scope:
    """How far into a work something reaches: a whole work, a whole season, or one episode.

    Ordering follows the viewing order: episodes by (season, episode), a whole season after all
    of its episodes, a whole work after everything. Scopes of different works are ordered by
    position first and work slug last, so sorting is total and stable, but only `covers` says
    whether one reaches another.
    """

    work: str | None = None
    season: int | None = None
    episode: int | None = None

    def __post_init__(self) -> None:
        """Refuse impossible scopes at construction, so no caller has to re-check them."""
        if self.work is not None and not SLUG_RE.fullmatch(self.work):
            raise ScopeError(f"“{self.work}” is not a work slug (lower-case letters, digits and hyphens).")
        if self.episode is not None and self.season is None:
            raise ScopeError("An episode needs a season, e.g. S1E5.")
        for label, number in (("Season", self.season), ("Episode", self.episode)):
            if number is not None and number < 1:
                raise ScopeError(f"{label} numbers start at 1 (got {number}).")

    @property
    def position(self) -> tuple[tuple[int, int], tuple[int, int]]:
        """Where the scope falls in viewing order; "whole" sorts after every numbered part."""
        season = (1, 0) if self.season is None else (0, self.season)
        episode = (1, 0) if self.episode is None else (0, self.episode)
        return season, episode

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Scope):
            return NotImplemented
        return (self.position, self.work or "") < (other.position, other.work or "")

    @property
    def code(self) -> str:
        """The editor-facing code: "S1E10", "S1", or "" for a whole work."""
        if self.season is None:
            return ""
        if self.episode is None:
            return f"S{self.season}"
        return f"S{self.season}E{self.episode}"

    @property
    def attr(self) -> str:
        """The value stored in `data-spoiler`: "work:s1e10", "work:s1", "work" (or "s1e10" with no work)."""
        code = self.code.lower()
        if self.work and code:
            return f"{self.work}:{code}"
        return self.work or code

    @property
    def label(self) -> str:
        """A short human description for placeholders and warnings."""
        return self.code or (f"all of {self.work}" if self.work else "this work")


def parse_scope(
    text: str,
    default_work: str | None = None,
    *,
    season_lengths: Mapping[int, int] | None = None,
) -> Scope:
    """Read a scope as editors and readers write it.

    Accepts "S1E10", "s01e02", "S1", "work-slug:s1e10", "work-slug S1E10", "work-slug" (whole work),
    "finale" and "S1 finale". A finale is resolved to a real episode with `season_lengths`
    (season number → number of episodes), because a stored scope must stay comparable after the
    season grows; a bare "finale" means the last season's. Anything else raises `ScopeError`
    rather than guessing, since a wrong guess would show a spoiler to the wrong reader.
    """
    cleaned = " ".join((text or "").split()).lower()
    if not cleaned:
        raise ScopeError("The scope is empty; write e.g. S1E5, S1 or S1 finale.")

    work = default_work
    rest = cleaned
    if not (EPISODE_RE.fullmatch(cleaned) or FINALE_RE.fullmatch(cleaned)):
        head, sep, tail = cleaned.partition(":")
        if not sep:
            head, _, tail = cleaned.partition(" ")
        head, tail = head.strip(), tail.strip()
        if not SLUG_RE.fullmatch(head) or CODE_LIKE_RE.match(head) or head == "finale":
            raise ScopeError(f"“{text.strip()}” is not a scope; write e.g. S1E5, S1 or S1 finale.")
        work, rest = head, tail
        if not rest:
            return Scope(work=work)

    if match := EPISODE_RE.fullmatch(rest):
        episode = match["episode"]
        return Scope(work=work, season=int(match["season"]), episode=int(episode) if episode else None)
    if match := FINALE_RE.fullmatch(rest):
        return _finale(work, match["season"], season_lengths, text)
    raise ScopeError(f"“{text.strip()}” is not a scope; write e.g. S1E5, S1 or S1 finale.")


def _finale(work: str | None, season: str | None, season_lengths: Mapping[int, int] | None, text: str) -> Scope:
    """Turn "finale" into the season's last episode, or refuse when the season length is unknown."""
    if not season_lengths:
        raise ScopeError(f"“{text.strip()}” needs the season's episode count to find the finale; write e.g. S1E10.")
    number = int(season) if season else max(season_lengths)
    if not season_lengths.get(number):
        raise ScopeError(f"Season {number} has no known episode count, so its finale cannot be found.")
    return Scope(work=work, season=number, episode=season_lengths[number])


def covers(progress: Scope, spoiler: Scope, *, season_lengths: Mapping[int, int] | None = None) -> bool:
    """Whether a reader who has watched through `progress` may see text scoped to `spoiler`.

    This is the single spoiler-visibility rule. Different works never cover each other, and a
    whole-season spoiler needs the whole season watched: through its last episode counts only
    when `season_lengths` says that episode is the last.
    """
    if progress.work != spoiler.work:
        return False
    if spoiler.position <= progress.position:
        return True
    if spoiler.season is not None and spoiler.episode is None and progress.season == spoiler.season:
        last = (season_lengths or {}).get(spoiler.season)
        return bool(last and progress.episode is not None and progress.episode >= last)
    return False
