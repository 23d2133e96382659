"""Feeds under a threaded server: many readers at once, each with their own ``?through=``.

A feed instance serves every request; if anything of one request lived on it, a reader would
sooner or later get another reader's spoilers. The live server runs each request in its own
thread, so this asks for differently scoped feeds from many threads at once and checks that
every response opens exactly the spoilers its own scope covers.
"""

import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from articles.services import article_render
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)

EPISODES = 5
THREADS = 8
REQUESTS_PER_THREAD = 20


def secret(episode: int) -> str:
    return f"Secret{'XYZWV'[episode - 1]}Reveal"


@pytest.fixture
def scoped_work():
    work = factories.work("Glass Slippers", slug="glass-slippers")
    factories.season(work, number=1, episodes=EPISODES + 1)
    for episode in range(1, EPISODES + 1):
        article = factories.published_article(
            headline=f"Episode {episode} recap",
            body=f"A safe paragraph.\n\n::: spoiler S1E{episode}\n{secret(episode)} happens.\n:::\n",
        )
        article.works.add(work)
        factories.spoiler(article, work, 1, episode)
        article_render(article=article)
    return work


def expected_open(feed: str, through: int | None) -> set[int]:
    """The episodes whose secrets a response may and must carry."""
    if through is None:
        return set(range(1, EPISODES + 1)) if feed == "spoilers" else set()
    return set(range(1, through + 1))


def fetch(base: str, feed: str, through: int | None) -> str:
    path = "/feeds/works/glass-slippers/spoilers.rss" if feed == "spoilers" else "/feeds/works/glass-slippers.rss"
    url = base + path + (f"?through=s1e{through}" if through else "")
    with urllib.request.urlopen(url, timeout=30) as response:
        assert response.status == 200
        return response.read().decode()


def test_concurrent_readers_each_get_only_what_their_scope_opens(live_server, scoped_work):
    asks = [
        ("spoilers" if (thread + n) % 3 == 0 else "work", (thread * 7 + n) % (EPISODES + 1) or None)
        for thread in range(THREADS)
        for n in range(REQUESTS_PER_THREAD)
    ]

    def run(ask):
        feed, through = ask
        body = fetch(live_server.url, feed, through)
        return ask, {episode for episode in range(1, EPISODES + 1) if secret(episode) in body}

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = list(pool.map(run, asks))

    wrong = [(ask, found) for ask, found in results if found != expected_open(*ask)]
    assert not wrong, f"{len(wrong)} of {len(results)} responses opened another scope's spoilers: {wrong[:5]}"
