#!/usr/bin/env python3
"""wire-parts.py — what the bytes a screen sends are made of.

    wire-parts.py TYPESCRIPT OFFSETS_FILE ROWS [LABEL=FIRST-LAST ...]

TYPESCRIPT is what script(1) recorded; OFFSETS_FILE holds one byte offset
a line, the size of the typescript before the first key and after each
key (tests/tui/bench-wire-parts.sh writes both).  The bytes of each key
are split into escape sequences and text and summed by kind:

  move     cursor addressing (CUP, VPA, HPA, CUF/CUB/CUU/CUD, CR, LF, BS)
  attr     attribute and colour changes (SGR), character-set shifts
  erase    erase to end of line or screen, erase characters (EL, ED, ECH)
  scroll   scroll region, insert/delete lines or characters, index
  other    any other control sequence (cursor visibility, modes, ...)
  text     the characters themselves

and by screen row (the row the cursor is on when the byte is sent, or
goes to for a cursor move), the
rows grouped by the LABEL=FIRST-LAST ranges given (0-based, inclusive).
Prints the average bytes per key of each kind and of each group, then
the single largest key in the same form.
"""
import re
import sys
import unicodedata

CSI = re.compile(rb"\x1b\[([?>!]?)([0-9;:]*)([ -/]*)([@-~])")


def width(ch):
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


class Tally:
    def __init__(self):
        self.kind = {}
        self.row = {}
        self.total = 0

    def add(self, kind, row, n):
        self.kind[kind] = self.kind.get(kind, 0) + n
        self.row[row] = self.row.get(row, 0) + n
        self.total += n


def classify(data, tally, pos):
    """Split data into sequences and text, tracking the cursor (pos is
    [row, col], kept across keys)."""
    i = 0
    n = len(data)
    while i < n:
        b = data[i]
        row = pos[0]
        if b == 0x1B:
            m = CSI.match(data, i)
            if m:
                params, final = m.group(2), m.group(4)
                nums = [int(x) if x else 0 for x in params.split(b";")] if params else []
                kind = "other"
                if final in (b"H", b"f"):
                    kind = "move"
                    pos[0] = (nums[0] if nums and nums[0] else 1) - 1
                    pos[1] = (nums[1] if len(nums) > 1 and nums[1] else 1) - 1
                elif final == b"d":
                    kind = "move"
                    pos[0] = (nums[0] if nums and nums[0] else 1) - 1
                elif final in (b"G", b"`"):
                    kind = "move"
                    pos[1] = (nums[0] if nums and nums[0] else 1) - 1
                elif final in (b"A", b"B", b"C", b"D"):
                    kind = "move"
                    k = nums[0] if nums and nums[0] else 1
                    if final == b"A":
                        pos[0] -= k
                    elif final == b"B":
                        pos[0] += k
                    elif final == b"C":
                        pos[1] += k
                    else:
                        pos[1] -= k
                elif final == b"m":
                    kind = "attr"
                elif final in (b"K", b"J", b"X"):
                    kind = "erase"
                elif final in (b"r", b"L", b"M", b"P", b"@", b"S", b"T"):
                    kind = "scroll"
                # a cursor move counts for the row it goes to
                tally.add(kind, pos[0] if kind == "move" else row, m.end() - i)
                i = m.end()
                continue
            # ESC ( 0, ESC ( B, ESC M (reverse index), ESC 7/8, ...
            if i + 2 < n and data[i + 1] in b"()":
                tally.add("attr", row, 3)
                i += 3
                continue
            if i + 1 < n and data[i + 1] in b"MDE":
                tally.add("scroll", row, 2)
                i += 2
                continue
            tally.add("other", row, 2 if i + 1 < n else 1)
            i += 2
            continue
        if b == 0x0E or b == 0x0F:
            tally.add("attr", row, 1)
            i += 1
            continue
        if b == 0x0D:
            pos[1] = 0
            tally.add("move", row, 1)
            i += 1
            continue
        if b == 0x0A:
            pos[0] += 1
            tally.add("move", row, 1)
            i += 1
            continue
        if b == 0x08:
            pos[1] -= 1
            tally.add("move", row, 1)
            i += 1
            continue
        if b < 0x20 or b == 0x7F:
            tally.add("other", row, 1)
            i += 1
            continue
        # one UTF-8 character
        j = i + 1
        while j < n and 0x80 <= data[j] < 0xC0:
            j += 1
        ch = data[i:j].decode("utf-8", "replace")
        pos[1] += sum(width(c) for c in ch)
        tally.add("text", row, j - i)
        i = j


def group_of(groups, row):
    for label, lo, hi in groups:
        if lo <= row <= hi:
            return label
    return "row %d" % row


def show(title, tallies, groups, kinds):
    keys = len(tallies)
    total = sum(t.total for t in tallies)
    print("%s: %d bytes a key" % (title, total // max(keys, 1)))
    for k in kinds:
        v = sum(t.kind.get(k, 0) for t in tallies)
        if v:
            print("  %-8s %5d" % (k, v // keys))
    by = {}
    for t in tallies:
        for row, v in t.row.items():
            g = group_of(groups, row)
            by[g] = by.get(g, 0) + v
    for g in sorted(by, key=lambda x: -by[x]):
        print("  [%s] %d" % (g, by[g] // keys))


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    data = open(sys.argv[1], "rb").read()
    offs = [int(x) for x in open(sys.argv[2]).read().split()]
    groups = []
    for arg in sys.argv[4:]:
        label, span = arg.split("=", 1)
        lo, hi = span.split("-")
        groups.append((label, int(lo), int(hi)))
    kinds = ["move", "attr", "erase", "scroll", "other", "text"]
    tallies = []
    pos = [0, 0]
    # the cursor's place before the first key: replay what came before
    classify(data[: offs[0]], Tally(), pos)
    for a, b in zip(offs, offs[1:]):
        t = Tally()
        classify(data[a:b], t, pos)
        tallies.append(t)
    if not tallies:
        sys.exit("wire-parts: no keys in %s" % sys.argv[2])
    show("average", tallies, groups, kinds)
    worst = max(tallies, key=lambda t: t.total)
    show("largest", [worst], groups, kinds)


if __name__ == "__main__":
    main()
