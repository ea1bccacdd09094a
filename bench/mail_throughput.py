#!/usr/bin/env python3
"""Mail delivery throughput: messages/s from the outbox to a local SMTP server.

Builds the release server (`cargo build --release -p server`, in
$CARGO_TARGET_DIR, default ~/.cache/relais/target), starts aiosmtpd (Sink
handler: accepts and discards) and `relais` on free ports with a fresh SQLite
database, queues N messages in one transaction, and times until the last is
`sent`. The worker polls every 50 ms here (1 s by default) so that the poll
interval does not dominate the measure. Everything it starts is stopped.

    python3 bench/mail_throughput.py [N]      # N defaults to 2000
    RELAIS_MAIL_CONCURRENCY=8 python3 bench/mail_throughput.py
"""

import datetime
import http.client
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.expanduser("~/.cache/relais/target"))
BINARY = os.path.join(TARGET, "release", "relais")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(check, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.05)
    sys.exit(f"timed out waiting for {what}")


def healthy(port):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
    conn.request("GET", "/healthz")
    return conn.getresponse().status == 200


def listening(port):
    with socket.create_connection(("127.0.0.1", port), timeout=1):
        return True


def queue(db_path, n):
    # Same text form as sqlx writes (RFC 3339, +00:00), a little in the past: due at once.
    now = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(seconds=1)).isoformat()
    rows = [
        (f"bench:{i}", "bench", f"personne{i}@example.org", f"Message {i}",
         f"Bonjour,\n\nCeci est le message {i}.\n", f"<p>Bonjour,</p><p>Ceci est le message {i}.</p>",
         "queued", 0, now, now)
        for i in range(n)
    ]
    with sqlite3.connect(db_path, timeout=30) as db:
        db.executemany(
            "INSERT INTO email_outbox (idempotency_key, kind, recipient, subject, body_text, body_html,"
            " status, attempts, next_attempt_at, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            rows,
        )


def counts(db_path):
    with sqlite3.connect(db_path, timeout=30) as db:
        return dict(db.execute("SELECT status, count(*) FROM email_outbox GROUP BY status").fetchall())


def main():
    subprocess.run(["cargo", "build", "--release", "-p", "server"], cwd=ROOT, check=True,
                   env=dict(os.environ, CARGO_TARGET_DIR=TARGET))
    work = tempfile.mkdtemp(prefix="relais-mail-bench-")
    db_path = os.path.join(work, "bench.db")
    smtp_port, http_port = free_port(), free_port()
    started = []
    try:
        started.append(subprocess.Popen(
            [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{smtp_port}",
             "-c", "aiosmtpd.handlers.Sink"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        wait_until(lambda: listening(smtp_port), 20, "aiosmtpd")
        env = dict(os.environ, DATABASE_URL=f"sqlite://{db_path}?mode=rwc",
                   RELAIS_ADDR=f"127.0.0.1:{http_port}", SMTP_URL=f"smtp://127.0.0.1:{smtp_port}",
                   RELAIS_MAIL_POLL_MS="50", RUST_LOG="warn")
        started.append(subprocess.Popen([BINARY], env=env, stdout=subprocess.DEVNULL))
        wait_until(lambda: healthy(http_port), 30, "relais")

        queue(db_path, N)
        start = time.perf_counter()
        wait_until(lambda: counts(db_path).get("sent", 0) + counts(db_path).get("failed", 0) >= N,
                   600, f"{N} messages")
        elapsed = time.perf_counter() - start
        final = counts(db_path)
        if final.get("sent", 0) != N:
            sys.exit(f"not all sent: {final}")
        concurrency = os.environ.get("RELAIS_MAIL_CONCURRENCY", "4 (default)")
        print(f"{N} messages delivered to aiosmtpd (Sink) on loopback in {elapsed:.2f} s: "
              f"{N / elapsed:.0f} messages/s (SQLite, release build, {os.cpu_count()} cores, "
              f"RELAIS_MAIL_CONCURRENCY={concurrency})")
    finally:
        for process in reversed(started):
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


if __name__ == "__main__":
    main()
