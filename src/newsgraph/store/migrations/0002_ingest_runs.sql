-- Version 1 -> 2: record ingest runs (what each `newsgraph ingest` added, skipped
-- and failed) and a per-article word count for listings.

ALTER TABLE articles ADD COLUMN word_count INTEGER;
-- Backfill: spaces + 1 after turning CR/LF/tab into spaces and collapsing runs of
-- up to 32 spaces (SQL has no regex); the writer stores len(text.split()).
UPDATE articles SET word_count = CASE WHEN trim(replace(replace(replace(text, char(13), ' '), char(10), ' '), char(9), ' ')) = '' THEN 0 ELSE length(replace(replace(replace(replace(replace(trim(replace(replace(replace(text, char(13), ' '), char(10), ' '), char(9), ' ')), '  ', ' '), '  ', ' '), '  ', ' '), '  ', ' '), '  ', ' ')) - length(replace(replace(replace(replace(replace(replace(trim(replace(replace(replace(text, char(13), ' '), char(10), ' '), char(9), ' ')), '  ', ' '), '  ', ' '), '  ', ' '), '  ', ' '), '  ', ' '), ' ', '')) + 1 END;

CREATE TABLE ingest_runs (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    command     TEXT,
    added       INTEGER NOT NULL DEFAULT 0,
    duplicates  INTEGER NOT NULL DEFAULT 0,
    failed      INTEGER NOT NULL DEFAULT 0
);

ALTER TABLE failures ADD COLUMN run_id INTEGER REFERENCES ingest_runs(id);
CREATE INDEX failures_run ON failures(run_id);
