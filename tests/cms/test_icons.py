"""The site's icon: at /favicon.ico, where browsers look without being told, and linked from every page."""

import pytest
from django.urls import reverse
from PIL import Image

pytestmark = pytest.mark.django_db


def test_favicon_ico_is_an_icon_browsers_may_keep_for_a_week(client, tmp_path, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert response["Cache-Control"] == "public, max-age=604800"
    path = tmp_path / "favicon.ico"
    path.write_bytes(response.content)
    with Image.open(path) as icon:
        assert icon.format == "ICO"
        assert {(16, 16), (32, 32)} <= set(icon.info["sizes"])


def test_favicon_answers_only_reads(client):
    assert client.post("/favicon.ico").status_code == 405


def test_readers_and_editors_pages_link_the_icon(client, staff_client):
    home = client.get("/").content.decode()
    assert 'rel="icon"' in home and "favicon.svg" in home and 'rel="apple-touch-icon"' in home
    admin_page = staff_client.get(reverse("admin:index")).content.decode()
    assert 'rel="icon"' in admin_page and "favicon.svg" in admin_page
