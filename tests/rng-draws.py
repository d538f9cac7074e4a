#!/usr/bin/env python3
"""rng-draws.py — find random draws whose order C leaves to the compiler.

The generated stores (demo, gen) must be the same for one seed whatever the
compiler: every draw from the PRNG (rng.h) has to come at a place in the
sequence fixed by the language.  C does not fix the order in which it
evaluates the arguments of a call, nor the operands of most operators:
in f(rng_range(r, 0, 9), rng_range(r, 0, 9)) gcc may draw the second
argument first and clang the first.  This reads C files and reports every
call whose arguments hold draws in more than one argument, and every
expression whose unsequenced operands hold draws in more than one operand.

A draw is a call of rng_next, rng_range, rng_pct or RNG_PICK, or of a
function defined in the files read that makes one (found to a fixed
point).  Sequenced places are respected: the comma operator, && and ||, the
condition of ?: before one of its branches (only one branch runs), the
statements of a block, the declarators of a declaration, and a function's
body after its arguments.  It is a reader of this project's C, not of all C:
no preprocessing beyond dropping directive lines.

Usage: rng-draws.py FILE.c...   Prints FILE:LINE: what, one a line; exit
status 1 when it found any, 0 when none, 2 on a file it cannot read.
"""
import re
import sys

BASE = {"rng_next", "rng_range", "rng_pct", "RNG_PICK"}
NOT_CALLS = {"if", "while", "for", "switch", "return", "sizeof", "_Alignof",
             "_Generic", "do", "else", "case", "goto"}
TOKEN = re.compile(r"[A-Za-z_]\w*|\d[\w.]*|&&|\|\||->|\+\+|--|<<=|>>=|"
                   r"[-+*/%&|^!=<>]=|<<|>>|\S")
CLOSE = {"(": ")", "[": "]", "{": "}"}


class Group:
    """A bracketed group: its opening character, line and contents."""

    def __init__(self, kind, line):
        self.kind, self.line, self.items = kind, line, []


class Tok:
    def __init__(self, text, line):
        self.text, self.line = text, line


def blank(src):
    """The source with comments, string and character literals and
    preprocessor lines blanked out, newlines kept."""
    out, i, n = [], 0, len(src)
    at_line_start = True
    while i < n:
        c = src[i]
        if at_line_start and c == "#":
            while i < n and (src[i] != "\n" or src[i - 1] == "\\"):
                out.append("\n" if src[i] == "\n" else " ")
                i += 1
            continue
        if src.startswith("/*", i):
            j = src.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", src[i:j]))
            i = j
            continue
        if src.startswith("//", i):
            while i < n and src[i] != "\n":
                i += 1
            continue
        if c in "\"'":
            j = i + 1
            while j < n and src[j] != c:
                j += 2 if src[j] == "\\" else 1
            out.append(c + " " + c)
            i = j + 1
            continue
        if c == "\n":
            at_line_start = True
        elif not c.isspace():
            at_line_start = False
        out.append(c)
        i += 1
    return "".join(out)


def parse(path):
    with open(path, encoding="utf-8") as f:
        text = blank(f.read())
    root = Group("", 0)
    stack = [root]
    for lineno, line in enumerate(text.split("\n"), 1):
        for m in TOKEN.finditer(line):
            t = m.group(0)
            if t in CLOSE:
                g = Group(t, lineno)
                stack[-1].items.append(g)
                stack.append(g)
            elif t in (")", "]", "}"):
                if len(stack) > 1 and CLOSE[stack[-1].kind] == t:
                    stack.pop()
            else:
                stack[-1].items.append(Tok(t, lineno))
    return root


def is_ident(x, text=None):
    return isinstance(x, Tok) and re.match(r"[A-Za-z_]", x.text) and \
        (text is None or x.text == text)


def is_group(x, kind):
    return isinstance(x, Group) and x.kind == kind


def functions(root):
    """(name, body) of every function defined at the top level."""
    items = root.items
    for i in range(len(items) - 2):
        if is_ident(items[i]) and is_group(items[i + 1], "(") and is_group(items[i + 2], "{"):
            yield items[i].text, items[i + 2]


def callees(group, out):
    items = group.items
    for i, x in enumerate(items):
        if isinstance(x, Group):
            callees(x, out)
        elif is_ident(x) and x.text not in NOT_CALLS and i + 1 < len(items) and \
                is_group(items[i + 1], "("):
            out.add(x.text)
    return out


def split(items, seps):
    parts, cur = [], []
    for x in items:
        if isinstance(x, Tok) and x.text in seps:
            parts.append(cur)
            cur = []
        else:
            cur.append(x)
    parts.append(cur)
    return parts


def first_line(items, default):
    for x in items:
        return x.line
    return default


class Checker:
    def __init__(self, drawing):
        self.drawing = drawing
        self.found = []
        self.path = ""

    def report(self, line, what):
        self.found.append("%s:%d: %s" % (self.path, line, what))

    def expr(self, items):
        """Draws the expression may make; reports unsequenced pairs."""
        parts = split(items, {","})
        if len(parts) > 1:
            return sum(self.expr(p) for p in parts)
        q = next((i for i, x in enumerate(items) if isinstance(x, Tok) and x.text == "?"), None)
        if q is not None:
            depth, colon = 0, None
            for i in range(q + 1, len(items)):
                x = items[i]
                if isinstance(x, Tok) and x.text == "?":
                    depth += 1
                elif isinstance(x, Tok) and x.text == ":":
                    if depth == 0:
                        colon = i
                        break
                    depth -= 1
            if colon is not None:
                return self.expr(items[:q]) + max(self.expr(items[q + 1:colon]),
                                                  self.expr(items[colon + 1:]))
        parts = split(items, {"&&", "||"})
        if len(parts) > 1:
            return sum(self.expr(p) for p in parts)
        counts, i = [], 0
        while i < len(items):
            x = items[i]
            if is_ident(x) and i + 1 < len(items) and is_group(items[i + 1], "("):
                if x.text in ("sizeof", "_Alignof"):
                    i += 2
                    continue
                if x.text not in NOT_CALLS:
                    counts.append(self.call(x, items[i + 1]))
                    i += 2
                    continue
            if isinstance(x, Group) and not (i > 0 and is_ident(items[i - 1], "sizeof")):
                if x.kind == "{":
                    counts.append(self.list_of(x, "initializer list"))
                else:
                    counts.append(self.expr(x.items))
            i += 1
        if sum(1 for c in counts if c > 0) > 1:
            self.report(first_line(items, 0),
                        "random draws in operands of one expression, in no order C fixes")
        return sum(counts)

    def list_of(self, group, what):
        counts = [self.expr(a) for a in split(group.items, {","})]
        if sum(1 for c in counts if c > 0) > 1:
            self.report(group.line, "random draws in more than one element of an %s, in no "
                        "order C fixes" % what)
        return sum(counts)

    def call(self, name, args):
        counts = [self.expr(a) for a in split(args.items, {","})]
        if sum(1 for c in counts if c > 0) > 1:
            self.report(name.line, "random draws in more than one argument of %s(), in no "
                        "order C fixes" % name.text)
        return sum(counts) + (1 if name.text in self.drawing else 0)

    def statement(self, items):
        while items:
            head = items[0]
            if is_ident(head, "case") or is_ident(head, "default") or \
                    (is_ident(head) and len(items) > 1 and isinstance(items[1], Tok) and
                     items[1].text == ":" and head.text not in NOT_CALLS):
                colon = next((i for i, x in enumerate(items)
                              if isinstance(x, Tok) and x.text == ":"), len(items) - 1)
                items = items[colon + 1:]
            elif isinstance(head, Tok) and head.text in ("if", "while", "switch") and \
                    len(items) > 1 and is_group(items[1], "("):
                self.expr(items[1].items)
                items = items[2:]
            elif is_ident(head, "for") and len(items) > 1 and is_group(items[1], "("):
                for part in split(items[1].items, {";"}):
                    self.expr(part)
                items = items[2:]
            elif isinstance(head, Tok) and head.text in ("else", "do", "return"):
                items = items[1:]
            else:
                self.expr(items)
                return

    def block(self, group):
        cur = []
        for x in group.items:
            if isinstance(x, Tok) and x.text == ";":
                self.statement(cur)
                cur = []
            elif is_group(x, "{") and self.opens_block(cur):
                self.statement(cur)
                self.block(x)
                cur = []
            else:
                cur.append(x)
        self.statement(cur)

    @staticmethod
    def opens_block(cur):
        if not cur:
            return True
        last = cur[-1]
        if isinstance(last, Tok):
            return last.text in ("else", "do", ":")
        if is_group(last, "(") and len(cur) > 1:
            return is_ident(cur[-2]) and cur[-2].text in ("if", "while", "for", "switch")
        return False


def main(paths):
    trees = {}
    for p in paths:
        try:
            trees[p] = parse(p)
        except OSError as e:
            print("rng-draws: %s: %s" % (p, e.strerror), file=sys.stderr)
            return 2
    bodies = [(name, body) for t in trees.values() for name, body in functions(t)]
    drawing = set(BASE)
    grew = True
    while grew:
        grew = False
        for name, body in bodies:
            if name not in drawing and callees(body, set()) & drawing:
                drawing.add(name)
                grew = True
    checker = Checker(drawing)
    for p, t in trees.items():
        checker.path = p
        for _, body in functions(t):
            checker.block(body)
    for line in checker.found:
        print(line)
    return 1 if checker.found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
