"""Reader progress (reader/progress.py): the cookie, and what it lets a reader see."""

from datetime import timedelta

import pytest
from django.db.models import Count, Prefetch
from django.http import HttpResponse
from django.test import RequestFactory

from articles.text import Scope
from articles.text.scope import ScopeError
from people.models import Season, Work
from reader.progress import (
    COOKIE_NAME,
    covered_by,
    option_value,
    pickers,
    read_progress,
    watched_through,
    write_progress,
)
from tests import factories

A_YEAR = int(timedelta(days=365).total_seconds())


def test_progress_is_kept_a_year_out_of_scripts_reach_and_same_site(settings):
    settings.SESSION_COOKIE_SECURE = False
    response = HttpResponse()
    write_progress(response, {"tiny-pretty-things": Scope("tiny-pretty-things", 1, 5)})

    cookie = response.cookies[COOKIE_NAME]
    assert cookie.value == "tiny-pretty-things:s1e5"
    assert cookie["max-age"] == A_YEAR
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert not cookie["secure"]


def test_progress_is_sent_over_https_only_when_sessions_are(settings):
    settings.SESSION_COOKIE_SECURE = True
    response = HttpResponse()
    write_progress(response, {"tiny-pretty-things": Scope("tiny-pretty-things", 1)})

    assert response.cookies[COOKIE_NAME]["secure"] is True


def test_progress_is_written_work_by_work_in_the_order_of_their_addresses():
    response = HttpResponse()
    write_progress(
        response,
        {"tiny-pretty-things": Scope("tiny-pretty-things", 1, 2), "another-show": Scope("another-show", 3, 4)},
    )

    assert response.cookies[COOKIE_NAME].value == "another-show:s3e4|tiny-pretty-things:s1e2"


def test_forgetting_all_progress_expires_the_cookie_with_the_attributes_it_was_set_with():
    response = HttpResponse()
    write_progress(response, {})

    cookie = response.cookies[COOKIE_NAME]
    assert cookie.value == ""
    assert cookie["max-age"] == 0
    assert cookie["samesite"] == "Lax"


@pytest.mark.parametrize(
    ("scope", "shown"),
    [
        (None, ""),
        (Scope("show"), "all"),
        (Scope("show", 2), "s2e8"),  # a finished season shows as its last episode
        (Scope("show", 3), "s3"),  # a season whose length is unknown
        (Scope("show", 1, 4), "s1e4"),
    ],
)
def test_the_picker_option_for_a_scope(scope, shown):
    assert option_value(scope, {1: 10, 2: 8}) == shown


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("other-show:s1e2", "This is about Hushed Horizon; “other-show:s1e2” names another work."),
        ("s3", "Hushed Horizon has no season 3."),
        ("s1e11", "Hushed Horizon season 1 has no episode 11."),
    ],
)
def test_watched_through_says_what_is_wrong_with_a_place(text, reason):
    work = factories.work("Hushed Horizon", slug="hushed-horizon")
    factories.season(work, 1, episodes=10)
    work = Work.objects.prefetch_related("seasons__episodes").get(pk=work.pk)

    with pytest.raises(ScopeError) as refused:
        watched_through(work, text)
    assert str(refused.value) == reason


@pytest.mark.django_db
@pytest.mark.parametrize("counted", [False, True], ids=["episodes-prefetched", "episodes-counted"])
def test_pickers_offer_each_episode_and_mark_each_seasons_last(counted):
    work = factories.work("Hushed Horizon", slug="hushed-horizon")
    factories.season(work, 1, episodes=3)
    factories.season(work, 2, episodes=0)  # announced, nothing aired yet
    if counted:
        seasons = Season.objects.annotate(episode_count=Count("episodes")).order_by("number")
        works = Work.objects.prefetch_related(Prefetch("seasons", queryset=seasons))
    else:
        works = Work.objects.prefetch_related("seasons__episodes")

    [picker] = pickers(works.filter(pk=work.pk), {"hushed-horizon": Scope("hushed-horizon", 1)})

    assert picker["seasons"] == [
        {"number": 1, "options": [("s1e1", 1, False), ("s1e2", 2, False), ("s1e3", 3, True)]},
        {"number": 2, "options": []},
    ]
    assert (picker["current"], picker["selected"]) == (Scope("hushed-horizon", 1), "s1e3")


def test_a_malformed_entry_in_the_cookie_is_skipped_and_the_rest_read():
    request = RequestFactory().get("/")
    request.COOKIES[COOKIE_NAME] = "not a place|hushed-horizon:s1e2|:::|other-show:s3"

    assert read_progress(request) == {
        "hushed-horizon": Scope("hushed-horizon", 1, 2),
        "other-show": Scope("other-show", 3),
    }


@pytest.mark.parametrize("attr", ["unscoped", "not a scope", "hushed-horizon:s0", ""])
def test_an_unscoped_or_unreadable_spoiler_is_covered_by_no_progress(attr):
    is_covered = covered_by({"hushed-horizon": Scope("hushed-horizon")})  # the whole work watched

    assert is_covered(attr) is False
    assert is_covered("hushed-horizon:s3e2") is True
