"""Helpers for the admin's widgets in browser tests."""

import pytest

PlaywrightTimeoutError = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").TimeoutError


def open_autocomplete(page, select_id: str):
    """Open a Django admin autocomplete (select2) widget and return its search field.

    On a loaded machine a click can land while the page is still wiring the widget's handlers and
    open nothing; a second click then opens it, as it would for an editor who clicks again.
    """
    selection = page.locator(f"#{select_id} + .select2 .select2-selection")
    search = page.locator(".select2-container--open .select2-search__field")
    for attempt in range(3):
        selection.click()
        try:
            search.wait_for(state="visible", timeout=5_000)
            return search
        except PlaywrightTimeoutError:
            if attempt == 2:
                raise
    return search
