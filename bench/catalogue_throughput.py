#!/usr/bin/env python3
"""Catalogue page throughput: requests per second at 64 connections.

Starts the release server with the demo data (see relais_server.py) and runs
wrk (Debian's package, installed if missing) on loopback against the
catalogue page and a module page, both rendered on the server from SQLite.
Run after `cargo leptos build --release`:

    python3 bench/catalogue_throughput.py [seconds]
"""

import os
import re
import shutil
import subprocess
import sys

from relais_server import ReleaseServer

SECONDS = int(sys.argv[1]) if len(sys.argv) > 1 else 15
CONNECTIONS = 64
PAGES = ["/formations", "/formations/sensibilisation-sante-mentale"]


def ensure_wrk():
    if shutil.which("wrk"):
        return
    print("installing wrk (Debian package)…", file=sys.stderr)
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, stdout=subprocess.DEVNULL,
                   env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))


def run_wrk(port, path):
    out = subprocess.run(
        ["wrk", f"-t{max(1, os.cpu_count() or 1)}", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency",
         "-H", "Accept-Encoding: br", f"http://127.0.0.1:{port}{path}"],
        check=True, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = re.search(r"50%\s+([\d.]+\w+)", out).group(1)
    p99 = re.search(r"99%\s+([\d.]+\w+)", out).group(1)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, p50, p99, int(errors.group(1)) if errors else 0


def main():
    ensure_wrk()
    with ReleaseServer() as server:
        # Warm-up: the first requests fill SQLite's page cache.
        run_wrk(server.port, PAGES[0]) if SECONDS > 30 else None
        print(f"catalogue throughput, release build, SQLite, {CONNECTIONS} connections, "
              f"{SECONDS} s per page, {os.cpu_count()} cores (wrk shares them with the server)")
        for path in PAGES:
            rps, p50, p99, errors = run_wrk(server.port, path)
            print(f"{path:<45} {rps:9.0f} req/s  p50={p50:<8} p99={p99:<8} non-2xx={errors}")


if __name__ == "__main__":
    main()
