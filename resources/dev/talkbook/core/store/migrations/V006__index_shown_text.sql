-- Version 6: the search index holds the words a note's published page shows, not the words inside
-- its raw HTML. Its notes column is talkbook_shown_text(body) (ShownText, an SQL function each of
-- Talkbook's connections has: DroppedHtml.shownText, the rule the site's search words follow):
-- raw HTML's tag names and attributes, and what a <script>, a <style> or a comment holds, are
-- spaces there, every other character where it was. The function is called only for notes with
-- a '<', where the text can differ.
--
-- The update trigger is split so that only a change of the notes calls the function: a program
-- without it (the sqlite3 shell) can still rename, retag, move or star a talk, and is refused
-- ("no such function") only a change of the notes or a new talk, rather than leave the index
-- behind them. Notes indexed before are indexed again where their text differs.

DROP TRIGGER talk_search_insert;
DROP TRIGGER talk_search_update;

CREATE TRIGGER talk_search_insert AFTER INSERT ON talk BEGIN
  INSERT INTO talk_search (rowid, title, speakers, tags, event, body, abstract)
  VALUES (new.id, new.title, new.speakers, replace(new.tags, char(10), ' '),
          (SELECT title FROM event WHERE id = new.event_id),
          CASE WHEN instr(new.body, '<') THEN talkbook_shown_text(new.body) ELSE new.body END,
          new.abstract);
END;

CREATE TRIGGER talk_search_update
AFTER UPDATE OF title, speakers, tags, event_id, abstract ON talk BEGIN
  UPDATE talk_search
     SET title = new.title, speakers = new.speakers, tags = replace(new.tags, char(10), ' '),
         event = (SELECT title FROM event WHERE id = new.event_id), abstract = new.abstract
   WHERE rowid = new.id;
END;

CREATE TRIGGER talk_search_notes AFTER UPDATE OF body ON talk BEGIN
  UPDATE talk_search
     SET body = CASE WHEN instr(new.body, '<') THEN talkbook_shown_text(new.body) ELSE new.body END
   WHERE rowid = new.id;
END;

UPDATE talk_search
   SET body = (SELECT talkbook_shown_text(t.body) FROM talk t WHERE t.id = talk_search.rowid)
 WHERE rowid IN (SELECT id FROM talk WHERE instr(body, '<') AND talkbook_shown_text(body) <> body);
