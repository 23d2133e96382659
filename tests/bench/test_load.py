"""bench/load.py's report of worker memory: growth is measured from the end of the warm-up."""

from bench.load import memory_growth


def test_growth_is_counted_from_the_first_sample_after_the_warm_up():
    samples = [(0.0, {1: 100, 2: 110}), (5.0, {1: 150, 2: 160}), (10.0, {1: 200, 2: 200}), (100.0, {1: 210, 2: 205})]

    growth = memory_growth(samples, duration=100)

    assert growth == {
        "warm_at_s": 10.0,
        "warm_total_kb": 400,
        "end_total_kb": 415,
        "growth_kb": 15,
        "growth_percent": 3.8,
        "largest_worker_growth_kb": 10,
        "workers_replaced": False,
    }


def test_a_replaced_worker_is_reported_and_left_out_of_the_largest_growth():
    samples = [(0.0, {1: 100, 2: 100}), (10.0, {1: 120, 2: 120}), (60.0, {1: 125, 3: 90})]

    growth = memory_growth(samples, duration=60)

    assert growth["workers_replaced"] is True
    assert growth["largest_worker_growth_kb"] == 5
    assert growth["growth_kb"] == 215 - 240
