"""Content the browser tests share: a spoiler-tagged recap with a section and an inline spoiler."""

from articles.services import article_render
from tests import factories

SECRET = "Delia was on the roof that night"
INLINE_SECRET = "the hooded figure"
BANNER = "Tiny Pretty Things through S1E10 (ending)"


def spoiled_article():
    """A published recap of Tiny Pretty Things: an inline S1E1 spoiler and an S1E10 section."""
    series = factories.work("Tiny Pretty Things", slug="tiny-pretty-things")
    factories.season(series, number=1, episodes=10)
    article = factories.published_article(
        headline="Finale recap",
        slug="finale-recap",
        body=(
            f"Safe intro.\n\nWho was it? ||S1E1: {INLINE_SECRET}||.\n\n::: spoiler S1E10\n{SECRET}.\n:::\n\nSafe outro."
        ),
    )
    factories.byline(article, factories.person("Marisol Quartey", slug="marisol-quartey"))
    article.works.add(series)
    factories.spoiler(article, series, 1, 10, severity="ending")
    article_render(article=article)
    return article


def reveal_every_spoiler(page) -> int:
    """Click every "Reveal spoiler" button on the page, and say how many there were."""
    buttons = page.get_by_role("button", name="Reveal spoiler for", exact=False)
    count = buttons.count()
    for _ in range(count):
        buttons.first.click()
    assert page.get_by_role("button", name="Reveal spoiler for", exact=False).count() == 0
    return count
