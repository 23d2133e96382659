"""A pytest plugin for mutation runs only (``pytest_add_cli_args`` in pyproject.toml).

**Order.** mutmut passes each mutant's tests fastest first and stops at the first failure.
pytest-django moves every database test ahead of the others, so a mutant that a pure-text test
kills in a millisecond would first wait for the test database. This puts the tests back in the
order given. The run has no transactional tests, the one reason for pytest-django's order.

**One migrated test database.** Each mutant runs in a process forked from mutmut's fork server,
and migrating SQLite's in-memory test database took five of the six seconds a mutant costs. When
the fork server collects the tests (``--collect-only -qqq``, mutmut's warm-up) this migrates the
database once and holds a connection to it; a fork copies the process's memory, so every mutant
starts from its own copy of the migrated database, and pytest-django's own set-up then finds
every migration applied. Only for SQLite; ``MUTANTS_MIGRATE_EACH_RUN=1`` switches it off, and
mutmut's clean and stats runs never use it (they are not forked from the fork server).
"""

import os
import sqlite3

import pytest

_held: list[sqlite3.Connection] = []


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    given = {arg: position for position, arg in enumerate(config.args)}
    items.sort(key=lambda item: given.get(item.nodeid, len(given)))


def pytest_collection_finish(session: pytest.Session) -> None:
    config = session.config
    if not (config.option.collectonly and config.option.verbose <= -3) or os.environ.get("MUTANTS_MIGRATE_EACH_RUN"):
        return
    from django.db import connection
    from django.test.utils import setup_databases
    from pytest_django.plugin import blocking_manager_key

    if connection.vendor != "sqlite" or _held:
        return
    with config.stash[blocking_manager_key].unblock():
        setup_databases(verbosity=0, interactive=False, aliases={"default"}, serialized_aliases=set())
        # An in-memory database lives while a connection to it is open; Django closes its own
        # before each set-up, so this one keeps the migrated tables for every fork.
        _held.append(sqlite3.connect(connection.settings_dict["NAME"], uri=True))
