-- Version 2 -> 3: keep the speaker of a quote as written (a name, "he", "the
-- ministry"), the evidence for the resolved speaker_id.

ALTER TABLE quotes ADD COLUMN speaker_start INTEGER;
ALTER TABLE quotes ADD COLUMN speaker_end INTEGER;
ALTER TABLE quotes ADD COLUMN speaker_text TEXT;
