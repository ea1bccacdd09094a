#!/usr/bin/env python3
"""Lighthouse (mobile, simulated slow 4G) on the pages a learner uses (issue #19, goal 3).

Starts the release server with the demo data, signs the demo learner in, and
runs Lighthouse 12.2.3 with Debian's Chromium on each learner page: home,
catalogue, a module, a lesson, the sessions, a session, « Mon espace » and a
quiz attempt. Prints per page the performance score, Largest Contentful
Paint, Total Blocking Time and the bytes transferred, then the pages under
the issue's goal (score 100, TBT ≤ 100 ms).

    python3 bench/lighthouse.py [--runs 1]

Lighthouse is installed once, from npm, under ~/.cache/relais/lighthouse
(`npm i -E lighthouse@12.2.3`); CHROME_PATH defaults to /usr/bin/chromium.
The release build must be there (`cargo leptos build --release --precompress`).
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from relais_server import ReleaseServer, post, sign_in  # noqa: E402

VERSION = "12.2.3"
HOME = os.path.expanduser("~/.cache/relais/lighthouse")
BINARY = os.path.join(HOME, "node_modules", ".bin", "lighthouse")
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
LEARNER = "apprenant@demo.relais.fr"
GOAL_TBT_MS = 100


def ensure_lighthouse():
    if os.path.exists(BINARY):
        return
    os.makedirs(HOME, exist_ok=True)
    subprocess.run(["npm", "i", "-E", "--silent", "--no-audit", "--no-fund", f"lighthouse@{VERSION}"],
                   cwd=HOME, check=True)


def get(port, path, cookie):
    import http.client
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path, headers={"Cookie": cookie} if cookie else {})
    response = conn.getresponse()
    return response.status, response.read().decode("utf-8", "replace")


def learner_pages(port, cookie):
    """(label, path, signed in) of each page, found by following the pages' own links."""
    _, catalogue = get(port, "/formations", None)
    module = re.search(r'href="(/formations/[a-z0-9-]+)"', catalogue).group(1)
    _, module_page = get(port, module, cookie)
    lesson = re.search(r'href="(/formations/[a-z0-9-]+/lecons/\d+)"', module_page).group(1)
    quiz = int(re.search(r'href="/quiz/(\d+)"', module_page).group(1))
    _, sessions = get(port, "/sessions", None)
    session = re.search(r'href="(/sessions/\d+)"', sessions).group(1)
    status, body, _ = post(port, "/api/quiz/start_attempt", {"input[quiz_id]": quiz}, cookie)
    attempt = f"/quiz/tentatives/{body.strip()}" if status < 400 and body.strip().isdigit() else None
    pages = [("accueil", "/", False), ("formations", "/formations", False), ("module", module, False),
             ("leçon", lesson, True), ("sessions", "/sessions", False), ("session", session, False),
             ("mon espace", "/mon-espace", True)]
    if attempt:
        pages.append(("tentative de quiz", attempt, True))
    return pages


def lighthouse(url, cookie):
    with tempfile.TemporaryDirectory(prefix="relais-lh-") as work:
        out = os.path.join(work, "report.json")
        args = [BINARY, url, "--quiet", "--output=json", f"--output-path={out}",
                "--only-categories=performance",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync"]
        if cookie:
            args.append("--extra-headers=" + json.dumps({"Cookie": cookie}))
        done = subprocess.run(args, env=dict(os.environ, CHROME_PATH=CHROME), capture_output=True,
                              text=True, timeout=300)
        if done.returncode != 0 or not os.path.exists(out):
            raise RuntimeError(done.stderr.strip()[-800:])
        with open(out) as f:
            report = json.load(f)
    audits = report["audits"]
    return {
        "score": round(report["categories"]["performance"]["score"] * 100),
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "tbt": audits["total-blocking-time"]["numericValue"],
        "bytes": audits["total-byte-weight"]["numericValue"],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="runs per page (the median is printed)")
    args = parser.parse_args()
    if not os.path.exists(CHROME):
        sys.exit(f"{CHROME} missing: apt-get install chromium, or set CHROME_PATH")
    ensure_lighthouse()
    rows = []
    with ReleaseServer() as server:
        cookie = sign_in(server.port, LEARNER)
        base = f"http://127.0.0.1:{server.port}"
        print(f"Lighthouse {VERSION}, mobile preset, {args.runs} run(s) per page; {CHROME}")
        print(f"{'page':<20} {'score':>5} {'LCP':>9} {'TBT':>8} {'bytes':>10}")
        for label, path, signed_in in learner_pages(server.port, cookie):
            runs = [lighthouse(base + path, cookie if signed_in else None) for _ in range(args.runs)]
            row = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
            rows.append((label, path, row))
            print(f"{label:<20} {row['score']:>5.0f} {row['lcp']:>7.0f} ms {row['tbt']:>5.0f} ms "
                  f"{row['bytes'] / 1024:>7.1f} KB   {path}")
    short = [(label, row) for label, _, row in rows if row["score"] < 100 or row["tbt"] > GOAL_TBT_MS]
    print(f"\n{len(rows)} pages; {len(short)} under the goal (score 100, TBT ≤ {GOAL_TBT_MS} ms)"
          + "".join(f"\n  {label}: score {row['score']:.0f}, TBT {row['tbt']:.0f} ms" for label, row in short))


if __name__ == "__main__":
    main()
