"""One editor's whole job, counted: set up a new series with a season of ten episodes and two
credited characters, paste an interview, review its eight quotes and publish it. Every click,
typed field and choice is one action; the count is printed and must stay under twenty."""

import re

import pytest
from playwright.sync_api import expect

from articles.models import Article, Quote
from people.models import Work

pytestmark = pytest.mark.django_db(transaction=True)

INTERVIEW = "\n".join(
    [
        "Gannet Head finds its keepers",
        "",
        "By Priya Natarajan",
        "",
        (
            "Gannet Head, the coastal mystery about two lighthouse keepers on a rock off the "
            "Pembrokeshire coast, begins its first season next month. Aiko Kimura (Isla Calloway) and "
            "Leo Albright (Tam Rook) spent eleven weeks filming on the cliffs."
        ),
        "",
        "“We wanted the fog to feel like a third character,” Kimura said.",
        "",
        "“I learned to climb a ladder in a gale, which nobody should have to learn,” Albright said.",
        "",
        (
            "Kimura said the cast rehearsed in the lamp room itself. “It is nine feet across, so you "
            "learn each other's breathing,” she said."
        ),
        "",
        "“The rock decides the schedule, not us,” Albright added.",
        "",
        (
            "The show's creator, Nia Pryce, wrote the first draft in a week. “I had a tide table and a "
            "bad cold,” Pryce said."
        ),
        "",
        "“Every episode ends at high water. It was the only rule I kept,” she explained.",
        "",
        "Kimura has her own rule for the role. “Isla never explains herself,” she said.",
        "",
        "“Tam explains everything, badly,” Albright said.",
        "",
    ]
)


class Counted:
    """The page, with every action the editor takes counted."""

    def __init__(self, page):
        self.page, self.actions = page, 0

    def click(self, locator) -> None:
        self.actions += 1
        locator.click()

    def fill(self, locator, text: str) -> None:
        self.actions += 1
        locator.fill(text)

    def choose(self, locator, value: str) -> None:
        self.actions += 1
        locator.select_option(value)


def test_an_editor_sets_up_a_series_pastes_reviews_and_publishes_in_under_twenty_actions(
    page, editor_account, log_in, live_server, capsys
):
    page.set_default_timeout(15_000)
    log_in(page, *editor_account)
    editor = Counted(page)

    # The series: a title and a season of ten numbered episodes, in one save.
    editor.click(page.locator("a[href='/admin/people/work/add/']").first)
    editor.fill(page.get_by_label("Title:"), "Gannet Head")
    editor.click(page.locator("#seasons-group").get_by_text("Add another Season"))
    editor.fill(page.locator("#id_seasons-0-number"), "1")
    editor.fill(page.locator("#id_seasons-0-episodes_to_add"), "10")
    editor.click(page.get_by_role("button", name="Save", exact=True))
    page.wait_for_url(re.compile(r"/admin/people/work/$"))

    # The interview, pasted; its cast and their characters are proposed, and accepted as they are.
    editor.click(page.locator("#nav-sidebar a[href='/admin/articles/article/']"))
    editor.click(page.get_by_role("link", name="Paste an article"))
    editor.fill(page.get_by_label("Article text"), INTERVIEW)
    editor.click(page.get_by_role("button", name="Create draft"))
    page.wait_for_url(re.compile(r"/admin/articles/article/\d+/people/$"))
    editor.click(page.get_by_role("button", name="Apply"))
    page.wait_for_url(re.compile(r"/admin/articles/article/\d+/change/$"))

    # The eight quotes, reviewed on one page and confirmed together.
    editor.click(page.get_by_role("link", name="Review quotes"))
    editor.fill(page.get_by_label("Confirm every suggestion with a confidence of at least"), "0.5")
    editor.click(page.get_by_role("button", name="Confirm all ≥ this confidence"))
    expect(page.locator(".messagelist .success")).to_contain_text("Confirmed 8 quotes")

    # Published with one button.
    editor.click(page.get_by_role("link", name="Gannet Head finds its keepers").first)
    editor.click(page.get_by_role("button", name="Publish now"))
    expect(page.locator(".messagelist .success")).to_contain_text("Live at")

    with capsys.disabled():
        print(f"\n  Editor actions, new series to published interview: {editor.actions}")
    assert editor.actions < 20

    work = Work.objects.get(title="Gannet Head")
    assert list(work.seasons.get().episodes.values_list("number", flat=True)) == list(range(1, 11))
    credits = set(work.credits.values_list("person__name", "character__name"))
    assert credits == {("Aiko Kimura", "Isla Calloway"), ("Leo Albright", "Tam Rook")}
    article = Article.objects.get(headline="Gannet Head finds its keepers")
    assert article.status == Article.Status.PUBLISHED and list(article.works.all()) == [work]
    quotes = article.quotes.select_related("speaker")
    assert quotes.count() == 8 and all(q.status == Quote.Status.CONFIRMED for q in quotes)
    speakers = [q.speaker.name for q in quotes.order_by("position")]
    assert speakers.count("Aiko Kimura") == 3 and speakers.count("Leo Albright") == 3
    assert speakers.count("Nia Pryce") == 2
