"""How page times grow with the content: `python -m bench.scale SMALL_DATABASE_URL LARGE_DATABASE_URL`.

Both databases must be seeded first (`python -m bench.seed 2000`, `python -m bench.seed 100000`).
Every kind of public page and every content-API endpoint is timed in process with the page
cache off, against the small and the large database in turn, round after round, each in a
process of its own, so both sizes see the same minutes of a shared machine. The table gives each
page's query count and median time at both sizes and their ratio against the target of 1.3.

Each page is the typical one of its kind: the median-dated article, the person, work and tag of
median size (as `bench.run` picks them), the median character by lines quoted, the median
article's first quote, the median work with spoiler-tagged articles for the spoilers feed, and
the feeds, archives and API addresses of those.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote_plus

from bench.seed import BASE_DIR, configure_environment

PAGES = (
    "home",
    "article",
    "kind",
    "tag",
    "quote",
    "person",
    "work",
    "character",
    "search",
    "feed",
    "feed-kind",
    "feed-tag",
    "feed-work",
    "feed-work-spoilers",
    "feed-person",
    "sitemap",
    "sitemap-articles",
    "sitemap-people",
    "sitemap-works",
    "sitemap-characters",
    "sitemap-tags",
    "sitemap-quotes",
    "api-articles",
    "api-articles-person",
    "api-article",
    "api-people",
    "api-person",
    "api-works",
    "api-work",
    "api-quotes",
    "api-quotes-person",
    "api-quote",
    "api-tags",
)
TARGET = 1.3
SITEMAP_SECTIONS = ("articles", "people", "works", "characters", "tags", "quotes")


def pick_urls() -> dict[str, str]:
    """Every page's address in the seeded database this process is pointed at."""
    from django.db.models import Count

    from articles.models import Article, Quote
    from bench.run import pick_urls as typical_urls
    from people.models import Character, Person, Work

    urls = typical_urls()
    article = Article.objects.get(slug=urls["article"].rstrip("/").rsplit("/", 1)[-1])
    person = Person.objects.get(slug=urls["person"].rstrip("/").rsplit("/", 1)[-1])
    work = Work.objects.get(slug=urls["work"].rstrip("/").rsplit("/", 1)[-1])
    tag_slug = urls["tag"].rstrip("/").rsplit("/", 1)[-1]
    quote = Quote.objects.public().filter(article=article).order_by("position", "pk").first()
    characters = list(Character.objects.annotate(n=Count("quotes")).filter(n__gt=0).order_by("n", "pk"))
    # The median work among those with spoiler-tagged articles: the median work of all may be a
    # film, whose spoilers feed is empty.
    spoiled = list(Work.objects.annotate(n=Count("spoiler_scopes__article_items")).filter(n__gt=0).order_by("n", "pk"))
    urls.update(
        {
            "kind": f"/kind/{article.kind}/",
            "feed-kind": f"/feeds/kind/{article.kind}.atom",
            "feed-tag": f"/feeds/tag/{tag_slug}.rss",
            "feed-work": f"/feeds/works/{work.slug}.rss",
            "feed-work-spoilers": f"/feeds/works/{spoiled[len(spoiled) // 2].slug}/spoilers.rss",
            "feed-person": f"/feeds/people/{person.slug}.atom",
            **{f"sitemap-{section}": f"/sitemap-{section}.xml" for section in SITEMAP_SECTIONS},
            "api-articles-person": f"/api/v1/articles/?person={quote_plus(person.slug)}",
            "api-people": "/api/v1/people/",
            "api-person": f"/api/v1/people/{person.slug}/",
            "api-works": "/api/v1/works/",
            "api-quotes-person": f"/api/v1/quotes/?person={quote_plus(person.slug)}",
            "api-tags": "/api/v1/tags/",
        }
    )
    if quote is not None:
        urls["quote"] = quote.get_absolute_url()
        urls["api-quote"] = f"/api/v1/quotes/{quote.pk}/"
    if characters:
        urls["character"] = characters[len(characters) // 2].get_absolute_url()
    return urls


def measure_here(pages: list[str], requests: int, warmup: int, out: Path) -> None:
    """One round at the database ``DATABASE_URL`` names, in this process: each page's queries
    and median time with the page cache off, written to ``out``."""
    os.environ.setdefault("CALLBOARD_API_RATE", "100000000/min")  # one client, thousands of API calls
    configure_environment()
    import django

    django.setup()
    from django.core.management import call_command

    from articles.models import Article
    from bench.run import in_process

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    urls = {name: url for name, url in pick_urls().items() if name in pages}
    results = in_process(urls, requests, 1, warmup, lambda message: print(message, file=sys.stderr), modes=("off",))
    out.write_text(
        json.dumps(
            {
                "n": Article.objects.count(),
                "pages": [
                    {"page": name, "url": r["url"], "queries": r["queries"], "median_ms": r["median_ms"]}
                    for (name, _mode), r in results.items()
                ],
            }
        )
    )


def measure(database_url: str, pages: list[str], requests: int, warmup: int, out: Path) -> dict:
    command = [sys.executable, "-m", "bench.scale", "--here", "--pages", ",".join(pages)]
    command += ["--requests", str(requests), "--warmup", str(warmup), "--json", str(out)]
    environment = {**os.environ, "DATABASE_URL": database_url}
    subprocess.run(command, check=True, cwd=BASE_DIR, env=environment, stdout=subprocess.DEVNULL)
    return json.loads(out.read_text())


def load_average() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("small", nargs="?", help="DATABASE_URL of the small seed (e.g. 2,000 articles)")
    parser.add_argument("large", nargs="?", help="DATABASE_URL of the large seed (e.g. 100,000 articles)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds per size (default 3)")
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page per round")
    parser.add_argument("--warmup", type=int, default=5, help="discarded warm requests per page per round")
    parser.add_argument("--pages", default=",".join(PAGES), help="comma-separated subset of: " + ",".join(PAGES))
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--here", action="store_true", help=argparse.SUPPRESS)  # one round, one size
    args = parser.parse_args(argv)
    pages = args.pages.split(",")
    unknown = sorted(set(pages) - set(PAGES))
    if unknown:
        parser.error(f"unknown pages: {', '.join(unknown)}")
    if args.here:
        measure_here(pages, args.requests, args.warmup, args.json)
        return 0
    if not (args.small and args.large):
        parser.error("give the small and the large database's DATABASE_URL")

    medians: dict[str, dict[str, list[float]]] = {"small": {}, "large": {}}
    sizes: dict[str, int] = {}
    queries: dict[tuple[str, str], int] = {}
    loads = [load_average()]
    started = time.strftime("%Y-%m-%d %H:%M", time.gmtime())
    with tempfile.TemporaryDirectory() as scratch:
        for round_number in range(args.rounds):
            for size, url in (("small", args.small), ("large", args.large)):
                print(f"[scale] round {round_number + 1}/{args.rounds}: {size}", file=sys.stderr, flush=True)
                result = measure(url, pages, args.requests, args.warmup, Path(scratch) / f"{size}.json")
                sizes[size] = result["n"]
                for page in result["pages"]:
                    medians[size].setdefault(page["page"], []).append(page["median_ms"])
                    queries[(size, page["page"])] = page["queries"]
                loads.append(load_average())

    lines = [
        f"Page cache off, in process; median of {args.rounds} alternating rounds of {args.requests} requests; "
        f"{started} UTC; 1-minute load average {min(loads):.2f}–{max(loads):.2f} on {os.cpu_count()} CPUs.",
        "",
        f"| page | queries | p50 ms at {sizes['small']:,} | p50 ms at {sizes['large']:,} | ratio | ≤ {TARGET} |",
        "|---|---:|---:|---:|---:|---|",
    ]
    figures = {}
    missed = []
    for page in pages:
        if page not in medians["small"] or page not in medians["large"]:
            continue
        small = statistics.median(medians["small"][page])
        large = statistics.median(medians["large"][page])
        ratio = large / small
        if ratio > TARGET:
            missed.append(page)
        query_counts = f"{queries[('small', page)]} / {queries[('large', page)]}"
        verdict = "met" if ratio <= TARGET else "NOT met"
        lines.append(f"| {page} | {query_counts} | {small:.2f} | {large:.2f} | {ratio:.2f}× | {verdict} |")
        figures[page] = {
            "queries": [queries[("small", page)], queries[("large", page)]],
            "small_ms": medians["small"][page],
            "large_ms": medians["large"][page],
            "ratio": ratio,
        }
    if missed:
        lines += ["", f"Above {TARGET}×: {', '.join(missed)}."]
    print("\n".join(lines))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps({"sizes": sizes, "started_utc": started, "load_average": loads, "pages": figures}, indent=1)
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
