#!/usr/bin/env python3
"""Times the coordinator's indicators on ten years of data (issue #9).

For SQLite, and for PostgreSQL when `psql postgres://postgres@127.0.0.1:5432/test`
answers: starts the release server with `--demo` on an empty database (which
creates, migrates and fills it), stops it, adds ten years of synthetic activity
with `indicators_data` (about 100,000 enrolments, 1,000,000 attendance marks,
200,000 questionnaire answers), starts the server again, signs the
coordinator in and times the dashboard, the page and each export: one
warm-up, then 5 runs (p50, max, size). Thresholds of the issue: the dashboard
under 1 s on SQLite, the full XLSX export under 3 s with bounded memory.

    python3 bench/indicators.py [--years 10] [--runs 5] [--skip-postgres] [--skip-sqlite]

RELAIS_BENCH_BINARY=path/to/relais overrides the release binary (e.g. the
debug one while developing; its timings mean nothing).
"""

import argparse
import datetime as dt
import http.client
import os
import statistics
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import decade  # noqa: E402
import relais_server  # noqa: E402
from relais_server import FORM_HEADERS, ReleaseServer, sign_in  # noqa: E402

if os.environ.get("RELAIS_BENCH_BINARY"):
    relais_server.BINARY = os.path.abspath(os.environ["RELAIS_BENCH_BINARY"])

COORDINATOR = "coordination@demo.relais.fr"
DASHBOARD_LIMIT_MS = 1000  # on SQLite
XLSX_LIMIT_MS = 3000


def request(port, method, path, cookie, fields=None, timeout=300):
    """One request; returns (status, body bytes, seconds to the last byte)."""
    headers = {"Cookie": cookie}
    body = None
    if fields is not None:
        headers.update(FORM_HEADERS)
        body = urllib.parse.urlencode(fields)
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body, headers)
        response = conn.getresponse()
        data = response.read()
    finally:
        conn.close()
    return response.status, data, time.perf_counter() - started


def proc_status(pid):
    """VmRSS and VmHWM of a process, in KiB."""
    values = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0])
    return values


def reset_peak(pid):
    """Resets VmHWM to the current RSS (Linux ≥ 4.0); False when not allowed."""
    try:
        with open(f"/proc/{pid}/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def not_available(status, body):
    # 404 / 405: no such route yet; a server function that is not registered
    # answers 400 « Could not find a server function at the route … ».
    return status in (404, 405) or (status == 400 and b"Could not find a server function" in body)


def time_endpoint(server, cookie, label, method, path, fields, runs, limit_ms=None, memory=False):
    """Returns a result row: label, backend-independent figures and a verdict."""
    row = {"label": label, "path": path, "limit_ms": limit_ms}
    pid = server.process.pid
    try:
        status, body, _ = request(server.port, method, path, cookie, fields)  # warm-up
        if not_available(status, body):
            row["note"] = f"not available yet (HTTP {status})"
            print(f"    {label:<32} {row['note']}")
            return row
        if not 200 <= status < 300:
            row["note"] = f"HTTP {status}: {body[:300].decode('utf-8', 'replace')}"
            print(f"    {label:<32} {row['note']}")
            return row
        if memory:
            before = proc_status(pid)
            row["peak_reset"] = reset_peak(pid)
            if row["peak_reset"]:
                before = proc_status(pid)
        times, sizes = [], []
        for _ in range(runs):
            status, body, seconds = request(server.port, method, path, cookie, fields)
            if not 200 <= status < 300:
                row["note"] = f"HTTP {status} during the runs: {body[:300].decode('utf-8', 'replace')}"
                print(f"    {label:<32} {row['note']}")
                return row
            times.append(seconds * 1000)
            sizes.append(len(body))
        row.update(p50=statistics.median(times), max=max(times), size=max(sizes))
        if memory:
            after = proc_status(pid)
            row["hwm_before_kib"] = before["VmHWM"]
            row["hwm_after_kib"] = after["VmHWM"]
            row["rss_before_kib"] = before["VmRSS"]
            row["rss_increase_kib"] = after["VmHWM"] - (before["VmRSS"] if row["peak_reset"] else before["VmHWM"])
        print(f"    {format_row(row)}")
    except (OSError, http.client.HTTPException) as e:
        row["note"] = f"request failed: {e}"
        print(f"    {label:<32} {row['note']}")
    return row


def format_size(n):
    return f"{n / 1024:.1f} KiB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.2f} MiB"


def format_row(row):
    if "p50" not in row:
        return f"{row['label']:<32} {row.get('note', '')}"
    text = f"{row['label']:<32} p50 {row['p50']:8.1f} ms   max {row['max']:8.1f} ms   {format_size(row['size']):>11}"
    if row.get("limit_ms"):
        ok = row["max"] <= row["limit_ms"]
        text += f"   limit {row['limit_ms'] / 1000:g} s: {'ok' if ok else 'TOO SLOW'}"
    if "hwm_after_kib" in row:
        text += (f"   peak RSS {row['hwm_after_kib'] / 1024:.0f} MiB"
                 f" (+{row['rss_increase_kib'] / 1024:.0f} MiB"
                 f"{'' if row.get('peak_reset') else ', peak not reset'})")
    return text


def measure(db, args, year):
    """Timings on one ten-year database; returns its rows."""
    rows = []
    started = time.monotonic()
    with ReleaseServer(demo=False, database_url=db.url) as server:
        print(f"  server up on the generated database in {time.monotonic() - started:.1f} s (port {server.port})")
        cookie = sign_in(server.port, COORDINATOR)
        status, _, seconds = request(server.port, "GET", "/sessions", cookie)
        print(f"  signed in as {COORDINATOR}; GET /sessions: HTTP {status} in {seconds * 1000:.0f} ms")
        dashboard_limit = DASHBOARD_LIMIT_MS if db.backend == "sqlite" else None
        plan = [
            ("dashboard (server fn)", "POST", "/api/indicators/dashboard", {"input[annee]": str(year)},
             dashboard_limit, False),
            ("page /coordination/indicateurs", "GET", f"/coordination/indicateurs?annee={year}", None, None, False),
            (f"export {year}.xlsx", "GET", f"/exports/indicateurs/{year}.xlsx", None, XLSX_LIMIT_MS, True),
            ("export secteurs.csv", "GET", f"/exports/indicateurs/{year}/secteurs.csv", None, None, False),
            ("export donnees.csv", "GET", f"/exports/indicateurs/{year}/donnees.csv", None, None, False),
            ("export bilan.pdf", "GET", f"/exports/indicateurs/{year}/bilan.pdf", None, None, False),
        ]
        for label, method, path, fields, limit, memory in plan:
            rows.append(time_endpoint(server, cookie, label, method, path, fields, args.runs, limit, memory))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--year", type=int, help="year to report on (default: the last full year)")
    decade.add_arguments(parser)
    args = parser.parse_args()
    year = args.year or dt.date.today().year - 1
    print(f"binary: {relais_server.BINARY}")
    print(f"indicators of {year}; {args.runs} runs after one warm-up per endpoint")

    results = {}
    for db in decade.databases(args):
        try:
            results[db.backend] = (db, measure(db, args, year))
        except SystemExit as e:
            print(f"  {db.backend}: stopped: {e}")

    print("\n== summary (indicators of %d, %d runs, p50 / max)" % (year, args.runs))
    for backend, (db, rows) in results.items():
        print(f"{backend}: {db.rows:,} rows generated in {db.seconds:.1f} s")
        for row in rows:
            print(f"  {format_row(row)}")
    if not results:
        sys.exit(1)


if __name__ == "__main__":
    main()
