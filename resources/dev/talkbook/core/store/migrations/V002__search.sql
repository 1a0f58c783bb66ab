-- Version 2: full-text search over talk title, speakers, tags, event title and notes,
-- kept current by triggers. Rows that exist already are indexed here.

CREATE VIRTUAL TABLE talk_search USING fts5 (
  title, speakers, tags, event, body,
  tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Rank by bm25 with the title weighted over speakers and tags, those over the event, and all of
-- them over the notes. As the table's own rank, "ORDER BY rank LIMIT n" is done inside FTS5, so
-- snippets are made for the n rows returned only.
INSERT INTO talk_search (talk_search, rank) VALUES ('rank', 'bm25(10.0, 6.0, 6.0, 3.0, 1.0)');

INSERT INTO talk_search (rowid, title, speakers, tags, event, body)
SELECT t.id, t.title, t.speakers, replace(t.tags, char(10), ' '), e.title, t.body
FROM talk t JOIN event e ON e.id = t.event_id;

CREATE TRIGGER talk_search_insert AFTER INSERT ON talk BEGIN
  INSERT INTO talk_search (rowid, title, speakers, tags, event, body)
  VALUES (new.id, new.title, new.speakers, replace(new.tags, char(10), ' '),
          (SELECT title FROM event WHERE id = new.event_id), new.body);
END;

CREATE TRIGGER talk_search_delete AFTER DELETE ON talk BEGIN
  DELETE FROM talk_search WHERE rowid = old.id;
END;

CREATE TRIGGER talk_search_update AFTER UPDATE OF title, speakers, tags, body, event_id ON talk BEGIN
  UPDATE talk_search
     SET title = new.title, speakers = new.speakers, tags = replace(new.tags, char(10), ' '),
         body = new.body, event = (SELECT title FROM event WHERE id = new.event_id)
   WHERE rowid = new.id;
END;

CREATE TRIGGER talk_search_event_renamed AFTER UPDATE OF title ON event BEGIN
  UPDATE talk_search SET event = new.title
   WHERE rowid IN (SELECT id FROM talk WHERE event_id = new.id);
END;
