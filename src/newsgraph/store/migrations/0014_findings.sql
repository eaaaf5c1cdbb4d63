-- Version 13 -> 14: findings, a fact kind of their own: what a record shows ("a new poll shows
-- that ...") or an unnamed group is said to believe ("residents fear that ..."), with the source
-- phrase as written.  They were quotes without a speaker before; articles stored earlier keep
-- them as such until analysed again (`newsgraph reanalyze`).

CREATE TABLE findings (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    source_id  TEXT,
    cue_start  INTEGER,
    cue_end    INTEGER,
    cue_text   TEXT,
    source_start INTEGER NOT NULL,
    source_end   INTEGER NOT NULL,
    source_text  TEXT NOT NULL,
    confidence   REAL,
    form         TEXT NOT NULL DEFAULT 'indirect',  -- how the content is given, as a quote's kind
    PRIMARY KEY (article_id, idx)
);
