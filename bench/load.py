"""Load and fault runs against a production-like server: `make load` (and `FAULT=postgres|redis`).

Starts gunicorn on a free loopback port with the environment it was given (`--workers` sync
workers, 2 by default: the load generator shares the machine's cores, and more workers than cores
only add contention), sends GET requests from C threads over a fixed set of public pages for D
seconds, and reports every status code, latency percentiles and each worker's memory, sampled
through the run (`--memory-every`) so a long run shows whether it grows once warm. With a fault,
it stops PostgreSQL or Redis a third of the way in and starts it again two thirds in, then reports
what readers got meanwhile and how long the site took to recover. Loopback only, bounded in time.
"""

import argparse
import http.client
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

from bench.loadgen import percentile

ROOT = Path(__file__).resolve().parent.parent
MAX_DURATION = 900
# Memory after this share of the run is the warm baseline that later samples are compared with.
WARM_UP_SHARE = 0.1
UNCACHED = "/search/?q=ballet"
PG_START = "pg_ctlcluster --skip-systemctl-redirect {version} main start"
PG_STOP = "pg_ctlcluster --skip-systemctl-redirect {version} main stop -m fast"
REDIS_START = (
    "redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save '' --appendonly no "
    "--dir /var/lib/redis --logfile /var/log/redis/ci.log"
)
REDIS_STOP = "redis-cli -h 127.0.0.1 -p 6379 shutdown nosave"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def worker_memory_kb(master_pid: int) -> dict[int, int]:
    """Resident memory of each gunicorn worker (children of the master), from /proc."""
    result = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        if re.search(rf"^PPid:\s+{master_pid}$", status, re.M):
            rss = re.search(r"^VmRSS:\s+(\d+) kB", status, re.M)
            if rss:
                result[int(entry.name)] = int(rss.group(1))
    return result


def pages(base: str) -> list[str]:
    """A spread of public pages: the front page, the newest article, a person, a work, a feed."""
    conn = http.client.HTTPConnection("127.0.0.1", int(base.rsplit(":", 1)[1]), timeout=10)
    conn.request("GET", "/")
    home = conn.getresponse().read().decode()
    found = [path for path in re.findall(r'href="(/(?:articles|people|works)/[^"#?]+/)"', home)]
    # The search page with a query nobody asked before is never in the page cache: it shows what
    # readers get from the database itself.
    chosen = ["/", "/feeds/all.rss", UNCACHED]
    for prefix in ("/articles/", "/works/"):
        chosen += [path for path in found if path.startswith(prefix)][:2]
    if "/works/" not in "".join(chosen):
        chosen.append("/sitemap.xml")
    return chosen


def memory_growth(samples: list[tuple[float, dict[int, int]]], duration: float) -> dict:
    """How much the workers' resident memory grew from the end of the warm-up to the last sample:
    the total over workers, in kB and as a share, and the largest any single worker grew."""
    warm_at = duration * WARM_UP_SHARE
    warm = next(((t, rss) for t, rss in samples if t >= warm_at), samples[-1])
    last = samples[-1]
    per_worker = [last[1][pid] - warm[1][pid] for pid in last[1] if pid in warm[1]]
    warm_total, last_total = sum(warm[1].values()), sum(last[1].values())
    return {
        "warm_at_s": round(warm[0], 1),
        "warm_total_kb": warm_total,
        "end_total_kb": last_total,
        "growth_kb": last_total - warm_total,
        "growth_percent": round(100 * (last_total - warm_total) / warm_total, 1) if warm_total else None,
        "largest_worker_growth_kb": max(per_worker, default=None),
        "workers_replaced": set(last[1]) != set(warm[1]),
    }


def run(duration: float, concurrency: int, fault: str, memory_every: float = 10, workers: int = 2) -> dict:
    duration = min(duration, MAX_DURATION)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "cms.wsgi", "--workers", str(workers), "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.1)
        time.sleep(1)
        urls = pages(base)
        memory_samples: list[tuple[float, dict[int, int]]] = [(0.0, worker_memory_kb(server.pid))]
        codes: Counter = Counter()
        timeline: list[tuple[float, str, int]] = []
        latencies: list[float] = []
        lock = threading.Lock()
        began = time.monotonic()
        deadline = began + duration

        def worker(slot: int) -> None:
            index = slot
            while time.monotonic() < deadline:
                path = urls[index % len(urls)]
                index += 1
                target = f"{path}&n={slot}-{index}" if path == UNCACHED else path
                started = time.perf_counter()
                try:
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                    conn.request("GET", target)
                    response = conn.getresponse()
                    response.read()
                    status = response.status
                    if status == 503 and not response.getheader("Retry-After"):
                        status = 5030  # a 503 without Retry-After counts as a failure
                    conn.close()
                except (OSError, http.client.HTTPException):
                    status = 0  # connection error
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    codes[status] += 1
                    latencies.append(elapsed)
                    timeline.append((time.monotonic() - began, path, status))

        def sample_memory() -> None:
            due = began + memory_every
            while due < deadline:
                time.sleep(max(0.0, due - time.monotonic()))
                memory_samples.append((time.monotonic() - began, worker_memory_kb(server.pid)))
                due += memory_every

        threads = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(concurrency)]
        for thread in threads:
            thread.start()
        sampler = threading.Thread(target=sample_memory, daemon=True)
        sampler.start()
        fault_window = None
        if fault != "none":
            time.sleep(duration / 3)
            stopped_at = time.monotonic() - began
            subprocess.run(stop_command(fault), shell=True, check=False, capture_output=True)
            time.sleep(duration / 3)
            restarted_at = time.monotonic() - began
            subprocess.run(start_command(fault), shell=True, check=False, capture_output=True)
            fault_window = (stopped_at, restarted_at)
        for thread in threads:
            thread.join(duration + 15)
        sampler.join(memory_every + 5)
        memory_samples.append((time.monotonic() - began, worker_memory_kb(server.pid)))
    finally:
        server.terminate()
        server.wait(timeout=15)
    values = sorted(latencies)
    report = {
        "duration_s": duration,
        "concurrency": concurrency,
        "workers": workers,
        "pages": urls,
        "requests": len(values),
        "status_codes": dict(sorted(codes.items())),
        "server_errors_5xx_other_than_503": sum(n for code, n in codes.items() if 500 <= code < 600 and code != 503),
        "p50_ms": round(percentile(values, 50), 1),
        "p99_ms": round(percentile(values, 99), 1),
        "worker_rss_kb_start": sorted(memory_samples[0][1].values()),
        "worker_rss_kb_end": sorted(memory_samples[-1][1].values()),
        "worker_memory_after_warm_up": memory_growth(memory_samples, duration),
        # Every sample: seconds into the run, then each worker's resident memory in kB.
        "worker_rss_kb_samples": [[round(t, 1), *sorted(rss.values())] for t, rss in memory_samples],
    }
    if fault_window:
        report["fault"] = fault_report(fault, fault_window, timeline)
    return report


def stop_command(fault: str) -> str:
    return PG_STOP.format(version=pg_version()) if fault == "postgres" else REDIS_STOP


def start_command(fault: str) -> str:
    return PG_START.format(version=pg_version()) if fault == "postgres" else REDIS_START


def pg_version() -> str:
    return sorted(os.listdir("/etc/postgresql"))[-1]


def fault_report(fault: str, window: tuple[float, float], timeline) -> dict:
    stopped_at, restarted_at = window
    during = [(t, path, code) for t, path, code in timeline if stopped_at + 1 <= t <= restarted_at]
    after = [(t, path, code) for t, path, code in timeline if t > restarted_at]
    recovered = next((t - restarted_at for t, _, code in after if code == 200), None)
    last_bad = max((t for t, _, code in after if code != 200), default=None)
    return {
        "service": fault,
        "stopped_at_s": round(stopped_at, 1),
        "restarted_at_s": round(restarted_at, 1),
        "during_outage": dict(Counter(code for _, _, code in during)),
        "during_outage_by_page": {
            path: dict(Counter(code for _, p, code in during if p == path))
            for path in sorted({p for _, p, _ in during})
        },
        "first_200_after_restart_s": round(recovered, 2) if recovered is not None else None,
        "last_non_200_after_restart_s": round(last_bad - restarted_at, 2) if last_bad is not None else None,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--fault", choices=["none", "postgres", "redis"], default="none")
    parser.add_argument("--memory-every", type=float, default=10, help="seconds between memory samples")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    args = parser.parse_args(argv)
    report = run(args.duration, min(args.concurrency, 64), args.fault, max(args.memory_every, 1), max(args.workers, 1))
    print(json.dumps(report, indent=2))
    return 1 if report["server_errors_5xx_other_than_503"] else 0


if __name__ == "__main__":
    sys.exit(main())
