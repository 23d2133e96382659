"""Fixtures for the browser tests; the Chromium itself comes from tests/conftest.py."""

import pytest

# --- Shared helpers for the editor and accessibility tests ------------------------------------

EDITOR_APPS = ["articles", "people", "images", "taggit"]


@pytest.fixture
def editor_account(db):
    """A user in the "Editor" group, as the newsroom sets one up; returns (username, password).

    The group comes from a data migration, which a transactional test's flush removes, so it is
    recreated here with the migration's permissions when it is missing.
    """
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission

    group, created = Group.objects.get_or_create(name="Editor")
    if created or not group.permissions.exists():
        group.permissions.set(Permission.objects.filter(content_type__app_label__in=EDITOR_APPS))
    password = "a-long-test-password-1"
    user = get_user_model().objects.create_user("desk-editor", password=password, is_staff=True)
    user.groups.add(group)
    return user.username, password


@pytest.fixture
def log_in(live_server):
    """Log a page in through the real admin login form: ``log_in(page, username, password)``."""

    def log_in(page, username: str, password: str) -> None:
        page.goto(live_server.url + "/admin/login/?next=/admin/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url(live_server.url + "/admin/")

    return log_in


@pytest.fixture
def demo(live_server):
    """The demo content on the live server; returns the server's address."""
    from django.core.management import call_command

    call_command("load_demo", verbosity=0)
    return live_server.url


@pytest.fixture
def spoiled_article(live_server):
    """The address of a published, spoiler-tagged recap (see tests/browser/content.py)."""
    from tests.browser.content import spoiled_article

    return live_server.url + spoiled_article().get_absolute_url()


@pytest.fixture(autouse=True)
def close_what_the_test_opened(browser):
    """Every browser context a test opened is closed when it ends. A page left open holds a
    keep-alive connection to the live server; the server's thread for it outlives the server at
    the end of the run and fails closing the test database's shared connection."""
    yield
    for context in list(browser.contexts):
        context.close()
