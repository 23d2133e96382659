import time

import pytest
from django.contrib.auth import get_user_model
from django.core.cache.backends.db import DatabaseCache
from django.core.management import call_command

from cms import throttle

pytestmark = pytest.mark.django_db


def attempt(client, password):
    return client.post("/admin/login/?next=/admin/", {"username": "chief", "password": password})


def test_repeated_failed_sign_ins_are_paused_with_retry_after(client):
    get_user_model().objects.create_superuser("chief", password="the-right-password-1")
    for _ in range(5):
        assert attempt(client, "wrong").status_code == 200
    refused = attempt(client, "the-right-password-1")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "Too many failed sign-ins" in refused.content.decode()


def test_a_successful_sign_in_resets_the_count(client):
    get_user_model().objects.create_superuser("chief", password="the-right-password-1")
    for _ in range(4):
        attempt(client, "wrong")
    assert attempt(client, "the-right-password-1").status_code == 302
    client.logout()
    for _ in range(4):
        assert attempt(client, "wrong").status_code == 200


def test_login_never_redirects_off_site(client):
    get_user_model().objects.create_superuser("chief", password="the-right-password-1")
    response = client.post(
        "/admin/login/?next=https://evil.example/", {"username": "chief", "password": "the-right-password-1"}
    )
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


FULLWIDTH = "ｃｈｉｅｆ"
MATHS_BOLD = "𝐜𝐡𝐢𝐞𝐟"


def attempt_as(client, username, password):
    return client.post("/admin/login/?next=/admin/", {"username": username, "password": password})


@pytest.mark.parametrize("spelling", [FULLWIDTH, MATHS_BOLD, "CHIEF", " Chief "])
def test_every_spelling_that_signs_in_as_the_account_counts_as_it(spelling):
    assert throttle.account(spelling) == throttle.account("chief") == "chief"


@pytest.mark.parametrize("spelling", [FULLWIDTH, MATHS_BOLD], ids=["fullwidth", "maths-bold"])
def test_another_spelling_of_a_paused_account_is_refused_too(client, spelling):
    get_user_model().objects.create_superuser("chief", password="the-right-password-1")
    # The spelling does sign in as the account (Django normalises usernames with NFKC)...
    assert attempt_as(client, spelling, "the-right-password-1").status_code == 302
    client.logout()
    for _ in range(throttle.MAX_FAILURES):
        attempt(client, "wrong")
    # ...so once the account is paused it gets no fresh attempts, not even with the password.
    assert attempt_as(client, spelling, "the-right-password-1").status_code == 429


def test_failures_under_different_spellings_add_up(client):
    get_user_model().objects.create_superuser("chief", password="the-right-password-1")
    for username in ["chief", FULLWIDTH, MATHS_BOLD, "Chief", FULLWIDTH]:
        assert attempt_as(client, username, "wrong").status_code == 200
    assert attempt(client, "the-right-password-1").status_code == 429


@pytest.fixture
def two_clients_of_one_cache(settings):
    """Two clients of the database cache's table, as two app processes hold them."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "callboard_test_cache"}
    }
    call_command("createcachetable", verbosity=0)
    return DatabaseCache("callboard_test_cache", {}), DatabaseCache("callboard_test_cache", {})


def test_attempts_claimed_through_two_cache_clients_share_one_count(two_clients_of_one_cache):
    first, second = two_clients_of_one_cache
    claimed = [throttle.claim_attempt("callboard:throttle:login:someone", store) for store in [first, second] * 3]
    assert len(set(filter(None, claimed[: throttle.MAX_FAILURES]))) == throttle.MAX_FAILURES
    assert claimed[throttle.MAX_FAILURES :] == [None]
    assert throttle.claim_attempt("callboard:throttle:login:someone", first) is None


def test_sign_ins_are_counted_in_the_database_cache(client, two_clients_of_one_cache):
    get_user_model().objects.create_superuser("chief", password="the-right-password-1")
    for _ in range(throttle.MAX_FAILURES):
        assert attempt(client, "wrong").status_code == 200
    assert attempt(client, "the-right-password-1").status_code == 429


def test_an_attempt_that_fails_with_an_error_gives_its_slot_back(rf):
    def broken_login(request):
        raise RuntimeError("the login view broke")

    view = throttle.throttled_login(broken_login)
    for _ in range(throttle.MAX_FAILURES + 1):
        with pytest.raises(RuntimeError):
            view(rf.post("/admin/login/", {"username": "chief", "password": "wrong"}))


def test_the_pause_the_page_states_is_the_one_retry_after_gives(client):
    get_user_model().objects.create_superuser("chief", password="the-right-password-1")
    for _ in range(throttle.MAX_FAILURES):
        attempt(client, "wrong")
    refused = attempt(client, "wrong")

    assert refused["Retry-After"] == str(throttle.WINDOW_SECONDS)
    assert f"try again in {throttle.WINDOW_SECONDS // 60} minutes." in refused.content.decode()


def test_a_paused_account_leaves_other_accounts_from_the_same_address_their_attempts(client):
    get_user_model().objects.create_superuser("chief", password="the-right-password-1")
    get_user_model().objects.create_superuser("deputy", password="the-right-password-2")
    for _ in range(throttle.MAX_FAILURES):
        attempt(client, "wrong")

    assert attempt(client, "the-right-password-1").status_code == 429
    assert attempt_as(client, "deputy", "the-right-password-2").status_code == 302


def test_a_paused_account_can_still_sign_in_from_another_address(client):
    get_user_model().objects.create_superuser("chief", password="the-right-password-1")
    for _ in range(throttle.MAX_FAILURES):
        attempt(client, "wrong")

    assert attempt(client, "the-right-password-1").status_code == 429
    elsewhere = client.post(
        "/admin/login/?next=/admin/",
        {"username": "chief", "password": "the-right-password-1"},
        REMOTE_ADDR="203.0.113.7",
    )
    assert elsewhere.status_code == 302


def test_a_sign_in_without_a_username_is_answered_and_counted(client):
    for _ in range(throttle.MAX_FAILURES):
        assert client.post("/admin/login/?next=/admin/", {"password": "wrong"}).status_code == 200
    assert client.post("/admin/login/?next=/admin/", {"password": "wrong"}).status_code == 429


def test_a_sign_in_without_a_username_field_counts_as_one_with_an_empty_username(client):
    for _ in range(throttle.MAX_FAILURES):
        assert client.post("/admin/login/?next=/admin/", {"username": "", "password": "wrong"}).status_code == 200
    assert client.post("/admin/login/?next=/admin/", {"password": "wrong"}).status_code == 429


def test_a_pause_lasts_the_whole_window_and_then_ends(client, monkeypatch):
    # Real seconds, not a travelling clock: Redis expires keys by its own clock.
    monkeypatch.setattr(throttle, "WINDOW_SECONDS", 3)
    get_user_model().objects.create_superuser("chief", password="the-right-password-1")
    started = time.monotonic()
    for _ in range(throttle.MAX_FAILURES):
        assert attempt(client, "wrong").status_code == 200
    assert time.monotonic() - started < 2, "the failed sign-ins took too long for this window"

    time.sleep(max(0.0, started + 2 - time.monotonic()))
    assert attempt(client, "the-right-password-1").status_code == 429
    time.sleep(max(0.0, started + 3.3 - time.monotonic()))
    assert attempt(client, "the-right-password-1").status_code == 302
