-- Version 10 -> 11: a place named inside a longer name ("Dallas" in "Dallas Mavericks") is a
-- mention of its own that overlaps the longer name's mention; `nested` holds the local id of the
-- entity whose name holds it.  Older rows keep NULL: their analysis read no nested places.

ALTER TABLE mentions ADD COLUMN nested TEXT;
