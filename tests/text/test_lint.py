from articles.text.lint import spoiler_lint

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
