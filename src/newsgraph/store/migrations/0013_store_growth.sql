-- Version 12 -> 13: an index that lets story and event-cluster matching read an article's
-- corpus entities without its entity rows.  Matching reads the (local id, corpus id) pairs
-- of dozens of stored articles for each new one; without this index each pair cost a visit
-- to the entity's row (names, titles, aliases), with it the index alone answers
-- (docs/performance.md "Fourth pass: the store as the corpus grows").

CREATE INDEX entities_article_corpus ON entities(article_id, corpus_entity_id, local_id);
