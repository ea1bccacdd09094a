"""Ten years of synthetic training activity for the indicators benchmark (issue #9).

Adds, to a database that is already migrated and holds the demo data (modules,
objectives, structures, demo accounts, questionnaires with their items), about
40,000 learners, 400 structures, 5,000 sessions with their half-day slots and
trainers, 100,000 enrolments, 1,000,000 attendance marks and 200,000
questionnaire answers, spread over the ten calendar years ending with the
current one; with them, what learners leave behind (quiz attempts and their
answers, lessons read) and a convocation e-mail per enrolment in the outbox. Deterministic for a given seed and day.

    python3 bench/indicators_data.py --sqlite /tmp/x/bench.db
    python3 bench/indicators_data.py --postgres postgres://postgres@127.0.0.1:5432/relais_bench_1

Rows go in with explicit ids (after the current maximum of each table), so
children reference parents without round trips. SQLite: one transaction of
`executemany`. PostgreSQL: one `psql` session, one transaction, one
`COPY ... FROM STDIN (FORMAT csv)` per table, then the id sequences are reset.
Only the standard library and the `psql` client are used.
"""

import argparse
import csv
import datetime as dt
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")
UTC = dt.timezone.utc

# Codes, as in migrations/src and app/src/**/rules (the database checks them).
SECTORS = [
    "soin", "soutien_ecoute", "action_sociale", "protection_personnes", "formation_emploi",
    "institutions_collectivites", "logement_hebergement", "police_securite", "culture_loisirs",
    "education_jeunesse", "autre",
]
MODES = ["presentiel", "distanciel", "hybride"]           # Mode::code
HELD, PLANNED, CANCELLED = "realisee", "prevue", "annulee"  # Status::code
MORNING, AFTERNOON = "matin", "apres_midi"                 # HalfDay::code
CONFIRMED, WAITING, WITHDRAWN = "confirmee", "liste_attente", "annulee"  # EnrolmentStatus::code
PRESENT, LATE, EXCUSED, ABSENT = "present", "retard", "absent_excuse", "absent"  # Attendance::code
ROLL_CALL, CODE, APOLOGY, CORRECTION = "appel", "code", "excuse", "correction"  # MarkMethod::code
PHASES = [("avant", "auto_evaluation"), ("apres", "auto_evaluation"),
          ("chaud", "satisfaction_chaud"), ("froid", "satisfaction_froid")]
# Share (in %) of the people who attended who answered each phase (as the demo).
PHASE_SHARE = {"avant": 85, "apres": 80, "chaud": 75, "froid": 40}
COLD_OPENS_DAYS = 90  # app/src/assessment/rules/windows.rs

HOURS = {MORNING: ((9, 0), (12, 30)), AFTERNOON: ((13, 30), (17, 0))}  # calendar::default_hours
MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"]
# Sessions are not scheduled in July and August, nor after mid-December.
SESSION_MONTHS = [1, 2, 3, 4, 5, 6, 9, 10, 11, 12]

FIRST_NAMES = [
    "Agnès", "Bastien", "Céline", "Damien", "Estelle", "Florian", "Gaëlle", "Hugo", "Isabelle",
    "Jérôme", "Karine", "Loïc", "Margaux", "Nicolas", "Océane", "Pascal", "Quentin", "Rachida",
    "Samuel", "Tiphaine", "Ulysse", "Valérie", "William", "Xavier", "Yasmine", "Zoé", "Camille",
    "Nadia", "Julien", "Sophie", "Karim", "Élodie", "Thomas", "Fatima", "Mathieu", "Claire",
    "Yannick", "Inès", "Romain", "Laetitia", "Mehdi", "Aurélie", "Sébastien", "Chloé", "Olivier",
]
LAST_NAMES = [
    "Adam", "Bauer", "Colin", "Didier", "Étienne", "François", "Gérard", "Henry", "Jacquot",
    "Kieffer", "Laurent", "Marchal", "Nicolas", "Paquin", "Remy", "Simon", "Thiriet", "Urbain",
    "Vincent", "Walter", "Zimmermann", "Bouzid", "Nguyen", "Muller", "Schmitt", "Klein", "Weber",
    "Bernard", "Haddad", "Lefèvre", "Meyer", "Dupont", "Rousseau", "Becker", "Benali", "Wagner",
]
PROFESSIONS = [
    "Assistant·e de service social", "Éducateur·rice spécialisé·e",
    "Conseiller·ère en insertion professionnelle", "Agent·e de police municipale",
    "Infirmier·ère", "Chargé·e de gestion locative", "Animateur·rice", "Agent·e d’accueil",
    "Travailleur·se pair·e", "Mandataire judiciaire", "Médiateur·rice social·e",
    "Conseiller·ère principal·e d’éducation", "Secrétaire de mairie", "Bénévole d’écoute",
]
CITIES = [
    "Metz", "Montigny-lès-Metz", "Woippy", "Le Ban-Saint-Martin", "Marly", "Longeville-lès-Metz",
    "Saint-Julien-lès-Metz", "Moulins-lès-Metz", "Ars-sur-Moselle", "Augny", "Jury", "Peltre",
    "Maizières-lès-Metz", "Thionville", "Hagondange", "Talange", "Ennery", "Scy-Chazelles",
    "Plappeville", "Lorry-lès-Metz", "Mondelange", "Amnéville", "Florange", "Yutz",
]
STRUCTURE_KINDS = {
    "soin": ["Centre médico-psychologique", "Maison de santé pluriprofessionnelle", "Cabinet infirmier"],
    "soutien_ecoute": ["Groupe d’entraide mutuelle", "Point écoute", "Association d’écoute"],
    "action_sociale": ["CCAS", "Centre social", "Maison des solidarités"],
    "protection_personnes": ["Service de protection des majeurs", "Association tutélaire"],
    "formation_emploi": ["Mission locale", "Agence France Travail", "Chantier d’insertion"],
    "institutions_collectivites": ["Mairie", "Communauté de communes", "Maison France Services"],
    "logement_hebergement": ["Bailleur social", "Résidence sociale", "CHRS", "Pension de famille"],
    "police_securite": ["Police municipale", "Brigade de gendarmerie", "Service de médiation"],
    "culture_loisirs": ["Médiathèque", "MJC", "Club sportif"],
    "education_jeunesse": ["Collège", "Lycée professionnel", "Maison des adolescents", "Foyer de jeunes travailleurs"],
    "autre": ["Entreprise partenaire", "Paroisse", "Association de quartier"],
}
PLACES = [
    ("Hôtel de Ville, 1 place d’Armes, 57000 Metz", "Salle des commissions"),
    ("Centre hospitalier de Jury, 57245 Jury", "Salle de formation"),
    ("Maison des associations, 1 rue du Coëtlosquet, 57000 Metz", "Salle 3"),
    ("Agora, 1 rue d’Annecy, 57050 Metz", "Salle polyvalente"),
]
CANCEL_REASONS = [
    "Trop peu d’inscriptions : session regroupée avec la suivante.",
    "Intervenante indisponible : session reportée.",
    "Salle indisponible (travaux) : session reportée.",
    "Grève des transports : session reportée.",
]
COVID_REASON = "Confinement lié à la crise sanitaire : session annulée."
# The free texts of the answers, as the demo writes them.
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "server", "src", "demo",
                       "data", "answers.json"), encoding="utf-8") as texts:
    ANSWER_TEXTS = json.load(texts)
COMMENTS = ANSWER_TEXTS["comments"]
EXAMPLES = ANSWER_TEXTS["examples"]

# Columns written, per table, in foreign-key order.
COLUMNS = {
    "structures": ["id", "name", "sector", "city", "reviewed", "created_at"],
    "users": ["id", "email", "display_name", "password_hash", "role", "profession", "sector",
              "structure_id", "active", "created_at", "updated_at"],
    "training_sessions": ["id", "module_id", "title", "mode", "place_address", "place_room",
                          "visio_url", "capacity", "status", "cancel_reason", "programme_year",
                          "enrolment_deadline", "min_attendance_percent", "requires_quiz_passed",
                          "requires_post_assessment", "created_by", "created_at", "updated_at"],
    "session_slots": ["id", "session_id", "day", "half_day", "starts_at", "ends_at",
                      "confirmed_at", "confirmed_by"],
    "session_trainers": ["session_id", "user_id"],
    "programme_plans": ["id", "year", "module_id", "planned_sessions"],
    "enrolments": ["id", "session_id", "user_id", "status", "enrolled_at", "confirmed_at",
                   "cancelled_at"],
    "attendance_marks": ["id", "slot_id", "enrolment_id", "status", "method", "recorded_at",
                         "recorded_by", "note"],
    "questionnaire_responses": ["id", "questionnaire_id", "enrolment_id", "phase", "submitted_at"],
    "questionnaire_answers": ["id", "response_id", "item_id", "value_int", "value_text"],
    "quiz_attempts": ["id", "quiz_id", "user_id", "number", "layout", "started_at", "deadline_at",
                      "submitted_at", "score", "max_score", "passed"],
    "attempt_answers": ["id", "attempt_id", "question_id", "response", "points", "saved_at"],
    "lesson_progress": ["user_id", "lesson_id", "completed_at"],
    "email_outbox": ["id", "idempotency_key", "kind", "recipient", "subject", "body_text", "body_html",
                     "status", "attempts", "next_attempt_at", "lease_until", "last_error", "created_at",
                     "sent_at"],
}
TABLES = list(COLUMNS)
BOOLEAN_COLUMNS = {"reviewed", "active", "requires_quiz_passed", "requires_post_assessment", "passed"}


def local_to_utc(day, hm):
    """A Metz wall-clock time as a UTC instant (fold=0: the first of an ambiguous hour)."""
    local = dt.datetime(day.year, day.month, day.day, hm[0], hm[1], tzinfo=PARIS)
    return local.astimezone(UTC)


def learner_email(person):
    return f"bench-learner-{person:06d}@bench.relais.invalid"


# --------------------------------------------------------------------------- databases

class SqliteTarget:
    """Writes through `sqlite3`, in one transaction, foreign keys checked at the end."""

    kind = "sqlite"

    def __init__(self, path):
        if not os.path.exists(path):
            sys.exit(f"{path}: no such database (start the server with --demo first)")
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.execute("PRAGMA foreign_keys=OFF")
        self.db.execute("BEGIN")
        self.buffers = {t: [] for t in TABLES}
        self.updates = []

    @staticmethod
    def ts(instant):
        # sqlx-sqlite: DateTime<Utc>::to_rfc3339_opts(SecondsFormat::AutoSi, false)
        return instant.strftime("%Y-%m-%dT%H:%M:%S+00:00") if instant else None

    @staticmethod
    def day(d):
        return d.isoformat()

    @staticmethod
    def boolean(b):
        return 1 if b else 0

    def query(self, sql):
        return [tuple(r) for r in self.db.execute(sql).fetchall()]

    def add(self, table, row):
        buf = self.buffers[table]
        buf.append(row)
        if len(buf) >= 50_000:
            self.flush(table)

    def flush(self, table):
        cols = COLUMNS[table]
        sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
        self.db.executemany(sql, self.buffers[table])
        self.buffers[table] = []

    def update(self, sql):
        self.updates.append(sql)

    def finish(self):
        for table in TABLES:
            self.flush(table)
        for sql in self.updates:
            self.db.execute(sql)
        problems = self.db.execute("PRAGMA foreign_key_check").fetchmany(5)
        if problems:
            self.db.execute("ROLLBACK")
            sys.exit(f"foreign key violations, nothing written: {problems}")
        self.db.execute("COMMIT")
        # No ANALYZE: the server never runs it, so its planner works without statistics.
        self.db.close()


class PostgresTarget:
    """Spools CSV per table, then loads everything with one `psql` transaction of COPYs."""

    kind = "postgres"

    def __init__(self, url):
        self.url = url
        self.dir = tempfile.mkdtemp(prefix="relais-indicators-")
        self.files = {t: open(os.path.join(self.dir, f"{t}.csv"), "w", newline="", encoding="utf-8")
                      for t in TABLES}
        self.writers = {t: csv.writer(f, lineterminator="\n") for t, f in self.files.items()}
        self.updates = []

    @staticmethod
    def ts(instant):
        return instant.strftime("%Y-%m-%d %H:%M:%S+00") if instant else None

    @staticmethod
    def day(d):
        return d.isoformat()

    @staticmethod
    def boolean(b):
        return "t" if b else "f"

    def psql(self, *args, stdin=None, capture=True):
        cmd = ["psql", self.url, "-X", "-q", "-v", "ON_ERROR_STOP=1", *args]
        return subprocess.run(cmd, input=stdin, capture_output=capture, text=True, check=False)

    def query(self, sql):
        done = self.psql("-At", "-F", "\t", "-c", sql)
        if done.returncode != 0:
            sys.exit(f"psql failed: {done.stderr.strip()}")
        rows = []
        for line in done.stdout.splitlines():
            rows.append(tuple(None if v == "" else v for v in line.split("\t")))
        return rows

    def add(self, table, row):
        self.writers[table].writerow(row)

    def update(self, sql):
        self.updates.append(sql)

    def finish(self):
        for f in self.files.values():
            f.close()
        cmd = ["psql", self.url, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", "-"]
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
        out = proc.stdin
        try:
            out.write(b"BEGIN;\n")
            for table in TABLES:
                cols = ", ".join(COLUMNS[table])
                out.write(f"COPY {table} ({cols}) FROM STDIN (FORMAT csv);\n".encode())
                with open(os.path.join(self.dir, f"{table}.csv"), "rb") as f:
                    while chunk := f.read(1 << 20):
                        out.write(chunk)
                out.write(b"\\.\n")
            for sql in self.updates:
                out.write(sql.encode() + b";\n")
            for table in TABLES:
                if "id" in COLUMNS[table]:
                    out.write(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                              f"(SELECT max(id) FROM {table}));\n".encode())
            # What autovacuum would have done in production: ANALYZE soon after
            # such a load, and the space of the old row versions reclaimed.
            # The updates above rewrite every enrolment twice in one go, which
            # ten real years spread out, each reclaimed as it happened; left
            # (this machine's PostgreSQL runs without autovacuum), they make
            # `enrolments` 93 MB instead of 13 and every read of it 3 times
            # slower. VACUUM FULL gives the table its steady size.
            out.write(b"COMMIT;\nVACUUM FULL ANALYZE;\n")
            out.close()
        except BrokenPipeError:
            pass
        err = proc.stderr.read().decode()
        code = proc.wait()
        for table in TABLES:
            os.unlink(os.path.join(self.dir, f"{table}.csv"))
        os.rmdir(self.dir)
        if code != 0:
            sys.exit(f"psql load failed ({code}): {err.strip()[:2000]}")


# --------------------------------------------------------------------------- generation

class Generator:
    def __init__(self, target, seed=2026, years=10, today=None, learners=40_000,
                 structures=400, enrolments=100_000, marks=1_000_000, answers=200_000):
        self.t = target
        self.rng = random.Random(seed)
        self.now = (today or dt.datetime.now(UTC)).replace(microsecond=0)
        self.today = self.now.astimezone(PARIS).date()
        self.years = list(range(self.today.year - years + 1, self.today.year + 1))
        self.n_learners = learners
        self.n_structures = structures
        self.n_enrolments = enrolments
        self.n_marks = marks
        self.n_answers = answers
        self.counts = {t: 0 for t in TABLES}

    # ---- reading what the demo left

    def read_context(self):
        q = self.t.query
        (already,), = q("SELECT COUNT(*) FROM users WHERE email LIKE 'bench-learner-%'")
        if int(already):
            sys.exit("this database already holds the benchmark's data (bench-learner-* accounts)")
        self.next_id = {}
        for table in TABLES:
            if "id" in COLUMNS[table]:
                (m,), = q(f"SELECT COALESCE(MAX(id), 0) FROM {table}")
                self.next_id[table] = int(m) + 1
        self.modules = [(int(i), title) for i, title in
                        q("SELECT id, title FROM modules ORDER BY position, id")]
        if len(self.modules) < 3:
            sys.exit("the demo's modules are missing: start the server with --demo first")
        self.modules = self.modules[:3]
        self.trainers = [int(i) for (i,) in q("SELECT id FROM users WHERE role = 'trainer' ORDER BY id")]
        coordinators = [int(i) for (i,) in q("SELECT id FROM users WHERE role = 'coordinator' ORDER BY id")]
        if not self.trainers or not coordinators:
            sys.exit("the demo's trainer and coordinator accounts are missing")
        self.coordinator = coordinators[0]
        self.existing_structures = [(int(i), s) for i, s in q("SELECT id, sector FROM structures ORDER BY id")]
        self.structure_names = {n for (n,) in q("SELECT name FROM structures")}
        true = "1" if self.t.kind == "sqlite" else "true"
        forms = q(f'SELECT id, module_id, kind FROM questionnaires WHERE "current" = {true}')
        items = q("SELECT i.id, i.questionnaire_id, i.item_type, i.objective_id, i.is_crisis_item "
                  "FROM questionnaire_items i ORDER BY i.questionnaire_id, i.position")
        by_form = {}
        for iid, qid, itype, obj, crisis in items:
            by_form.setdefault(int(qid), []).append(
                (int(iid), itype, obj is not None, crisis in (1, "1", "t", True)))
        self.forms = {}  # (module_id, kind) -> (questionnaire_id, items)
        for qid, mid, kind in forms:
            self.forms[(int(mid), kind)] = (int(qid), by_form.get(int(qid), []))
        missing = [(m, k) for m, _ in self.modules for _, k in PHASES if (m, k) not in self.forms]
        if missing:
            print(f"warning: no current questionnaire for {missing}: those responses are skipped")
        self.existing_plans = {(int(y), int(m)) for y, m in q("SELECT year, module_id FROM programme_plans")}
        self.read_learning(q, true)

    def read_learning(self, q, true):
        """Each module's published quiz (questions, points, choices) and lessons."""
        choices = {}
        for cid, qid in q("SELECT id, question_id FROM choices ORDER BY question_id, position"):
            choices.setdefault(int(qid), []).append(int(cid))
        questions = {}
        for qid, quiz, kind, points in q("SELECT id, quiz_id, kind, points FROM questions ORDER BY quiz_id, position"):
            questions.setdefault(int(quiz), []).append((int(qid), kind, int(points), choices.get(int(qid), [])))
        self.quiz = {}
        for quiz, module, pass_mark in q(f"SELECT id, module_id, pass_mark_percent FROM quizzes "
                                         f"WHERE published = {true} AND archived_at IS NULL ORDER BY id"):
            if int(module) not in self.quiz and questions.get(int(quiz)):
                self.quiz[int(module)] = (int(quiz), int(pass_mark), questions[int(quiz)])
        self.lessons = {}
        for lid, module in q(f"SELECT id, module_id FROM lessons WHERE published = {true} ORDER BY position"):
            self.lessons.setdefault(int(module), []).append(int(lid))
        self.read_lessons = set()
        self.attempts_made = {}  # (user, quiz) -> attempts so far (numbers are unique per pair)

    def new_id(self, table):
        i = self.next_id[table]
        self.next_id[table] = i + 1
        return i

    def add(self, table, row):
        self.t.add(table, row)
        self.counts[table] += 1

    # ---- structures and the learners' pool

    def make_structures(self):
        ts, boolean = self.t.ts, self.t.boolean
        self.all_structures = list(self.existing_structures)
        created = dt.datetime(self.years[0], 1, 2, 9, tzinfo=UTC)
        made = 0
        n = 0
        while made < self.n_structures:
            sector = SECTORS[n % len(SECTORS)]
            kind = STRUCTURE_KINDS[sector][(n // len(SECTORS)) % len(STRUCTURE_KINDS[sector])]
            city = CITIES[(n * 7) % len(CITIES)]
            name = f"{kind} de {city}"
            k = 2
            while name in self.structure_names:
                name = f"{kind} de {city} ({k})"
                k += 1
            n += 1
            self.structure_names.add(name)
            sid = self.new_id("structures")
            at = created + dt.timedelta(days=self.rng.randrange(0, 365 * len(self.years) - 30))
            reviewed = self.rng.random() > 0.03
            self.add("structures", (sid, name, sector, city, boolean(reviewed), ts(at)))
            self.all_structures.append((sid, sector))
            made += 1

    # ---- the programme: which sessions, when, how full

    def schedule(self):
        """Decides every session (year, module, first day, mode, capacity, status, counts)."""
        rng = self.rng
        n = len(self.years)
        # The programme grows over the years (weights 0.7 .. 1.3).
        weights = [0.7 + 0.6 * i / max(n - 1, 1) for i in range(n)]
        share = [0.5, 0.25, 0.25]
        sessions = []
        for yi, year in enumerate(self.years):
            budget = self.n_enrolments * weights[yi] / sum(weights)
            per_module = [budget * s for s in share]
            for m in range(3):
                spent = 0
                while spent < per_module[m]:
                    month = rng.choice(SESSION_MONTHS)
                    day = dt.date(year, month, rng.randrange(1, 27 if month == 12 else 29))
                    while day.weekday() >= 5:
                        day += dt.timedelta(days=1)
                    covid = year == 2020 and 3 <= month <= 5
                    mode = rng.choices(MODES, weights=[60, 25, 15] if not covid else [5, 90, 5])[0]
                    capacity = 16 if mode == "distanciel" else rng.choice([18, 20, 22, 24])
                    if day > self.today:
                        status = PLANNED
                    elif covid and rng.random() < 0.4:
                        status = CANCELLED
                    else:
                        status = CANCELLED if rng.random() < 0.035 else HELD
                    confirmed = capacity - rng.randrange(0, 6)
                    full = confirmed == capacity
                    waiting = rng.randrange(1, 5) if full and rng.random() < 0.6 else 0
                    withdrawn = rng.choices([0, 1, 2, 3], weights=[50, 25, 15, 10])[0]
                    if status == PLANNED:  # open: not full yet, the earliest ones fuller
                        confirmed = max(2, confirmed - rng.randrange(0, 8))
                        waiting = waiting if confirmed == capacity else 0
                    sessions.append(dict(year=year, module=m, first=day, mode=mode,
                                         capacity=capacity, status=status, confirmed=confirmed,
                                         waiting=waiting, withdrawn=withdrawn))
                    spent += confirmed + waiting + withdrawn
        sessions.sort(key=lambda s: s["first"])
        # Half-days per session so that confirmed × half-days of held sessions ≈ marks wanted.
        held_confirmed = sum(s["confirmed"] for s in sessions if s["status"] == HELD)
        ratio = self.n_marks / max(held_confirmed, 1)
        factor = [1.0, 0.8, 1.2]  # relative length of the three modules
        for s in sessions:
            s["halfdays"] = max(2, round(ratio * factor[s["module"]] * rng.uniform(0.85, 1.15)))
        self.sessions = sessions

    def slots_of(self, s):
        """Consecutive working days from the first, both half-days each (last may be a morning)."""
        out = []
        day = s["first"]
        while len(out) < s["halfdays"]:
            if day.weekday() < 5:
                out.append((day, MORNING))
                if len(out) < s["halfdays"]:
                    out.append((day, AFTERNOON))
            day += dt.timedelta(days=1)
        return out

    # ---- learners: cohorts by year, most people train the year they arrive

    def plan_learners(self):
        n = len(self.years)
        per_year = [0] * n
        for s in self.sessions:
            per_year[self.years.index(s["year"])] += s["confirmed"] + s["waiting"] + s["withdrawn"]
        total = sum(per_year)
        bounds, start = [], 0
        for yi in range(n):
            size = round(self.n_learners * per_year[yi] / total) if yi < n - 1 else self.n_learners - start
            bounds.append((start, start + size))
            start += size
        self.cohorts = bounds
        self.first_seen = [None] * self.n_learners

    def pick_people(self, year, count):
        rng = self.rng
        yi = self.years.index(year)
        lo, hi = self.cohorts[yi]
        if hi - lo < 2 * count:  # a tiny cohort: anybody
            lo, hi = 0, self.n_learners
        chosen = set()
        while len(chosen) < count:
            if yi > 0 and rng.random() < 0.2:  # someone from an earlier year comes back
                plo, phi = self.cohorts[rng.randrange(0, yi)]
                if phi > plo:
                    chosen.add(rng.randrange(plo, phi))
                    continue
            if hi > lo:
                chosen.add(rng.randrange(lo, hi))
        return list(chosen)

    # ---- everything per session

    def make_sessions(self):
        ts, day_fmt, boolean, rng = self.t.ts, self.t.day, self.t.boolean, self.rng
        planned = {}
        self.learner_base = self.next_id["users"]
        # Share of attendees who take part in the questionnaires, to reach the answers wanted.
        per_attendee = self.expected_answers_per_attendee()
        attendees = sum(s["confirmed"] for s in self.sessions if s["status"] == HELD) * 0.97
        self.answer_rate = min(1.0, self.n_answers / max(attendees * per_attendee, 1))
        for index, s in enumerate(self.sessions):
            module_id, module_title = self.modules[s["module"]]
            planned[(s["year"], module_id)] = planned.get((s["year"], module_id), 0) + 1
            sid = self.new_id("training_sessions")
            slots = self.slots_of(s)
            first_start = local_to_utc(slots[0][0], HOURS[slots[0][1]][0])
            last_end = local_to_utc(slots[-1][0], HOURS[slots[-1][1]][1])
            mode = s["mode"]
            place = PLACES[index % len(PLACES)]
            has_place, has_visio = mode != "distanciel", mode != "presentiel"
            title = f"{module_title} — {MONTHS_FR[s['first'].month - 1]} {s['first'].year}"
            cancel_reason = None
            if s["status"] == CANCELLED:
                cancel_reason = COVID_REASON if s["year"] == 2020 and s["first"].month in (3, 4, 5) \
                    else rng.choice(CANCEL_REASONS)
            created_at = min(self.now - dt.timedelta(days=45),
                             local_to_utc(s["first"] - dt.timedelta(days=60), (9, 0)))
            deadline = local_to_utc(s["first"] - dt.timedelta(days=3), (17, 0))
            updated_at = min(self.now, last_end + dt.timedelta(days=2))
            self.add("training_sessions", (
                sid, module_id, title, mode, place[0] if has_place else None,
                place[1] if has_place else None,
                f"https://visio.bench.relais.invalid/clsm-metz-{sid}" if has_visio else None,
                s["capacity"], s["status"], cancel_reason, s["year"], ts(deadline),
                rng.choice([100, 100, 100, 75]), boolean(False), boolean(False),
                self.coordinator, ts(created_at), ts(updated_at)))

            lead = self.trainers[(index + s["module"]) % len(self.trainers)]
            self.add("session_trainers", (sid, lead))
            second = self.trainers[(index + s["module"] + 1) % len(self.trainers)]
            if s["module"] > 0 and second != lead:
                self.add("session_trainers", (sid, second))

            slot_rows = []
            for day, half in slots:
                slot_id = self.new_id("session_slots")
                start = local_to_utc(day, HOURS[half][0])
                end = local_to_utc(day, HOURS[half][1])
                signed = s["status"] == HELD and end < self.now
                confirmed_at = end + dt.timedelta(minutes=10) if signed else None
                self.add("session_slots", (slot_id, sid, day_fmt(day), half, ts(start), ts(end),
                                           ts(confirmed_at), lead if signed else None))
                slot_rows.append((slot_id, start, end, signed))

            self.enrol(s, sid, slot_rows, lead, first_start, last_end, module_id)
        for (year, module_id), count in planned.items():
            extra = count + (1 if self.rng.random() < 0.3 else 0)
            if (year, module_id) in self.existing_plans:
                self.t.update(f"UPDATE programme_plans SET planned_sessions = planned_sessions + {extra} "
                              f"WHERE year = {year} AND module_id = {module_id}")
            else:
                self.add("programme_plans", (self.new_id("programme_plans"), year, module_id, extra))

    def enrol(self, s, sid, slots, lead, first_start, last_end, module_id):
        ts, rng = self.t.ts, self.rng
        people = self.pick_people(s["year"], s["confirmed"] + s["waiting"] + s["withdrawn"])
        cancelled_session = s["status"] == CANCELLED
        remote = s["mode"] == "distanciel"
        for i, person in enumerate(people):
            eid = self.new_id("enrolments")
            user_id = self.learner_base + person
            enrolled_at = first_start - dt.timedelta(days=rng.randrange(8, 75), minutes=rng.randrange(0, 600))
            if enrolled_at > self.now:  # an open session: people enrolled over the last weeks
                enrolled_at = self.now - dt.timedelta(days=rng.randrange(0, 30), minutes=rng.randrange(1, 600))
            if self.first_seen[person] is None or enrolled_at < self.first_seen[person]:
                self.first_seen[person] = enrolled_at
            if i < s["confirmed"]:
                status = WITHDRAWN if cancelled_session else CONFIRMED
            elif i < s["confirmed"] + s["waiting"]:
                status = WITHDRAWN if cancelled_session else WAITING
            else:
                status = WITHDRAWN
            confirmed_at = enrolled_at if i < s["confirmed"] else None
            cancelled_at = None
            if status == WITHDRAWN:
                span = max(1, int((first_start - enrolled_at).total_seconds() // 3600) - 2)
                cancelled_at = min(self.now, enrolled_at + dt.timedelta(hours=rng.randrange(1, span + 1)))
            self.add("enrolments", (eid, sid, user_id, status, ts(enrolled_at), ts(confirmed_at),
                                    ts(cancelled_at)))
            self.convocation(eid, person, s, enrolled_at)
            if status != CONFIRMED or s["status"] != HELD:
                continue
            no_show = rng.random() < 0.03
            attended = 0
            for slot_id, start, end, signed in slots:
                if not signed:
                    continue
                roll = 99 if no_show else rng.randrange(100)
                if roll < 84:
                    mark = PRESENT
                elif roll < 91:
                    mark = LATE
                elif roll < 96:
                    mark = EXCUSED
                else:
                    mark = ABSENT
                note = None
                if mark == EXCUSED:
                    method, at, by = APOLOGY, start - dt.timedelta(days=1), user_id
                elif mark in (PRESENT, LATE) and remote:
                    method, at, by = CODE, start + dt.timedelta(minutes=25 if mark == LATE else 3), user_id
                else:
                    method, at, by = ROLL_CALL, start + dt.timedelta(minutes=15), lead
                if rng.random() < 0.01:
                    method, at, by = CORRECTION, end + dt.timedelta(hours=2), lead
                    note = "Correction après vérification de la feuille d’émargement."
                if mark in (PRESENT, LATE):
                    attended += 1
                self.add("attendance_marks", (self.new_id("attendance_marks"), slot_id, eid, mark,
                                              method, ts(at), by, note))
            if attended and rng.random() < self.answer_rate:
                self.respond(eid, module_id, first_start, last_end)
            if attended:
                self.learn(user_id, module_id, first_start, last_end)

    # ---- what learners leave behind, and the e-mails they receive

    def convocation(self, eid, person, s, enrolled_at):
        ts = self.t.ts
        title = f"{self.modules[s['module']][1]} — {MONTHS_FR[s['first'].month - 1]} {s['first'].year}"
        when = f"le {s['first'].day} {MONTHS_FR[s['first'].month - 1]} {s['first'].year}"
        text = (f"Bonjour,\n\nVotre inscription à la session « {title} » est enregistrée. "
                f"Elle commence {when} à 9 h.\n\nLe CLSM de Metz")
        html = f"<p>Bonjour,</p><p>Votre inscription à la session « {title} » est enregistrée. " \
               f"Elle commence {when} à 9 h.</p><p>Le CLSM de Metz</p>"
        sent = min(self.now, enrolled_at + dt.timedelta(minutes=1))
        self.add("email_outbox", (
            self.new_id("email_outbox"), f"bench-convocation-{eid}", "convocation", learner_email(person),
            f"Convocation : {title}", text, html, "sent", 1, ts(enrolled_at), None, None,
            ts(enrolled_at), ts(sent)))

    def learn(self, user_id, module_id, first_start, last_end):
        """Lessons read before the course; the quiz taken after it (a second try when failed)."""
        ts, rng = self.t.ts, self.rng
        for lesson in self.lessons.get(module_id, []):
            if (user_id, lesson) not in self.read_lessons and rng.random() < 0.6:
                self.read_lessons.add((user_id, lesson))
                at = first_start - dt.timedelta(days=rng.randrange(1, 10), minutes=rng.randrange(0, 600))
                self.add("lesson_progress", (user_id, lesson, ts(min(at, self.now))))
        if module_id not in self.quiz or rng.random() >= 0.6:
            return
        quiz, pass_mark, questions = self.quiz[module_id]
        started = last_end + dt.timedelta(minutes=rng.randrange(5, 2000))
        skill = rng.uniform(0.4, 0.98)
        for _ in (1, 2):
            if started > self.now:
                return
            number = self.attempts_made.get((user_id, quiz), 0) + 1
            self.attempts_made[(user_id, quiz)] = number
            aid = self.new_id("quiz_attempts")
            layout = {"questions": [{"question_id": qid, "choices": cs,
                                     "options": cs if kind == "matching" else []}
                                    for qid, kind, _, cs in questions]}
            score, most = 0, 0
            for qid, kind, points, _ in questions:
                earned = points if rng.random() < skill else 0
                score, most = score + earned, most + points
                self.add("attempt_answers", (self.new_id("attempt_answers"), aid, qid,
                                             json.dumps({"choices": []}), float(earned),
                                             ts(started + dt.timedelta(minutes=3))))
            passed = most > 0 and score * 100 >= pass_mark * most
            self.add("quiz_attempts", (aid, quiz, user_id, number, json.dumps(layout), ts(started), None,
                                       ts(started + dt.timedelta(minutes=12)), float(score), float(most),
                                       self.t.boolean(passed)))
            if passed or rng.random() < 0.5:
                return
            started += dt.timedelta(days=rng.randrange(1, 20))
            skill = min(0.99, skill + 0.2)

    # ---- questionnaires

    def expected_answers_per_attendee(self):
        total = 0.0
        for phase, kind in PHASES:
            forms = [self.forms[(m, kind)][1] for m, _ in self.modules if (m, kind) in self.forms]
            if not forms:
                continue
            items = sum(len(f) for f in forms) / len(forms)
            texts = sum(sum(1 for it in f if it[1] == "free_text") for f in forms) / len(forms)
            expected = items - texts + texts * (0.25 if phase == "chaud" else 0.375)
            total += PHASE_SHARE[phase] / 100 * expected
        return total

    def respond(self, eid, module_id, first_start, last_end):
        ts, rng = self.t.ts, self.rng
        before_level = {}
        used = rng.random() < 0.75
        for phase, kind in PHASES:
            if rng.randrange(100) >= PHASE_SHARE[phase]:
                continue
            form = self.forms.get((module_id, kind))
            if not form:
                continue
            if phase == "avant":
                at = first_start - dt.timedelta(days=2, minutes=rng.randrange(0, 2000))
            elif phase == "froid":
                at = last_end + dt.timedelta(days=COLD_OPENS_DAYS + rng.randrange(0, 40))
            else:
                at = last_end + dt.timedelta(minutes=rng.randrange(10, 3000))
            if at > self.now:
                continue
            qid, items = form
            rid = self.new_id("questionnaire_responses")
            self.add("questionnaire_responses", (rid, qid, eid, phase, ts(at)))
            for item_id, itype, tagged, crisis in items:
                value_int, value_text = None, None
                if phase in ("avant", "apres"):
                    before = before_level.setdefault(item_id, 1 + rng.randrange(2 if crisis else 3))
                    if phase == "avant":
                        value_int = before
                    else:
                        gain = 1 + rng.randrange(3) if crisis else rng.randrange(3)
                        value_int = min(5, before + gain)
                elif phase == "chaud":
                    if itype == "free_text":
                        if rng.random() < 0.25:
                            value_text = rng.choice(COMMENTS)
                    elif itype == "yes_no":
                        value_int = int(rng.random() >= 0.1)
                    elif tagged:
                        value_int = 3 + rng.randrange(3)
                    else:
                        value_int = 4 + rng.randrange(2)
                else:
                    if itype == "yes_no":
                        value_int = int(used)
                    elif itype == "free_text":
                        if used and rng.random() < 0.5:
                            value_text = rng.choice(EXAMPLES)
                    else:
                        value_int = 2 + rng.randrange(4)
                if itype == "likert" and value_int is not None:
                    value_int = max(1, min(5, value_int))
                if value_int is None and value_text is None:
                    continue
                self.add("questionnaire_answers", (self.new_id("questionnaire_answers"), rid,
                                                   item_id, value_int, value_text))

    # ---- the learners themselves (after the sessions: their creation date is known)

    def make_learners(self):
        ts, boolean, rng = self.t.ts, self.t.boolean, self.rng
        start = dt.datetime(self.years[0], 1, 1, 8, tzinfo=UTC)
        for person in range(self.n_learners):
            uid = self.new_id("users")
            assert uid == self.learner_base + person
            first = FIRST_NAMES[person % len(FIRST_NAMES)]
            last = LAST_NAMES[(person // len(FIRST_NAMES) + person) % len(LAST_NAMES)]
            structure = None if rng.random() < 0.05 else rng.choice(self.all_structures)
            sector = structure[1] if structure else rng.choice(SECTORS)
            seen = self.first_seen[person]
            created = (seen - dt.timedelta(minutes=rng.randrange(5, 600))) if seen else \
                start + dt.timedelta(days=rng.randrange(0, (self.now - start).days))
            self.add("users", (
                uid, learner_email(person), f"{first} {last}",
                "!bench-no-password", "learner", rng.choice(PROFESSIONS), sector,
                structure[0] if structure else None, boolean(True), ts(created), ts(created)))

    def snapshot_typology(self, first_enrolment):
        """Each enrolment keeps its learner's typology (sector, else the structure's; profession;
        structure), as the server does when a person enrols: run after every row is in."""
        self.t.update(
            "UPDATE enrolments SET "
            "snapshot_sector = (SELECT COALESCE(u.sector, st.sector) FROM users u "
            "LEFT JOIN structures st ON st.id = u.structure_id WHERE u.id = enrolments.user_id), "
            "snapshot_profession = (SELECT u.profession FROM users u WHERE u.id = enrolments.user_id), "
            "snapshot_structure_id = (SELECT u.structure_id FROM users u WHERE u.id = enrolments.user_id) "
            f"WHERE id >= {first_enrolment}")

    def run(self):
        self.read_context()
        self.make_structures()
        self.schedule()
        self.plan_learners()
        first_enrolment = self.next_id["enrolments"]
        self.make_sessions()
        self.make_learners()
        self.snapshot_typology(first_enrolment)
        self.t.finish()
        return self.counts


def generate(target, **options):
    """Generates into `target` (SqliteTarget or PostgresTarget); returns (counts, seconds)."""
    started = time.monotonic()
    counts = Generator(target, **options).run()
    return counts, time.monotonic() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--sqlite", metavar="PATH", help="SQLite database file")
    where.add_argument("--postgres", metavar="URL", help="postgres://user@host:port/db")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--learners", type=int, default=40_000)
    parser.add_argument("--structures", type=int, default=400)
    parser.add_argument("--enrolments", type=int, default=100_000)
    parser.add_argument("--marks", type=int, default=1_000_000)
    parser.add_argument("--answers", type=int, default=200_000)
    args = parser.parse_args()
    target = SqliteTarget(args.sqlite) if args.sqlite else PostgresTarget(args.postgres)
    counts, seconds = generate(target, seed=args.seed, years=args.years, learners=args.learners,
                               structures=args.structures, enrolments=args.enrolments,
                               marks=args.marks, answers=args.answers)
    report(counts, seconds, target.kind)


def report(counts, seconds, kind):
    for table in TABLES:
        print(f"  {table:<26} {counts[table]:>10,}")
    print(f"  {'total':<26} {sum(counts.values()):>10,}  rows in {seconds:.1f} s ({kind})")


if __name__ == "__main__":
    main()
