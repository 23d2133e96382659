"""Every kind of public page, with the demo content, fits a phone's width: nothing makes the page
scroll sideways and nothing sticks out past the right edge, at 375 px and at 320 px.

Each page is found from the demo content through the models, as a reader would reach it. The
feeds are RSS and Atom only (no HTML page, no stylesheet for browsers), so they have no width.
"""

import pytest
from django.db.models import F

from articles.models import Article, Quote, published_q
from cms.links import link
from people.models import Person, Work
from tests.browser.content import reveal_every_spoiler

PHONES = {
    "375px": {"width": 375, "height": 812},
    "320px": {"width": 320, "height": 568},
}
# Sub-pixel layout may round a box a pixel past the edge; anything more shows.
TOLERANCE_PX = 1
WORST_SHOWN = 8
MISSING_PATH = "/articles/no-such-article-on-callboard/"

pytestmark = pytest.mark.django_db(transaction=True)

# Lazy images below the fold have not loaded when the page has; load them all, since an image
# only widens its box once it arrives. Web fonts too, as they change line breaks.
LOAD_EVERYTHING = """async () => {
  const images = Array.from(document.images);
  images.forEach((img) => { img.loading = "eager"; });
  await Promise.all(images.map((img) => img.complete ? null : new Promise((done) => {
    img.addEventListener("load", done); img.addEventListener("error", done);
  })));
  await document.fonts.ready;
}"""

# The page's width, and the elements whose box ends past the right edge, worst first. Content that
# scrolls or is clipped inside a box of its own (a wide table in its scrolling frame) is measured
# by that box; html and body are not such boxes, so `overflow-x: hidden` on them hides nothing.
MEASURE = """(tolerance) => {
  const edge = window.innerWidth + tolerance;
  const root = document.documentElement;
  const ownsOverflow = (el) => el !== root && el !== document.body && getComputedStyle(el).overflowX !== "visible";
  const offenders = [];
  for (const el of document.body.querySelectorAll("*")) {
    let contained = false;
    for (let box = el.parentElement; box && !contained; box = box.parentElement) { contained = ownsOverflow(box); }
    if (contained) { continue; }
    const rect = el.getBoundingClientRect();
    if (rect.right > edge) {
      offenders.push({
        element: el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
          Array.from(el.classList, (name) => "." + name).join(""),
        width: Math.round(rect.width),
        right: Math.round(rect.right),
        text: (el.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 40),
      });
    }
  }
  offenders.sort((a, b) => b.right - a.right);
  return {scrollWidth: root.scrollWidth, innerWidth: window.innerWidth, offenders};
}"""


def found(what: str, value):
    assert value is not None, f"the demo content has no {what}, so its page cannot be checked"
    return value


def demo_pages() -> dict[str, str]:
    """One address for every kind of public page, read from the demo content."""
    published = Article.objects.published()
    # The spoiler-safe body is the body with its spoilers removed: where the two differ, there are some.
    with_spoilers = published.exclude(body_html=F("body_safe_html"))
    spoiled = found("published article with spoilers in its body", with_spoilers.first())
    interview = demo_interview()
    review = found("published review", published.filter(kind=Article.Kind.REVIEW).first())
    tag = found("topic tag with a page", published.topic_tags().order_by("name").first())
    person = found(
        "person with credits and public quotes",
        Person.objects.public(published_q)
        .filter(credits__isnull=False, quotes__in=Quote.objects.public())
        .distinct()
        .order_by("name")
        .first(),
    )
    work = found(
        "work with characters and articles",
        Work.objects.public(published_q)
        .filter(characters__isnull=False, articles__in=published)
        .distinct()
        .order_by("title")
        .first(),
    )
    character = found(f"character of {work}", work.characters.order_by("name").first())
    quote = found("public quote", Quote.objects.public().first())
    return {
        "home": link("articles:home"),
        "article (spoilers hidden)": spoiled.get_absolute_url(),
        "interview": interview.get_absolute_url(),
        "review": review.get_absolute_url(),
        "kind archive": link("articles:kind_archive", interview.kind),
        "tag": link("articles:tag_detail", tag.slug),
        "person": person.get_absolute_url(),
        "work": work.get_absolute_url(),
        "character": character.get_absolute_url(),
        "quote": quote.get_absolute_url(),
    }


def demo_interview() -> Article:
    return found("published interview", Article.objects.published().filter(kind=Article.Kind.INTERVIEW).first())


def search_word(article: Article) -> str:
    """The longest word of a published headline: search finds its article."""
    words = [word for word in article.headline.split() if word.isalpha()]
    return found(f"word to search for in “{article.headline}”", max(words, key=len, default=None))


def overflow(page, where: str) -> str:
    """What sticks out sideways on the page as it is now; empty when it fits."""
    page.evaluate(LOAD_EVERYTHING)
    measured = page.evaluate(MEASURE, TOLERANCE_PX)
    width, scroll_width, offenders = measured["innerWidth"], measured["scrollWidth"], measured["offenders"]
    if scroll_width <= width and not offenders:
        return ""
    lines = [f"{where}: the page is {scroll_width} px wide in a {width} px window"]
    for offender in offenders[:WORST_SHOWN]:
        lines.append(
            f"    {offender['element']} is {offender['width']} px wide and ends at {offender['right']} px"
            f" ({offender['text']!r})"
        )
    if len(offenders) > WORST_SHOWN:
        lines.append(f"    … and {len(offenders) - WORST_SHOWN} more")
    return "\n".join(lines)


@pytest.mark.parametrize("viewport", PHONES.values(), ids=PHONES.keys())
def test_no_public_page_is_wider_than_a_phone(browser, demo, viewport):
    pages = demo_pages()
    searched_for = demo_interview()
    word = search_word(searched_for)
    context = browser.new_context(viewport=viewport, reduced_motion="reduce")
    page = context.new_page()
    problems = []
    try:
        for where, path in pages.items():
            response = page.goto(demo + path)
            assert response.status == 200, f"{where}: {path} answered {response.status}"
            problems.append(overflow(page, where))
            if where == "article (spoilers hidden)":
                assert reveal_every_spoiler(page) > 0, f"{path} has no “Reveal spoiler” button to click"
                assert page.get_by_role("button", name="Reveal spoiler for", exact=False).count() == 0
                problems.append(overflow(page, "article (every spoiler revealed)"))

        response = page.goto(f"{demo}{link('search:search')}?q={word}")
        assert response.status == 200, f"search for {word!r} answered {response.status}"
        results = page.locator(f'#search-articles ~ * a[href="{searched_for.get_absolute_url()}"]')
        assert results.count() > 0, f"searching for {word!r} did not list “{searched_for.headline}”"
        problems.append(overflow(page, f"search results for {word!r}"))

        response = page.goto(demo + MISSING_PATH)
        assert response.status == 404, f"{MISSING_PATH} answered {response.status}, not 404"
        problems.append(overflow(page, "page not found"))
    finally:
        context.close()

    report = "\n".join(problem for problem in problems if problem)
    assert not report, f"pages wider than a {viewport['width']} px phone:\n{report}"
