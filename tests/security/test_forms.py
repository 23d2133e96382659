"""Forms against forgery and redirects: CSRF on every admin form, no open redirect in ``next=``.

Already covered elsewhere, not repeated here: the progress form refusing a cross-site Origin and a
post with no headers, and ``next=https://evil.example/`` on it (tests/articles/test_spoilers.py);
login throttling and ``next=https://evil.example/`` on a successful sign-in (tests/cms/test_throttle.py).
"""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from articles.models import Revision
from articles.services import article_publish, share_link_create
from people.models import Person
from reader.progress import COOKIE_NAME
from tests import factories
from tests.admin_helpers import article_form, person_form

pytestmark = pytest.mark.django_db

PASSWORD = "the-right-password-1"
OFF_SITE = [
    "//evil.example/",
    "///evil.example/",
    "/\\evil.example/",
    "\\\\evil.example/",
    "https:evil.example",
    "http://evil.example@testserver/",
    "https://testserver.evil.example/",
    " https://evil.example/",
    "\thttps://evil.example/",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
]


@pytest.fixture
def editor():
    return get_user_model().objects.create_superuser("chief", password=PASSWORD)


@pytest.fixture
def csrf_client(editor):
    """A signed-in editor whose browser sends no CSRF token, as a forged cross-site form would."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    return client


def is_off_site(location: str) -> bool:
    cleaned = location.strip().lower().replace("\\", "/")
    return "evil.example" in cleaned or cleaned.startswith(("javascript:", "data:", "//"))


# --- CSRF -----------------------------------------------------------------------------------------


def test_admin_login_refuses_a_post_without_a_csrf_token(editor):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/?next=/admin/", {"username": "chief", "password": PASSWORD})
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


def test_admin_login_refuses_a_token_from_another_browser(editor):
    attacker = Client(enforce_csrf_checks=True)
    attacker.get("/admin/login/")
    token = attacker.cookies["csrftoken"].value
    victim = Client(enforce_csrf_checks=True)
    victim.get("/admin/login/")
    response = victim.post("/admin/login/", {"username": "chief", "password": PASSWORD, "csrfmiddlewaretoken": token})
    assert response.status_code == 403


def test_admin_login_with_its_own_token_works(editor):
    """The control for the two tests above: the real form, with its token, signs in."""
    client = Client(enforce_csrf_checks=True)
    client.get("/admin/login/")
    token = client.cookies["csrftoken"].value
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "chief", "password": PASSWORD, "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def admin_post_urls() -> list[str]:
    """Every admin URL that changes something, with an object to act on where one is needed."""
    author = factories.person("Anna Maiche", slug="anna-maiche")
    article = factories.publishable_article(headline="Plain", slug="plain")
    article_publish(article=article)
    link = share_link_create(article=article, user=get_user_model().objects.get(username="chief"))
    revision = Revision.objects.filter(article=article).first()
    factories.quote(article, author)
    factories.character(factories.work(slug="a-work"))
    factories.image()
    urls = [
        reverse("admin:logout"),
        reverse("admin:password_change"),
        reverse("admin:articles_article_paste"),
        reverse("admin:articles_article_share", args=[article.pk]),
        reverse("admin:articles_article_revoke", args=[article.pk, link.pk]),
        reverse("admin:articles_article_merge", args=[article.pk]),
        reverse("admin:articles_article_revision_restore", args=[article.pk, revision.pk]),
    ]
    for model in admin.site._registry:
        if model._meta.app_label not in {"articles", "people", "images", "auth", "taggit"}:
            continue
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        urls += [reverse(f"{prefix}_add"), reverse(f"{prefix}_changelist")]
        obj = model._default_manager.order_by("pk").first()
        if obj is not None:
            urls += [reverse(f"{prefix}_change", args=[obj.pk]), reverse(f"{prefix}_delete", args=[obj.pk])]
    return urls


def test_every_admin_form_refuses_a_post_without_a_csrf_token(csrf_client):
    refused_or_not_allowed = {403, 405}
    problems = []
    for url in admin_post_urls():
        response = csrf_client.post(url, {"action": "delete_selected", "_selected_action": ["1"], "post": "yes"})
        if response.status_code not in refused_or_not_allowed:
            problems.append(f"{url}: {response.status_code}")
        elif response.status_code == 403 and b"CSRF" not in response.content:
            problems.append(f"{url}: 403, but not from the CSRF check")
    assert not problems, "\n".join(problems)
    assert "_auth_user_id" in csrf_client.session, "the forged logout must not sign the editor out"


def test_a_forged_article_save_changes_nothing(csrf_client):
    article = factories.article(headline="Original", slug="original")
    response = csrf_client.post(
        reverse("admin:articles_article_change", args=[article.pk]), article_form(headline="Forged", slug="original")
    )
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.headline == "Original"


def test_a_forged_person_add_creates_nothing(csrf_client):
    response = csrf_client.post(reverse("admin:people_person_add"), person_form(name="Forged", slug="forged"))
    assert response.status_code == 403
    assert not Person.objects.filter(slug="forged").exists()


def test_admin_forms_carry_a_csrf_token(client, editor):
    client.force_login(editor)
    for url in [reverse("admin:articles_article_add"), reverse("admin:people_person_add"), "/admin/password_change/"]:
        assert b'name="csrfmiddlewaretoken"' in client.get(url).content, url
    client.logout()
    assert b'name="csrfmiddlewaretoken"' in client.get("/admin/login/").content


# --- Open redirects ---------------------------------------------------------------------------------


@pytest.mark.parametrize("target", OFF_SITE)
def test_login_never_redirects_off_site(client, editor, target):
    response = client.post("/admin/login/", {"username": "chief", "password": PASSWORD, "next": target})
    assert response.status_code == 302
    assert not is_off_site(response["Location"]), response["Location"]


@pytest.mark.parametrize("target", OFF_SITE)
def test_login_form_does_not_offer_an_off_site_next_as_a_link(client, target):
    html = client.get("/admin/login/", {"next": target}).content.decode()
    assert f'href="{target}"' not in html
    assert "<script>alert(1)</script>" not in html


@pytest.mark.parametrize("target", OFF_SITE)
def test_signed_in_login_page_never_redirects_off_site(client, editor, target):
    client.force_login(editor)
    response = client.get("/admin/login/", {"next": target})
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert not is_off_site(response["Location"]), response["Location"]


@pytest.mark.parametrize("target", OFF_SITE)
def test_logout_never_redirects_off_site(client, editor, target):
    client.force_login(editor)
    response = client.post(f"{reverse('admin:logout')}?next={target}", {"next": target})
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert not is_off_site(response["Location"]), response["Location"]
    assert "_auth_user_id" not in client.session


def test_logout_by_get_is_refused(client, editor):
    """Signing out changes state: a link or an <img> on another site must not sign an editor out."""
    client.force_login(editor)
    assert client.get(reverse("admin:logout")).status_code == 405
    assert "_auth_user_id" in client.session


@pytest.mark.parametrize("target", [t for t in OFF_SITE if t != "https://testserver.evil.example/"])
def test_progress_form_never_redirects_off_site(client, target):
    series = factories.work("Tiny Pretty Things", slug="tiny-pretty-things")
    factories.season(series, number=1, episodes=2)
    response = client.post(
        reverse("articles:reader_progress"),
        {"work": series.slug, "through": "all", "next": target},
        HTTP_SEC_FETCH_SITE="same-origin",
    )
    assert response.status_code == 303
    assert response["Location"] == series.get_absolute_url()


# --- The progress form and cross-site posts -----------------------------------------------------------


@pytest.fixture
def series():
    work = factories.work("Tiny Pretty Things", slug="tiny-pretty-things")
    factories.season(work, number=1, episodes=2)
    return work


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "same-site"},  # a sibling subdomain is another site for this form
        {"Sec-Fetch-Site": "cross-site", "Origin": "http://testserver"},  # Sec-Fetch-Site wins
        {"Origin": "null"},
        {"Origin": "http://testserver.evil.example"},
        {"Origin": "http://evil.example", "Referer": "http://testserver/"},
        {"Referer": "http://evil.example/works/tiny-pretty-things/"},
        {"Referer": "//evil.example/"},
    ],
    ids=lambda headers: ";".join(f"{k}={v}" for k, v in headers.items()),
)
def test_progress_form_refuses_cross_site_posts(series, headers):
    client = Client(headers=headers)
    response = client.post(reverse("articles:reader_progress"), {"work": series.slug, "through": "all"})
    assert response.status_code == 403
    assert COOKIE_NAME not in response.cookies
    assert "did not come from a Callboard page" in response.content.decode()


@pytest.mark.parametrize(
    "headers",
    [{"Sec-Fetch-Site": "same-origin"}, {"Origin": "http://testserver"}, {"Referer": "http://testserver/works/x/"}],
    ids=lambda headers: ";".join(f"{k}={v}" for k, v in headers.items()),
)
def test_progress_form_accepts_posts_from_its_own_pages(series, headers):
    client = Client(headers=headers)
    response = client.post(reverse("articles:reader_progress"), {"work": series.slug, "through": "all"})
    assert response.status_code == 303
    assert COOKIE_NAME in response.cookies


def test_progress_form_refuses_get(client, series):
    assert client.get(reverse("articles:reader_progress"), {"work": series.slug, "through": "all"}).status_code == 405
