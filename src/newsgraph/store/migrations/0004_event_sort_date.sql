-- Version 3 -> 4: an indexed ordering date for events (the event's date, else
-- its article's publication date), so "newest events" pages need no full scan.

ALTER TABLE events ADD COLUMN sort_date TEXT;
UPDATE events SET sort_date = substr(coalesce(date, (SELECT published FROM articles a WHERE a.id = events.article_id)), 1, 10);
CREATE INDEX events_sort ON events(sort_date, article_id, idx);
