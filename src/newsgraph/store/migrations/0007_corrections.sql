-- Version 6 -> 7: an analyst's corrections, kept apart from the analysis they correct.
--
-- corrections: one row per correction (merge, reject, rename, retype, relink, split an
-- entity; reject or re-attribute a quote; reject or edit an event), with who made it,
-- when, why, what it targets (by stable keys: names and types for corpus entities,
-- article id + character offsets for quotes and events) and the state before and after.
-- undone_at is set when it is undone; the row stays, as the audit trail.
-- uncorrected_articles: the analysis as the pipeline wrote it, for each article whose
-- stored facts (and articles.article_json) a correction changed, so that undoing a
-- correction, or a new one, recomputes the facts from what the analysis said.

CREATE TABLE corrections (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    scope       TEXT NOT NULL DEFAULT 'corpus',
    article_id  TEXT,
    target      TEXT NOT NULL DEFAULT '{}',
    before_json TEXT NOT NULL DEFAULT '{}',
    after_json  TEXT NOT NULL DEFAULT '{}',
    reason      TEXT NOT NULL DEFAULT '',
    user        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    undone_at   TEXT
);
CREATE INDEX corrections_active ON corrections(undone_at, id);

CREATE TABLE uncorrected_articles (
    article_id   TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    article_json TEXT NOT NULL
) WITHOUT ROWID;
