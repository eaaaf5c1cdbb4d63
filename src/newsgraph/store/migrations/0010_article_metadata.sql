-- Version 9 -> 10: what the source declares about an article besides its title, date,
-- url and outlet (a Nexis or Factiva export's BYLINE, SECTION, LENGTH, LOAD-DATE, AN ...),
-- and where an export article's source text begins in the export's text.
-- Older rows keep NULL / 0 / '{}': their readers did not keep these fields.

ALTER TABLE articles ADD COLUMN author TEXT;
ALTER TABLE articles ADD COLUMN section TEXT;
ALTER TABLE articles ADD COLUMN declared_length INTEGER;
ALTER TABLE articles ADD COLUMN source_offset INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN extra TEXT NOT NULL DEFAULT '{}';
