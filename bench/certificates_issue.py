#!/usr/bin/env python3
"""Certificate issuing against the release server: time per certificate, and
the time to issue a cohort of 200 in one action.

Starts `relais --demo` (fresh SQLite), takes the latest held demo session,
adds 50 + N learners to it (confirmed, present at every half-day), then as
the coordinator:
  1. issues 50 certificates one call at a time (`batch` = 1) and prints the
     p50 / p95 of a call — eligibility, PDF (Typst), revision and email queued;
  2. issues every remaining certificate (N plus the session's own eligible
     learners) in one call and prints the time and the count.
Checks in the database that each certificate has one revision and one email
in the outbox. Run after `cargo leptos build --release`:

    python3 bench/certificates_issue.py [N]
"""

import json
import os
import sqlite3
import statistics
import sys
import time

from relais_server import ReleaseServer, post, sign_in

N = int(sys.argv[1]) if len(sys.argv) > 1 else 200
SINGLES = 50


def columns(db, table):
    return [r[1] for r in db.execute(f"PRAGMA table_info({table})") if r[1] != "id"]


def add_cohort(db_path, count):
    """Adds `count` learners to the latest held session, present everywhere."""
    with sqlite3.connect(db_path) as db:
        session_id = db.execute(
            "SELECT id FROM training_sessions WHERE status = 'realisee' ORDER BY id DESC LIMIT 1"
        ).fetchone()[0]
        user_cols = columns(db, "users")
        copied = ", ".join(
            "'certif' || n || '@bench.relais.fr'" if c == "email"
            else "'Personne ' || n" if c == "display_name" else c
            for c in user_cols)
        db.execute(f"""
            WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < {count})
            INSERT INTO users ({", ".join(user_cols)})
            SELECT {copied} FROM seq, users WHERE users.email = 'apprenant@demo.relais.fr'""")
        template = db.execute(
            "SELECT id FROM enrolments WHERE session_id = ? AND status = 'confirmee' LIMIT 1",
            (session_id,)).fetchone()[0]
        enrol_cols = columns(db, "enrolments")
        picked = ", ".join("u.id" if c == "user_id" else f"e.{c}" for c in enrol_cols)
        db.execute(f"""
            INSERT INTO enrolments ({", ".join(enrol_cols)})
            SELECT {picked} FROM enrolments e, users u
            WHERE e.id = ? AND u.email LIKE 'certif%@bench.relais.fr'""", (template,))
        mark = db.execute("SELECT id FROM attendance_marks LIMIT 1").fetchone()[0]
        mark_cols = columns(db, "attendance_marks")
        chosen = ", ".join(
            "s.id" if c == "slot_id" else "e.id" if c == "enrolment_id"
            else "'present'" if c == "status" else f"m.{c}" for c in mark_cols)
        db.execute(f"""
            INSERT INTO attendance_marks ({", ".join(mark_cols)})
            SELECT {chosen} FROM attendance_marks m, session_slots s, enrolments e, users u
            WHERE m.id = ? AND s.session_id = ? AND e.session_id = s.session_id
              AND e.user_id = u.id AND u.email LIKE 'certif%@bench.relais.fr'""",
                   (mark, session_id))
    return session_id


def issue(port, cookie, session_id, batch=None):
    fields = {"input[session_id]": session_id}
    if batch:
        fields["input[batch]"] = batch
    start = time.perf_counter()
    status, body, _ = post(port, "/api/certificates/issue", fields, cookie, timeout=600)
    elapsed = time.perf_counter() - start
    if status >= 400:
        sys.exit(f"issuing failed: {status} {body}")
    return json.loads(body), elapsed


def main():
    with ReleaseServer() as server:
        port, db_path = server.port, os.path.join(server.work, "bench.db")
        session_id = add_cohort(db_path, SINGLES + N)
        coordinator = sign_in(port, "coordination@demo.relais.fr")
        singles = []
        for _ in range(SINGLES):
            report, elapsed = issue(port, coordinator, session_id, batch=1)
            if report["issued"] != 1:
                sys.exit(f"expected one certificate per call, got {report}")
            singles.append(elapsed * 1000)
        singles.sort()
        p95 = singles[min(len(singles) - 1, int(round(0.95 * (len(singles) - 1))))]
        print(f"one certificate per call ({SINGLES} calls): "
              f"p50={statistics.median(singles):.0f} ms  p95={p95:.0f} ms  max={singles[-1]:.0f} ms")
        report, elapsed = issue(port, coordinator, session_id)
        print(f"one call issued {report['issued']} certificates in {elapsed:.2f} s "
              f"({elapsed * 1000 / max(report['issued'], 1):.0f} ms each); remaining {report['remaining']}")
        with sqlite3.connect(db_path) as db:
            certificates = db.execute("SELECT count(*) FROM certificates").fetchone()[0]
            revisions = db.execute("SELECT count(*) FROM certificate_revisions").fetchone()[0]
            emails = db.execute(
                "SELECT count(*) FROM email_outbox WHERE kind = 'certificate'").fetchone()[0]
        print(f"database: {certificates} certificates, {revisions} revisions, {emails} emails queued")
        if not certificates == revisions == emails == SINGLES + report["issued"]:
            sys.exit("MISMATCH between certificates, revisions and emails")


if __name__ == "__main__":
    main()
