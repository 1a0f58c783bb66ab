-- Version 2: full-text search over talk title, speakers, tags, event title and notes,
-- kept current by triggers. Rows that exist already are indexed here.

CREATE VIRTUAL TABLE talk_search USING fts5 (
  title, speakers, tags, event, body,
  tokenize = 'porter unicode61 remove_diacritics 2',
  prefix = '2 3'
);

INSERT INTO talk_search (rowid, title, speakers, tags, event, body)
SELECT t.id, t.title, t.speakers,
       coalesce((SELECT group_concat(g.name, ' ') FROM talk_tag tt JOIN tag g ON g.id = tt.tag_id
                 WHERE tt.talk_id = t.id), ''),
       e.title, t.body
FROM talk t JOIN event e ON e.id = t.event_id;

CREATE TRIGGER talk_search_insert AFTER INSERT ON talk BEGIN
  INSERT INTO talk_search (rowid, title, speakers, tags, event, body)
  VALUES (new.id, new.title, new.speakers,
          coalesce((SELECT group_concat(g.name, ' ') FROM talk_tag tt JOIN tag g ON g.id = tt.tag_id
                    WHERE tt.talk_id = new.id), ''),
          (SELECT title FROM event WHERE id = new.event_id), new.body);
END;

CREATE TRIGGER talk_search_delete AFTER DELETE ON talk BEGIN
  DELETE FROM talk_search WHERE rowid = old.id;
END;

CREATE TRIGGER talk_search_update AFTER UPDATE OF title, speakers, body, event_id ON talk BEGIN
  UPDATE talk_search
     SET title = new.title, speakers = new.speakers, body = new.body,
         event = (SELECT title FROM event WHERE id = new.event_id)
   WHERE rowid = new.id;
END;

CREATE TRIGGER talk_search_tag_added AFTER INSERT ON talk_tag BEGIN
  UPDATE talk_search
     SET tags = coalesce((SELECT group_concat(g.name, ' ') FROM talk_tag tt JOIN tag g ON g.id = tt.tag_id
                          WHERE tt.talk_id = new.talk_id), '')
   WHERE rowid = new.talk_id;
END;

CREATE TRIGGER talk_search_tag_removed AFTER DELETE ON talk_tag BEGIN
  UPDATE talk_search
     SET tags = coalesce((SELECT group_concat(g.name, ' ') FROM talk_tag tt JOIN tag g ON g.id = tt.tag_id
                          WHERE tt.talk_id = old.talk_id), '')
   WHERE rowid = old.talk_id;
END;

CREATE TRIGGER talk_search_tag_renamed AFTER UPDATE OF name ON tag BEGIN
  UPDATE talk_search
     SET tags = coalesce((SELECT group_concat(g.name, ' ') FROM talk_tag tt JOIN tag g ON g.id = tt.tag_id
                          WHERE tt.talk_id = talk_search.rowid), '')
   WHERE rowid IN (SELECT talk_id FROM talk_tag WHERE tag_id = new.id);
END;

CREATE TRIGGER talk_search_event_renamed AFTER UPDATE OF title ON event BEGIN
  UPDATE talk_search SET event = new.title
   WHERE rowid IN (SELECT id FROM talk WHERE event_id = new.id);
END;
