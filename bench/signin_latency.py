#!/usr/bin/env python3
"""Sign-in latency (argon2id cost) against the release server.

Starts `relais --demo` on a free port with a fresh SQLite database, signs in
N times with the right password, N times with a wrong one and N times with an
unknown email (the last two must cost the same: no account enumeration by
timing), and prints p50/p95 for each. Run after `cargo leptos build --release`:

    python3 bench/signin_latency.py [N]
"""

import os
import sqlite3
import statistics
import sys

from relais_server import ReleaseServer, timed_sign_in

N = int(sys.argv[1]) if len(sys.argv) > 1 else 40


def sign_in(port, email, password):
    return timed_sign_in(port, email, password)


def report(label, samples):
    samples = sorted(samples)
    p95 = samples[min(len(samples) - 1, int(round(0.95 * (len(samples) - 1))))]
    print(f"{label:<28} n={len(samples):<4} p50={statistics.median(samples):7.1f} ms  p95={p95:7.1f} ms")


def main():
    with ReleaseServer() as server:
        port, work = server.port, server.work
        ok, wrong, unknown = [], [], []
        for i in range(N):
            status, ms = sign_in(port, "apprenant@demo.relais.fr", "Demo-Relais-2026")
            assert status in (200, 302), status
            ok.append(ms)
            # Wrong passwords and unknown emails: spread over accounts so no limit is hit.
            status, ms = sign_in(port, f"apprenant{(i % 39) + 1:02d}@demo.relais.fr", "pas le bon mot de passe")
            if status == 422:
                wrong.append(ms)
            status, ms = sign_in(port, f"inconnu{i}@example.org", "pas le bon mot de passe")
            if status == 422:
                unknown.append(ms)
            if (i + 1) % 6 == 0:
                # The per-client limit (20 failures / 15 min) would stop the loop: restart the window.
                with sqlite3.connect(f"{work}/bench.db") as db:
                    db.execute("DELETE FROM rate_limits")
        print(f"sign-in latency, release build, argon2id m=19456 KiB t=2 p=1, {os.cpu_count()} cores")
        report("right password", ok)
        report("wrong password", wrong)
        report("unknown email", unknown)


if __name__ == "__main__":
    main()
