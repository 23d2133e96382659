"""A pytest plugin for mutation runs only (``pytest_add_cli_args`` in pyproject.toml).

mutmut passes each mutant's tests fastest first and stops at the first failure. pytest-django
moves every database test ahead of the others, so a mutant that a pure-text test kills in a
millisecond would first wait for the test database to be migrated. This puts the tests back in
the order given. The run has no transactional tests, the one reason for pytest-django's order.
"""

import pytest


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    given = {arg: position for position, arg in enumerate(config.args)}
    items.sort(key=lambda item: given.get(item.nodeid, len(given)))
