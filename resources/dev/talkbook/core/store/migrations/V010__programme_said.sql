-- Version 10: what the programme said of each talk at its last import (title, speakers, time,
-- room), so a re-import applies only what the programme changed since, and a field the attendee
-- edited that the programme did not change stays theirs. Written by ScheduleImporter; a talk
-- imported before this version has no row until its next import (which then behaves as before:
-- the programme's values are applied once).

CREATE TABLE programme_said (
  talk_id   INTEGER PRIMARY KEY REFERENCES talk (id) ON DELETE CASCADE,
  title     TEXT NOT NULL,
  speakers  TEXT NOT NULL DEFAULT '',   -- one per line, as talk.speakers
  starts_at TEXT,                       -- as talk.starts_at
  room      TEXT
);
