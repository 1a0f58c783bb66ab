-- Version 7: the search index holds no words a note's page does not show of its links and
-- character references either. talkbook_shown_text(body) (ShownText: DroppedHtml.shownText, the
-- rule the site's search words follow) now also makes spaces of where a link or an image points,
-- its title and a link reference definition ("[talk](https://www.example.com/path)" gives "talk",
-- not "https", "www", "example", "com", "path"), and decodes character references ("&amp;" is
-- "&", not the word "amp"). The triggers call it for notes with a '<', an '&' or a ']', where the
-- text can differ; notes indexed before are indexed again where their text differs.

DROP TRIGGER talk_search_insert;
DROP TRIGGER talk_search_notes;

CREATE TRIGGER talk_search_insert AFTER INSERT ON talk BEGIN
  INSERT INTO talk_search (rowid, title, speakers, tags, event, body, abstract)
  VALUES (new.id, new.title, new.speakers, replace(new.tags, char(10), ' '),
          (SELECT title FROM event WHERE id = new.event_id),
          CASE WHEN instr(new.body, '<') OR instr(new.body, '&') OR instr(new.body, ']')
               THEN talkbook_shown_text(new.body) ELSE new.body END,
          new.abstract);
END;

CREATE TRIGGER talk_search_notes AFTER UPDATE OF body ON talk BEGIN
  UPDATE talk_search
     SET body = CASE WHEN instr(new.body, '<') OR instr(new.body, '&') OR instr(new.body, ']')
                     THEN talkbook_shown_text(new.body) ELSE new.body END
   WHERE rowid = new.id;
END;

-- Only notes with an '&' or a ']' can be indexed differently from V006 (whose rule they keep for
-- raw HTML); each one's shown text is made once and written where the index holds other text.
CREATE TEMP TABLE v007_shown AS
SELECT id, talkbook_shown_text(body) AS shown FROM talk
 WHERE instr(body, '&') OR instr(body, ']');

DELETE FROM v007_shown
 WHERE shown IS (SELECT body FROM talk_search WHERE talk_search.rowid = v007_shown.id);

UPDATE talk_search
   SET body = (SELECT shown FROM v007_shown WHERE v007_shown.id = talk_search.rowid)
 WHERE rowid IN (SELECT id FROM v007_shown);

DROP TABLE v007_shown;
