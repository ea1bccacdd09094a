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
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.expanduser("~/.cache/relais/target"))
BINARY = os.path.join(TARGET, "release", "relais")
PASSWORD = "Demo-Relais-2026"
FORM_HEADERS = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"}


def post(port, path, fields, cookie=None, timeout=60):
    """Posts a form to a server function; returns (status, body, Set-Cookie)."""
    headers = dict(FORM_HEADERS)
    if cookie:
        headers["Cookie"] = cookie
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    conn.request("POST", path, urllib.parse.urlencode(fields), headers)
    response = conn.getresponse()
    body = response.read().decode()
    set_cookie = response.getheader("Set-Cookie")
    conn.close()
    return response.status, body, set_cookie


def timed_sign_in(port, email, password, source="127.0.0.1", timeout=30):
    """Posts a sign-in from the loopback address `source`; returns (status, milliseconds)."""
    body = urllib.parse.urlencode({"input[email]": email, "input[password]": password})
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout, source_address=(source, 0))
    start = time.perf_counter()
    conn.request("POST", "/api/accounts/sign_in", body, FORM_HEADERS)
    status = conn.getresponse().status
    elapsed = (time.perf_counter() - start) * 1000
    conn.close()
    return status, elapsed


def sign_in(port, email):
    """Signs a demo account in; returns its session cookie."""
    status, body, set_cookie = post(port, "/api/accounts/sign_in",
                                    {"input[email]": email, "input[password]": PASSWORD})
    if status >= 400 or not set_cookie:
        sys.exit(f"sign-in failed for {email}: {status} {body}")
    return set_cookie.split(";", 1)[0]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ReleaseServer:
    def __init__(self, demo=True, database_url=None, extra_env=None):
        self.demo = demo
        self.database_url = database_url
        self.extra_env = extra_env or {}
        self.port = free_port()
        self.work = tempfile.mkdtemp(prefix="relais-bench-")
        self.process = None

    def __enter__(self):
        if not os.path.exists(BINARY):
            sys.exit(f"{BINARY} missing: run `cargo leptos build --release` first")
        env = dict(os.environ, DATABASE_URL=self.database_url or f"sqlite://{self.work}/bench.db?mode=rwc",
                   RELAIS_ADDR=f"127.0.0.1:{self.port}", RELAIS_MAIL_DIR=f"{self.work}/outbox",
                   LEPTOS_SITE_ROOT=os.path.join(ROOT, "target/site"), RUST_LOG="warn")
        env.update(self.extra_env)
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
