"""Spoiler leaks in generated bodies: `DJANGO_DEBUG=1 python -m bench.spoilers [--examples N]`.

Draws N documents (default 500) from `tests.text.documents`, each with spoilers in every shape
the contract names (docs/architecture.md, "The body pipeline") and a unique marker word in each, renders each
without and with quotes taken from it, and searches every stored variant, every reader's cut of
the page and the feed, and every quote scope for a marker its reader may not see. Prints the
documents checked, the surfaces checked per document, the leaks found (with the shortest leaking
bodies) and the time per document: `render_body` alone, and everything (both renders and every surface).
Exits 1 when anything leaked. `make bench-spoilers EXAMPLES=N` runs it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")

SHOWN_LEAKS = 5


def _ms(seconds: list[float]) -> str:
    ordered = sorted(seconds)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return f"median {statistics.median(ordered) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=500, help="documents to draw (default 500)")
    args = parser.parse_args(argv)
    if args.examples < 1:
        parser.error("--examples must be at least 1")

    import django

    django.setup()
    from hypothesis import HealthCheck, Phase, given, settings

    from tests.text.documents import check, documents_with_quotes, render

    render_seconds: list[float] = []
    total_seconds: list[float] = []
    surfaces: list[int] = []
    leaking: list[tuple[str, list[str]]] = []

    # Generation only: no shrinking (a leak is reported as drawn) and no database of past failures.
    @settings(
        max_examples=args.examples,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(documents_with_quotes())
    def check_one(case):
        document, quotes = case
        started = time.perf_counter()
        render(document)
        rendered = time.perf_counter()
        result = check(document, quotes)
        render_seconds.append(rendered - started)
        total_seconds.append(time.perf_counter() - rendered)
        surfaces.append(result.surfaces)
        if result.leaks:
            leaking.append((document.source, result.leaks))

    check_one()
    leaks = sum(len(found) for _, found in leaking)
    print(f"documents checked:                {len(surfaces)}")
    print(f"surfaces checked per document:    {min(surfaces)}–{max(surfaces)} (mean {statistics.mean(surfaces):.1f})")
    print(f"leaks found:                      {leaks} (a marker on a surface) in {len(leaking)} documents")
    print(f"render_body per document:         {_ms(render_seconds)}")
    print(f"both renders and every surface:   {_ms(total_seconds)}")
    for source, found in sorted(leaking, key=lambda leak: len(leak[0]))[:SHOWN_LEAKS]:
        print("\n--- leaking body:\n" + source.rstrip("\n"))
        print("\n".join(f"  {leak}" for leak in found[:SHOWN_LEAKS]))
        if len(found) > SHOWN_LEAKS:
            print(f"  … and {len(found) - SHOWN_LEAKS} more")
    return 1 if leaking else 0


if __name__ == "__main__":
    sys.exit(main())
