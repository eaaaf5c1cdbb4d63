-- Version 4 -> 5: how each ingest run ended.  'running' while it runs (and after a
-- SIGKILL, which leaves no chance to say more), 'finished', 'interrupted' (SIGINT,
-- SIGTERM) or 'failed' (an error stopped it).  Runs before this version have no
-- status: a finished_at means finished, its absence that the run was cut short.

ALTER TABLE ingest_runs ADD COLUMN status TEXT NOT NULL DEFAULT 'running';
UPDATE ingest_runs SET status = CASE WHEN finished_at IS NULL THEN 'interrupted' ELSE 'finished' END;
