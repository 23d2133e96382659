"""Measure the seeded site: `python -m bench.run [options]` after `python -m bench.seed N`.

1. In-process (django.test.Client, one process): for home, article (the median-dated one),
   person, work, tag, feed, sitemap, search (when /search/ resolves) and the content API (its
   article list, the same article, the median work and the quote list), the SQL query count,
   the first request (cold) and the median and p95 of warm requests, with the anonymous page
   cache off (CALLBOARD_PAGE_CACHE=0) and on. Warm requests are interleaved URL by URL, round
   by round, after a discarded warm-up, as in the Wagtail anchor's harness.
2. Throughput: gunicorn with 2 sync workers on 127.0.0.1:<free port> (debug off), loaded at
   concurrency 8 by wrk when installed, else by bench/loadgen.py, for the article page and the
   API's article list and article with the page cache off, with it on, and for /robots.txt (the
   app's most trivial view) as the ceiling;
   requests/s, p50, p99, and each worker's peak RSS (VmHWM).

Prints one table and exits 0; `--json PATH` also writes every figure. Bounded: a fixed number of
requests in process, fixed durations under load, loopback only, gunicorn stopped by its PID.
"""

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.seed import BASE_DIR, configure_environment


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


# --- In process ---------------------------------------------------------------------------------


def pick_urls() -> dict[str, str]:
    from django.db.models import Count
    from django.urls import Resolver404, resolve
    from taggit.models import Tag

    from articles.models import Article
    from people.models import Person, Work

    published = Article.objects.published().order_by("publish_at", "pk")
    total = published.count()
    if total == 0:
        raise SystemExit("No published articles: run `python -m bench.seed N` first (or `make bench`).")
    article = published[total // 2]
    # A person, work and tag of typical size: the median by number of articles.
    people = list(Person.objects.annotate(n=Count("quotes")).filter(n__gt=0).order_by("n", "pk"))
    works = list(Work.objects.annotate(n=Count("articles")).filter(n__gt=0).order_by("n", "pk"))
    tags = list(Tag.objects.annotate(n=Count("articles")).filter(n__gt=0).order_by("n", "pk"))
    urls = {
        "home": "/",
        "article": article.get_absolute_url(),
        "person": people[len(people) // 2].get_absolute_url(),
        "work": works[len(works) // 2].get_absolute_url(),
        "tag": f"/tags/{tags[len(tags) // 2].slug}/",
        "feed": "/feeds/all.rss",
        "sitemap": "/sitemap.xml",
    }
    try:
        resolve("/search/")
        # The title of the work of typical size: a realistic query matching about 1 article in 12
        # (the seed's prose comes from a small vocabulary, so a common word would match every
        # article). Any article may have no work, so the median article's is not used.
        from urllib.parse import quote_plus

        urls["search"] = f"/search/?q={quote_plus(works[len(works) // 2].title)}"
    except Resolver404:
        pass
    try:
        resolve("/api/v1/")
        # The content API: the list a client polls, and the median article, work and quotes.
        urls["api-articles"] = "/api/v1/articles/"
        urls["api-article"] = f"/api/v1/articles/{article.slug}/"
        urls["api-work"] = f"/api/v1/works/{works[len(works) // 2].slug}/"
        urls["api-quotes"] = "/api/v1/quotes/"
    except Resolver404:
        pass
    return urls


def set_page_cache(on: bool) -> None:
    os.environ["CALLBOARD_PAGE_CACHE"] = "1" if on else "0"
    from django.core.cache import cache

    cache.clear()


def in_process(urls: dict[str, str], requests: int, rounds: int, warmup: int, log, modes=("off", "on")) -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    results: dict = {}

    def timed(url: str) -> float:
        started = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise SystemExit(f"GET {url} answered {response.status_code}; the benchmark needs 200.")
        return elapsed

    for mode in modes:
        set_page_cache(mode == "on")
        log(f"[run] in-process, page cache {mode}: cold requests")
        for name, url in urls.items():
            results[(name, mode)] = {"url": url, "cold_ms": timed(url)}
        for name, url in urls.items():
            with CaptureQueriesContext(connection) as queries:
                timed(url)
            results[(name, mode)]["queries"] = len(queries)
            results[(name, mode)]["sql"] = [q["sql"] for q in queries.captured_queries]
            for _ in range(warmup):
                timed(url)
        samples: dict[str, list[float]] = {name: [] for name in urls}
        round_medians: dict[str, list[float]] = {name: [] for name in urls}
        log(f"[run] in-process, page cache {mode}: {rounds} rounds x {requests} requests per page")
        for _ in range(rounds):
            for name, url in urls.items():
                values = [timed(url) for _ in range(requests)]
                samples[name].extend(values)
                round_medians[name].append(statistics.median(values))
        for name in urls:
            results[(name, mode)].update(
                median_ms=statistics.median(samples[name]),
                p95_ms=pct(samples[name], 95),
                round_medians_ms=round_medians[name],
                samples=len(samples[name]),
            )
    return results


def explain(urls: dict[str, str], log) -> dict:
    """PostgreSQL only: EXPLAIN every query of each page (page cache off) and list the plans that
    scan articles_article sequentially."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    if connection.vendor != "postgresql":
        log("[run] --explain needs PostgreSQL; skipped")
        return {}
    set_page_cache(False)
    client = Client()
    found = {}
    for name, url in urls.items():
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        scans = []
        plans = []
        with connection.cursor() as cursor:
            for query in queries.captured_queries:
                sql = query["sql"]
                if not sql.lstrip().upper().startswith("SELECT"):
                    continue
                cursor.execute("EXPLAIN " + sql)
                plan = "\n".join(row[0] for row in cursor.fetchall())
                plans.append({"sql": sql, "plan": plan})
                if "Seq Scan on articles_article " in plan + " ":
                    # Is the scan only the planner's choice on a small table, or is there no index
                    # path at all? With sequential scans disabled, a scan that remains is forced.
                    cursor.execute("SET enable_seqscan = off")
                    cursor.execute("EXPLAIN " + sql)
                    forced_plan = "\n".join(row[0] for row in cursor.fetchall())
                    cursor.execute("RESET enable_seqscan")
                    forced = "Seq Scan on articles_article " in forced_plan + " "
                    scans.append({"sql": sql, "plan": plan, "unavoidable": forced, "plan_without_seqscan": forced_plan})
        found[name] = {"queries": len(plans), "seq_scans_on_articles": scans, "plans": plans}
        forced = sum(1 for scan in scans if scan["unavoidable"])
        log(
            f"[run] EXPLAIN {name}: {len(plans)} queries, {len(scans)} with Seq Scan on articles_article, "
            f"{forced} of them with no index path"
        )
    return found


# --- Under load ---------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
        return [int(x) for x in text.split()]
    except OSError:
        found = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(stat.parent.name))
        return found


def vm_hwm_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


class Gunicorn:
    def __init__(self, *, page_cache: bool, workers: int, logfile: Path):
        self.port = free_port()
        env = dict(os.environ)
        env.update(
            DJANGO_DEBUG="0",
            DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
            CALLBOARD_HTTPS="0",
            CALLBOARD_PAGE_CACHE="1" if page_cache else "0",
        )
        self.log = open(logfile, "ab")  # noqa: SIM115 (closed by stop)
        self.proc = subprocess.Popen(
            [
                str(BASE_DIR / ".venv" / "bin" / "gunicorn"),
                "cms.wsgi",
                "-w",
                str(workers),
                "-b",
                f"127.0.0.1:{self.port}",
                "--log-level",
                "warning",
            ],
            cwd=BASE_DIR,
            env=env,
            stdout=self.log,
            stderr=self.log,
        )

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def wait(self, path: str, timeout: float = 30) -> None:
        import http.client

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"gunicorn exited with {self.proc.returncode}; see {self.log.name}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                conn.request("GET", path)
                status = conn.getresponse().status
                conn.close()
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        self.stop()
        raise SystemExit(f"gunicorn did not answer 200 on {path} within {timeout}s; see {self.log.name}")

    def worker_peaks_mb(self) -> list[float]:
        return [m for m in (vm_hwm_mb(pid) for pid in children(self.proc.pid)) if m is not None]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.log.close()


def wrk_ms(value: str) -> float:
    m = re.match(r"([\d.]+)(us|ms|s|m)$", value)
    x = float(m.group(1))
    return {"us": x / 1000, "ms": x, "s": x * 1000, "m": x * 60000}[m.group(2)]


def load(url: str, duration: int, concurrency: int) -> dict:
    if shutil.which("wrk"):
        out = subprocess.run(
            ["wrk", "-t2", f"-c{concurrency}", f"-d{duration}s", "--timeout", "10s", "--latency", url],
            capture_output=True,
            text=True,
            timeout=duration + 30,
            check=True,
        ).stdout
        result = {"tool": "wrk", "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))}
        result["requests"] = int(re.search(r"(\d+) requests in", out).group(1))
        for p in ("50", "90", "99"):
            result[f"p{p}_ms"] = wrk_ms(re.search(rf"^\s+{p}%\s+(\S+)", out, re.M).group(1))
        m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
        result["errors"] = sum(int(x) for x in m.groups()) if m else 0
        m = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        result["non_2xx"] = int(m.group(1)) if m else 0
        return result
    from bench.loadgen import run

    return run(url, duration, concurrency)


def throughput(
    targets: dict[str, str], *, workers: int, concurrency: int, duration: int, warm_s: int, outdir: Path, log
) -> dict:
    """Each of ``targets`` (name: path, the article page first) and /robots.txt under load."""
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)  # the servers load the code as it is now
    results = {}
    for cache_on in (False, True):
        label = "on" if cache_on else "off"
        server = Gunicorn(page_cache=cache_on, workers=workers, logfile=outdir / "gunicorn.log")
        try:
            server.wait("/robots.txt")
            for path in targets.values():
                server.wait(path)  # a 500 here (e.g. a migration the code needs) stops the run
            for name, path in (*targets.items(), ("trivial /robots.txt", "/robots.txt")):
                log(
                    f"[run] load: {name}, page cache {label}, {workers} workers, c={concurrency}, "
                    f"{warm_s}s warm-up + {duration}s"
                )
                load(server.url(path), warm_s, concurrency)
                results[(name, label)] = load(server.url(path), duration, concurrency)
            results[("peak_rss_mb", label)] = server.worker_peaks_mb()
        finally:
            server.stop()
    return results


# --- Report -------------------------------------------------------------------------------------


def import_throughput(log, rounds: int = 2) -> dict:
    """Articles a second through the import (analysis, then the save sequence, rolled back) on
    the seeded database: our labelled articles, each imported as a dry run, `rounds` times, as one
    batch the way `import_articles` reads a folder."""
    from articles.analysis import directory_batch
    from articles.importing import import_text

    texts = [
        path.read_text(encoding="utf-8")
        for folder in ("analyser_articles", "analyser_fresh")
        for path in sorted((BASE_DIR / "tests" / "text" / folder).glob("*.txt"))
    ]
    import_text(texts[0], source="warm-up", dry_run=True)
    start = time.perf_counter()
    with directory_batch():  # as `import_articles` reads a folder
        for _ in range(rounds):
            for number, text in enumerate(texts):
                import_text(text, source=f"article-{number}", dry_run=True)
    seconds = time.perf_counter() - start
    result = {
        "articles": len(texts) * rounds,
        "seconds": round(seconds, 2),
        "per_second": len(texts) * rounds / seconds,
    }
    log(f"[run] import: {result['articles']} articles in {seconds:.2f} s ({result['per_second']:.1f} a second)")
    return result


def machine() -> dict:
    import django
    from django.db import connection

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "?",
    )
    mem_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
        else:
            cursor.execute("SELECT sqlite_version()")
        db_version = cursor.fetchone()[0]
    gunicorn_version = subprocess.run(
        [str(BASE_DIR / ".venv" / "bin" / "gunicorn"), "--version"], capture_output=True, text=True
    ).stdout.strip()
    wrk = shutil.which("wrk")
    return {
        "date_utc": datetime.now(UTC).strftime("%Y-%m-%d %H:%M"),
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory_gib": round(mem_kb / 1024 / 1024, 1),
        "python": sys.version.split()[0],
        "django": django.get_version(),
        "database": f"{connection.vendor} {db_version}",
        "gunicorn": gunicorn_version,
        "load_generator": "wrk " + subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.split()[1]
        if wrk
        else "bench/loadgen.py (wrk not installed)",
        "cache": "Redis" if os.environ.get("REDIS_URL") else "database cache (shared)",
        "loadavg_start": Path("/proc/loadavg").read_text().split()[0],
    }


def table(n: int, info: dict, pages: dict, load_results: dict | None) -> str:
    lines = [
        f"Callboard bench: N={n} articles, {info['database']}, {info['nproc']} CPUs ({info['cpu']}), "
        f"{info['memory_gib']} GiB, Python {info['python']}, Django {info['django']}, {info['date_utc']} UTC",
        "",
        "| page | cache | queries | cold ms | median ms | p95 ms | round medians ms |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for (name, mode), r in pages.items():
        rounds = " / ".join(f"{v:.2f}" for v in r["round_medians_ms"])
        lines.append(
            f"| {name} | {mode} | {r['queries']} | {r['cold_ms']:.1f} | {r['median_ms']:.2f} | {r['p95_ms']:.2f} "
            f"| {rounds} |"
        )
    if load_results:
        lines += [
            "",
            f"| under load ({info['load_generator']}, gunicorn 2 sync workers, c=8) | page cache | req/s "
            "| p50 ms | p99 ms | requests | errors |",
            "|---|---|---:|---:|---:|---:|---:|",
        ]
        for (name, mode), r in load_results.items():
            if name == "peak_rss_mb":
                continue
            errors = r.get("errors", 0) + r.get("non_2xx", 0)
            lines.append(
                f"| {name} | {mode} | {r['rps']:.1f} | {r['p50_ms']:.2f} | {r['p99_ms']:.2f} | {r['requests']} "
                f"| {errors} |"
            )
        failed = [
            f"{name} (cache {mode})"
            for (name, mode), r in load_results.items()
            if name != "peak_rss_mb" and r.get("errors", 0) + r.get("non_2xx", 0)
        ]
        if failed:
            lines += [
                "",
                "WARNING: errors or non-2xx answers under load for " + ", ".join(failed) + "; see gunicorn.log",
            ]
        peaks = {mode: r for (name, mode), r in load_results.items() if name == "peak_rss_mb"}
        lines.append("")
        lines.append(
            "Peak RSS per worker (VmHWM): "
            + "; ".join(
                f"page cache {mode}: " + ", ".join(f"{v:.0f} MB" for v in values) for mode, values in peaks.items()
            )
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=50, help="timed requests per page per round (default 50)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=5, help="discarded warm requests per page")
    parser.add_argument("--duration", type=int, default=10, help="measured seconds per load test")
    parser.add_argument("--warm-s", type=int, default=2, help="discarded warm-up seconds per load test")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-load", action="store_true", help="in-process timings only")
    parser.add_argument(
        "--pages",
        help="comma-separated subset of home,article,person,work,tag,feed,sitemap,search,"
        "api-articles,api-article,api-work,api-quotes",
    )
    parser.add_argument("--cache", choices=["off", "on", "both"], default="both", help="page cache modes in process")
    parser.add_argument("--explain", action="store_true", help="PostgreSQL: EXPLAIN each page's queries, then stop")
    parser.add_argument("--json", type=Path, help="also write every figure (and the captured SQL) here")
    args = parser.parse_args(argv)
    # One client on loopback asks for thousands of API answers a minute: past the content API's
    # rate limit every one would be a 429.
    os.environ.setdefault("CALLBOARD_API_RATE", "100000000/min")
    configure_environment()
    import django

    django.setup()
    from django.core.management import call_command

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    call_command("migrate", interactive=False, verbosity=0)  # apps added since the seed (e.g. search)
    call_command("collectstatic", interactive=False, verbosity=0)
    from articles.models import Article

    n = Article.objects.count()
    urls = pick_urls()
    if args.pages:
        wanted = args.pages.split(",")
        urls = {name: url for name, url in urls.items() if name in wanted}
    log(f"[run] {n} articles; pages: " + ", ".join(f"{k} {v}" for k, v in urls.items()))
    if "search" not in urls:
        log("[run] /search/ does not resolve yet: search skipped")
    info = machine()
    if args.explain:
        plans = explain(urls, log)
        for name, r in plans.items():
            print(
                f"{name}: {r['queries']} queries, "
                f"{len(r['seq_scans_on_articles'])} sequential scans of articles_article"
            )
            for scan in r["seq_scans_on_articles"]:
                verdict = "no index path (scans at any size)" if scan["unavoidable"] else "an index path exists"
                print(f"  [{verdict}] " + scan["sql"][:300])
                print("    " + scan["plan"].replace("\n", "\n    "))
        if args.json:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps({"n": Article.objects.count(), "urls": urls, "explain": plans}, indent=1))
        return 0
    imports = import_throughput(log)
    modes = ("off", "on") if args.cache == "both" else (args.cache,)
    pages = in_process(urls, args.requests, args.rounds, args.warmup, log, modes)
    outdir = BASE_DIR / "var" / "bench-results"
    outdir.mkdir(parents=True, exist_ok=True)
    load_results = None
    if not args.no_load and "article" in urls:
        loaded = {"article": "article", "api article list": "api-articles", "api article": "api-article"}
        load_results = throughput(
            {name: urls[page] for name, page in loaded.items() if page in urls},
            workers=args.workers,
            concurrency=args.concurrency,
            duration=args.duration,
            warm_s=args.warm_s,
            outdir=outdir,
            log=log,
        )
    info["loadavg_end"] = Path("/proc/loadavg").read_text().split()[0]
    print(table(n, info, pages, load_results))
    print(
        f"Import (analysis and the save sequence, dry run): {imports['articles']} articles in "
        f"{imports['seconds']} s, {imports['per_second']:.1f} articles a second."
    )
    print(
        f"Load average (1 min) at start {info['loadavg_start']}, at end {info['loadavg_end']} "
        f"on {info['nproc']} CPUs: anything else running skews these figures."
    )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(
                {
                    "n": n,
                    "machine": info,
                    "urls": urls,
                    "pages": [{"page": k[0], "cache": k[1], **v} for k, v in pages.items()],
                    "load": [{"name": k[0], "cache": k[1], "result": v} for k, v in (load_results or {}).items()],
                    "import": imports,
                },
                indent=1,
            )
        )
        log(f"[run] figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
