#!/usr/bin/env python3
"""sqlite-load.py DB: load `theodoi export` (JSON on stdin) into a new
SQLite file DB with the schema of sqlite-schema.sql and the indexes of
sqlite-indexes.sql (beside this script), for `make bench` to ask both
programs the same questions.  Streams: export writes one record per line
under each section, so a million tasks never sit in memory at once.
Prints "units N tasks N updates N" on success; exits 1 with the line
number of a record it cannot read."""
import json
import os
import sqlite3
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
STATUS = {"not_started": 0, "in_progress": 1, "done": 2, "on_hold": 3}
CONFIRM = {"none": 0, "pending": 1, "confirmed": 2, "returned": 3}


def day(s):
    """'2026-11-23' -> 20261123; None stays None."""
    return int(s.replace("-", "")) if s else None


def status(s):
    return STATUS[s] if s in STATUS else None


def row_unit(r):
    return (r["id"], r["code"], r["name"], r.get("abbrevs"), r.get("kind"),
            r.get("parent") or None, int(bool(r.get("historical"))), r.get("successor") or None)


def row_doc(r):
    return (r["id"], r.get("kind"), r.get("number"), day(r.get("date")), r.get("title"),
            r.get("issuer") or None, r.get("issuer_text"), r.get("signer"), r.get("signer_role"),
            ",".join(r.get("implements") or []) or None, day(r.get("plan_due")), r.get("source"),
            r.get("created"))


def compact(v):
    return json.dumps(v, ensure_ascii=False, separators=(",", ":")) if v else None


def row_task(r):
    return (r["id"], r["doc_id"], r.get("section"), r.get("lead") or None, r.get("lead_text"),
            ",".join(str(p) for p in r.get("partners") or []) or None, r.get("partners_text"),
            r["text"], r.get("dl_phrase"), compact(r.get("deadline")), day(r.get("extended_to")),
            STATUS[r["status"]], r.get("progress", 0), CONFIRM.get(r.get("confirm"), 0),
            day(r.get("start")), day(r.get("last_update")), day(r.get("done_date")), day(r.get("due")),
            r.get("nupdates", 0), r.get("created"))


def row_update(r):
    return (r["id"], r["task_id"], r["time"], day(r["day"]), r["login"], r.get("note"),
            r.get("progress"), status(r.get("status_before")), status(r.get("status_after")),
            day(r.get("done_on")), r.get("period"), r.get("confirm_after"))


def row_extension(r):
    return (r["id"], r["task_id"], r.get("time"), r.get("login"), day(r.get("from")), day(r.get("to")),
            r.get("reason"), day(r.get("day")), r.get("state"), int(bool(r.get("late"))),
            r.get("decided_by") or None, r.get("decided"), r.get("decision"))


def row_indicator(r):
    return (r["id"], r.get("doc_id"), r.get("section"), r.get("text"), r.get("year"), r.get("min"),
            r.get("target"), r.get("unit_of"), r.get("lead") or None)


def row_measure(r):
    return (r["id"], r["indicator_id"], day(r.get("date")), r.get("value"), r.get("time"),
            r.get("login"), r.get("note"))


def row_audit(r):
    return (r["seq"], r["time"], r["login"], r.get("role"), r["action"], r.get("object"),
            r.get("before"), r.get("after"))


SECTIONS = {
    "units": ("units", 8, row_unit),
    "docs": ("docs", 13, row_doc),
    "tasks": ("tasks", 20, row_task),
    "updates": ("updates", 12, row_update),
    "extensions": ("extensions", 13, row_extension),
    "indicators": ("indicators", 9, row_indicator),
    "measures": ("measures", 7, row_measure),
    "audit": ("audit", 8, row_audit),
}


def unit_tree(db):
    """The ancestor table: each unit with itself and every unit above it."""
    parent = dict(db.execute("SELECT id, parent FROM units"))
    rows = []
    for u in parent:
        a, depth, seen = u, 0, set()
        while a and a not in seen:
            seen.add(a)
            rows.append((a, u, depth))
            a, depth = parent.get(a), depth + 1
    db.executemany("INSERT INTO unit_tree VALUES (?, ?, ?)", rows)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: sqlite-load.py DB < export.json")
    path = sys.argv[1]
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    with open(os.path.join(HERE, "sqlite-schema.sql"), encoding="utf-8") as f:
        db.executescript(f.read())
    db.execute("BEGIN")
    counts = {}
    section, batch, lineno = None, [], 0
    for lineno, line in enumerate(sys.stdin, 1):
        s = line.strip()
        if section is None:
            for name in SECTIONS:
                if s.startswith('"%s": [' % name):
                    section = name
                    if s.endswith("],") or s.endswith("]"):  # empty section
                        section = None
                    break
            continue
        if s.startswith("]"):
            flush(db, section, batch, counts)
            section, batch = None, []
            continue
        try:
            batch.append(SECTIONS[section][2](json.loads(s.rstrip(","))))
        except (ValueError, KeyError, TypeError) as ex:
            sys.exit("sqlite-load: stdin:%d: %s record not understood (%s)" % (lineno, section, ex))
        if len(batch) >= 10000:
            flush(db, section, batch, counts)
            batch = []
    if section is not None:
        sys.exit("sqlite-load: stdin:%d: export ends inside %s" % (lineno, section))
    if not counts.get("tasks"):
        sys.exit("sqlite-load: no tasks in the export")
    unit_tree(db)
    db.execute("COMMIT")
    with open(os.path.join(HERE, "sqlite-indexes.sql"), encoding="utf-8") as f:
        db.executescript(f.read())
    db.execute("VACUUM")
    # The questions run as a server would: write-ahead log, durable commits.
    db.execute("PRAGMA journal_mode = WAL")
    db.close()
    print("units %d tasks %d updates %d" % (counts.get("units", 0), counts.get("tasks", 0),
                                            counts.get("updates", 0)))


def flush(db, section, batch, counts):
    table, ncol, _ = SECTIONS[section]
    if batch:
        db.executemany("INSERT INTO %s VALUES (%s)" % (table, ", ".join("?" * ncol)), batch)
    counts[section] = counts.get(section, 0) + len(batch)


if __name__ == "__main__":
    main()
