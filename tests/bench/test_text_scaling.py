"""The hostile-body benchmark fails a run in which one pass over one shape is slow. Timings are the
benchmark's; here the table and its verdict are checked on rows given to it."""

from bench.text_scaling import LIMIT, report, shapes


def test_a_pass_over_the_limit_is_marked_and_fails_the_run():
    table, within = report([("fast", 0.5, 0.1, 0.0), ("slow", 0.4, LIMIT + 1, 0.0)], 200 * 1024)

    assert not within
    assert [line for line in table.splitlines() if line.endswith(f"over {LIMIT:.0f} s")] == [
        next(line for line in table.splitlines() if line.startswith("slow"))
    ]


def test_passes_within_the_limit_pass():
    table, within = report([("fast", 0.5, 0.1, LIMIT)], 200 * 1024)

    assert within and "over" not in table


def test_every_shape_is_about_the_size_asked_for():
    sizes = {name: len(text) for name, text in shapes(8 * 1024).items()}

    assert all(8 * 1024 <= size <= 8 * 1024 + 200 for size in sizes.values()), sizes
