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

-- The shown text of each note is made once (a temporary table), not once to compare and again to
-- write: for 3,000 talks of 19 KB notes the function took ~7 s of the upgrade and FTS5's row
-- rewrites most of the rest (a dropped and refilled index measured no faster).
CREATE TEMP TABLE v006_shown AS
SELECT id, talkbook_shown_text(body) AS shown FROM talk WHERE instr(body, '<');

DELETE FROM v006_shown WHERE shown = (SELECT body FROM talk WHERE id = v006_shown.id);

UPDATE talk_search
   SET body = (SELECT shown FROM v006_shown WHERE v006_shown.id = talk_search.rowid)
 WHERE rowid IN (SELECT id FROM v006_shown);

DROP TABLE v006_shown;
