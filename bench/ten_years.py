#!/usr/bin/env python3
"""Every page, for every role, at ten years of data (issue #19, goal 4).

For SQLite, and for PostgreSQL when it answers: a database made by the release
server (`--demo` on an empty database), grown to ten years of activity by
`indicators_data` (5,500 sessions, 100,000 enrolments, 1,000,000 marks), then
the server started again on it. Each role signs in (the demo's coordinator,
trainer and learner; the anonymous visitor too) and every page of the route
table it may open is fetched: one warm-up, then `--runs` timed requests. The
ids in the addresses are picked the way the heaviest page would be: the session
with the largest roster, the trainer's own, the quiz with the most attempts…

Prints, per page: p50 and max time to the last byte, and the HTML size; then
the pages over the issue's limits (300 ms p50, 300 KB of HTML). The server's
page cache is off (`RELAIS_PAGE_CACHE_MS=0`): every request renders its page.

    python3 bench/ten_years.py [--runs 5] [--years 10] [--skip-postgres] [--skip-sqlite]

RELAIS_BENCH_BINARY=path/to/relais overrides the release binary.
"""

import argparse
import datetime as dt
import os
import re
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import decade  # noqa: E402
import relais_server  # noqa: E402
from indicators import request  # noqa: E402
from relais_server import ReleaseServer, post, sign_in  # noqa: E402

if os.environ.get("RELAIS_BENCH_BINARY"):
    relais_server.BINARY = os.path.abspath(os.environ["RELAIS_BENCH_BINARY"])

LIMIT_MS = 300
LIMIT_BYTES = 300 * 1024
COORDINATOR = "coordination@demo.relais.fr"
TRAINER = "formateur@demo.relais.fr"
LEARNER = "apprenant@demo.relais.fr"


def ids(db):
    """The ids the addresses need, chosen for the heaviest page of each kind."""
    q = db.scalar
    user = {e: q(f"SELECT id FROM users WHERE email = '{e}'") for e in (COORDINATOR, TRAINER, LEARNER)}
    largest_roster = """SELECT e.session_id FROM enrolments e {where}
        GROUP BY e.session_id ORDER BY COUNT(*) DESC, e.session_id LIMIT 1"""
    session = q(largest_roster.format(where=""))
    taught = q(largest_roster.format(
        where=f"JOIN session_trainers t ON t.session_id = e.session_id AND t.user_id = {user[TRAINER]}"))
    learner_session = q(f"SELECT session_id FROM enrolments WHERE user_id = {user[LEARNER]} "
                        "ORDER BY session_id DESC LIMIT 1")
    module = q("SELECT id FROM modules WHERE published = true ORDER BY position LIMIT 1")
    return {
        "user": user,
        "session": session,
        "taught": taught,
        "taught_slot": q(f"SELECT id FROM session_slots WHERE session_id = {taught} ORDER BY starts_at LIMIT 1"),
        "slot": q(f"SELECT id FROM session_slots WHERE session_id = {session} ORDER BY starts_at LIMIT 1"),
        "learner_session": learner_session,
        "slug": q(f"SELECT slug FROM modules WHERE id = {module}"),
        "module": module,
        "lesson": q(f"SELECT id FROM lessons WHERE module_id = {module} AND published = true "
                    "ORDER BY position LIMIT 1"),
        "quiz": q("SELECT q.id FROM quizzes q LEFT JOIN quiz_attempts a ON a.quiz_id = q.id "
                  "WHERE q.published = true GROUP BY q.id ORDER BY COUNT(a.id) DESC, q.id LIMIT 1"),
        "certificate": q("SELECT verification_code FROM certificates ORDER BY id DESC LIMIT 1"),
        "message": q("SELECT id FROM email_outbox ORDER BY id DESC LIMIT 1"),
        "month": busiest_month(db),
    }


def busiest_month(db):
    days = [str(row[0]) for row in db.query("SELECT day FROM session_slots")]
    months = {}
    for day in days:
        months[day[:7]] = months.get(day[:7], 0) + 1
    return max(months, key=lambda m: (months[m], m)) if months else dt.date.today().strftime("%Y-%m")


def pages(role, i):
    """(label, path) of every page `role` may open; None ids are left out."""
    slug, module, session = i["slug"], i["module"], i["session"]
    public = [
        ("accueil", "/"),
        ("formations", "/formations"),
        ("module", f"/formations/{slug}"),
        ("leçon", f"/formations/{slug}/lecons/{i['lesson']}"),
        ("sessions à venir", "/sessions"),
        ("sessions du mois le plus chargé", f"/sessions?vue=mois&mois={i['month']}"),
        ("vérifier un certificat", f"/verifier/{i['certificate']}"),
        ("confidentialité", "/confidentialite"),
        ("accessibilité", "/accessibilite"),
    ]
    if role == "visiteur":  # a lesson is for signed-in people
        return [p for p in public if p[0] != "leçon"] + [("connexion", "/connexion"), ("inscription", "/inscription"),
                         ("mot de passe oublié", "/mot-de-passe-oublie"),
                         ("session (roster le plus long)", f"/sessions/{session}")]
    mine = [
        ("mon espace", "/mon-espace"),
        ("mon agenda", "/mon-agenda"),
        ("profil", "/profil"),
        ("mes données", "/mes-donnees/consulter"),
        ("quiz", f"/quiz/{i['quiz']}"),
    ]
    if role == "apprenant":
        return public + mine + [
            ("sa session", f"/sessions/{i['learner_session']}"),
            ("son auto-évaluation", f"/sessions/{i['learner_session']}/auto-evaluation"),
            ("sa tentative de quiz", "ATTEMPT"),
        ]
    own = session if role == "coordination" else i["taught"]
    slot = i["slot"] if role == "coordination" else i["taught_slot"]
    managing = [
        ("session gérée (roster le plus long)", f"/sessions/{own}"),
        ("modifier la session", f"/sessions/{own}/modifier"),
        ("questionnaires de la session", f"/sessions/{own}/questionnaires"),
        ("items des questionnaires", f"/sessions/{own}/questionnaires/items"),
        ("appel d’une demi-journée", f"/sessions/{own}/appel/{slot}"),
        ("certificats de la session", f"/sessions/{own}/certificats"),
        ("nouvelle session", "/sessions/nouvelle"),
        ("résultats du quiz", f"/quiz/{i['quiz']}/resultats"),
        ("atelier", "/atelier"),
        ("atelier : module", f"/atelier/modules/{module}"),
        ("atelier : leçon", f"/atelier/lecons/{i['lesson']}"),
        ("atelier : quiz", f"/atelier/quiz/{i['quiz']}"),
    ]
    if role == "formation":
        return public + mine + managing
    return public + mine + managing + [
        ("comptes", "/coordination/comptes"),
        ("structures", "/coordination/structures"),
        ("courriels", "/coordination/courriels"),
        ("un courriel", f"/coordination/courriels/{i['message']}"),
        ("indicateurs", "/coordination/indicateurs"),
        ("programme", "/coordination/programme"),
        ("journal", "/coordination/journal"),
    ]


def attempt_path(port, cookie, quiz):
    """Starts (or resumes) the learner's attempt through the server function."""
    status, body, _ = post(port, "/api/quiz/start_attempt", {"input[quiz_id]": quiz}, cookie)
    match = re.fullmatch(r"\s*(\d+)\s*", body)
    return f"/quiz/tentatives/{match.group(1)}" if status < 400 and match else None


def time_page(port, cookie, path, runs):
    status, body, _ = request(port, "GET", path, cookie)  # warm-up
    if status != 200:
        return {"note": f"HTTP {status}"}
    times = []
    for _ in range(runs):
        status, body, seconds = request(port, "GET", path, cookie)
        times.append(seconds * 1000)
    return {"p50": statistics.median(times), "max": max(times), "size": len(body)}


def format_row(role, label, path, row):
    name = f"{role:<12} {label:<38}"
    if "p50" not in row:
        return f"{name} {row['note']:>44}   {path}"
    flags = []
    if row["p50"] > LIMIT_MS:
        flags.append("TOO SLOW")
    if row["size"] > LIMIT_BYTES:
        flags.append("TOO LARGE")
    return (f"{name} p50 {row['p50']:7.1f} ms  max {row['max']:7.1f} ms  {row['size'] / 1024:8.1f} KB"
            f"  {' '.join(flags) or 'ok':<9}  {path}")


def measure(db, args):
    i = ids(db)
    rows = []
    # The page cache off: each request renders its page, as the first view of
    # it does (a signed-in person's page is otherwise kept until the database
    # changes, and a second request would time the cache).
    with ReleaseServer(demo=False, database_url=db.url, extra_env={"RELAIS_PAGE_CACHE_MS": "0"}) as server:
        for role, email in (("visiteur", None), ("apprenant", LEARNER), ("formation", TRAINER),
                            ("coordination", COORDINATOR)):
            cookie = sign_in(server.port, email) if email else ""
            for label, path in pages(role, i):
                if path == "ATTEMPT":
                    path = attempt_path(server.port, cookie, i["quiz"])
                if path is None or "/None" in path or path.endswith("=None"):
                    continue
                row = time_page(server.port, cookie, path, args.runs)
                rows.append((role, label, path, row))
                print(f"  {format_row(role, label, path, row)}")
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    decade.add_arguments(parser)
    args = parser.parse_args()
    print(f"binary: {relais_server.BINARY}; {args.runs} runs after one warm-up per page")
    print(f"limits: p50 {LIMIT_MS} ms, {LIMIT_BYTES // 1024} KB of HTML")
    results = {}
    for db in decade.databases(args):
        started = time.monotonic()
        results[db.backend] = measure(db, args)
        print(f"  measured in {time.monotonic() - started:.0f} s")
    failures = 0
    for backend, rows in results.items():
        over = [r for r in rows if "p50" not in r[3] or r[3]["p50"] > LIMIT_MS or r[3]["size"] > LIMIT_BYTES]
        failures += len(over)
        slowest = max((r[3]["p50"] for r in rows if "p50" in r[3]), default=0)
        largest = max((r[3]["size"] for r in rows if "p50" in r[3]), default=0)
        print(f"\n== {backend}: {len(rows)} pages, slowest p50 {slowest:.1f} ms, largest {largest / 1024:.1f} KB, "
              f"{len(over)} over the limits or failing")
        for role, label, path, row in over:
            print(f"  {format_row(role, label, path, row)}")
    if not results:
        sys.exit(1)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
