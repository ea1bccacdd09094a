#!/usr/bin/env python3
"""A burst of sign-ins against the release server: peak memory and the time a
legitimate sign-in takes meanwhile.

Sends BURST sign-ins at once with unknown e-mail addresses, each from its own
loopback address (127.0.x.y), so that no per-address limit stops them and
every one of them costs a real argon2id check (19 MiB). While they run, the
demo learner signs in from yet another address. Prints the server's peak
resident memory (VmHWM) before and after, the burst's statuses and duration,
and the legitimate sign-in's time. Run after `cargo leptos build --release`:

    python3 bench/signin_burst.py [BURST]
"""

import concurrent.futures
import sys
import time

from relais_server import PASSWORD, ReleaseServer, timed_sign_in

BURST = int(sys.argv[1]) if len(sys.argv) > 1 else 200


def sign_in(port, source, email, password):
    return timed_sign_in(port, email, password, source=source, timeout=120)


def memory_kib(pid, field):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def main():
    with ReleaseServer() as server:
        pid, port = server.process.pid, server.port
        # One sign-in first, so the dummy hash and the pools exist.
        sign_in(port, "127.0.0.1", "apprenant@demo.relais.fr", PASSWORD)
        before = memory_kib(pid, "VmHWM")
        sources = [f"127.0.{1 + i // 250}.{1 + i % 250}" for i in range(BURST)]
        with concurrent.futures.ThreadPoolExecutor(max_workers=BURST + 1) as pool:
            start = time.perf_counter()
            burst = [pool.submit(sign_in, port, source, f"inconnu{i}@example.org", "pas le bon mot de passe")
                     for i, source in enumerate(sources)]
            time.sleep(0.2)  # the burst is queued when the real person arrives
            legit = pool.submit(sign_in, port, "127.0.200.1", "apprenant@demo.relais.fr", PASSWORD)
            results = [f.result() for f in burst]
            burst_ms = (time.perf_counter() - start) * 1000
            legit_status, legit_ms = legit.result()
        after = memory_kib(pid, "VmHWM")
        statuses = {}
        for status, _ in results:
            statuses[status] = statuses.get(status, 0) + 1
        print(f"burst of {BURST} sign-ins with unknown addresses, one client address each")
        print(f"  statuses: {dict(sorted(statuses.items()))}, all answered in {burst_ms:.0f} ms")
        print(f"  peak resident memory: {before / 1024:.0f} MB before, {after / 1024:.0f} MB after the burst")
        print(f"  legitimate sign-in during the burst: status {legit_status} in {legit_ms:.0f} ms")


if __name__ == "__main__":
    main()
