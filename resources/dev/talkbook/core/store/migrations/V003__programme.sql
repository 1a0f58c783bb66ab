-- Version 3: conference programmes. What a published schedule says about a talk beyond its details
-- (the abstract, kept apart from the notes; subtitle, length, language, track), the session's
-- GUID/UID and which programme it came from (to find it again on a re-import), when a later
-- programme dropped it (the talk is kept), and the attendee's star. Events get their time zone.
-- The search index gains the abstract.

ALTER TABLE talk ADD COLUMN abstract TEXT NOT NULL DEFAULT '';
ALTER TABLE talk ADD COLUMN subtitle TEXT;
ALTER TABLE talk ADD COLUMN duration_minutes INTEGER CHECK (duration_minutes > 0);
ALTER TABLE talk ADD COLUMN language TEXT;
ALTER TABLE talk ADD COLUMN track TEXT;              -- the tag the programme's track became
ALTER TABLE talk ADD COLUMN programme_uid TEXT;      -- the session's GUID/UID in its programme
ALTER TABLE talk ADD COLUMN programme_source TEXT;   -- which programme: format and conference
ALTER TABLE talk ADD COLUMN removed_at INTEGER;      -- when a re-import no longer found it
ALTER TABLE talk ADD COLUMN starred INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1));
CREATE INDEX talk_by_programme_uid ON talk (event_id, programme_uid)
  WHERE programme_uid IS NOT NULL;

ALTER TABLE event ADD COLUMN time_zone TEXT;         -- IANA name or offset; NULL: floating times

-- The index again, with the abstract as a sixth column (weighted between the event and the notes).
DROP TRIGGER talk_search_insert;
DROP TRIGGER talk_search_delete;
DROP TRIGGER talk_search_update;
DROP TRIGGER talk_search_event_renamed;
DROP TABLE talk_search;

CREATE VIRTUAL TABLE talk_search USING fts5 (
  title, speakers, tags, event, body, abstract,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO talk_search (talk_search, rank) VALUES ('rank', 'bm25(10.0, 6.0, 6.0, 3.0, 1.0, 2.0)');

INSERT INTO talk_search (rowid, title, speakers, tags, event, body, abstract)
SELECT t.id, t.title, t.speakers, replace(t.tags, char(10), ' '), e.title, t.body, t.abstract
FROM talk t JOIN event e ON e.id = t.event_id;

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
