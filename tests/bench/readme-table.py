#!/usr/bin/env python3
"""readme-table.py [RESULTS [README]]: rewrite README.md's benchmark table
from what `make bench` measured ($BUILD/bench/results.tsv, written by
tests/bench.sh), between the lines <!-- bench: begin --> and <!-- bench:
end -->; nothing else in the file changes.  The table shows the largest
store measured, the screen, import per format and the writers.  `make
bench-readme` runs it.  Exits 1, README untouched, when the results or the
markers are missing."""
import os
import re
import sys

BEGIN = "<!-- bench: begin"
END = "<!-- bench: end -->"


def num(s):
    """'1234567' -> '1,234,567' (the README's English prose)."""
    return "{:,}".format(int(s))


def ms(s):
    """Milliseconds as read: 5.89 ms, 12.9 ms, 246 ms, 10.7 s."""
    if s in ("", "-"):
        return ""
    v = float(s)
    if v >= 1000:
        return "{:,.1f} s".format(v / 1000)
    return "%.*f ms" % (2 if v < 10 else 1 if v < 100 else 0, v)


def load(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 2:
                rows.append(fields)
    return rows


def table(rows):
    run = next((r for r in rows if r[1] == "run"), None)
    sizes = [r for r in rows if r[1] == "tasks"]
    if not run or not sizes:
        sys.exit("readme-table: no complete run of make bench in the results")
    cores, day, sqlite, rounds, slow = (run[2:7] + ["3"])[:5]
    n, units = sizes[-1][2:4]
    sec = "%s tasks" % n
    mine = [r for r in rows if r[0] == sec]
    out = []
    out.append("Measured on %s, %s cores, against %s; each row whole processes run in turn"
               " (`/bin/true`, theodoi, SQLite, ...), medians of %s rounds (%s for the whole-store"
               " listings and the reports); *floor* is `/bin/true` in the same rounds."
               % (day, cores, sqlite, rounds, slow))
    out.append("")
    out.append("| %s tasks, %s units | theodoi | in-process | SQLite | theodoi / SQLite | floor |"
               % (num(n), num(units)))
    out.append("|---|---|---|---|---|---|")
    for r in mine:
        if r[1] == "time":
            label, t, inproc, sq, floor = (r[2:7] + [""] * 5)[:5]
            ratio = "%.2f×" % (float(t) / float(sq)) if sq and float(sq) > 0 else ""
            out.append("| %s | %s | %s | %s | %s | %s |" % (label_md(label), ms(t), ms(inproc), ms(sq), ratio,
                                                         ms(floor)))
        elif r[1] == "text":
            out.append("| %s | %s | | | | |" % (r[2], r[3]))
    answers = [r for r in mine if r[1] == "answer"]
    if answers:
        out.append("")
        same = all(a[3] == a[4] for a in answers)
        out.append(("Both answer the same: " if same else
                    "**The two disagree** (the rows above compare different answers): ") + "; ".join(
            "`%s` %s (SQLite %s)" % (a[2], num(a[3]), num(a[4])) if a[3].isdigit() and a[4].isdigit()
            else "`%s` %s (SQLite %s)" % (a[2], a[3], a[4]) for a in answers) + ".")
    out.append("")
    out.append("| memory (MiB) | theodoi peak RSS | theodoi private | SQLite peak RSS | SQLite private |")
    out.append("|---|---|---|---|---|")
    for r in mine:
        if r[1] == "mem":
            out.append("| %s | %s | %s | %s | %s |" % (label_md(r[2]), r[3], r[4], r[5], r[6]))
    out.append("")
    out.append("| size | theodoi | SQLite | ratio |")
    out.append("|---|---|---|---|")
    for r in mine:
        if r[1] == "size":
            ratio = "%.2f×" % (float(r[3]) / float(r[4])) if float(r[4]) > 0 else ""
            out.append("| %s | %s | %s | %s |" % (r[2], r[3], r[4], ratio))
    for title, name, kind in (("screen, bytes per cursor move at 80×24 (demo store, under `script`)", "screen", "text"),
                              ("import per format (`import --dry-run`, whole process)", "import per format", "time"),
                              ("hierarchy", "hierarchy", "time"),
                              ("concurrent writers: durable updates committed per second",
                               "writers", "text")):
        part = [r for r in rows if r[0] == name and r[1] == kind]
        if not part:
            continue
        out.append("")
        out.append("| %s | |" % title)
        out.append("|---|---|")
        for r in part:
            value = r[3] if kind == "text" else ms(r[3])
            m = re.fullmatch(r"avg (\d+) max (\d+) \((\d+) moves\)", value)
            if m:
                value = "%s bytes on average, %s at most (%s moves)" % (num(m.group(1)), num(m.group(2)),
                                                                       m.group(3))
            out.append("| %s | %s |" % (r[2], value))
    return out


def label_md(label):
    """A row label as README shows it: the command in code, what it is
    (in parentheses) after: `overdue --count` (whole store)."""
    cmd, sep, rest = label.partition(" (")
    return "`%s`%s%s" % (cmd, " (" if sep else "", rest)


def main():
    results = sys.argv[1] if len(sys.argv) > 1 else "build/bench/results.tsv"
    readme = sys.argv[2] if len(sys.argv) > 2 else "README.md"
    try:
        rows = load(results)
    except OSError as e:
        sys.exit("readme-table: %s: %s (run make bench first)" % (results, e.strerror))
    try:
        with open(readme, encoding="utf-8") as f:
            text = f.read().split("\n")
    except OSError as e:
        sys.exit("readme-table: %s: %s" % (readme, e.strerror))
    try:
        a = next(i for i, l in enumerate(text) if l.startswith(BEGIN))
        b = next(i for i, l in enumerate(text) if l == END and i > a)
    except StopIteration:
        sys.exit("readme-table: %s: no lines %s ... --> and %s" % (readme, BEGIN, END))
    new = text[:a + 1] + table(rows) + text[b:]
    with open(readme + ".tmp", "w", encoding="utf-8") as f:
        f.write("\n".join(new))
    os.replace(readme + ".tmp", readme)


if __name__ == "__main__":
    main()
