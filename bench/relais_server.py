"""Starts the release server for a benchmark: `relais --demo` on a free port,
with a fresh SQLite database and the file mail transport, and stops it after.

    with ReleaseServer() as server:
        server.port, server.work  # the port, and the folder holding bench.db
"""

import http.client
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.expanduser("~/.cache/relais/target"))
BINARY = os.path.join(TARGET, "release", "relais")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ReleaseServer:
    def __init__(self, demo=True):
        self.demo = demo
        self.port = free_port()
        self.work = tempfile.mkdtemp(prefix="relais-bench-")
        self.process = None

    def __enter__(self):
        if not os.path.exists(BINARY):
            sys.exit(f"{BINARY} missing: run `cargo leptos build --release` first")
        env = dict(os.environ, DATABASE_URL=f"sqlite://{self.work}/bench.db?mode=rwc",
                   RELAIS_ADDR=f"127.0.0.1:{self.port}", RELAIS_MAIL_DIR=f"{self.work}/outbox",
                   LEPTOS_SITE_ROOT=os.path.join(ROOT, "target/site"), RUST_LOG="warn")
        args = [BINARY, "--demo"] if self.demo else [BINARY]
        self.process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(300):
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=1)
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.1)
        self.__exit__(None, None, None)
        sys.exit("the server did not become healthy")

    def __exit__(self, *exc):
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)
        shutil.rmtree(self.work, ignore_errors=True)
