from articles.text.lint import scope_lint, spoiler_lint
from articles.text.scope import Scope

SPOILERS = ["Delia pushed Cassie off the roof after learning about Ramon."]


def test_field_sharing_three_words_with_a_spoiler_is_named():
    warnings = spoiler_lint({"headline": "Why Delia Pushed Cassie matters"}, SPOILERS)
    assert len(warnings) == 1
    assert warnings[0].startswith("The headline repeats “delia pushed cassie”")


def test_two_shared_words_are_not_enough():
    assert spoiler_lint({"headline": "Delia pushed back on the rumours"}, SPOILERS) == []


def test_runs_of_common_words_are_ignored():
    spoilers = ["She was loved by all of the dancers"]
    assert spoiler_lint({"dek": "Cheered by all of the cast"}, spoilers) == []
    assert spoiler_lint({"dek": "Loved by all"}, spoilers)  # "loved" carries meaning


def test_each_field_is_checked_and_reported_separately():
    warnings = spoiler_lint(
        {"headline": "Safe words only", "dek": "after learning about Ramon, everything changed"}, SPOILERS
    )
    assert [w.split(" repeats")[0] for w in warnings] == ["The dek"]


def test_curly_apostrophes_match_straight_ones():
    assert spoiler_lint({"headline": "Bette’s sister did it"}, ["it was Bette's sister did it"])


# --- Scopes that must exist -------------------------------------------------------------------------

KNOWN = {"the-show": {1: 10, 2: 0}}


def scope_warnings(*scopes, known=KNOWN, spoiler_count=1, tagged=True):
    return scope_lint(list(scopes), known, spoiler_count=spoiler_count, tagged=tagged)


def test_scopes_that_exist_raise_no_warning():
    assert scope_warnings(Scope("the-show", 1, 10), Scope("the-show", 2), Scope("the-show")) == []


def test_an_episode_past_the_end_of_its_season_is_named():
    [warning] = scope_warnings(Scope("the-show", 1, 11))
    assert "episode 11" in warning and "has 10 episodes" in warning


def test_a_season_with_no_episodes_entered_allows_any_episode():
    assert scope_warnings(Scope("the-show", 2, 30)) == []


def test_a_missing_season_is_named():
    [warning] = scope_warnings(Scope("the-show", 3, 1))
    assert "season 3" in warning


def test_a_missing_work_is_named():
    [warning] = scope_warnings(Scope("other-show", 1, 1))
    assert "“other-show”" in warning


def test_a_scope_with_no_work_cannot_be_revealed_by_progress():
    [warning] = scope_warnings(Scope(None, 1, 2))
    assert "names no work" in warning


def test_spoilers_without_a_spoiler_tag_are_a_warning():
    [warning] = scope_warnings(spoiler_count=2, tagged=False)
    assert "no spoiler tag" in warning
    assert scope_warnings(spoiler_count=0, tagged=False) == []
