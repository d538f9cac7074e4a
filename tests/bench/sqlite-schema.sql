-- The same records as a theodoi store, in SQLite, laid out as someone who
-- knows SQLite would for the questions `make bench` asks (tests/bench.sh):
-- integer keys, dates as integers YYYYMMDD (compact, ordered, readable),
-- statuses as small integers with the open ones first, partial indexes on
-- the open tasks by due day (whole store, and by lead unit), and the unit
-- tree precomputed as an ancestor table so a subtree is one index range.
-- Loaded from `theodoi export` by tests/bench/sqlite-load.py.
PRAGMA page_size = 4096;

CREATE TABLE units (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	abbrevs TEXT,
	kind TEXT,
	parent INTEGER,
	historical INTEGER NOT NULL,
	successor INTEGER
);
-- Every (ancestor, unit) pair, a unit being its own ancestor at depth 0.
CREATE TABLE unit_tree (
	ancestor INTEGER NOT NULL,
	unit INTEGER NOT NULL,
	depth INTEGER NOT NULL,
	PRIMARY KEY (ancestor, unit)
) WITHOUT ROWID;

-- 0 not_started and 1 in_progress are the open statuses.
CREATE TABLE statuses (
	code INTEGER PRIMARY KEY,
	key TEXT NOT NULL,
	label TEXT NOT NULL
);
INSERT INTO statuses VALUES (0, 'not_started', 'chưa thực hiện'), (1, 'in_progress', 'đang thực hiện'),
	(2, 'done', 'hoàn thành'), (3, 'on_hold', 'tạm dừng');

CREATE TABLE docs (
	id INTEGER PRIMARY KEY,
	kind TEXT,
	number TEXT,
	date INTEGER,
	title TEXT,
	issuer INTEGER,
	issuer_text TEXT,
	signer TEXT,
	signer_role TEXT,
	implements TEXT,
	plan_due INTEGER,
	source TEXT,
	created INTEGER
);

CREATE TABLE tasks (
	id INTEGER PRIMARY KEY,
	doc_id INTEGER NOT NULL,
	section TEXT,
	lead INTEGER,
	lead_text TEXT,
	partners TEXT,
	partners_text TEXT,
	text TEXT NOT NULL,
	dl_phrase TEXT,
	deadline TEXT,          -- the parsed deadline, as export's JSON
	extended_to INTEGER,
	status INTEGER NOT NULL,
	progress INTEGER NOT NULL,
	confirm INTEGER NOT NULL,
	start INTEGER,
	last_update INTEGER,
	done_date INTEGER,
	due INTEGER,            -- effective due day (after extensions), or NULL
	nupdates INTEGER NOT NULL,
	created INTEGER
);

CREATE TABLE updates (
	id INTEGER PRIMARY KEY,
	task_id INTEGER NOT NULL,
	time INTEGER NOT NULL,
	day INTEGER NOT NULL,
	login TEXT NOT NULL,
	note TEXT,
	progress INTEGER,
	status_before INTEGER,
	status_after INTEGER,
	done_on INTEGER,
	period TEXT,
	confirm_after TEXT
);

CREATE TABLE extensions (
	id INTEGER PRIMARY KEY,
	task_id INTEGER NOT NULL,
	time INTEGER,
	login TEXT,
	from_day INTEGER,
	to_day INTEGER,
	reason TEXT,
	day INTEGER,
	state TEXT,
	late INTEGER,
	decided_by TEXT,
	decided INTEGER,
	decision TEXT
);

CREATE TABLE indicators (
	id INTEGER PRIMARY KEY,
	doc_id INTEGER,
	section TEXT,
	text TEXT,
	year INTEGER,
	min REAL,
	target REAL,
	unit_of TEXT,
	lead INTEGER
);

CREATE TABLE measures (
	id INTEGER PRIMARY KEY,
	indicator_id INTEGER NOT NULL,
	date INTEGER,
	value REAL,
	time INTEGER,
	login TEXT,
	note TEXT
);

CREATE TABLE audit (
	seq INTEGER PRIMARY KEY,
	time INTEGER NOT NULL,
	login TEXT NOT NULL,
	role TEXT,
	action TEXT NOT NULL,
	object TEXT,
	before TEXT,
	after TEXT
);
