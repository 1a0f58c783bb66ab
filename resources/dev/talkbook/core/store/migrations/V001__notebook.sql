-- Talkbook notebook schema, version 1: events, talks, tags, revisions, attachments.
-- Times are ISO-8601 text (dates, local date-times) or epoch milliseconds (instants).

CREATE TABLE event (
  id          INTEGER PRIMARY KEY,
  title       TEXT    NOT NULL CHECK (length(trim(title)) > 0),
  start_date  TEXT,
  end_date    TEXT,
  location    TEXT,
  url         TEXT,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);

CREATE TABLE talk (
  id          INTEGER PRIMARY KEY,
  event_id    INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  title       TEXT    NOT NULL CHECK (length(trim(title)) > 0),
  speakers    TEXT    NOT NULL DEFAULT '',   -- one name per line
  starts_at   TEXT,
  room        TEXT,
  slides_url  TEXT,
  video_url   TEXT,
  tags        TEXT    NOT NULL DEFAULT '',   -- the talk's tag names, one per line, in its order
  body        TEXT    NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
CREATE INDEX talk_by_event ON talk (event_id, position);

CREATE TABLE tag (
  id    INTEGER PRIMARY KEY,
  name  TEXT NOT NULL UNIQUE COLLATE NOCASE
);

-- The tags as a relation, for counting and listing; talk.tags holds the same names for reading
-- and indexing a talk in one row.
CREATE TABLE talk_tag (
  talk_id   INTEGER NOT NULL REFERENCES talk (id) ON DELETE CASCADE,
  tag_id    INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  PRIMARY KEY (talk_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX talk_tag_by_tag ON talk_tag (tag_id);

CREATE TABLE revision (
  id        INTEGER PRIMARY KEY,
  talk_id   INTEGER NOT NULL REFERENCES talk (id) ON DELETE CASCADE,
  saved_at  INTEGER NOT NULL,
  reason    TEXT    NOT NULL,
  body      TEXT    NOT NULL
);
CREATE INDEX revision_by_talk ON revision (talk_id, saved_at);

-- Content-addressed: the same bytes are stored once, whatever they are called.
CREATE TABLE attachment (
  sha256      TEXT    PRIMARY KEY CHECK (length(sha256) = 64),
  media_type  TEXT    NOT NULL,
  size        INTEGER NOT NULL,
  bytes       BLOB    NOT NULL,
  created_at  INTEGER NOT NULL
) WITHOUT ROWID;

-- Which talk brought which attachment in; an attachment no talk uses any more is deleted.
CREATE TABLE talk_attachment (
  talk_id    INTEGER NOT NULL REFERENCES talk (id) ON DELETE CASCADE,
  sha256     TEXT    NOT NULL REFERENCES attachment (sha256) ON DELETE CASCADE,
  file_name  TEXT    NOT NULL,
  PRIMARY KEY (talk_id, sha256)
) WITHOUT ROWID;
CREATE INDEX talk_attachment_by_hash ON talk_attachment (sha256);
