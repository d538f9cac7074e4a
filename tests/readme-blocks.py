#!/usr/bin/env python3
"""readme-blocks.py check|write [README]: the examples of README.md, made
by the program itself so that they cannot drift from it.

A block of the README between

    <!-- demo: CMD [| FILTER] [;; CMD [| FILTER] ...] -->
    <!-- /demo -->

holds what each CMD prints, as a console session ("$ theodoi CMD" then
its output), run on a demo store made at the demo day (DEMO_TODAY of the
Makefile, as `make run` makes it) with the configuration of conf/ (a login
it does not list takes root's place, an administrator of tu-vp), in the
offices' time zone (UTC+7).  The blocks run in the order of the file on
one store, so a write in one block (an update) is seen by the blocks after
it, as by a reader trying the examples in turn.  CMD is split like a shell
line (quotes group words).  FILTER keeps part of the output, "…" marking
what is left out:
    head N          the first N lines
    lines SPEC      lines by number, SPEC as 1-3,7,12- (1 is the first),
                    or by content: /REGEX/ the first line matching,
                    /REGEX/+K that line and the K after it

    mask /REGEX/    every match of REGEX as "…" (what differs from run
                    to run, such as a document's SHA-256)
The commands run in a scratch directory of their own: a file they write
(--out) is left there, and a file they read is one a block before put
there:

    <!-- demo-file: NAME -->
    ```text
    the file's lines
    ```
    <!-- /demo -->
is the file NAME with the lines between the fences, written as the README
shows it (the block is the README's, not made anew).

    <!-- demo-screen: COLSxROWS KEY... -->
    <!-- /demo -->
holds the screen of `theodoi` at that size after the tmux keys KEY...
(as tmux send-keys names them), drawn on the same store; a FILTER may
follow as for commands.  The status line names the login running the
screen: run by another login than root, the README's status line is kept
(it is root's).

`check` regenerates every block and exits 1 with a diff if the README
differs (make check runs it: tests/sh/readme.sh); `write` puts the fresh
blocks into the README (make readme).  Run from the repository root;
$BUILD (default build) holds the binary."""
import difflib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time


def demo_day():
    """The day of `make run`'s demo: DEMO_TODAY of the Makefile."""
    with open("Makefile", encoding="utf-8") as f:
        for line in f:
            m = re.match(r"DEMO_TODAY\s*=\s*(\S+)", line)
            if m:
                return m.group(1)
    sys.exit("readme-blocks: no DEMO_TODAY in the Makefile")


OPEN = re.compile(r"^( *)<!-- demo(-screen|-file)?: (.*) -->$")
CLOSE = "<!-- /demo -->"
STATUS_LOGIN = re.compile(r"^ \S+ ·")
STATUS_KEPT = "\0status line of the README kept\0"
ELLIPSIS = "…"


class Env:
    """The scratch configuration and store every block runs on."""

    def __init__(self, build):
        self.bin = os.path.abspath(os.path.join(build, "theodoi"))
        if not os.access(self.bin, os.X_OK):
            sys.exit("readme-blocks: no binary at %s (run make)" % self.bin)
        self.tmp = tempfile.mkdtemp(prefix="theodoi-readme.")
        conf = os.path.join(self.tmp, "conf")
        os.mkdir(conf)
        for f in ("theodoi.ini", "units.ini"):
            shutil.copy(os.path.join("conf", f), conf)
        self.conf = os.path.join(conf, "theodoi.ini")
        me = self.me = subprocess.run(["id", "-un"], capture_output=True, text=True).stdout.strip()
        with open(self.conf, encoding="utf-8") as f:
            ini = f.read()
        if not re.search(r"(?m)^\s*%s\s*=" % re.escape(me), ini):
            # In root's place (the demo picks the authors of its history
            # among the users of each unit: the same list, the same picks).
            ini, n = re.subn(r"(?m)^root(\s*=)", lambda m: me + m.group(1), ini, count=1)
            if not n:
                ini += "%s = tu-vp, admin\n" % me
            with open(self.conf, "w", encoding="utf-8") as f:
                f.write(ini)
        self.store = os.path.join(self.tmp, "store")
        self.work = os.path.join(self.tmp, "work")
        os.mkdir(self.work)
        self.day = demo_day()
        # Times are shown in the offices' zone, UTC+7 (POSIX form: no
        # time zone database needed).
        self.env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8", TZ="ICT-7")
        self.env.pop("THEODOI_TODAY", None)
        self.env.pop("THEODOI_CONFIG", None)
        self.env.pop("NO_COLOR", None)
        self.run(["demo"])

    def argv(self, args):
        return [self.bin, "--config", self.conf, "--store", self.store, "--today", self.day] + args

    def run(self, args):
        p = subprocess.run(self.argv(args), capture_output=True, text=True, env=self.env,
                           cwd=self.work)
        if p.returncode != 0 and not p.stdout:
            sys.exit("readme-blocks: theodoi %s: %s" % (" ".join(args), p.stderr.strip()))
        return p.stdout

    def close(self):
        shutil.rmtree(self.tmp, ignore_errors=True)


def keep(lines, spec):
    """Lines picked by SPEC, "…" for each gap.  SPEC is a comma-separated
    list of N, N-M, N- (line numbers from 1) and /REGEX/ or /REGEX/+K (the
    first line matching, and the K lines after it)."""
    want = set()
    for part in spec.split(","):
        part = part.strip()
        m = re.fullmatch(r"/(.*)/(?:\+(\d+))?", part)
        if m:
            hit = next((i for i, l in enumerate(lines, 1) if re.search(m.group(1), l)), None)
            if hit is None:
                sys.exit("readme-blocks: no line matches /%s/" % m.group(1))
            want.update(range(hit, hit + int(m.group(2) or 0) + 1))
            continue
        a, dash, b = part.partition("-")
        lo = int(a)
        hi = (int(b) if b else len(lines)) if dash else lo
        want.update(range(lo, hi + 1))
    out, skipped = [], False
    for i, line in enumerate(lines, 1):
        if i in want:
            if skipped:
                out.append(ELLIPSIS)
            out.append(line)
            skipped = False
        else:
            skipped = True
    if skipped:
        out.append(ELLIPSIS)
    return out


def apply_filter(lines, bar, filt):
    name, _, arg = filt.strip().partition(" ")
    if not bar:
        return lines
    if name == "head" and arg.strip().isdigit():
        return keep(lines, "1-%d" % int(arg))
    if name == "lines" and arg.strip():
        return keep(lines, arg)
    m = re.fullmatch(r"/(.*)/", arg.strip())
    if name == "mask" and m:
        return [re.sub(m.group(1), ELLIPSIS, l) for l in lines]
    sys.exit("readme-blocks: unknown filter '%s' (head N, lines SPEC, mask /REGEX/)" % filt)


def console(env, spec):
    out = []
    for step in spec.split(";;"):
        cmd, bar, filt = step.partition(" | ")
        cmd = cmd.strip()
        lines = apply_filter(env.run(shlex.split(cmd)).rstrip("\n").split("\n"), bar, filt)
        out.append("$ theodoi " + cmd)
        out.extend(l.rstrip() for l in lines)
    return ["```console"] + out + ["```"]


def screen(env, spec):
    """The screen after the keys, in a private tmux server."""
    spec, bar, filt = spec.partition(" | ")
    words = shlex.split(spec)
    cols, _, rows = words[0].partition("x")
    sock = "theodoi-readme-%d" % os.getpid()
    tmux = ["tmux", "-L", sock]
    cmd = " ".join(shlex.quote(a) for a in env.argv([])) + "; sleep 600"
    try:
        for attempt in range(3):
            p = subprocess.run(tmux + ["-f", "/dev/null", "new-session", "-d", "-s", "r", "-x", cols, "-y", rows,
                                       cmd], env=env.env, capture_output=True, text=True)
            if p.returncode == 0:
                break
            subprocess.run(tmux + ["kill-server"], capture_output=True)
            time.sleep(0.5)
        else:
            sys.exit("readme-blocks: tmux: %s" % p.stderr.strip())
        subprocess.run(tmux + ["set-option", "-t", "r", "status", "off"], capture_output=True)
        text = settle(tmux, "?:trợ giúp")
        for k in words[1:]:
            subprocess.run(tmux + ["send-keys", "-t", "r", k], check=True)
            time.sleep(0.3)
            text = settle(tmux, None)
    finally:
        subprocess.run(tmux + ["kill-server"], capture_output=True)
    lines = [l.rstrip() for l in text.rstrip("\n").split("\n")]
    if env.me != "root" and STATUS_LOGIN.match(lines[-1]):
        # The status line names the login (and its hints take the room
        # left): the README shows root's, which another login cannot make.
        lines[-1] = STATUS_KEPT
    return ["```"] + apply_filter(lines, bar, filt) + ["```"]


def settle(tmux, want):
    """The pane once it shows `want` (if given) and stops changing."""
    last, same, deadline = None, 0, time.time() + 10
    while time.time() < deadline:
        text = subprocess.run(tmux + ["capture-pane", "-p", "-t", "r"], capture_output=True,
                              text=True).stdout
        if (want is None or want in text) and text == last:
            same += 1
            if same >= 3:
                return text
        else:
            same = 0
        last = text
        time.sleep(0.1)
    sys.exit("readme-blocks: the screen did not settle%s" % (" on '%s'" % want if want else ""))


def put_file(env, name, block):
    """The file of a demo-file block: its lines between the fences."""
    name = name.strip()
    if "/" in name or name in ("", ".", ".."):
        sys.exit("readme-blocks: demo-file: '%s' is not a plain file name" % name)
    if len(block) < 2 or not block[0].startswith("```") or block[-1] != "```":
        sys.exit("readme-blocks: demo-file %s: the file's lines go between ``` fences" % name)
    with open(os.path.join(env.work, name), "w", encoding="utf-8") as f:
        f.write("\n".join(block[1:-1]) + "\n")


def regenerate(text, env):
    """The text with every block made anew (a block may be indented, in a
    list item: its lines keep the marker's indentation)."""
    lines = text.split("\n")
    out, i = [], 0
    while i < len(lines):
        m = OPEN.match(lines[i])
        out.append(lines[i])
        i += 1
        if not m:
            continue
        indent = m.group(1)
        j = i
        while j < len(lines) and lines[j] != indent + CLOSE and not OPEN.match(lines[j]):
            j += 1
        if j >= len(lines) or lines[j] != indent + CLOSE:
            sys.exit("readme-blocks: line %d: %s without %s" % (i, lines[i - 1].strip(), CLOSE))
        old = [l[len(indent):] for l in lines[i:j]]
        if m.group(2) == "-file":
            put_file(env, m.group(3), old)
            out.extend(lines[i:j])
            i = j
            continue
        block = screen(env, m.group(3)) if m.group(2) else console(env, m.group(3))
        if STATUS_KEPT in block:
            k = block.index(STATUS_KEPT)
            block[k] = old[k] if len(old) == len(block) else "(status line of %s)" % env.me
        out.extend(indent + l if l else l for l in block)
        i = j
    return "\n".join(out)


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ("check", "write"):
        sys.exit("usage: readme-blocks.py check|write [README]")
    path = sys.argv[2] if len(sys.argv) > 2 else "README.md"
    with open(path, encoding="utf-8") as f:
        text = f.read()
    env = Env(os.environ.get("BUILD", "build"))
    try:
        new = regenerate(text, env)
    finally:
        env.close()
    if sys.argv[1] == "write":
        if new != text:
            with open(path + ".tmp", "w", encoding="utf-8") as f:
                f.write(new)
            os.replace(path + ".tmp", path)
        return
    if new != text:
        sys.stdout.writelines(difflib.unified_diff(text.splitlines(True), new.splitlines(True),
                                                   path, path + " (as the program prints it)"))
        print("readme-blocks: %s differs from what the program prints: `make readme` rewrites it" % path)
        sys.exit(1)
    print("readme-blocks: %d blocks of %s as the program prints them" % (
        sum(1 for l in text.split("\n") if OPEN.match(l)), path))


if __name__ == "__main__":
    main()
