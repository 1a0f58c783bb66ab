-- Version 8: the search index holds the Latin letters that Unicode decomposition does not take
-- apart as readers type them without the letter (FoldedLetters, the table the site's page
-- addresses use too): "Grüße" is indexed as "Grüsse", "Søndergaard" as "Sondergaard", so "grusse"
-- and "sondergaard" find them as "cafe" finds "Café" (unicode61's remove_diacritics folds the
-- letters that decompose, not ß, ø, æ, œ, ł, đ, ð, þ, ı). Every column is folded by plain SQL
-- replace()s, so a program without Talkbook's functions (the sqlite3 shell) can still rename,
-- retag, move or star a talk. A text of ASCII holds no such letter and is indexed as it is
-- (length in characters = length in bytes): the replace()s copy a text once each, which cost
-- 10,000 talks of 5 KB notes about a second of CPU. Notes with an '&' are folded after their
-- character references are decoded ("&szlig;"). The query looks for the typed spelling and the
-- folded one (AccentVariants), so an index of format 6 or 7, read as it is, still finds "Grüße"
-- by "grüße".
--
-- Only talks with such a letter are indexed again: their indexed text (what V007 made of it) is
-- folded where it stands, no notes are read again.

DROP TRIGGER talk_search_insert;
DROP TRIGGER talk_search_update;
DROP TRIGGER talk_search_notes;
DROP TRIGGER talk_search_event_renamed;

CREATE TRIGGER talk_search_insert AFTER INSERT ON talk BEGIN
  INSERT INTO talk_search (rowid, title, speakers, tags, event, body, abstract)
  VALUES (new.id,
          CASE WHEN length(new.title) = length(CAST(new.title AS BLOB)) THEN new.title
               ELSE replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.title, 'ß', 'ss'), 'ẞ', 'ss'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ø', 'o'), 'Ø', 'o'), 'ł', 'l'), 'Ł', 'l'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ı', 'i') END,
          CASE WHEN length(new.speakers) = length(CAST(new.speakers AS BLOB)) THEN new.speakers
               ELSE replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.speakers, 'ß', 'ss'), 'ẞ', 'ss'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ø', 'o'), 'Ø', 'o'), 'ł', 'l'), 'Ł', 'l'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ı', 'i') END,
          CASE WHEN length(replace(new.tags, char(10), ' ')) = length(CAST(replace(new.tags, char(10), ' ') AS BLOB)) THEN replace(new.tags, char(10), ' ')
               ELSE replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.tags, char(10), ' '), 'ß', 'ss'), 'ẞ', 'ss'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ø', 'o'), 'Ø', 'o'), 'ł', 'l'), 'Ł', 'l'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ı', 'i') END,
          CASE WHEN length((SELECT title FROM event WHERE id = new.event_id)) = length(CAST((SELECT title FROM event WHERE id = new.event_id) AS BLOB)) THEN (SELECT title FROM event WHERE id = new.event_id)
               ELSE replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace((SELECT title FROM event WHERE id = new.event_id), 'ß', 'ss'), 'ẞ', 'ss'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ø', 'o'), 'Ø', 'o'), 'ł', 'l'), 'Ł', 'l'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ı', 'i') END,
          CASE WHEN length(new.body) = length(CAST(new.body AS BLOB)) AND NOT instr(new.body, '&')
               THEN CASE WHEN instr(new.body, '<') OR instr(new.body, '&') OR instr(new.body, ']')
                    THEN talkbook_shown_text(new.body) ELSE new.body END
               ELSE replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(CASE WHEN instr(new.body, '<') OR instr(new.body, '&') OR instr(new.body, ']')
                         THEN talkbook_shown_text(new.body) ELSE new.body END, 'ß', 'ss'), 'ẞ', 'ss'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ø', 'o'), 'Ø', 'o'), 'ł', 'l'), 'Ł', 'l'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ı', 'i') END,
          CASE WHEN length(new.abstract) = length(CAST(new.abstract AS BLOB)) THEN new.abstract
               ELSE replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.abstract, 'ß', 'ss'), 'ẞ', 'ss'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ø', 'o'), 'Ø', 'o'), 'ł', 'l'), 'Ł', 'l'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ı', 'i') END);
END;

CREATE TRIGGER talk_search_update
AFTER UPDATE OF title, speakers, tags, event_id, abstract ON talk BEGIN
  UPDATE talk_search
     SET title = CASE WHEN length(new.title) = length(CAST(new.title AS BLOB)) THEN new.title
                     ELSE replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.title, 'ß', 'ss'), 'ẞ', 'ss'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ø', 'o'), 'Ø', 'o'), 'ł', 'l'), 'Ł', 'l'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ı', 'i') END,
         speakers = CASE WHEN length(new.speakers) = length(CAST(new.speakers AS BLOB)) THEN new.speakers
                     ELSE replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.speakers, 'ß', 'ss'), 'ẞ', 'ss'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ø', 'o'), 'Ø', 'o'), 'ł', 'l'), 'Ł', 'l'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ı', 'i') END,
         tags = CASE WHEN length(replace(new.tags, char(10), ' ')) = length(CAST(replace(new.tags, char(10), ' ') AS BLOB)) THEN replace(new.tags, char(10), ' ')
                     ELSE replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.tags, char(10), ' '), 'ß', 'ss'), 'ẞ', 'ss'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ø', 'o'), 'Ø', 'o'), 'ł', 'l'), 'Ł', 'l'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ı', 'i') END,
         event = CASE WHEN length((SELECT title FROM event WHERE id = new.event_id)) = length(CAST((SELECT title FROM event WHERE id = new.event_id) AS BLOB)) THEN (SELECT title FROM event WHERE id = new.event_id)
                     ELSE replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace((SELECT title FROM event WHERE id = new.event_id), 'ß', 'ss'), 'ẞ', 'ss'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ø', 'o'), 'Ø', 'o'), 'ł', 'l'), 'Ł', 'l'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ı', 'i') END,
         abstract = CASE WHEN length(new.abstract) = length(CAST(new.abstract AS BLOB)) THEN new.abstract
                     ELSE replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.abstract, 'ß', 'ss'), 'ẞ', 'ss'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ø', 'o'), 'Ø', 'o'), 'ł', 'l'), 'Ł', 'l'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ı', 'i') END
   WHERE rowid = new.id;
END;

CREATE TRIGGER talk_search_notes AFTER UPDATE OF body ON talk BEGIN
  UPDATE talk_search
     SET body = CASE WHEN length(new.body) = length(CAST(new.body AS BLOB)) AND NOT instr(new.body, '&')
                 THEN CASE WHEN instr(new.body, '<') OR instr(new.body, '&') OR instr(new.body, ']')
                      THEN talkbook_shown_text(new.body) ELSE new.body END
                 ELSE replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(CASE WHEN instr(new.body, '<') OR instr(new.body, '&') OR instr(new.body, ']')
                           THEN talkbook_shown_text(new.body) ELSE new.body END, 'ß', 'ss'), 'ẞ', 'ss'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ø', 'o'), 'Ø', 'o'), 'ł', 'l'), 'Ł', 'l'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ı', 'i') END
   WHERE rowid = new.id;
END;

CREATE TRIGGER talk_search_event_renamed AFTER UPDATE OF title ON event BEGIN
  UPDATE talk_search SET event = CASE WHEN length(new.title) = length(CAST(new.title AS BLOB)) THEN new.title
                                      ELSE replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.title, 'ß', 'ss'), 'ẞ', 'ss'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ø', 'o'), 'Ø', 'o'), 'ł', 'l'), 'Ł', 'l'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ı', 'i') END
   WHERE rowid IN (SELECT id FROM talk WHERE event_id = new.id);
END;

UPDATE talk_search
   SET title = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(title, 'ß', 'ss'), 'ẞ', 'ss'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ø', 'o'), 'Ø', 'o'), 'ł', 'l'), 'Ł', 'l'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ı', 'i'),
       speakers = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(speakers, 'ß', 'ss'), 'ẞ', 'ss'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ø', 'o'), 'Ø', 'o'), 'ł', 'l'), 'Ł', 'l'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ı', 'i'),
       tags = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(tags, 'ß', 'ss'), 'ẞ', 'ss'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ø', 'o'), 'Ø', 'o'), 'ł', 'l'), 'Ł', 'l'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ı', 'i'),
       event = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(event, 'ß', 'ss'), 'ẞ', 'ss'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ø', 'o'), 'Ø', 'o'), 'ł', 'l'), 'Ł', 'l'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ı', 'i'),
       body = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(body, 'ß', 'ss'), 'ẞ', 'ss'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ø', 'o'), 'Ø', 'o'), 'ł', 'l'), 'Ł', 'l'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ı', 'i'),
       abstract = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(abstract, 'ß', 'ss'), 'ẞ', 'ss'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ø', 'o'), 'Ø', 'o'), 'ł', 'l'), 'Ł', 'l'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ı', 'i')
 WHERE rowid IN (SELECT rowid FROM talk_search
                  WHERE title GLOB '*[ßẞæÆœŒøØłŁđĐðÐþÞı]*' AND NOT length(title) = length(CAST(title AS BLOB))
                     OR speakers GLOB '*[ßẞæÆœŒøØłŁđĐðÐþÞı]*' AND NOT length(speakers) = length(CAST(speakers AS BLOB))
                     OR tags GLOB '*[ßẞæÆœŒøØłŁđĐðÐþÞı]*' AND NOT length(tags) = length(CAST(tags AS BLOB))
                     OR event GLOB '*[ßẞæÆœŒøØłŁđĐðÐþÞı]*' AND NOT length(event) = length(CAST(event AS BLOB))
                     OR body GLOB '*[ßẞæÆœŒøØłŁđĐðÐþÞı]*' AND NOT length(body) = length(CAST(body AS BLOB))
                     OR abstract GLOB '*[ßẞæÆœŒøØłŁđĐðÐþÞı]*' AND NOT length(abstract) = length(CAST(abstract AS BLOB)));
