-- Version 5 -> 6: how sure the analysis is of each entity, quote and event (0..1;
-- NULL where no component computed one, which every filter reads as 1.0).  Every
-- fact is stored whatever its confidence; readers and exports filter on it.

ALTER TABLE entities ADD COLUMN confidence REAL;
ALTER TABLE quotes ADD COLUMN confidence REAL;
ALTER TABLE events ADD COLUMN confidence REAL;
