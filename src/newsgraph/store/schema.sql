-- newsgraph store: the whole schema at the latest version.
--
-- A fresh database runs this file; an older one runs store/migrations/NNNN_*.sql
-- in order instead, and tests check both paths end in the same schema.  Keep
-- every statement ending at a line end: the runner splits on complete statements
-- line by line (Python's executescript would COMMIT our transaction).
--
-- Conventions: character offsets into articles.text are char_start/char_end
-- (END is reserved in SQL, and plain SQL / DuckDB users should not need quoting);
-- entity_id, speaker_id, location, speaker and the JSON lists source/target hold
-- ARTICLE-LOCAL entity ids ("E1"), which join to entities(article_id, local_id);
-- entities.corpus_entity_id links them to the corpus-wide entity.
--
-- Full-text search: articles_fts is an EXTERNAL-CONTENT FTS5 table over
-- articles(title, text) (the text is stored once), keyed by articles.seq.  seq
-- exists because the implicit rowid of a table with a TEXT primary key may be
-- renumbered by VACUUM, which would silently point the index at the wrong
-- articles.  Triggers keep the index in step with articles.  entities_fts is an
-- ordinary FTS5 table (it is small) whose rowid is corpus_entities.id; the store
-- rewrites its row whenever a corpus entity gains a name or alias.

PRAGMA application_id = 1313305460;  -- 'NGst': marks the file as a newsgraph store
PRAGMA user_version = 14;

CREATE TABLE articles (
    id             TEXT PRIMARY KEY,          -- store.ids.article_id(text)
    seq            INTEGER NOT NULL UNIQUE,   -- insertion order; the articles_fts rowid
    title          TEXT,
    published      TEXT,                      -- ISO date
    url            TEXT,
    source         TEXT,                      -- publisher / outlet
    path           TEXT,                      -- first path seen; all paths: article_sources
    format         TEXT,                      -- txt | pdf | html | jsonl | stdin
    language       TEXT NOT NULL DEFAULT 'en',
    skipped_reason TEXT,
    text           TEXT NOT NULL,
    source_text    TEXT,                      -- NULL when stored without a Document
    offset_map     TEXT,                      -- JSON {"runs", "clean_length", "source_length"}
    paragraphs     TEXT NOT NULL DEFAULT '[]',
    article_json   TEXT NOT NULL,             -- Article.to_dict(): the source of truth
    ingested_at    TEXT NOT NULL,             -- UTC ISO timestamp
    word_count     INTEGER,
    duplicate_of   TEXT,                      -- articles.id: the original of a near-copy (syndication, retitling)
    similarity     REAL,                      -- shingle containment in the original, 0..1
    story_id       TEXT,                      -- stories.id
    author         TEXT,                      -- the byline the source declares
    section        TEXT,                      -- the section or page the source names
    declared_length INTEGER,                  -- the word count the source declares
    source_offset  INTEGER NOT NULL DEFAULT 0, -- where source_text begins in the file's text (export articles)
    extra          TEXT NOT NULL DEFAULT '{}' -- JSON: other fields the source declares
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_duplicate ON articles(duplicate_of);
-- story_id and duplicate_of come after the article's text: these indexes spare story matching
-- the row's overflow pages (migration 0012).
CREATE INDEX articles_story_seq ON articles(story_id, seq, duplicate_of, id);
CREATE INDEX articles_story_lookup ON articles(id, story_id, seq, published);

CREATE TABLE article_sources (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    path       TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    PRIMARY KEY (article_id, path)
) WITHOUT ROWID;
CREATE INDEX article_sources_path ON article_sources(path);

CREATE TABLE corpus_entities (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    type          TEXT NOT NULL,
    country       TEXT,
    gazetteer_id  TEXT,
    lat           REAL,
    lon           REAL,
    mention_count INTEGER NOT NULL DEFAULT 0,
    article_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX corpus_entities_gazetteer ON corpus_entities(gazetteer_id);
CREATE INDEX corpus_entities_type ON corpus_entities(type, article_count);

CREATE TABLE corpus_entity_aliases (
    corpus_entity_id INTEGER NOT NULL REFERENCES corpus_entities(id) ON DELETE CASCADE,
    alias            TEXT NOT NULL,           -- store.corpus.normalise_name()
    last_token       TEXT NOT NULL,           -- for surname look-ups ("putin")
    PRIMARY KEY (corpus_entity_id, alias)
) WITHOUT ROWID;
CREATE INDEX corpus_entity_aliases_alias ON corpus_entity_aliases(alias);
CREATE INDEX corpus_entity_aliases_last ON corpus_entity_aliases(last_token);

CREATE TABLE entities (
    article_id       TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id         TEXT NOT NULL,
    name             TEXT NOT NULL,
    type             TEXT NOT NULL,
    country          TEXT,
    lat              REAL,
    lon              REAL,
    gazetteer_id     TEXT,
    titles           TEXT NOT NULL DEFAULT '[]',
    aliases          TEXT NOT NULL DEFAULT '[]',
    corpus_entity_id INTEGER REFERENCES corpus_entities(id),
    confidence       REAL,                    -- 0..1; NULL: not computed (read as 1.0)
    PRIMARY KEY (article_id, local_id)
);
CREATE INDEX entities_corpus_article ON entities(corpus_entity_id, article_id);
-- An article's (local id, corpus id) pairs without its entity rows, for story and cluster matching (0013).
CREATE INDEX entities_article_corpus ON entities(article_id, corpus_entity_id, local_id);

CREATE TABLE mentions (
    article_id TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    char_start INTEGER NOT NULL,
    char_end   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    nested     TEXT,  -- local id of the entity whose longer name holds this mention; NULL: a mention of its own
    FOREIGN KEY (article_id, entity_id) REFERENCES entities(article_id, local_id) ON DELETE CASCADE
);
CREATE INDEX mentions_entity ON mentions(article_id, entity_id);

CREATE TABLE quotes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    speaker_id TEXT,
    cue_start  INTEGER,
    cue_end    INTEGER,
    cue_text   TEXT,
    speaker_start INTEGER,                   -- the speaker as written ("he", a name); speaker_id resolves it
    speaker_end   INTEGER,
    speaker_text  TEXT,
    confidence    REAL,                      -- 0..1; NULL: not computed (read as 1.0)
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX quotes_speaker ON quotes(article_id, speaker_id);

-- What a record shows or an unnamed group believes: the source as written, no one who said it.
CREATE TABLE findings (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    kind       TEXT NOT NULL,                -- "record" | "view"
    source_id  TEXT,                         -- an entity the source phrase names, when resolved
    cue_start  INTEGER,
    cue_end    INTEGER,
    cue_text   TEXT,
    source_start INTEGER NOT NULL,           -- the source as written ("a new poll", "many experts")
    source_end   INTEGER NOT NULL,
    source_text  TEXT NOT NULL,
    confidence   REAL,                       -- 0..1; NULL: not computed (read as 1.0)
    form         TEXT NOT NULL DEFAULT 'indirect',  -- how the content is given, as a quote's kind
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE events (
    article_id    TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx           INTEGER NOT NULL,
    type          TEXT NOT NULL,
    mode          TEXT,
    modality      TEXT NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end   INTEGER NOT NULL,
    trigger_text  TEXT NOT NULL,
    source        TEXT NOT NULL DEFAULT '[]',  -- JSON list of local entity ids
    target        TEXT NOT NULL DEFAULT '[]',
    location      TEXT,
    date          TEXT,
    speaker       TEXT,
    source_sector TEXT,
    target_sector TEXT,
    mentions      TEXT NOT NULL DEFAULT '[]',  -- JSON list of further Spans
    sort_date     TEXT,                        -- date, else the article's published date: for ordering
    confidence    REAL,                        -- 0..1; NULL: not computed (read as 1.0)
    cluster_id    TEXT,                        -- "<article id>:<idx>" of the cluster's first report
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_cluster ON events(cluster_id);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_sort ON events(sort_date, article_id, idx);

-- events.source/target again, one row per actor, so plain SQL can join actors.
CREATE TABLE event_actors (
    article_id TEXT NOT NULL,
    event_idx  INTEGER NOT NULL,
    role       TEXT NOT NULL,                   -- 'source' | 'target'
    entity_id  TEXT NOT NULL,
    PRIMARY KEY (article_id, event_idx, role, entity_id),
    FOREIGN KEY (article_id, event_idx) REFERENCES events(article_id, idx) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX event_actors_entity ON event_actors(article_id, entity_id);

CREATE TABLE amounts (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    value      REAL,
    unit       TEXT,
    currency   TEXT,
    qualifier  TEXT,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE dates (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    value      TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX dates_value ON dates(value);

CREATE TABLE framing (
    article_id   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx          INTEGER NOT NULL,
    entity_id    TEXT NOT NULL,
    char_start   INTEGER NOT NULL,
    char_end     INTEGER NOT NULL,
    text         TEXT NOT NULL,
    construction TEXT NOT NULL,
    tone         REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX framing_entity ON framing(article_id, entity_id);

-- ingest_runs.status: running (also what a SIGKILL leaves), finished, interrupted or
-- failed; added/duplicates/failed are committed with each batch, so they are right even then.
CREATE TABLE ingest_runs (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    command     TEXT,
    added       INTEGER NOT NULL DEFAULT 0,
    duplicates  INTEGER NOT NULL DEFAULT 0,
    failed      INTEGER NOT NULL DEFAULT 0,
    status      TEXT NOT NULL DEFAULT 'running'
);

CREATE TABLE failures (
    id     INTEGER PRIMARY KEY,
    path   TEXT NOT NULL,
    code   TEXT NOT NULL,                       -- errors.E code, e.g. "E015"
    reason TEXT NOT NULL,
    at     TEXT NOT NULL,
    run_id INTEGER REFERENCES ingest_runs(id)
);
CREATE INDEX failures_path ON failures(path);
CREATE INDEX failures_run ON failures(run_id);

-- An analyst's corrections (newsgraph fix, serve --edit) and the uncorrected analysis
-- of each article a correction changed: see store/corrections.py.
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

-- Near-copies and stories (migration 0009).
CREATE TABLE article_signatures (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    minhash    BLOB NOT NULL,                 -- 128 uint32 MinHash values of the body's word shingles
    keywords   TEXT NOT NULL DEFAULT '[]'     -- JSON list: the body's most frequent content words
) WITHOUT ROWID;

-- LSH bands of every signature: an article whose band key matches is a near-copy candidate.
CREATE TABLE minhash_bands (
    band_key   INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;
CREATE INDEX minhash_bands_article ON minhash_bands(article_id);

CREATE TABLE stories (
    id              TEXT PRIMARY KEY,         -- the id of the story's first stored article
    first_published TEXT,
    last_published  TEXT,
    article_count   INTEGER NOT NULL DEFAULT 0
);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text, seq ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

CREATE VIRTUAL TABLE entities_fts USING fts5(
    name, aliases, tokenize='unicode61 remove_diacritics 2'
);

-- What `newsgraph fetch` downloaded (migration 0008): one row per URL, updated on each attempt.
CREATE TABLE fetch_log (
    url           TEXT PRIMARY KEY,
    fetched_at    TEXT NOT NULL,
    status        INTEGER,                   -- HTTP status; NULL: no response (refused, timed out)
    outcome       TEXT NOT NULL,             -- stored | duplicate | not modified | E03x ... | E0xx ...
    article_id    TEXT,                      -- id of the text read from it (articles.id once stored)
    etag          TEXT,
    last_modified TEXT
);
