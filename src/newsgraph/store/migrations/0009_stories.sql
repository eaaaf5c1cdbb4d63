-- Version 8 -> 9: near-copies, stories and event clusters (docs/schema.md "Stories").
-- A syndicated or retitled copy keeps its own row and points to its original
-- (duplicate_of, similarity = shingle containment 0..1); every article belongs to a
-- story whose id is the id of the story's first stored article; every event to an
-- event cluster whose id is "<article id>:<idx>" of its first stored report.

ALTER TABLE articles ADD COLUMN duplicate_of TEXT;
ALTER TABLE articles ADD COLUMN similarity REAL;
ALTER TABLE articles ADD COLUMN story_id TEXT;
CREATE INDEX articles_duplicate ON articles(duplicate_of);
CREATE INDEX articles_story ON articles(story_id);
ALTER TABLE events ADD COLUMN cluster_id TEXT;
CREATE INDEX events_cluster ON events(cluster_id);

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
