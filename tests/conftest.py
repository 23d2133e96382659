import os
import shutil

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis.database import DirectoryBasedExampleDatabase

from tests.task_queue import queue  # noqa: F401 (the database task queue, for tests that ask for it)

# Generated-document tests run a fixed number of examples, so a run takes the same time every time;
# HYPOTHESIS_MAX_EXAMPLES raises it for a deeper search. Failing examples are kept under var/
# (ignored by git) and replayed first on the next run.
settings.register_profile(
    "callboard",
    max_examples=int(os.environ.get("HYPOTHESIS_MAX_EXAMPLES", "150")),
    deadline=None,
    database=DirectoryBasedExampleDatabase(os.path.join("var", "hypothesis")),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
# Mutation testing (tests/mutation/run.py) asks only whether a test fails, for one mutant after
# another: fewer examples, and a failing one is not shrunk to its simplest form, which can take
# minutes. Failing examples are still replayed first, so a mutant like an earlier one fails fast.
settings.register_profile(
    "mutation",
    parent=settings.get_profile("callboard"),
    max_examples=int(os.environ.get("HYPOTHESIS_MAX_EXAMPLES", "40")),
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "callboard"))

# A real headless Chromium (Debian's package), driven by Playwright; no browser downloads. One
# session-wide browser for every test folder that needs it.
CHROMIUM = os.environ.get("CALLBOARD_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        pytest.skip(f"Chromium not found at {CHROMIUM}; install Debian's chromium package to run browser tests")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    # Playwright's sync API runs an event loop; Django must allow ORM calls from the test thread.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing():
    """Test users get a cheap hash: the production hasher spends ~0.4 s per password by design,
    and hundreds of tests sign someone in. Subprocess tests start the site with its real settings."""
    from django.test import override_settings

    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def content_api_rate():
    """The spoiler crawls ask the content API for hundreds of addresses within seconds, all from
    one client address; tests/api/test_http.py lowers the limit again to test it.

    Not through the ``settings`` fixture: an autouse fixture asking for it would set it up before
    ``fresh_cache``, and so undo a test's settings only after ``fresh_cache`` has cleared the cache
    a test pointed elsewhere (an unreachable Redis, say)."""
    from django.test import override_settings

    with override_settings(CALLBOARD_API_RATE="100000/min"):
        yield


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def page_without_js(browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded files go to a throwaway folder, never into var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache, so no page cached by another test is served."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def staff_client(client, admin_user):
    client.force_login(admin_user)
    return client
