"""A bounded HTTP load generator for loopback only: `python -m bench.loadgen URL [--duration S] [--concurrency C]`.

The fallback when wrk is not installed. C threads each send GET requests one after another for a
fixed time, reusing the connection when the server keeps it open (gunicorn's sync workers close
it after every response, so mostly one connection per request, as with wrk). Prints one JSON
object: requests, rps, p50/p90/p99 latency in ms, errors. Python threads share the GIL with each
other (not with the server), so on a small machine this generator saturates earlier than wrk.
"""

import argparse
import http.client
import json
import sys
import threading
import time
from urllib.parse import urlsplit

ALLOWED_HOSTS = {"127.0.0.1", "localhost", "::1"}
MAX_DURATION = 120
MAX_CONCURRENCY = 64


def percentile(sorted_values: list[float], p: float) -> float:
    if not sorted_values:
        return 0.0
    k = min(len(sorted_values) - 1, max(0, round(p / 100 * (len(sorted_values) - 1))))
    return sorted_values[k]


def run(url: str, duration: float, concurrency: int, timeout: float = 10.0) -> dict:
    parts = urlsplit(url)
    if parts.scheme != "http" or parts.hostname not in ALLOWED_HOSTS:
        raise SystemExit(f"loadgen only loads http:// on loopback, not {url}")
    duration = min(duration, MAX_DURATION)
    concurrency = min(concurrency, MAX_CONCURRENCY)
    host, port = parts.hostname, parts.port or 80
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    deadline = time.monotonic() + duration
    latencies: list[list[float]] = [[] for _ in range(concurrency)]
    errors = [0] * concurrency
    non_2xx = [0] * concurrency

    def worker(slot: int) -> None:
        conn = None
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                if conn is None:
                    conn = http.client.HTTPConnection(host, port, timeout=timeout)
                conn.request("GET", path, headers={"Host": f"{host}:{port}"})
                response = conn.getresponse()
                response.read()
                if not 200 <= response.status < 400:
                    non_2xx[slot] += 1
                if response.will_close:
                    conn.close()
                    conn = None
            except (OSError, http.client.HTTPException):
                errors[slot] += 1
                if conn is not None:
                    conn.close()
                conn = None
                continue
            latencies[slot].append((time.perf_counter() - started) * 1000)
        if conn is not None:
            conn.close()

    threads = [threading.Thread(target=worker, args=(slot,), daemon=True) for slot in range(concurrency)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(duration + timeout + 5)
    elapsed = time.monotonic() - began
    values = sorted(v for slot in latencies for v in slot)
    return {
        "tool": "python",
        "requests": len(values),
        "rps": round(len(values) / elapsed, 1) if elapsed else 0.0,
        "p50_ms": round(percentile(values, 50), 2),
        "p90_ms": round(percentile(values, 90), 2),
        "p99_ms": round(percentile(values, 99), 2),
        "errors": sum(errors),
        "non_2xx": sum(non_2xx),
        "duration_s": round(elapsed, 2),
        "concurrency": concurrency,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url")
    parser.add_argument("--duration", type=float, default=10)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args(argv)
    print(json.dumps(run(args.url, args.duration, args.concurrency)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
