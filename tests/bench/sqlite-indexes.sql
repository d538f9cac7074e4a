-- Indexes of the bench's SQLite file, built once the rows are in
-- (tests/bench/sqlite-load.py).  Partial: only the open tasks (status 0
-- or 1) are ever asked for by due day.
-- (due): rows in the order theodoi lists them (due day, then id);
-- (due, status) and (lead, due, status): covering, so counts never read
-- the tasks table.
CREATE INDEX tasks_open_due ON tasks (due) WHERE status <= 1;
CREATE INDEX tasks_open_due_status ON tasks (due, status) WHERE status <= 1;
CREATE INDEX tasks_open_lead_due ON tasks (lead, due, status) WHERE status <= 1;
CREATE INDEX tasks_lead ON tasks (lead);
CREATE INDEX tasks_doc ON tasks (doc_id);
CREATE INDEX docs_number ON docs (number);
CREATE INDEX updates_task ON updates (task_id);
CREATE INDEX extensions_task ON extensions (task_id);
CREATE INDEX measures_indicator ON measures (indicator_id);
CREATE INDEX units_parent ON units (parent);
ANALYZE;
