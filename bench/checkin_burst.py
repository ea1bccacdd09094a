#!/usr/bin/env python3
"""200 check-ins arriving within one second, against the release server.

Starts `relais --demo` (fresh SQLite), adds N learners (copies of a demo
account), plans as the coordinator a distance session with a half-day running
now, enrols the N learners, shows a check-in code, signs each learner in, then
sends the N check-ins at once (one thread each, released together). Prints the
time until the last answer, per-request latency, and checks in the database
that every check-in was recorded (none lost). Run after
`cargo leptos build --release`:

    python3 bench/checkin_burst.py [N]
"""

import datetime
import http.client
import json
import os
import sqlite3
import statistics
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from zoneinfo import ZoneInfo

from relais_server import FORM_HEADERS, ReleaseServer, post, sign_in

N = int(sys.argv[1]) if len(sys.argv) > 1 else 200
def add_learners(db_path, n):
    with sqlite3.connect(db_path) as db:
        columns = [r[1] for r in db.execute("PRAGMA table_info(users)") if r[1] != "id"]
        copied = ", ".join(c if c not in ("email", "display_name") else
                           ("'banc' || n || '@bench.relais.fr'" if c == "email" else "'Personne ' || n")
                           for c in columns)
        db.execute(f"""
            WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < {n})
            INSERT INTO users ({", ".join(columns)})
            SELECT {copied} FROM seq, users WHERE users.email = 'apprenant@demo.relais.fr'""")
    return [f"banc{i}@bench.relais.fr" for i in range(1, n + 1)]


def main():
    with ReleaseServer() as server:
        port, db_path = server.port, os.path.join(server.work, "bench.db")
        emails = add_learners(db_path, N)
        coordinator = sign_in(port, "coordination@demo.relais.fr")
        today = datetime.datetime.now(ZoneInfo("Europe/Paris")).date().isoformat()
        with sqlite3.connect(db_path) as db:
            module_id = db.execute("SELECT id FROM modules ORDER BY id LIMIT 1").fetchone()[0]
            trainer_id = db.execute(
                "SELECT id FROM users WHERE email = 'formateur@demo.relais.fr'").fetchone()[0]
        status, body, _ = post(port, "/api/sessions/create", {
            "input[module_id]": module_id, "input[title]": "Banc d’essai des présences",
            "input[mode]": "distanciel", "input[visio_url]": "https://visio.example.org/banc",
            "input[capacity]": N, "input[trainer_1]": trainer_id, "input[programme_year]": today[:4],
            "input[slot_1][day]": today, "input[slot_1][half_day]": "matin",
            "input[slot_1][start]": "00:00", "input[slot_1][end]": "23:59",
        }, coordinator)
        if status >= 400:
            sys.exit(f"session creation failed: {status} {body}")
        with sqlite3.connect(db_path) as db:
            session_id = db.execute("SELECT max(id) FROM training_sessions").fetchone()[0]
            slot_id = db.execute("SELECT id FROM session_slots WHERE session_id = ?", (session_id,)).fetchone()[0]
        status, body, _ = post(port, "/api/sessions/add_learners",
                               {"input[session_id]": session_id, "input[emails]": "\n".join(emails)}, coordinator)
        if status >= 400:
            sys.exit(f"enrolment failed: {status} {body}")
        status, body, _ = post(port, "/api/sessions/new_checkin_code",
                               {"input[session_id]": session_id, "input[slot_id]": slot_id}, coordinator)
        if status >= 400:
            sys.exit(f"no check-in code: {status} {body}")
        code = json.loads(body)["code"]
        print(f"setup: {N} learners enrolled in session {session_id}; signing them in…", flush=True)
        with ThreadPoolExecutor(max_workers=8) as pool:
            cookies = list(pool.map(lambda e: sign_in(port, e), emails))

        gate = threading.Barrier(N + 1)
        results = [None] * N

        def check_in(i):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            conn.connect()
            body = urllib.parse.urlencode({"input[session_id]": session_id, "input[code]": code})
            gate.wait()
            start = time.perf_counter()
            conn.request("POST", "/api/sessions/check_in", body, dict(FORM_HEADERS, Cookie=cookies[i]))
            response = conn.getresponse()
            answer = response.read().decode()
            results[i] = (response.status, answer, start, time.perf_counter())
            conn.close()

        threads = [threading.Thread(target=check_in, args=(i,)) for i in range(N)]
        for t in threads:
            t.start()
        gate.wait()
        began = time.perf_counter()
        for t in threads:
            t.join()
        total = max(r[3] for r in results) - began
        sent = max(r[2] for r in results) - began
        latencies = sorted((r[3] - r[2]) * 1000 for r in results)
        statuses = {}
        for r in results:
            statuses[(r[0], r[1])] = statuses.get((r[0], r[1]), 0) + 1
        with sqlite3.connect(db_path) as db:
            recorded = db.execute(
                "SELECT count(*) FROM attendance_marks WHERE slot_id = ? AND method = 'code' "
                "AND status IN ('present', 'retard')", (slot_id,)).fetchone()[0]
        p95 = latencies[min(N - 1, int(round(0.95 * (N - 1))))]
        print(f"{N} check-ins sent within {sent * 1000:.0f} ms; all answered after {total * 1000:.0f} ms")
        print(f"latency p50={statistics.median(latencies):.0f} ms  p95={p95:.0f} ms  max={latencies[-1]:.0f} ms")
        print(f"answers: {statuses}")
        print(f"recorded in the database: {recorded} of {N}" + (" — none lost" if recorded == N else " — LOST SOME"))
        if recorded != N:
            sys.exit(1)


if __name__ == "__main__":
    main()
