"""How page times grow with the content: `python -m bench.scale SMALL_DATABASE_URL LARGE_DATABASE_URL`.

Both databases must be seeded first (`python -m bench.seed 2000`, `python -m bench.seed 100000`).
The in-process benchmark (`bench.run --no-load --cache off`) runs against the small and the large
database in turn, round after round, so both sizes see the same minutes of a shared machine; the
table gives each page's median time at both sizes and their ratio against the target of 1.3.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.seed import BASE_DIR

PAGES = ("home", "article", "tag", "feed", "person", "work", "search")
TARGET = 1.3
TARGET_PAGES = ("home", "article", "tag", "feed")  # the pages the target names


def measure(database_url: str, pages: list[str], requests: int, out: Path) -> dict:
    command = [
        sys.executable,
        "-m",
        "bench.run",
        "--no-load",
        "--cache",
        "off",
        "--rounds",
        "1",
        "--requests",
        str(requests),
        "--pages",
        ",".join(pages),
        "--json",
        str(out),
    ]
    environment = {**os.environ, "DATABASE_URL": database_url}
    subprocess.run(command, check=True, cwd=BASE_DIR, env=environment, stdout=subprocess.DEVNULL)
    return json.loads(out.read_text())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("small", help="DATABASE_URL of the small seed (e.g. 2,000 articles)")
    parser.add_argument("large", help="DATABASE_URL of the large seed (e.g. 100,000 articles)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds per size (default 3)")
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page per round")
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    pages = args.pages.split(",")

    medians: dict[str, dict[str, list[float]]] = {"small": {}, "large": {}}
    sizes: dict[str, int] = {}
    queries: dict[tuple[str, str], int] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for round_number in range(args.rounds):
            for size, url in (("small", args.small), ("large", args.large)):
                print(f"[scale] round {round_number + 1}/{args.rounds}: {size}", file=sys.stderr, flush=True)
                result = measure(url, pages, args.requests, Path(scratch) / f"{size}.json")
                sizes[size] = result["n"]
                for page in result["pages"]:
                    medians[size].setdefault(page["page"], []).append(page["median_ms"])
                    queries[(size, page["page"])] = page["queries"]

    lines = [
        f"Page cache off, in process; median of {args.rounds} alternating rounds of {args.requests} requests.",
        "",
        f"| page | queries | p50 ms at {sizes['small']:,} | p50 ms at {sizes['large']:,} | ratio | target |",
        "|---|---:|---:|---:|---:|---|",
    ]
    figures = {}
    for page in pages:
        if page not in medians["small"] or page not in medians["large"]:
            continue
        small = statistics.median(medians["small"][page])
        large = statistics.median(medians["large"][page])
        ratio = large / small
        target = f"≤ {TARGET} {'met' if ratio <= TARGET else 'NOT met'}" if page in TARGET_PAGES else "—"
        query_counts = f"{queries[('small', page)]} / {queries[('large', page)]}"
        lines.append(f"| {page} | {query_counts} | {small:.2f} | {large:.2f} | {ratio:.2f}× | {target} |")
        figures[page] = {"small_ms": medians["small"][page], "large_ms": medians["large"][page], "ratio": ratio}
    print("\n".join(lines))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"sizes": sizes, "pages": figures}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
