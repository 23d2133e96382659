"""axe-core (from the npm registry, see package.json) injected into real pages: the public pages
with the demo content, an article with its spoilers hidden and revealed, and the admin's article
form. No serious or critical violations are allowed.

Install it with ``npm ci --no-audit --no-fund`` at the repository root."""

from pathlib import Path

import pytest

from articles.models import Article
from tests.browser.content import reveal_every_spoiler

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = {"serious", "critical"}

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not AXE.exists(), reason=f"axe-core not installed ({AXE}); run `npm ci` at the repository root"),
]


def axe_violations(page) -> list[dict]:
    """Run axe on the page as it is now; the serious and critical violations."""
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v for v in results["violations"] if v["impact"] in BLOCKING]


def describe(where: str, violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"{where}: [{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})"
        )
        for node in violation["nodes"][:8]:
            lines.append(f"    {' '.join(map(str, node['target']))}")
            lines.append(f"      {node['html'][:200]}")
            for summary_line in (node.get("failureSummary") or "").splitlines():
                lines.append(f"      {summary_line}")
        if len(violation["nodes"]) > 8:
            lines.append(f"    … and {len(violation['nodes']) - 8} more")
    return "\n".join(lines)


@pytest.fixture
def axe_context(browser):
    """Contexts for axe: the site's Content-Security-Policy forbids the inline script that
    add_script_tag injects, so only these test contexts bypass it."""
    contexts = []

    def new_page(**options):
        context = browser.new_context(bypass_csp=True, **options)
        contexts.append(context)
        return context.new_page()

    yield new_page
    for context in contexts:
        context.close()


def test_public_pages_and_the_admin_form_have_no_serious_axe_violations(axe_context, demo, editor_account, log_in):
    page, page_without_js, admin_page = axe_context(), axe_context(), axe_context()
    # axe needs JavaScript, so "without JavaScript" here means without the site's script: the
    # server's markup (a <details> and a checkbox) is what gets checked.
    page_without_js.route("**/spoilers*.js", lambda route: route.abort())
    spoiled = Article.objects.published().filter(spoiler_items__severity="ending").first()
    interview = Article.objects.published().filter(kind="interview", quotes__isnull=False).distinct().first()
    assert spoiled and interview, "the demo content has a spoiler-tagged article and an interview with quotes"
    public = {
        "home": "/",
        "article (spoilers hidden)": spoiled.get_absolute_url(),
        "interview": interview.get_absolute_url(),
        "person": "/people/kylie-jefferson/",
        "work": "/works/tiny-pretty-things/",
    }
    report = []
    for where, path in public.items():
        response = page.goto(demo + path)
        assert response.ok, f"{where}: {path} answered {response.status}"
        report.append(describe(where, axe_violations(page)))
        if where == "article (spoilers hidden)":
            assert reveal_every_spoiler(page) > 0
            report.append(describe("article (spoilers revealed)", axe_violations(page)))

    page_without_js.goto(demo + spoiled.get_absolute_url())
    page_without_js.locator("details.spoiler > summary").first.click()
    report.append(describe("article without the site's JavaScript (a spoiler open)", axe_violations(page_without_js)))

    log_in(admin_page, *editor_account)
    admin_page.goto(demo + f"/admin/articles/article/{interview.pk}/change/")
    assert admin_page.locator("#article_form").count() == 1
    # static/js/admin-a11y.js names the select2 widgets once they are drawn; wait for that.
    admin_page.wait_for_function("!document.querySelector('.select2-selection[role=combobox]:not([aria-label])')")
    report.append(describe("admin article form", axe_violations(admin_page)))

    problems = "\n".join(line for line in report if line)
    assert not problems, "axe found serious or critical violations:\n" + problems


def test_the_editors_pages_have_no_serious_axe_violations(axe_context, demo, editor_account, log_in):
    from playwright.sync_api import expect

    page = axe_context(viewport={"width": 1280, "height": 900})
    log_in(page, *editor_account)
    interview = Article.objects.published().filter(kind="interview", quotes__isnull=False).distinct().first()
    report = []

    # A live article with changes saved for later: the notice with its diff open, the publishing
    # buttons and the live preview, as the editor sees them.
    page.goto(demo + f"/admin/articles/article/{interview.pk}/change/")
    page.locator("#id_dek").fill("A dek saved for later.")
    page.get_by_role("button", name="Save for later").click()
    notice = page.get_by_role("region", name="Unpublished changes")
    notice.get_by_text("What differs from the published version").click()
    expect(page.locator(".live-preview-status")).to_have_text("Up to date.")
    page.wait_for_function("!document.querySelector('.select2-selection[role=combobox]:not([aria-label])')")
    report.append(describe("article form with unpublished changes", axe_violations(page)))

    pages = {
        "article list": "/admin/articles/article/",
        "paste": "/admin/articles/article/paste/",
        "revision history": f"/admin/articles/article/{interview.pk}/revisions/",
        "new work": "/admin/people/work/add/",
        "new article": "/admin/articles/article/add/",
        "new image": "/admin/images/image/add/",
        "person": f"/admin/people/person/{interview.quotes.exclude(speaker=None).first().speaker_id}/change/",
    }
    for where, path in pages.items():
        response = page.goto(demo + path)
        assert response.ok, f"{where}: {path} answered {response.status}"
        report.append(describe(where, axe_violations(page)))
        # Usable at 1,280 px: nothing pushes the page sideways.
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 1280, f"{where} is {width} px wide at a 1,280 px window"

    # Lists read their headlines and quotes as lines, not one word per line.
    for path, cell in (("/admin/articles/article/", ".field-headline"), ("/admin/articles/quote/", ".field-__str__")):
        page.goto(demo + path)
        widths = page.evaluate(f"[...document.querySelectorAll('#result_list tbody {cell}')].map(c => c.offsetWidth)")
        assert widths and min(widths) >= 240, f"{path}: {cell} is {widths} px wide at 1,280 px"

    # On a tablet held upright the same pages still fit their width.
    page.set_viewport_size({"width": 820, "height": 1180})
    for where, path in {**pages, "article form": f"/admin/articles/article/{interview.pk}/change/"}.items():
        page.goto(demo + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 820, f"{where} is {width} px wide on an 820 px tablet"

    problems = "\n".join(line for line in report if line)
    assert not problems, "axe found serious or critical violations:\n" + problems
