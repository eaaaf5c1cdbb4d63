-- Version 11 -> 12: indexes that let story and event-cluster matching read no article rows.
-- An article row holds its text, source text and analysis, so reading a column stored
-- after them (story_id, duplicate_of) walks its overflow pages; these indexes hold the
-- columns those queries need (docs/performance.md "Where the time goes").  The first two
-- replace narrower ones of the same leading column.

DROP INDEX articles_story;
CREATE INDEX articles_story_seq ON articles(story_id, seq, duplicate_of, id);
CREATE INDEX articles_story_lookup ON articles(id, story_id, seq, published);
DROP INDEX entities_corpus;
CREATE INDEX entities_corpus_article ON entities(corpus_entity_id, article_id);
