-- Version 5: an id is never given twice. A table whose key is a plain INTEGER PRIMARY KEY gives a
-- new row the largest id + 1, so after the newest talk (event, revision) was deleted the next one
-- got its id, and whatever kept that id (the window's last open talk, a talk's caret place, a
-- script, Undo of the delete) reached the new row. AUTOINCREMENT never gives an id twice, and only
-- a new table can have it: each of the three is made again under the same columns, rows and ids
-- (SQLite's sqlite_sequence starts from the largest id copied). Foreign keys are off while this
-- runs (Database.writeSchema), so dropping the old table takes no child row with it, and are
-- checked before it commits. The search index keeps its rows (its rowid is the talk id); its
-- triggers go with the old talk table and are made again as V003 made them.

DROP TRIGGER talk_search_insert;
DROP TRIGGER talk_search_delete;
DROP TRIGGER talk_search_update;
DROP TRIGGER talk_search_event_renamed;

CREATE TABLE event_new (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  title       TEXT    NOT NULL CHECK (length(trim(title)) > 0),
  start_date  TEXT,
  end_date    TEXT,
  location    TEXT,
  url         TEXT,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  time_zone   TEXT                               -- IANA name or offset; NULL: floating times
);
INSERT INTO event_new (id, title, start_date, end_date, location, url, created_at, updated_at,
                       time_zone)
SELECT id, title, start_date, end_date, location, url, created_at, updated_at, time_zone
FROM event;
DROP TABLE event;
ALTER TABLE event_new RENAME TO event;

CREATE TABLE talk_new (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id          INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
  position          INTEGER NOT NULL,
  title             TEXT    NOT NULL CHECK (length(trim(title)) > 0),
  speakers          TEXT    NOT NULL DEFAULT '',   -- one name per line
  starts_at         TEXT,
  room              TEXT,
  slides_url        TEXT,
  video_url         TEXT,
  tags              TEXT    NOT NULL DEFAULT '',   -- the talk's tag names, one per line, in order
  body              TEXT    NOT NULL DEFAULT '',
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL,
  abstract          TEXT    NOT NULL DEFAULT '',
  subtitle          TEXT,
  duration_minutes  INTEGER CHECK (duration_minutes > 0),
  language          TEXT,
  track             TEXT,                          -- the tag the programme's track became
  programme_uid     TEXT,                          -- the session's GUID/UID in its programme
  programme_source  TEXT,                          -- which programme: format and conference
  removed_at        INTEGER,                       -- when a re-import no longer found it
  starred           INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1))
);
INSERT INTO talk_new (id, event_id, position, title, speakers, starts_at, room, slides_url,
                      video_url, tags, body, created_at, updated_at, abstract, subtitle,
                      duration_minutes, language, track, programme_uid, programme_source,
                      removed_at, starred)
SELECT id, event_id, position, title, speakers, starts_at, room, slides_url,
       video_url, tags, body, created_at, updated_at, abstract, subtitle,
       duration_minutes, language, track, programme_uid, programme_source,
       removed_at, starred
FROM talk;
DROP TABLE talk;
ALTER TABLE talk_new RENAME TO talk;
CREATE INDEX talk_by_event ON talk (event_id, position);
CREATE INDEX talk_by_programme_uid ON talk (event_id, programme_uid)
  WHERE programme_uid IS NOT NULL;

CREATE TABLE revision_new (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  talk_id   INTEGER NOT NULL REFERENCES talk (id) ON DELETE CASCADE,
  saved_at  INTEGER NOT NULL,
  reason    TEXT    NOT NULL,
  body      TEXT    NOT NULL,
  base_id   INTEGER,
  delta     BLOB
);
INSERT INTO revision_new (id, talk_id, saved_at, reason, body, base_id, delta)
SELECT id, talk_id, saved_at, reason, body, base_id, delta FROM revision;
DROP TABLE revision;
ALTER TABLE revision_new RENAME TO revision;
CREATE INDEX revision_by_talk ON revision (talk_id, saved_at);
CREATE INDEX revision_by_base ON revision (base_id) WHERE base_id IS NOT NULL;

CREATE TRIGGER talk_search_insert AFTER INSERT ON talk BEGIN
  INSERT INTO talk_search (rowid, title, speakers, tags, event, body, abstract)
  VALUES (new.id, new.title, new.speakers, replace(new.tags, char(10), ' '),
          (SELECT title FROM event WHERE id = new.event_id), new.body, new.abstract);
END;

CREATE TRIGGER talk_search_delete AFTER DELETE ON talk BEGIN
  DELETE FROM talk_search WHERE rowid = old.id;
END;

CREATE TRIGGER talk_search_update
AFTER UPDATE OF title, speakers, tags, body, event_id, abstract ON talk BEGIN
  UPDATE talk_search
     SET title = new.title, speakers = new.speakers, tags = replace(new.tags, char(10), ' '),
         body = new.body, event = (SELECT title FROM event WHERE id = new.event_id),
         abstract = new.abstract
   WHERE rowid = new.id;
END;

CREATE TRIGGER talk_search_event_renamed AFTER UPDATE OF title ON event BEGIN
  UPDATE talk_search SET event = new.title
   WHERE rowid IN (SELECT id FROM talk WHERE event_id = new.id);
END;
