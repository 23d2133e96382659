import pytest

from tests.api.world import Newsroom, build_newsroom


@pytest.fixture
def newsroom() -> Newsroom:
    return build_newsroom()
