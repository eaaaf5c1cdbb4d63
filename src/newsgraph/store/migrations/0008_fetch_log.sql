-- Version 7 -> 8: what `newsgraph fetch` downloaded, so a daily run takes only new items.
-- One row per URL, updated on each attempt: the HTTP status (NULL when no response),
-- the outcome in words, the article id of the text it gave, and the validators for
-- a conditional request next time.

CREATE TABLE fetch_log (
    url           TEXT PRIMARY KEY,
    fetched_at    TEXT NOT NULL,
    status        INTEGER,                   -- HTTP status; NULL: no response (refused, timed out)
    outcome       TEXT NOT NULL,             -- stored | duplicate | not modified | E03x ... | E0xx ...
    article_id    TEXT,                      -- id of the text read from it (articles.id once stored)
    etag          TEXT,
    last_modified TEXT
);
