import pytest
from django.contrib.auth import get_user_model

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
