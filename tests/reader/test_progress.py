"""Reader progress (reader/progress.py): the cookie, and what it lets a reader see."""

from datetime import timedelta

from django.http import HttpResponse

from articles.text import Scope
from reader.progress import COOKIE_NAME, write_progress

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
