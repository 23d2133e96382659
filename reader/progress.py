"""Reader progress: "I have watched *Work* through S1E5", kept in a cookie, no account needed.

The cookie holds one scope per work, e.g. ``tiny-pretty-things:s1e5|another-show:s2``. Whatever a
browser sends back is read strictly: an entry that does not parse is ignored, never an error,
and a reader who sent nothing readable simply sees every spoiler hidden. The cookie is named by
the ``CALLBOARD_PROGRESS_COOKIE`` setting.
"""

from collections.abc import Callable, Mapping

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from articles.text import Scope, ScopeError, covers, parse_scope
from articles.text.spoilers import UNSCOPED

# The page cache keys pages on the same setting, so both always name the same cookie.
COOKIE_NAME = getattr(settings, "CALLBOARD_PROGRESS_COOKIE", "callboard_progress")
COOKIE_MAX_AGE = 365 * 24 * 60 * 60
MAX_WORKS = 50


def read_progress(request: HttpRequest) -> dict[str, Scope]:
    """The reader's progress per work slug, from the cookie; malformed entries are skipped."""
    progress: dict[str, Scope] = {}
    for entry in request.COOKIES.get(COOKIE_NAME, "").split("|")[:MAX_WORKS]:
        try:
            scope = parse_scope(entry)
        except ScopeError:
            continue
        if scope.work:
            progress[scope.work] = scope
    return progress


def write_progress(response: HttpResponse, progress: Mapping[str, Scope]) -> None:
    if not progress:
        response.delete_cookie(COOKIE_NAME, samesite="Lax")
        return
    value = "|".join(progress[work].attr for work in sorted(progress))
    response.set_cookie(
        COOKIE_NAME,
        value,
        max_age=COOKIE_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def covered_by(progress: Mapping[str, Scope]) -> Callable[[str], bool]:
    """A test for a `data-spoiler` value: may this reader see it?

    Stored progress is normalised so that a finished season is kept as the whole season, which
    is why no season lengths are needed here. Unscoped or unreadable spoilers are never covered.
    """

    def is_covered(scope_attr: str) -> bool:
        if scope_attr == UNSCOPED:
            return False
        try:
            spoiler = parse_scope(scope_attr)
        except ScopeError:
            return False
        reached = progress.get(spoiler.work or "")
        return reached is not None and covers(reached, spoiler)

    return is_covered


def option_value(scope: Scope | None, season_lengths: Mapping[int, int]) -> str:
    """The picker option that stands for ``scope``: a finished season shows as its last episode."""
    if scope is None:
        return ""
    if scope.season is None:
        return "all"
    if scope.episode is None:
        last = season_lengths.get(scope.season)
        return f"s{scope.season}e{last}" if last else f"s{scope.season}"
    return f"s{scope.season}e{scope.episode}"


def pickers(works, progress: Mapping[str, Scope]) -> list[dict]:
    """What the "I've watched through…" control needs for each work (seasons and episodes prefetched)."""
    result = []
    for work in works:
        seasons = []
        for season in work.seasons.all():
            # Either annotated with episode_count or with its episodes prefetched.
            count = getattr(season, "episode_count", None)
            numbers = range(1, count + 1) if count is not None else [e.number for e in season.episodes.all()]
            last = max(numbers, default=0)
            options = [(f"s{season.number}e{number}", number, number == last) for number in numbers]
            seasons.append({"number": season.number, "options": options})
        lengths = {season["number"]: len(season["options"]) for season in seasons}
        current = progress.get(work.slug)
        result.append(
            {"work": work, "seasons": seasons, "current": current, "selected": option_value(current, lengths)}
        )
    return result


def visible_quotes(quotes, progress: Mapping[str, Scope]) -> list:
    """Quotes a reader may see outside their article: those outside spoilers, and those inside
    spoilers their progress covers."""
    is_covered = covered_by(progress)
    return [quote for quote in quotes if not quote.spoiler_scope or is_covered(quote.spoiler_scope)]


def watched_through(work, text: str) -> Scope:
    """How far into ``work`` the reader (or a feed's ``?through=``) says they are, checked against
    its real seasons and episodes. The work needs ``seasons__episodes`` prefetched.

    A season's last episode is kept as the whole season, so whole-season spoilers open too.
    """
    if text.strip().lower() == "all":
        return Scope(work.slug)
    lengths = {season.number: len(season.episodes.all()) for season in work.seasons.all()}
    scope = parse_scope(text, work.slug, season_lengths=lengths)
    if scope.work != work.slug:
        raise ScopeError(f"This is about {work.title}; “{text}” names another work.")
    if scope.season is not None and scope.season not in lengths:
        raise ScopeError(f"{work.title} has no season {scope.season}.")
    if scope.episode is not None and scope.episode > lengths[scope.season]:
        raise ScopeError(f"{work.title} season {scope.season} has no episode {scope.episode}.")
    if scope.episode is not None and scope.episode == lengths[scope.season]:
        return Scope(work.slug, scope.season)
    return scope
