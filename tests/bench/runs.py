#!/usr/bin/env python3
"""runs.py — whole-process timings for `make bench`.

    runs.py time ROUNDS CMD [-- CMD ...]
        Runs the commands in turn, A B C A B C ..., ROUNDS times after one
        warm-up round (counted as the first when a command took more than
        a second: a warm cache is noise to it), each with stdout to
        /dev/null, and prints a line per command: "MEDIAN_MS IN_MS", IN_MS being the median of the
        elapsed_us= a command printed on stderr (theodoi does with
        THEODOI_STATS set) or "-".  Interleaving spreads the machine's
        noise over every command alike; put /bin/true first for the floor.

A command that exits non-zero stops the run: its stderr is printed and the
exit status is 1.  Commands are run directly (no shell), so a name is
found on PATH."""
import os
import re
import statistics
import sys
import tempfile
import time

STATS = re.compile(rb"elapsed_us=(\d+)")
SLOW_MS = 1000


def commands(args):
    cmds, cur = [], []
    for a in args:
        if a == "--":
            cmds.append(cur)
            cur = []
        else:
            cur.append(a)
    cmds.append(cur)
    if any(not c for c in cmds):
        sys.exit("runs.py: empty command")
    return cmds


def spawn(cmd, errpath):
    actions = [
        (os.POSIX_SPAWN_OPEN, 0, "/dev/null", os.O_RDONLY, 0),
        (os.POSIX_SPAWN_OPEN, 1, "/dev/null", os.O_WRONLY, 0),
        (os.POSIX_SPAWN_OPEN, 2, errpath, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600),
    ]
    return os.posix_spawnp(cmd[0], cmd, os.environ, file_actions=actions)


def failed(cmd, status, errpath):
    with open(errpath, "rb") as f:
        sys.stderr.write(f.read().decode("utf-8", "replace"))
    sys.stderr.write("runs.py: failed (status %d): %s\n" % (os.waitstatus_to_exitcode(status), " ".join(cmd)))
    sys.exit(1)


def run_timed(cmd, errpath):
    t0 = time.perf_counter_ns()
    pid = spawn(cmd, errpath)
    _, status, _ = os.wait4(pid, 0)
    t1 = time.perf_counter_ns()
    if status != 0:
        failed(cmd, status, errpath)
    with open(errpath, "rb") as f:
        m = STATS.search(f.read())
    return (t1 - t0) / 1e6, (int(m.group(1)) / 1000.0 if m else None)


def main():
    if len(sys.argv) < 4 or sys.argv[1] != "time":
        sys.exit("usage: runs.py time ROUNDS CMD [-- CMD ...]")
    fd, errpath = tempfile.mkstemp(prefix="theodoi-bench-")
    os.close(fd)
    try:
        rounds = int(sys.argv[2])
        cmds = commands(sys.argv[3:])
        wall = [[] for _ in cmds]
        inproc = [[] for _ in cmds]
        measured, warming = 0, True  # the first round warms up (page cache, loader)
        while measured < rounds:
            for i, cmd in enumerate(cmds):
                w, p = run_timed(cmd, errpath)
                wall[i].append(w)
                if p is not None:
                    inproc[i].append(p)
            if warming and max(x[0] for x in wall) < SLOW_MS:
                wall = [[] for _ in cmds]
                inproc = [[] for _ in cmds]
            else:
                measured += 1  # a slow first round counts: a warm cache is noise to it
            warming = False
        for i in range(len(cmds)):
            p = "%.2f" % statistics.median(inproc[i]) if inproc[i] else "-"
            print("%.2f %s" % (statistics.median(wall[i]), p))
    finally:
        os.unlink(errpath)


if __name__ == "__main__":
    main()
