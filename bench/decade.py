"""Ten years of data on SQLite and PostgreSQL, for the benchmarks that need them.

`databases(args)` yields, for each backend asked for, a database made the way a
real one is (the release server started once with `--demo` on an empty database
creates, migrates and fills it), then grown by `indicators_data` to ten years of
activity. The caller starts the server on it again and measures; the database is
dropped after.

    for db in decade.databases(args):
        db.backend, db.url, db.rows, db.seconds
        db.scalar("SELECT id FROM users WHERE email = 'x'")
"""

import os
import shutil
import sqlite3
import subprocess
import tempfile
import time
import traceback
from contextlib import contextmanager

import indicators_data
from relais_server import ReleaseServer

PG_ADMIN = "postgres://postgres@127.0.0.1:5432/test"


def add_arguments(parser):
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument("--skip-sqlite", action="store_true")


class Database:
    def __init__(self, backend, url, query):
        self.backend = backend
        self.url = url
        self.query = query  # sql -> list of tuples
        self.rows = 0
        self.seconds = 0.0
        self.counts = {}

    def scalar(self, sql):
        rows = self.query(sql)
        return rows[0][0] if rows else None


def postgres_available():
    try:
        done = subprocess.run(["psql", PG_ADMIN, "-X", "-Atq", "-c", "select 1"],
                              capture_output=True, text=True, timeout=15)
        return done.returncode == 0 and done.stdout.strip() == "1"
    except (OSError, subprocess.TimeoutExpired):
        return False


def psql(url, sql):
    done = subprocess.run(["psql", url, "-X", "-Atq", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", sql],
                          capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise RuntimeError(f"psql: {done.stderr.strip()}")
    return [tuple(line.split("\t")) for line in done.stdout.splitlines() if line]


def sqlite_query(path):
    def query(sql):
        with sqlite3.connect(path) as conn:
            return conn.execute(sql).fetchall()
    return query


@contextmanager
def _sqlite():
    work = tempfile.mkdtemp(prefix="relais-decade-")
    path = os.path.join(work, "bench.db")
    try:
        yield (Database("sqlite", f"sqlite://{path}?mode=rwc", sqlite_query(path)),
               lambda: indicators_data.SqliteTarget(path))
    finally:
        shutil.rmtree(work, ignore_errors=True)


@contextmanager
def _postgres():
    name = f"relais_bench_{os.getpid()}"
    url = f"{PG_ADMIN.rsplit('/', 1)[0]}/{name}"
    psql(PG_ADMIN, f"CREATE DATABASE {name}")
    try:
        yield (Database("postgres", url, lambda sql: psql(url, sql)),
               lambda: indicators_data.PostgresTarget(url))
    finally:
        try:
            psql(PG_ADMIN, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        except RuntimeError as e:
            print(f"  could not drop {name}: {e}")


def databases(args):
    """Yields each asked-for backend's database, ready; reports and skips one that fails."""
    makers = []
    if not args.skip_sqlite:
        makers.append(_sqlite)
    if not args.skip_postgres:
        if postgres_available():
            makers.append(_postgres)
        else:
            print(f"PostgreSQL: {PG_ADMIN} does not answer, skipped")
    for maker in makers:
        try:
            with maker() as (db, target):
                print(f"\n== {db.backend}: {db.url}")
                started = time.monotonic()
                with ReleaseServer(demo=True, database_url=db.url):
                    pass
                print(f"  demo database created and migrated in {time.monotonic() - started:.1f} s")
                counts, seconds = indicators_data.generate(target(), seed=args.seed, years=args.years)
                indicators_data.report(counts, seconds, db.backend)
                db.rows, db.seconds, db.counts = sum(counts.values()), seconds, counts
                yield db
        except SystemExit as e:  # ReleaseServer and the generator exit on fatal errors
            print(f"  {maker.__name__[1:]}: stopped: {e}")
        except Exception:  # noqa: BLE001 — report, then go on with the next backend
            traceback.print_exc()
            print(f"  {maker.__name__[1:]}: failed")
