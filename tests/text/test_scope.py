"""Scope parsing, ordering and the `covers` visibility rule."""

import pytest

from articles.text.scope import Scope, ScopeError, covers, parse_scope

TPT = "tiny-pretty-things"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("S1E10", Scope(season=1, episode=10)),
        ("s1e10", Scope(season=1, episode=10)),
        ("S01E02", Scope(season=1, episode=2)),
        ("S1", Scope(season=1)),
        (" s2 ", Scope(season=2)),
        (f"{TPT}:s1e10", Scope(TPT, 1, 10)),
        (f"{TPT} S1E10", Scope(TPT, 1, 10)),
        (f"{TPT}:s1", Scope(TPT, 1)),
        (TPT, Scope(TPT)),
    ],
)
def test_parse_scope_accepts_editor_spellings(text, expected):
    assert parse_scope(text) == expected


def test_parse_scope_applies_default_work():
    assert parse_scope("S1E5", default_work=TPT) == Scope(TPT, 1, 5)


def test_parse_scope_explicit_work_overrides_default():
    assert parse_scope("other-show:s1e5", default_work=TPT) == Scope("other-show", 1, 5)


@pytest.mark.parametrize("text", ["", "   ", "s0e0", "s1e0", "s1x", "E5", "S1E", "season one", "S1E5E6", "s1:e5"])
def test_parse_scope_rejects_malformed_input(text):
    with pytest.raises(ScopeError):
        parse_scope(text)


def test_scope_error_is_a_value_error_with_a_helpful_message():
    with pytest.raises(ValueError, match="S1E5"):
        parse_scope("E5")


def test_finale_resolves_to_the_seasons_last_episode():
    assert parse_scope("S1 finale", default_work=TPT, season_lengths={1: 10, 2: 8}) == Scope(TPT, 1, 10)


def test_bare_finale_means_the_last_known_season():
    assert parse_scope("finale", season_lengths={1: 10, 2: 8}) == Scope(season=2, episode=8)


def test_finale_without_season_lengths_raises():
    with pytest.raises(ScopeError, match="episode count"):
        parse_scope("S1 finale")


def test_finale_of_unknown_season_raises():
    with pytest.raises(ScopeError, match="Season 3"):
        parse_scope("S3 finale", season_lengths={1: 10})


def test_scope_refuses_episode_without_season():
    with pytest.raises(ScopeError):
        Scope(TPT, None, 4)


def test_code_and_attr_for_an_episode():
    scope = Scope(TPT, 1, 10)
    assert (scope.code, scope.attr) == ("S1E10", f"{TPT}:s1e10")


def test_code_and_attr_for_a_season():
    assert (Scope(TPT, 1).code, Scope(TPT, 1).attr) == ("S1", f"{TPT}:s1")


def test_code_and_attr_for_a_whole_work():
    assert (Scope(TPT).code, Scope(TPT).attr) == ("", TPT)


def test_ordering_is_by_season_then_episode():
    assert sorted([Scope(TPT, 2, 1), Scope(TPT, 1, 10), Scope(TPT, 1, 2)]) == [
        Scope(TPT, 1, 2),
        Scope(TPT, 1, 10),
        Scope(TPT, 2, 1),
    ]


def test_whole_season_sorts_after_its_episodes_and_before_the_next_season():
    assert Scope(TPT, 1, 99) < Scope(TPT, 1) < Scope(TPT, 2, 1)


def test_whole_work_sorts_after_everything():
    assert max([Scope(TPT), Scope(TPT, 9), Scope(TPT, 9, 99)]) == Scope(TPT)


def test_covers_earlier_and_same_episode():
    assert covers(Scope(TPT, 1, 5), Scope(TPT, 1, 5))
    assert covers(Scope(TPT, 1, 5), Scope(TPT, 1, 4))


def test_does_not_cover_a_later_episode():
    assert not covers(Scope(TPT, 1, 5), Scope(TPT, 1, 6))


def test_whole_season_progress_covers_its_episodes_but_not_the_next_season():
    assert covers(Scope(TPT, 1), Scope(TPT, 1, 10))
    assert not covers(Scope(TPT, 1), Scope(TPT, 2, 1))


def test_whole_season_spoiler_needs_the_season_finished():
    assert not covers(Scope(TPT, 1, 9), Scope(TPT, 1), season_lengths={1: 10})
    assert covers(Scope(TPT, 1, 10), Scope(TPT, 1), season_lengths={1: 10})


def test_whole_season_spoiler_is_not_covered_mid_season_without_lengths():
    assert not covers(Scope(TPT, 1, 10), Scope(TPT, 1))


def test_whole_work_spoiler_is_covered_only_by_whole_work_progress():
    assert not covers(Scope(TPT, 9, 99), Scope(TPT))
    assert covers(Scope(TPT), Scope(TPT))


def test_different_works_never_cover():
    assert not covers(Scope("other-show"), Scope(TPT, 1, 1))


def test_progress_in_one_season_never_covers_a_whole_later_season_however_short():
    """Through S1E10 is not through season 2, even when season 2 has ten episodes or fewer."""
    lengths = {1: 10, 2: 8}
    assert not covers(Scope(TPT, 1, 10), Scope(TPT, 2), season_lengths=lengths)
    assert not covers(Scope(TPT, 1, 10), Scope(TPT, 2), season_lengths={1: 10, 2: 10})
    assert not covers(Scope(TPT, 1, 3), Scope(TPT, 2), season_lengths={1: 10, 2: 2})
    assert covers(Scope(TPT, 2, 8), Scope(TPT, 2), season_lengths=lengths)


def test_progress_in_a_later_season_covers_every_earlier_one_whole():
    assert covers(Scope(TPT, 2, 1), Scope(TPT, 1))
    assert covers(Scope(TPT, 2, 1), Scope(TPT, 1, 10))
    assert covers(Scope(TPT, 3), Scope(TPT, 2))
    assert not covers(Scope(TPT, 2, 1), Scope(TPT, 2, 2))
    assert not covers(Scope(TPT, 2, 1), Scope(TPT))  # the whole work needs every season


def test_a_whole_season_with_unknown_length_is_covered_only_by_a_later_season():
    assert not covers(Scope(TPT, 2, 40), Scope(TPT, 2))
    assert covers(Scope(TPT, 3, 1), Scope(TPT, 2))


@pytest.mark.parametrize(
    "text", ["s" + "9" * 5000, "s1e" + "9" * 5000, "show:s" + "1" * 4400, "s" + "1" * 6 + " finale"]
)
def test_numbers_too_long_for_any_season_are_refused_as_scopes_not_crashes(text):
    with pytest.raises(ScopeError):
        parse_scope(text, "show", season_lengths={1: 10})


@pytest.mark.parametrize("text", ["", "   ", None])
def test_an_empty_scope_is_refused_with_an_example(text):
    with pytest.raises(ScopeError) as refused:
        parse_scope(text)
    assert str(refused.value) == "The scope is empty; write e.g. S1E5, S1 or S1 finale."


def test_at_the_same_place_a_scope_without_a_work_sorts_first_and_none_before_itself():
    # A slug may start with a digit, which sorts before capital letters.
    bare, named = Scope(season=1, episode=2), Scope("24-hours-in-paris", 1, 2)

    assert sorted([named, bare]) == [bare, named]
    assert bare < named and not named < bare
    assert not bare < bare and not named < named


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("finale S1", "“finale S1” is not a scope; write e.g. S1E5, S1 or S1 finale."),  # not a work called "finale"
        ("S1:E2", "“S1:E2” is not a scope; write e.g. S1E5, S1 or S1 finale."),
        ("hushed-horizon:part two", "“hushed-horizon:part two” is not a scope; write e.g. S1E5, S1 or S1 finale."),
    ],
)
def test_a_text_that_is_not_a_scope_is_refused_with_an_example(text, reason):
    with pytest.raises(ScopeError) as refused:
        parse_scope(text)
    assert str(refused.value) == reason


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"work": "Not A Slug"}, "“Not A Slug” is not a work slug (lower-case letters, digits and hyphens)."),
        ({"episode": 3}, "An episode needs a season, e.g. S1E5."),
        ({"season": 0}, "Season numbers start at 1 (got 0)."),
        ({"season": 1, "episode": 0}, "Episode numbers start at 1 (got 0)."),
    ],
)
def test_an_impossible_scope_cannot_be_made_and_says_why(fields, reason):
    with pytest.raises(ScopeError) as refused:
        Scope(**fields)
    assert str(refused.value) == reason
