-- Version 9: the search index holds no words of an output block's stamp. Run writes the code
-- an output came from as a stamp in the output block's fence (```output code=1a2b3c4d,
-- CodeStamp): "code" and the hash are no words a reader types, yet every talk with code that ran
-- was found by "code". talkbook_shown_text (ShownText: DroppedHtml.shownText, the rule the site's
-- search words follow) now makes spaces of them; the triggers call it for notes with a 'code='
-- too, and the notes that have one are indexed again.

DROP TRIGGER talk_search_insert;
DROP TRIGGER talk_search_notes;

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
               THEN CASE WHEN instr(new.body, '<') OR instr(new.body, '&') OR instr(new.body, ']') OR instr(new.body, 'code=')
                    THEN talkbook_shown_text(new.body) ELSE new.body END
               ELSE replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(CASE WHEN instr(new.body, '<') OR instr(new.body, '&') OR instr(new.body, ']') OR instr(new.body, 'code=')
                         THEN talkbook_shown_text(new.body) ELSE new.body END, 'ß', 'ss'), 'ẞ', 'ss'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ø', 'o'), 'Ø', 'o'), 'ł', 'l'), 'Ł', 'l'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ı', 'i') END,
          CASE WHEN length(new.abstract) = length(CAST(new.abstract AS BLOB)) THEN new.abstract
               ELSE replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.abstract, 'ß', 'ss'), 'ẞ', 'ss'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ø', 'o'), 'Ø', 'o'), 'ł', 'l'), 'Ł', 'l'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ı', 'i') END);
END;

CREATE TRIGGER talk_search_notes AFTER UPDATE OF body ON talk BEGIN
  UPDATE talk_search
     SET body = CASE WHEN length(new.body) = length(CAST(new.body AS BLOB)) AND NOT instr(new.body, '&')
                 THEN CASE WHEN instr(new.body, '<') OR instr(new.body, '&') OR instr(new.body, ']') OR instr(new.body, 'code=')
                      THEN talkbook_shown_text(new.body) ELSE new.body END
                 ELSE replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(CASE WHEN instr(new.body, '<') OR instr(new.body, '&') OR instr(new.body, ']') OR instr(new.body, 'code=')
                           THEN talkbook_shown_text(new.body) ELSE new.body END, 'ß', 'ss'), 'ẞ', 'ss'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ø', 'o'), 'Ø', 'o'), 'ł', 'l'), 'Ł', 'l'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'þ', 'th'), 'Þ', 'th'), 'ı', 'i') END
   WHERE rowid = new.id;
END;

-- Indexed again through the trigger above (the notes are set to themselves: nothing else changes).
UPDATE talk SET body = body WHERE instr(body, 'code=');
