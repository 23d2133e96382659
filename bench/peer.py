"""Callboard against the Wagtail anchor in one run: `python -m bench.peer` (`make bench-peer`).

The anchor lives in ../shared/bench/wagtail (setup.sh builds /tmp/wagtail-anchor-venv and
/tmp/wagtail-anchor-site). When it is installed, both sites are seeded with PEER_N articles
(default 2000) and measured alternately, round by round, with the same harness settings:

- in process (each side's own Django test Client, page cache off for Callboard): the article
  page, the listing (Wagtail's /news/ against Callboard's home) and the RSS feed;
- under load: gunicorn with 2 sync workers each, wrk (or bench/loadgen.py) at concurrency 8 on
  the article page, Wagtail then Callboard uncached then Callboard cached, every round.

It prints both sides' medians and the ratios. When the anchor is not installed and cannot be
(no network, no pip), it says so and prints the figures recorded in RESULTS.md instead.

Parameters (environment): PEER_N, PEER_ROUNDS (3), PEER_REQUESTS (timed in-process requests
per page per round, 100), PEER_DURATION (load seconds per round, 10), SETUP=1 to run setup.sh
when the anchor is missing (default 1).
"""

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.seed import BASE_DIR, configure_environment

ANCHOR = Path(os.environ.get("ANCHOR_DIR", BASE_DIR.parent / "shared" / "bench" / "wagtail"))
VENV = Path(os.environ.get("VENV", "/tmp/wagtail-anchor-venv"))
SITE = Path(os.environ.get("SITE", "/tmp/wagtail-anchor-site"))
N = int(os.environ.get("PEER_N", "2000"))
ROUNDS = int(os.environ.get("PEER_ROUNDS", "3"))
REQUESTS = int(os.environ.get("PEER_REQUESTS", "100"))
DURATION = int(os.environ.get("PEER_DURATION", "10"))
WARMUP = 10
PY = str(BASE_DIR / ".venv" / "bin" / "python")


def log(message: str) -> None:
    print(f"[peer {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def anchor_ready() -> bool:
    return (VENV / "bin" / "python").exists() and (SITE / "data" / "template" / "db.sqlite3").exists()


def recorded() -> int:
    print("The Wagtail anchor is not installed here and could not be set up; the figures recorded")
    print(f"in {ANCHOR / 'RESULTS.md'} (one run on a 2-CPU AMD EPYC VM like this one) are:\n")
    text = (ANCHOR / "RESULTS.md").read_text()
    keep = False
    for line in text.splitlines():
        if line.startswith("### (a)/(c)") or line.startswith("### (b)"):
            keep = True
        elif line.startswith("### Noise") or line.startswith("## Where"):
            keep = False
        if keep:
            print(line)
    print("\nCompare with `make bench` (docs/performance.md); the two were not measured in the same run.")
    return 0


def wagtail_env(**extra) -> dict:
    """The environment for the anchor's scripts: without Callboard's settings variables."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "CALLBOARD_"))
        and k not in {"DATABASE_URL", "MEDIA_ROOT", "STATIC_ROOT", "REDIS_URL"}
    }
    env.update(VENV=str(VENV), SITE=str(SITE), **extra)
    return env


def seed_anchor() -> None:
    env = wagtail_env(
        SIZES=str(N),
        THROUGHPUT_N="0",
        ROUNDS="1",
        REQUESTS="5",
        WARMUP="1",
        OUTDIR=str(SITE / "results" / "peer-seed"),
    )
    log(f"Wagtail: seeding N={N} (reused when already seeded)")
    result = subprocess.run(["bash", str(ANCHOR / "bench.sh")], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"the anchor's bench.sh failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")


def seed_ours() -> None:
    log(f"Callboard: seeding N={N} (reused when already seeded)")
    subprocess.run([PY, "-m", "bench.seed", str(N)], cwd=BASE_DIR, check=True, stdout=subprocess.DEVNULL)


def wagtail_round(out: Path) -> dict:
    env = wagtail_env(ANCHOR_DATA_DIR=str(SITE / "data" / str(N)))
    subprocess.run(
        [
            str(VENV / "bin" / "python"),
            str(ANCHOR / "bench_inprocess.py"),
            "--n",
            str(N),
            "--requests",
            str(REQUESTS),
            "--rounds",
            "1",
            "--warmup",
            str(WARMUP),
            "--out",
            str(out),
        ],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        cwd=SITE,
    )
    data = json.loads(out.read_text())["results"]
    return {name: {"median_ms": statistics.median(r["samples_ms"]), "url": r["url"]} for name, r in data.items()}


def ours_round(out: Path) -> dict:
    subprocess.run(
        [
            PY,
            "-m",
            "bench.run",
            "--no-load",
            "--pages",
            "article,home,feed",
            "--cache",
            "off",
            "--rounds",
            "1",
            "--requests",
            str(REQUESTS),
            "--warmup",
            str(WARMUP),
            "--json",
            str(out),
        ],
        cwd=BASE_DIR,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    data = json.loads(out.read_text())
    return {p["page"]: {"median_ms": p["median_ms"], "url": p["url"], "queries": p["queries"]} for p in data["pages"]}


def wait_http(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server for {url} exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer 200 within {timeout}s")


class WagtailServer:
    def __init__(self, logfile: Path):
        from bench.run import free_port

        self.port = free_port()
        env = wagtail_env(ANCHOR_DATA_DIR=str(SITE / "data" / str(N)))
        self.log = open(logfile, "ab")  # noqa: SIM115 (closed by main)
        self.proc = subprocess.Popen(
            [
                str(VENV / "bin" / "gunicorn"),
                "--chdir",
                str(SITE),
                "--workers",
                "2",
                "--worker-class",
                "sync",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--log-level",
                "warning",
                "anchorsite.wsgi:application",
            ],
            env=env,
            stdout=self.log,
            stderr=self.log,
        )

    url = property(lambda self: lambda path: f"http://127.0.0.1:{self.port}{path}")


def main() -> int:
    configure_environment()
    if not anchor_ready() and os.environ.get("SETUP", "1") == "1":
        log("Wagtail anchor missing: running setup.sh (pip install of wagtail 8 into /tmp/wagtail-anchor-venv)")
        try:
            subprocess.run(["bash", str(ANCHOR / "setup.sh")], check=True, timeout=900)
        except (subprocess.SubprocessError, OSError) as error:
            log(f"setup.sh failed: {error}")
    if not anchor_ready():
        return recorded()

    from bench.run import Gunicorn, load

    seed_anchor()
    seed_ours()
    outdir = BASE_DIR / "var" / "bench-results" / "peer"
    outdir.mkdir(parents=True, exist_ok=True)
    pairs = {"article": "article", "index": "home", "feed": "feed"}
    inproc = {side: {name: [] for name in pairs} for side in ("wagtail", "callboard")}
    queries = {}
    for r in range(ROUNDS):
        log(f"in-process round {r + 1}/{ROUNDS}: Wagtail, then Callboard")
        w = wagtail_round(outdir / f"wagtail-{r}.json")
        c = ours_round(outdir / f"callboard-{r}.json")
        for wname, cname in pairs.items():
            inproc["wagtail"][wname].append(w[wname]["median_ms"])
            inproc["callboard"][wname].append(c[cname]["median_ms"])
            queries[cname] = c[cname]["queries"]
    article_path = c["article"]["url"]
    wagtail_path = w["article"]["url"]

    loads = {"wagtail": [], "callboard uncached": [], "callboard cached": []}
    wserver = WagtailServer(outdir / "wagtail-gunicorn.log")
    ours_off = Gunicorn(page_cache=False, workers=2, logfile=outdir / "gunicorn.log")
    ours_on = Gunicorn(page_cache=True, workers=2, logfile=outdir / "gunicorn.log")
    try:
        ours_off.wait("/robots.txt")
        ours_on.wait("/robots.txt")
        wait_http(wserver.url(wagtail_path), wserver.proc)
        for url in (wserver.url(wagtail_path), ours_off.url(article_path), ours_on.url(article_path)):
            load(url, 3, 8)  # warm-up, discarded
        for r in range(ROUNDS):
            for label, url in (
                ("wagtail", wserver.url(wagtail_path)),
                ("callboard uncached", ours_off.url(article_path)),
                ("callboard cached", ours_on.url(article_path)),
            ):
                log(f"load round {r + 1}/{ROUNDS}: {label}, {DURATION}s at c=8")
                loads[label].append(load(url, DURATION, 8))
    finally:
        ours_off.stop()
        ours_on.stop()
        if wserver.proc.poll() is None:
            wserver.proc.terminate()
            wserver.proc.wait(15)
        wserver.log.close()

    from django.db import connection

    print(
        f"Callboard ({connection.vendor}) vs Wagtail anchor (SQLite), N={N} each, {ROUNDS} alternating rounds, "
        "Callboard's page cache off in process\n"
    )
    print("| page (Wagtail / Callboard) | Wagtail median ms | Callboard median ms | Wagtail ÷ Callboard | queries |")
    print("|---|---:|---:|---:|---:|")
    for wname, cname in pairs.items():
        wm = statistics.median(inproc["wagtail"][wname])
        cm = statistics.median(inproc["callboard"][wname])
        print(f"| {wname} / {cname} | {wm:.2f} | {cm:.2f} | {wm / cm:.2f}× | {queries[cname]} |")
    print(
        "\n| article under load (2 sync workers, c=8) | req/s (median of rounds) | p50 ms | p99 ms | ÷ Wagtail req/s |"
    )
    print("|---|---:|---:|---:|---:|")
    base = statistics.median(x["rps"] for x in loads["wagtail"])
    for label, runs in loads.items():
        rps = statistics.median(x["rps"] for x in runs)
        p50 = statistics.median(x["p50_ms"] for x in runs)
        p99 = statistics.median(x["p99_ms"] for x in runs)
        print(f"| {label} | {rps:.1f} | {p50:.2f} | {p99:.2f} | {rps / base:.2f}× |")
    (outdir / "peer.json").write_text(json.dumps({"n": N, "inprocess": inproc, "load": loads}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
