#!/usr/bin/env python3
"""Server throughput against the machine's own ceiling (issue #19, goal 5).

Starts the release server with the demo data (see relais_server.py) and runs
wrk (Debian's package, installed if missing) on loopback, 64 connections,
`Accept-Encoding: br` as a browser sends it:

- the ceiling: the same server sending a static file of its own (`/pkg/`, the
  stylesheet, 11 KB, sent as the brotli copy made at build time), through every
  layer a page goes through. `ServeDir` opens and reads the file for each
  request, so this ceiling sits below what the server does with a page it
  keeps in memory (a cached public page);
- the public pages (home, catalogue, a module, the sessions, a session), as a
  visitor without a cookie asks for them: goal 10 % of the ceiling;
- pages of a signed-in learner (« Mon espace », its agenda, a lesson, the
  profile): goal 5 % of the ceiling;
- for every page, p99 under 20 ms.

The server runs with its page cache as deployed (`RELAIS_PAGE_CACHE_MS`,
1 s): a visitor's public page is rendered once a second, a signed-in page
once per change of the database. `--no-cache` turns it off, to measure the
rendering itself.

Run after `cargo leptos build --release`:

    python3 bench/throughput.py [--seconds 10] [--connections 64] [--no-cache]
"""

import argparse
import glob
import http.client
import os
import re
import shutil
import subprocess
import sys

from relais_server import ROOT, ReleaseServer, sign_in

PUBLIC_SHARE = 0.10
SIGNED_IN_SHARE = 0.05
P99_MS = 20.0
LEARNER = "apprenant@demo.relais.fr"


def ensure_wrk():
    if shutil.which("wrk"):
        return
    print("installing wrk (Debian package)…", file=sys.stderr)
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, stdout=subprocess.DEVNULL,
                   env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))


def millis(text):
    value, unit = re.fullmatch(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def run_wrk(port, path, seconds, connections, cookie=None):
    args = ["wrk", f"-t{max(1, os.cpu_count() or 1)}", f"-c{connections}", f"-d{seconds}s", "--latency",
            "-H", "Accept-Encoding: br"]
    if cookie:
        args += ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(args + [f"http://127.0.0.1:{port}{path}"],
                         check=True, capture_output=True, text=True).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": millis(re.search(r"50%\s+([\d.]+\w+)", out).group(1)),
        "p99": millis(re.search(r"99%\s+([\d.]+\w+)", out).group(1)),
        "errors": int(errors.group(1)) if errors else 0,
    }


def stylesheet():
    """`/pkg/<name>.css` as the build named it."""
    found = sorted(glob.glob(os.path.join(ROOT, "target/site/pkg/*.css")))
    if not found:
        sys.exit("no stylesheet under target/site/pkg: run `cargo leptos build --release --precompress`")
    return "/pkg/" + os.path.basename(found[0])


def links(port, path, pattern, cookie=None):
    """The first address matching `pattern` in the page at `path`."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path, headers={"Cookie": cookie} if cookie else {})
    html = conn.getresponse().read().decode()
    conn.close()
    match = re.search(pattern, html)
    return match.group(0) if match else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--no-cache", action="store_true",
                        help="RELAIS_PAGE_CACHE_MS=0: every request renders its page")
    args = parser.parse_args()
    ensure_wrk()
    env = {"RELAIS_PAGE_CACHE_MS": "0"} if args.no_cache else {}
    with ReleaseServer(extra_env=env) as server:
        port = server.port
        cookie = sign_in(port, LEARNER)
        module = links(port, "/formations", r"/formations/[a-z0-9-]+")
        session = links(port, "/sessions", r"/sessions/\d+")
        lesson = links(port, module, r"/formations/[a-z0-9-]+/lecons/\d+", cookie) if module else None
        public = ["/", "/formations", module, "/sessions", session]
        signed_in = ["/mon-espace", "/mon-agenda", lesson, "/profil"]
        css = stylesheet()
        run_wrk(port, "/formations", 3, args.connections)  # warm-up: SQLite's page cache, the allocator
        print(f"throughput, release build, demo data on SQLite, page cache {'off' if args.no_cache else 'on'}, "
              f"{args.connections} connections, "
              f"{args.seconds} s per address, {os.cpu_count()} cores (wrk shares them with the server)")
        ceiling = run_wrk(port, css, args.seconds, args.connections)
        print(f"{'ceiling: ' + css:<52} {ceiling['rps']:9.0f} req/s  p50 {ceiling['p50']:6.2f} ms  "
              f"p99 {ceiling['p99']:6.2f} ms")
        failures = []
        for kind, paths, share, cookie_used in (("public", public, PUBLIC_SHARE, None),
                                                ("signed in", signed_in, SIGNED_IN_SHARE, cookie)):
            for path in paths:
                if path is None:
                    print(f"{kind}: an address was not found in the demo data", file=sys.stderr)
                    failures.append(kind)
                    continue
                r = run_wrk(port, path, args.seconds, args.connections, cookie_used)
                ratio = r["rps"] / ceiling["rps"]
                ok = ratio >= share and r["p99"] <= P99_MS and r["errors"] == 0
                if not ok:
                    failures.append(path)
                print(f"{kind + ': ' + path:<52} {r['rps']:9.0f} req/s  p50 {r['p50']:6.2f} ms  "
                      f"p99 {r['p99']:6.2f} ms  {100 * ratio:5.1f} % of the ceiling (goal {100 * share:.0f} %)"
                      f"  non-2xx {r['errors']}  {'ok' if ok else 'BELOW GOAL'}")
        print("all within the goals" if not failures else f"below the goals: {', '.join(failures)}")


if __name__ == "__main__":
    main()
