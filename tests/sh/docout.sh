#!/bin/sh
# docout.sh — the documents the office sends: `report` and `remind` with
# --format docx|odt|pdf, on the demo store at a fixed day.  The .docx is
# read back with an independent reader (python3-docx), the .odt by its XML,
# both converted by LibreOffice headless to PDF and text; the figures are
# those of `summary`.  The LibreOffice parts are skipped, and say so, when
# soffice is not installed (make deps installs libreoffice-writer-nogui).
# DOCOUT_PICTURE=FILE.png also writes page 1 of the report (the picture of
# README.md).  Runs from the repository root.
set -u
BUILD=${BUILD:-build}
BIN=$BUILD/theodoi
PY=/usr/bin/python3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "docout: $*" >&2; exit 1; }

$PY -c 'import docx' 2>/dev/null || fail "python3-docx is missing (make deps installs it)"
# a fake MTA: keeps each message and its arguments; fails when $dir/mta-fails exists
mkdir "$dir/mbox"
cat >"$dir/sendmail" <<EOF
#!/bin/sh
if [ -e "$dir/mta-fails" ]; then echo "451 hàng đợi đầy" >&2; exit 75; fi
n=\$(ls "$dir/mbox" | wc -l)
echo "\$@" >"$dir/mbox/\$n.args"
cat >"$dir/mbox/\$n.eml"
EOF
chmod +x "$dir/sendmail"
cat >"$dir/theodoi.ini" <<EOF
[paths]
units = $(pwd)/conf/units.ini
[users]
$(id -un) = tu-vp, admin
[mail]
sendmail = $dir/sendmail
from = vanphong@tinhuy-sonha.example
EOF
T="$BIN --config $dir/theodoi.ini --store $dir/store --today 2026-11-23"
$T demo >/dev/null || fail "demo"
$T summary --format json >"$dir/summary.json" || fail "summary"

# ---- report --format docx ----
$T report --format docx --out "$dir/bc.docx" >"$dir/said" || fail "report docx: $(cat "$dir/said")"
grep -q "bc.docx" "$dir/said" || fail "report does not say what it wrote"
$PY - "$dir/bc.docx" "$dir/summary.json" <<'EOF' || fail "report.docx read back"
import json, sys, zipfile, docx
from docx.shared import Mm
path, summ = sys.argv[1], json.load(open(sys.argv[2]))["summary"]
d = docx.Document(path)
def check(cond, what):
    if not cond:
        sys.exit("report.docx: " + what)
sec = d.sections[0]
check(abs(sec.page_width - Mm(210)) < Mm(1) and abs(sec.page_height - Mm(297)) < Mm(1), "not A4")
check(sec.different_first_page_header_footer, "page 1 is numbered (no titlePg)")
hdr = sec.header._element.xml
check("PAGE" in hdr, "no PAGE field in the page header")
styles = zipfile.ZipFile(path).read("word/styles.xml").decode()
check('w:ascii="Times New Roman"' in styles, "default font is not Times New Roman")
left, right = d.tables[0].cell(0, 0), d.tables[0].cell(0, 1)
lines = [p.text for p in left.paragraphs]
check(lines[:3] == ["ĐẢNG BỘ TỈNH SƠN HÀ", "TỈNH ỦY", "*"], "header left: %r" % lines)
check(lines[3].startswith("Số ") and lines[3].endswith("-BC/TU"), "number: %r" % lines[3])
nat = right.paragraphs[0]
check(nat.text == "ĐẢNG CỘNG SẢN VIỆT NAM" and nat.runs[0].underline, "national line not underlined")
date = [p for p in right.paragraphs if p.text.startswith("Sơn Hà, ")]
check(date and date[0].text == "Sơn Hà, ngày 23 tháng 11 năm 2026", "place and date: %r" % [p.text for p in right.paragraphs])
check(date[0].runs[0].italic, "date not in italics")
paras = d.paragraphs
check(paras[0].text == "DỰ THẢO", "draft not marked")
kind = [p for p in paras if p.text == "BÁO CÁO"]
check(kind and kind[0].runs[0].bold and kind[0].alignment == 1, "kind not centred bold")
heads = [p.text for p in paras if p.style.name == "Heading 1"]
check(heads[:3] == ["I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN", "II. KẾT QUẢ THỰC HIỆN",
                    "III. NHIỆM VỤ QUÁ HẠN, CHƯA THỰC HIỆN"], "headings: %r" % heads)
check(any(p.style.name == "Heading 2" for p in paras), "no second-level heading")
numbered = [p for p in paras if p._p.pPr is not None and p._p.pPr.numPr is not None]
check(len(numbered) > 10, "numbered paragraphs: %d" % len(numbered))
# the figures, as summary gives them
fig = [t for t in d.tables if t.cell(0, 0).text == "Nội dung"]
check(fig, "no table of figures")
rows = {r.cells[0].text: r.cells[1].text for r in fig[0].rows}
def n(s): return int(s.replace(".", ""))
check(n(rows["Tổng số nhiệm vụ"]) == summ["total"], "total %s != %d" % (rows["Tổng số nhiệm vụ"], summ["total"]))
check(n(rows["Đã đến hạn"]) == summ["due"], "due differs")
check(n(rows["Chưa đến hạn"]) == summ["not_due"], "not_due differs")
check(n(rows["+ Quá hạn"]) == summ["due_overdue"], "overdue differs: %r" % rows)
for t in d.tables[1:-1]:
    trpr = t.rows[0]._tr.trPr
    check(trpr is not None and trpr.find('{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader') is not None,
          "table %r: header row not repeated" % t.cell(0, 1).text)
sign = d.tables[-1]
recv = [p.text for p in sign.cell(0, 0).paragraphs]
check(recv[0] == "Nơi nhận:" and recv[-1] == "- Lưu Văn phòng Tỉnh ủy.", "Nơi nhận: %r" % recv)
check(recv[1:4] == ["- Ban Bí thư (để báo cáo),", "- Văn phòng Trung ương Đảng,",
                    "- Các đồng chí Tỉnh ủy viên,"], "recipients of units.ini: %r" % recv)
check(sign.cell(0, 1).paragraphs[0].text == "T/M BAN THƯỜNG VỤ", "signature authority")
check(sign.cell(0, 1).paragraphs[-1].text == "Lê Văn Hòa", "signer of units.ini")
EOF

# ---- report --format odt ----
$T report --format odt --unit hkl --out "$dir/bc.odt" >/dev/null || fail "report odt"
$PY - "$dir/bc.odt" <<'EOF' || fail "report.odt read back"
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
first = z.infolist()[0]
if first.filename != "mimetype" or first.compress_type != zipfile.ZIP_STORED:
    sys.exit("mimetype is not the first, stored member")
if z.read("mimetype") != b"application/vnd.oasis.opendocument.text":
    sys.exit("wrong mimetype")
c = z.read("content.xml").decode()
s = z.read("styles.xml").decode()
for want in ("ĐẢNG BỘ HUYỆN KIM LÂM", "HUYỆN ỦY", "-BC/HU", "ĐẢNG CỘNG SẢN VIỆT NAM",
             "<table:table-header-rows>", 'text:outline-level="1"', "Nơi nhận:",
             "- Tỉnh ủy Sơn Hà (để báo cáo),", "Lưu Văn phòng Huyện ủy Kim Lâm."):
    if want not in c:
        sys.exit("content.xml lacks %r" % want)
for want in ("Times New Roman", "First_20_Page", "<text:page-number", 'fo:page-width="21cm"'):
    if want not in s:
        sys.exit("styles.xml lacks %r" % want)
EOF

# ---- remind --format docx: from the right office, never to itself ----
$T remind --format docx --out "$dir/dd" >"$dir/said" || fail "remind docx"
[ -f "$dir/dd/tu-btg.docx" ] || fail "no letter to tu-btg: $(cat "$dir/said")"
# every letter: from the Văn phòng of the committee above its unit (the
# committee itself for its own Văn phòng), never from the unit itself
$PY - "$dir/dd" conf/units.ini <<'EOF' || fail "letters read back"
import sys, os, glob, configparser, docx
ini = configparser.ConfigParser(interpolation=None, comment_prefixes=(";", "#"), inline_comment_prefixes=None)
ini.read(sys.argv[2], encoding="utf-8")
committees = {"tinh_uy", "thanh_uy", "huyen_uy", "dang_uy_khoi", "dang_uy_co_so"}
def issuer_line(code):
    name, kind = ini[code]["name"], ini[code]["kind"]
    if kind in committees:
        words = name.split()
        k = [w.lower() for w in words].index("ủy")
        return " ".join(words[:k + 1]).upper()
    return name.upper()
def sender(code):
    up = ini[code].get("parent", "")
    while up and ini[up]["kind"] not in committees and ini[up].get("parent"):
        up = ini[up]["parent"]
    vp = [c for c in ini.sections() if ini[c].get("parent") == up and ini[c]["name"].startswith("Văn phòng")]
    office = vp[0] if vp else up
    return up if office == code else office
n = 0
for f in sorted(glob.glob(sys.argv[1] + "/*.docx")):
    code = os.path.basename(f)[:-5]
    d = docx.Document(f)
    left = [p.text for p in d.tables[0].cell(0, 0).paragraphs]
    left = [""] * (4 - len(left)) + left  # the root has no superior line
    to = [p.text for p in d.paragraphs if p.text.startswith("Kính gửi:")]
    if to != ["Kính gửi: " + ini[code]["name"]]:
        sys.exit("%s addressed %r" % (code, to))
    want = issuer_line(sender(code))
    if left[1] != want or left[1] == issuer_line(code):
        sys.exit("%s: letter from %r, not %r" % (code, left[1], want))
    if "V/v đôn đốc thực hiện nhiệm vụ" not in [p.text for p in d.paragraphs]:
        sys.exit("%s: no trích yếu" % code)
    n += 1
if n < 5:
    sys.exit("only %d letters" % n)
d = docx.Document(sys.argv[1] + "/tu-btg.docx")
if "Kết quả thực hiện đề nghị báo cáo về Văn phòng Tỉnh ủy trước ngày 30/11/2026." not in [p.text for p in d.paragraphs]:
    sys.exit("tu-btg: what is asked by when is missing")
if not d.tables[0].cell(0, 0).paragraphs[3].text.endswith("-CV/VPTU"):
    sys.exit("tu-btg number: %r" % d.tables[0].cell(0, 0).paragraphs[3].text)
EOF

# the text letters too: from the office that follows the unit, asking by when
$T remind --unit tu-btg --reply-days 3 | tail -1 | grep -q "báo cáo về Văn phòng Tỉnh ủy trước ngày 26/11/2026.$" ||
	fail "text letter: no reply date: $($T remind --unit tu-btg --reply-days 3 | tail -2)"
[ "$($T remind --unit tu-vp | head -1)" = "TỈNH ỦY SƠN HÀ" ] || fail "text letter to Văn phòng Tỉnh ủy: $($T remind --unit tu-vp | head -2)"
hkl=$(ls "$dir/dd" | grep '^hkl-' | grep -v '^hkl-vp' | head -1)
if [ -n "$hkl" ]; then
	$T remind --unit "${hkl%.docx}" | head -2 | tr '\n' '|' | grep -q "^VĂN PHÒNG HUYỆN ỦY KIM LÂM|Kim Lâm, ngày 23 tháng 11 năm 2026|" ||
		fail "text letter to ${hkl%.docx}: $($T remind --unit "${hkl%.docx}" | head -2)"
fi
$T remind --unit tu-btg --format json | grep -q '"from_code": "tu-vp"' || fail "json letters lack their sender"

# ---- delivery: one MIME message per recipient, through sendmail ----
$T remind --unit tu --mail --out "$dir/mail" >"$dir/said" 2>&1 && fail "units without an address went unnoticed"
grep -q "chưa gửi: Ban Nội chính Tỉnh ủy chưa có địa chỉ thư" "$dir/said" || fail "no list of units without address: $(cat "$dir/said")"
grep -q "đã gửi tới bantuyengiao@tinhuy-sonha.example" "$dir/said" || fail "not sent: $(cat "$dir/said")"
$PY - "$dir" conf/units.ini <<'EOF2' || fail "mailed letters read back"
import sys, os, glob, io, email, email.policy, configparser, docx
d = sys.argv[1]
ini = configparser.ConfigParser(interpolation=None, comment_prefixes=(";", "#"), inline_comment_prefixes=None)
ini.read(sys.argv[2], encoding="utf-8")
said = open(d + "/said").read()
msgs = {}
for f in sorted(glob.glob(d + "/mbox/*.eml")):
    m = email.message_from_bytes(open(f, "rb").read(), policy=email.policy.default)
    args = open(f[:-4] + ".args").read().split()
    if args[:2] != ["-oi", "--"] or args[2] != str(m["To"]):
        sys.exit("sendmail called with %r for %s" % (args, m["To"]))
    msgs[str(m["To"])] = m
letters = [os.path.basename(f)[:-5] for f in glob.glob(d + "/mail/*.docx")]
for code in letters:
    name, addr = ini[code]["name"], ini[code].get("email")
    if not addr:
        if "chưa gửi: %s chưa có địa chỉ thư" % name not in said:
            sys.exit("%s without address not listed" % code)
        continue
    m = msgs.pop(addr, None)
    if not m:
        sys.exit("no message to %s" % addr)
    if str(m["From"]) != "vanphong@tinhuy-sonha.example":
        sys.exit("From: %s" % m["From"])
    if not str(m["Subject"]).startswith("Dự thảo công văn đôn đốc thực hiện nhiệm vụ — "):
        sys.exit("Subject: %s" % m["Subject"])
    body = m.get_body(("plain",)).get_content()
    if "ĐÔN ĐỐC THỰC HIỆN NHIỆM VỤ" not in body or "Kính gửi: " + name not in body:
        sys.exit("plain-text body: %r" % body[:200])
    att = [p for p in m.iter_attachments()]
    if len(att) != 1 or att[0].get_filename() != code + ".docx":
        sys.exit("attachments: %r" % [p.get_filename() for p in att])
    doc = docx.Document(io.BytesIO(att[0].get_content()))
    if not any(p.text == "Kính gửi: " + name for p in doc.paragraphs):
        sys.exit("the letter attached for %s is not its own" % code)
if msgs:
    sys.exit("messages to units with no letter: %r" % list(msgs))
EOF2
$T log --format json | grep -q '"mail:bantuyengiao@tinhuy-sonha.example"' || fail "sending not recorded"
# report --mail to a unit, and to an address
$T report --format docx --out "$dir/m1.docx" --mail tu >"$dir/said" || fail "report --mail: $(cat "$dir/said")"
grep -q "Đã gửi tới thuongtruc@tinhuy-sonha.example" "$dir/said" || fail "report --mail unit: $(cat "$dir/said")"
# a failing MTA: reported, non-zero, recorded as failed, never as sent
touch "$dir/mta-fails"
before=$(ls "$dir/mbox" | wc -l)
$T report --format docx --out "$dir/m2.docx" --mail a@tinhuy-sonha.example >/dev/null 2>"$dir/err" && fail "a failing MTA went unnoticed"
grep -q "mã thoát 75" "$dir/err" || fail "MTA failure not said: $(cat "$dir/err")"
$T log --format json >"$dir/log.json"
$PY - "$dir/log.json" <<'EOF2' || fail "failed sending recorded as sent"
import sys, json
log = json.load(open(sys.argv[1]))
rows = log if isinstance(log, list) else log.get("entries", [])
for r in rows:
    if r.get("object") == "mail:a@tinhuy-sonha.example":
        after = r.get("after")
        after = json.loads(after) if isinstance(after, str) else after
        if after["status"] == "sent" or "75" not in after["status"]:
            sys.exit("recorded %r" % after)
        break
else:
    sys.exit("the failed sending is not recorded")
EOF2
rm "$dir/mta-fails"
[ "$(ls "$dir/mbox" | wc -l)" = "$before" ] || fail "a message was kept by a failing MTA"
$T report --format docx --out "$dir/m3.docx" --mail 'x@y.vn -oQ/tmp' >/dev/null 2>&1 && fail "a bad address accepted"
[ ! -e "$dir/m3.docx" ] || fail "written before the address was checked"
$T report --format docx --out "$dir/m3.docx" --mail tu-bnc >/dev/null 2>"$dir/err" && fail "mailed a unit without address"
grep -q "email" "$dir/err" || fail "no hint at the email key: $(cat "$dir/err")"

# ---- HTML: one self-contained page, figures of summary, texts escaped ----
printf 'Đánh giá <script>alert(1)</script> & "trích dẫn"\n' >"$dir/xss.txt"
$T report-text --unit hkl --period 2026 --section kien-nghi --file "$dir/xss.txt" >/dev/null || fail "hkl kien-nghi"
$T report --unit hkl --format html >"$dir/hkl.html" || fail "report --format html"
$T report --format html --out "$dir/bc.html" >/dev/null || fail "report --format html --out"
$PY - "$dir/bc.html" "$dir/hkl.html" "$dir/summary.json" <<'EOF2' || fail "html read back"
import sys, json, re
from html.parser import HTMLParser
page, hkl, summ = open(sys.argv[1]).read(), open(sys.argv[2]).read(), json.load(open(sys.argv[3]))["summary"]
class P(HTMLParser):
    def __init__(self):
        super().__init__(); self.rows = {}; self.key = None; self.cells = []; self.tags = []; self.ext = []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs); self.tags.append(tag)
        for k in ("src", "href"):
            if k in a: self.ext.append((tag, a[k]))
        if tag in ("link", "script", "img", "iframe", "object"): self.ext.append((tag, a))
        if tag == "tr" and "data-key" in a: self.key, self.cells = a["data-key"], []
        if tag == "td" and self.key: self.cells.append("")
    def handle_data(self, d):
        if self.key and self.cells: self.cells[-1] += d
    def handle_endtag(self, tag):
        if tag == "tr" and self.key: self.rows[self.key] = self.cells; self.key = None
p = P(); p.feed(page)
if p.ext: sys.exit("external resources: %r" % p.ext)
if "url(" in page or "@import" in page: sys.exit("the style loads something")
if 'name="viewport"' not in page or "@media print" not in page: sys.exit("no viewport or print style")
for k in ("total", "due", "due_overdue", "not_due", "no_date"):
    if int(p.rows[k][1].replace(".", "")) != summ[k]:
        sys.exit("%s: %r != %d" % (k, p.rows[k], summ[k]))
if page.count('class="bar"') < 5: sys.exit("no bars per unit")
for want in ("ĐẢNG BỘ TỈNH SƠN HÀ", "report-text --unit tu --period 2026 --section danh-gia"):
    if want not in page:
        sys.exit("missing %r" % want)
if "<script>" in hkl or "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;trích dẫn&quot;" not in hkl:
    sys.exit("a text is not escaped")
EOF2
# ---- HTML in a browser: headless Chromium draws it (PNG) and prints it (PDF) ----
chrome=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -n "$chrome" ]; then
	# its own profile in $dir: nothing written to $HOME
	C="$chrome --headless --no-sandbox --disable-gpu --user-data-dir=$dir/chrome"
	$C --screenshot="$dir/bc.png" --window-size=412,900 "file://$dir/bc.html" >"$dir/chrome.log" 2>&1 ||
		fail "Chromium cannot render the page: $(tail -3 "$dir/chrome.log")"
	$C --print-to-pdf="$dir/html.pdf" "file://$dir/bc.html" >"$dir/chrome.log" 2>&1 ||
		fail "Chromium cannot print the page: $(tail -3 "$dir/chrome.log")"
	# the picture: a PNG of the window's size, drawn (not one colour)
	$PY - "$dir/bc.png" <<'EOF3' || fail "the PNG Chromium drew is not the page"
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
if data[:8] != b"\x89PNG\r\n\x1a\n": sys.exit("not a PNG")
pos, idat, ihdr = 8, b"", None
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR": ihdr = struct.unpack(">IIBBBBB", body)
    if kind == b"IDAT": idat += body
    pos += 12 + n
w, h, depth, ctype = ihdr[:4]
if (w, h) != (412, 900): sys.exit("size %dx%d, not the window's 412x900" % (w, h))
if depth != 8 or ctype not in (2, 6): sys.exit("unexpected PNG colour type %d/%d" % (depth, ctype))
bpp = 3 if ctype == 2 else 4
raw, stride, prev, colours = zlib.decompress(idat), w * bpp, bytearray(w * bpp), set()
for y in range(h):
    f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b, c = prev[i], prev[i - bpp] if i >= bpp else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    prev = line
    for x in range(0, stride, bpp * 7): colours.add(bytes(line[x:x + 3]))
if len(colours) < 2: sys.exit("a blank picture (one colour)")
dark = sum(1 for c in colours if max(c) < 128)
if not dark: sys.exit("no text drawn (no dark pixel)")
EOF3
	# the printed page: the header and the figures of summary, as text
	pdftotext "$dir/html.pdf" "$dir/html.txt" || fail "pdftotext cannot read the printed page"
	$PY - "$dir/html.txt" "$dir/summary.json" <<'EOF3' || fail "the printed page lacks what the report says"
import json, sys
text = " ".join(open(sys.argv[1]).read().split())
s = json.load(open(sys.argv[2]))["summary"]
for want in ("ĐẢNG CỘNG SẢN VIỆT NAM", "BÁO CÁO", "Tổng số %d nhiệm vụ" % s["total"],
             "đã đến hạn %d nhiệm vụ" % s["due"], "chưa đến hạn %d nhiệm vụ" % s["not_due"],
             "tỷ lệ hoàn thành đạt %s%%" % ("%.1f" % s["completion_rate"]).replace(".", ",")):
    if want not in text: sys.exit("missing %r" % want)
EOF3
else
	echo "docout: skip rendering the HTML page in Chromium: not installed (make deps, or apt-get install chromium)"
fi

# ---- bad input: clear message, non-zero, nothing written ----
$T report --format docx >/dev/null 2>"$dir/err" && fail "docx without --out accepted"
grep -q -- "--out" "$dir/err" || fail "no message about --out: $(cat "$dir/err")"
$T report --format rtf --out "$dir/x" >/dev/null 2>&1 && fail "unknown format accepted"
$T report --from khong-co --format docx --out "$dir/x.docx" >/dev/null 2>&1 && fail "unknown --from accepted"
echo keep >"$dir/victim"
ln -s "$dir/victim" "$dir/link.docx"
$T report --format docx --out "$dir/link.docx" >/dev/null 2>"$dir/err" && fail "wrote through a symbolic link"
grep -q "link.docx" "$dir/err" || fail "symlink refusal does not name the file: $(cat "$dir/err")"
[ "$(cat "$dir/victim")" = keep ] || fail "the link's target was changed"
$T report --format docx --out "$dir/no/such/dir/bc.docx" >/dev/null 2>&1 && fail "wrote into a missing directory"
THEODOI_SOFFICE=/nonexistent $T report --format pdf --out "$dir/no.pdf" >/dev/null 2>"$dir/err" &&
	fail "pdf without LibreOffice succeeded"
grep -q "libreoffice-writer-nogui" "$dir/err" || fail "no install hint: $(cat "$dir/err")"
[ ! -e "$dir/no.pdf" ] || fail "a pdf was left without LibreOffice"
ls "$dir" | grep -q '\.docx\.' && fail "a temporary file was left: $(ls "$dir")"

# ---- the clerk's prose: report-text, kept per unit and period ----
$T report --format docx --out "$dir/r0.docx" --issue >/dev/null 2>"$dir/err" && fail "issued without the assessment"
grep -q "report-text --unit tu --period 2026 --section danh-gia" "$dir/err" || fail "no hint: $(cat "$dir/err")"
printf 'Các cấp ủy đã quán triệt nghiêm túc.\nHoàn thành phần lớn nhiệm vụ.\n' >"$dir/dg.txt"
$T report-text --unit tu --period 2026 --section danh-gia --file "$dir/dg.txt" >/dev/null || fail "report-text --file"
cat >"$dir/ed.sh" <<'EOF2'
#!/bin/sh
printf 'Một số nhiệm vụ chậm tiến độ.\n' >"$1"
EOF2
chmod +x "$dir/ed.sh"
EDITOR="$dir/ed.sh" $T report-text --unit tu --period 2026 --section han-che >/dev/null || fail "report-text with EDITOR"
echo "Tập trung hoàn thành các nhiệm vụ quá hạn." >"$dir/ph.txt"
$T report-text --unit tu --period 2026 --section phuong-huong --file "$dir/ph.txt" >/dev/null || fail "phuong-huong"
# bad input leaves the texts as they were
$T report-text --unit tu --period 2026 --section ket-luan --file "$dir/ph.txt" >/dev/null 2>&1 && fail "unknown section accepted"
$T report-text --unit tu --period 2026-Q5 --section kien-nghi --file "$dir/ph.txt" >/dev/null 2>&1 && fail "bad period accepted"
printf 'a\033[31mb\n' >"$dir/ctl.txt"
$T report-text --unit tu --period 2026 --section kien-nghi --file "$dir/ctl.txt" >/dev/null 2>"$dir/err" && fail "control characters accepted"
$T report-text --unit tu --period 2026 --section kien-nghi --show | grep -q "chưa có nội dung" || fail "a refused text was kept"
# a draft says how to write the missing part
$T report --format docx --out "$dir/d1.docx" >/dev/null || fail "draft with texts"
$PY - "$dir/d1.docx" <<'EOF2' || fail "texts in the report"
import sys, docx
d = docx.Document(sys.argv[1])
t = [p.text for p in d.paragraphs]
h = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
if h[3:] != ["IV. ĐÁNH GIÁ CHUNG", "V. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", "VI. KIẾN NGHỊ, ĐỀ XUẤT"]:
    sys.exit("headings %r" % h)
for want in ("Các cấp ủy đã quán triệt nghiêm túc.", "Hoàn thành phần lớn nhiệm vụ.",
             "Một số nhiệm vụ chậm tiến độ.", "Tập trung hoàn thành các nhiệm vụ quá hạn."):
    if want not in t:
        sys.exit("missing %r" % want)
if not any("report-text --unit tu --period 2026 --section kien-nghi" in x for x in t):
    sys.exit("no hint for the missing kiến nghị")
EOF2
$T report --format txt | grep -q "Các cấp ủy đã quán triệt nghiêm túc." || fail "txt report lacks the texts"
$T report --format md | grep -q "^## V. PHƯƠNG HƯỚNG" || fail "md report lacks part V"
echo "Đề nghị Trung ương sớm ban hành hướng dẫn." >"$dir/kn.txt"
$T report-text --unit tu --period 2026 --section kien-nghi --file "$dir/kn.txt" >/dev/null || fail "kien-nghi"
$T log --format json | grep -q '"text:tu:2026:han-che"' || fail "report-text not audited"
# the office above sees what its units wrote beside its own
echo "Huyện ủy đã ban hành kế hoạch kịp thời." >"$dir/hkl.txt"
$T report-text --unit hkl --period 2026 --section danh-gia --file "$dir/hkl.txt" >/dev/null || fail "hkl text"
$T report-text --unit tu --period 2026 --section danh-gia --show >"$dir/show"
head -1 "$dir/show" | grep -q "Các cấp ủy đã quán triệt" || fail "own text first: $(cat "$dir/show")"
grep -A1 "^— Huyện ủy Kim Lâm:" "$dir/show" | grep -q "ban hành kế hoạch kịp thời" || fail "units' texts not shown: $(cat "$dir/show")"
# and in the editor, under a line that is not kept
cat >"$dir/ed2.sh" <<EOF2
#!/bin/sh
cp "\$1" "$dir/seen.txt"
{ echo "Các cấp ủy đã quán triệt nghiêm túc, kịp thời."; sed -n '/^--------/,\$p' "\$1"; } >"\$1.new" && mv "\$1.new" "\$1"
EOF2
chmod +x "$dir/ed2.sh"
EDITOR="$dir/ed2.sh" $T report-text --unit tu --period 2026 --section danh-gia >/dev/null || fail "edit with units' texts"
grep -q "^Các cấp ủy đã quán triệt nghiêm túc.$" "$dir/seen.txt" || fail "the editor did not get the current text"
grep -q "Huyện ủy đã ban hành kế hoạch kịp thời." "$dir/seen.txt" || fail "the editor did not show the units' texts"
$T report-text --unit tu --period 2026 --section danh-gia --show >"$dir/show"
[ "$(head -1 "$dir/show")" = "Các cấp ủy đã quán triệt nghiêm túc, kịp thời." ] || fail "edited text: $(cat "$dir/show")"
[ "$(grep -c "Huyện ủy đã ban hành" "$dir/show")" = 1 ] || fail "the units' texts were kept as the office's own"
grep -q -- "--------" "$dir/show" && fail "the mark line was kept"
# another period keeps its own texts; a multi-year period
$T report-text --unit tu --period 2023-2025 --section danh-gia --show | grep -q "chưa có nội dung" || fail "texts leak across periods"
$T report --period 2023-2025 --format docx --out "$dir/sk.docx" >/dev/null || fail "multi-year report"
$PY -c 'import sys, docx; d = docx.Document(sys.argv[1]); sys.exit(0 if any("giai đoạn 2023 - 2025" in p.text for p in d.paragraphs) else "no period")' "$dir/sk.docx" || fail "2023-2025 not stated"

# ---- issuing: the register numbers from 01, no gap, drafts unnumbered ----
$T register | grep -q "chưa có văn bản nào" || fail "drafts took numbers: $($T register)"
$T report --format docx --out "$dir/r1.docx" --issue >"$dir/said" || fail "issue: $(cat "$dir/said")"
grep -q "số 01-BC/TU" "$dir/said" || fail "first number: $(cat "$dir/said")"
# a failed issue (a link where the file goes) takes no number
$T report --format docx --out "$dir/link.docx" --issue >/dev/null 2>&1 && fail "issued through a link"
# no signer configured (Ban Tổ chức): refused, the register as it was
$T report --from tu-btc --format docx --out "$dir/btc.docx" --issue >/dev/null 2>"$dir/err" &&
	fail "issued without a signer"
grep -q "signer" "$dir/err" || fail "no signer: no hint at the key: $(cat "$dir/err")"
[ ! -e "$dir/btc.docx" ] || fail "a file was written without a signer"
# two clerks at once
$T report --format docx --out "$dir/r2.docx" --issue >"$dir/a" 2>&1 &
p1=$!
$T report --format odt --out "$dir/r3.odt" --issue >"$dir/b" 2>&1 &
p2=$!
wait $p1 || fail "concurrent issue 1: $(cat "$dir/a")"
wait $p2 || fail "concurrent issue 2: $(cat "$dir/b")"
cat "$dir/a" "$dir/b" | grep -o 'số 0[0-9]-BC/TU' | sort >"$dir/nums"
printf 'số 02-BC/TU\nsố 03-BC/TU\n' | cmp -s - "$dir/nums" || fail "concurrent numbers: $(cat "$dir/nums")"
$T register --format json >"$dir/reg.json" || fail "register"
$PY - "$dir" <<'EOF2' || fail "register read back"
import sys, json, hashlib, docx
d = sys.argv[1]
reg = json.load(open(d + "/reg.json"))
nums = [r["number"] for r in reg]
if nums != ["01-BC/TU", "02-BC/TU", "03-BC/TU"]:
    sys.exit("register holds %r" % nums)
for r in reg:
    if hashlib.sha256(open(r["file"], "rb").read()).hexdigest() != r["sha256"]:
        sys.exit("checksum of %s differs" % r["file"])
doc = docx.Document(d + "/r1.docx")
if doc.paragraphs[0].text == "DỰ THẢO":
    sys.exit("an issued document is marked as a draft")
if doc.tables[0].cell(0, 0).paragraphs[3].text != "Số 01-BC/TU":
    sys.exit("number in the header: %r" % doc.tables[0].cell(0, 0).paragraphs[3].text)
sign = [p.text for p in doc.tables[-1].cell(0, 1).paragraphs if p.text]
if sign != ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Lê Văn Hòa"]:
    sys.exit("signature %r" % sign)
recv = [p.text for p in doc.tables[-1].cell(0, 0).paragraphs]
if recv[1] != "- Ban Bí thư (để báo cáo)," or recv[-1] != "- Lưu Văn phòng Tỉnh ủy.":
    sys.exit("recipients from units.ini: %r" % recv)
EOF2
$T log --format json | grep -q '"out:01-BC/TU"' || fail "the issue is not in the audit log"
# the register and the texts travel with an export
$T export --out "$dir/x.json" >/dev/null || fail "export"
T2="$BIN --config $dir/theodoi.ini --store $dir/store2 --today 2026-11-23"
$T2 import-json "$dir/x.json" >/dev/null || fail "import-json"
$T2 register --format json | cmp -s - "$dir/reg.json" || fail "the register did not travel with the export"
$T2 report-text --unit tu --period 2026 --section danh-gia --show | grep -q "quán triệt" || fail "texts lost in export"
$T2 report --format docx --out "$dir/r9.docx" --issue | grep -q "số 04-BC/TU" || fail "numbering does not go on after import"
# letters issued: numbered per sender in the CV register
# (all or nothing: Văn phòng Thành ủy has no signer, so no letter of the
# province is numbered either)
$T remind --unit tu --format docx --out "$dir/cv0" --issue >/dev/null 2>&1 && fail "issued without a signer"
[ -z "$(ls "$dir/cv0" 2>/dev/null)" ] || fail "letters written when one sender cannot sign"
$T remind --unit tu-btg --format docx --out "$dir/cv" --issue >"$dir/said" 2>&1 || fail "remind --issue: $(cat "$dir/said")"
$T remind --unit tu-vp --format docx --out "$dir/cv" --issue >>"$dir/said" 2>&1 || fail "remind --issue: $(cat "$dir/said")"
grep -q "số 01-CV/VPTU của Văn phòng Tỉnh ủy gửi Ban Tuyên giáo" "$dir/said" || fail "letters: $(cat "$dir/said")"
grep -q "số 01-CV/TU của Tỉnh ủy Sơn Hà gửi Văn phòng Tỉnh ủy" "$dir/said" || fail "letter to the office: $(cat "$dir/said")"
# --issue is for documents only
$T report --issue >/dev/null 2>&1 && fail "--issue without a document format accepted"

# the commands that write no document do not load the writer's libraries
ldd "$BIN" | grep -E 'libzip|libxml2' >/dev/null && fail "theodoi links libzip or libxml2"

# ---- LibreOffice: conversion to PDF and text ----
soffice=${THEODOI_SOFFICE_TEST:-/usr/bin/soffice}
if [ ! -x "$soffice" ]; then
	echo "docout: skip the LibreOffice checks: soffice not installed (apt-get install libreoffice-writer-nogui)"
	exit 0
fi
prof="-env:UserInstallation=file://$dir/lo"
(cd "$dir" && "$soffice" "$prof" --headless --convert-to txt:Text bc.docx >/dev/null 2>&1) || fail "LibreOffice cannot open bc.docx"
grep -q "ĐẢNG CỘNG SẢN VIỆT NAM" "$dir/bc.txt" || fail "bc.docx as text lacks the header"
grep -q "Tổng số $(sed -n 's/.*"total": \([0-9]*\),.*/\1/p' "$dir/summary.json" | head -1) nhiệm vụ" "$dir/bc.txt" ||
	fail "bc.docx as text lacks the total of summary"
(cd "$dir" && "$soffice" "$prof" --headless --convert-to pdf bc.odt >/dev/null 2>&1) || fail "LibreOffice cannot open bc.odt"
pdftotext -f 1 -l 1 "$dir/bc.pdf" "$dir/p1.txt" && pdftotext -f 2 -l 2 "$dir/bc.pdf" "$dir/p2.txt" ||
	fail "bc.odt as PDF has fewer than 2 pages"
grep -q "BÁO CÁO" "$dir/p1.txt" || fail "page 1 lacks the kind"
# DOCOUT_PICTURE=man/bao-cao-trang-1.png: page 1 as the README shows it
if [ -n "${DOCOUT_PICTURE:-}" ]; then
	pdftoppm -f 1 -l 1 -r 70 -png -singlefile "$dir/bc.pdf" "${DOCOUT_PICTURE%.png}" || fail "picture"
fi
# the page header is the first text of a page
[ "$(grep -v '^$' "$dir/p1.txt" | head -1)" != 1 ] || fail "page 1 carries a page number"
[ "$(grep -v '^$' "$dir/p2.txt" | head -1)" = 2 ] || fail "page 2 has no page number at the top"
# --format pdf goes through LibreOffice
$T report --format pdf --out "$dir/bc2.pdf" >/dev/null || fail "report --format pdf"
head -c 5 "$dir/bc2.pdf" | grep -q '%PDF-' || fail "not a PDF"
pdftotext "$dir/bc2.pdf" - | grep -q "ĐẢNG BỘ TỈNH SƠN HÀ" || fail "the PDF lacks the header"
exit 0
