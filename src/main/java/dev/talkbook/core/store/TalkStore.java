package dev.talkbook.core.store;

import dev.talkbook.core.notebook.DeletedTalk;
import dev.talkbook.core.notebook.NotFoundException;
import dev.talkbook.core.notebook.NotebookException;
import dev.talkbook.core.notebook.Programme;
import dev.talkbook.core.notebook.TagCount;
import dev.talkbook.core.notebook.TagRename;
import dev.talkbook.core.notebook.Tags;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.notebook.TalkHeader;
import dev.talkbook.core.notebook.TalkSummary;
import dev.talkbook.core.notebook.TimetableEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The talks of the notebook's events, with their details, tags and notes. */
public final class TalkStore {
  /** Notes larger than this are refused with a message rather than slowing everything down. */
  public static final int MAX_BODY_CHARS = 20_000_000;

  private static final String SELECT =
      "SELECT t.id, t.event_id, t.position, t.title, t.speakers, t.starts_at, t.room,"
          + " t.slides_url, t.video_url, t.tags, t.body, t.created_at, t.updated_at,"
          + " t.abstract, t.subtitle, t.duration_minutes, t.language, t.track, t.programme_uid,"
          + " t.programme_source, t.removed_at, t.starred,"
          + " t.abstract = '' AND t.subtitle IS NULL AND t.duration_minutes IS NULL"
          + " AND t.language IS NULL AND t.track IS NULL AND t.programme_uid IS NULL"
          + " AND t.programme_source IS NULL AND t.removed_at IS NULL AS no_programme"
          + " FROM talk t";

  // The columns of SELECT by number: a listing reads 22 of them for each of 10,000s of talks, and
  // a column by name is looked up again on every read. TalkStoreTest.everyColumnIsReadIntoItsField
  // fails when one of these numbers is wrong.
  private static final int ID = 1;
  private static final int EVENT_ID = 2;
  private static final int POSITION = 3;
  private static final int TITLE = 4;
  private static final int SPEAKERS = 5;
  private static final int STARTS_AT = 6;
  private static final int ROOM = 7;
  private static final int SLIDES_URL = 8;
  private static final int VIDEO_URL = 9;
  private static final int TAGS = 10;

  /** The notes in {@link #list}, their size in octets in {@link #headers}. */
  private static final int BODY = 11;

  private static final int CREATED_AT = 12;
  private static final int UPDATED_AT = 13;
  private static final int ABSTRACT = 14;
  private static final int SUBTITLE = 15;
  private static final int DURATION_MINUTES = 16;
  private static final int LANGUAGE = 17;
  private static final int TRACK = 18;
  private static final int PROGRAMME_UID = 19;
  private static final int PROGRAMME_SOURCE = 20;
  private static final int REMOVED_AT = 21;
  private static final int STARRED = 22;

  /**
   * 1 when the talk has none of a programme's details (most talks): their 8 columns are then not
   * read one by one. TalkStoreColumnsTest fails when one of them is left out.
   */
  private static final int NO_PROGRAMME = 23;

  private final Database db;
  private final Clock clock;
  private final RevisionStore revisions;
  private final AttachmentStore attachments;

  TalkStore(Database db, Clock clock, RevisionStore revisions, AttachmentStore attachments) {
    this.db = db;
    this.clock = clock;
    this.revisions = revisions;
    this.attachments = attachments;
  }

  /** The talks of an event, in their order. */
  public List<Talk> list(long eventId) {
    return db.read(
        "list the talks",
        c -> {
          EventStore.find(c, eventId).orElseThrow(() -> EventStore.notFound(eventId));
          try (PreparedStatement ps =
              c.prepareStatement(SELECT + " WHERE t.event_id = ? ORDER BY t.position, t.id")) {
            ps.setLong(1, eventId);
            return readAll(ps);
          }
        });
  }

  /**
   * The notes of an event's talks by talk id, and nothing else of them: for what already holds the
   * talks' details ({@link #headers}) and needs their notes, as the site's export does, which read
   * every talk's details twice (and checked each web address twice) when it took the notes from
   * {@link #list}. An event that is not there has no talks here.
   */
  public java.util.Map<Long, String> notes(long eventId) {
    return db.read(
        "read the notes",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT id, body FROM talk WHERE event_id = ?")) {
            ps.setLong(1, eventId);
            java.util.Map<Long, String> notes = new java.util.HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                notes.put(rs.getLong(1), rs.getString(2));
              }
            }
            return notes;
          }
        });
  }

  /**
   * Every talk of the notebook without its notes (their size and last save instead), by event and
   * position: the notes are not copied out of SQLite.
   */
  public List<TalkHeader> headers() {
    return db.read(
        "list the talks",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  SELECT.replace("t.body,", "octet_length(t.body) AS notes_bytes,")
                      + " ORDER BY t.event_id, t.position, t.id")) {
            List<TalkHeader> headers = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                headers.add(
                    new TalkHeader(
                        rs.getLong(ID),
                        rs.getLong(EVENT_ID),
                        rs.getInt(POSITION),
                        details(rs),
                        Instant.ofEpochMilli(rs.getLong(UPDATED_AT)),
                        programme(rs),
                        rs.getLong(BODY)));
              }
            }
            return headers;
          }
        });
  }

  /** Every talk of the notebook without its notes, by event and position. */
  public List<TalkSummary> summaries() {
    return db.read(
        "list the talks",
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT id, event_id, position, title, speakers, starts_at, room, starred,"
                          + " removed_at IS NOT NULL, duration_minutes FROM talk"
                          + " ORDER BY event_id, position, id");
              ResultSet rs = ps.executeQuery()) {
            List<TalkSummary> talks = new ArrayList<>();
            while (rs.next()) {
              talks.add(
                  new TalkSummary(
                      rs.getLong(1),
                      rs.getLong(2),
                      rs.getInt(3),
                      Rows.title(rs.getString(4)),
                      Rows.lines(rs.getString(5)),
                      Rows.dateTime(rs, "starts_at"),
                      rs.getString(7),
                      rs.getBoolean(8),
                      rs.getBoolean(9),
                      minutes(rs.getLong(10), rs.wasNull())));
            }
            return talks;
          }
        });
  }

  public Optional<Talk> find(long id) {
    return db.read("read a talk", c -> find(c, id));
  }

  /**
   * When the talk or its event last changed (the later of the two), or empty when the talk is gone.
   * One indexed read, cheap enough to poll: live share follows a talk that another process (the
   * window, a command) is writing this way.
   */
  public Optional<java.time.Instant> changedAt(long id) {
    return db.read(
        "check the talk for changes",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT max(t.updated_at, e.updated_at) FROM talk t"
                      + " JOIN event e ON e.id = t.event_id WHERE t.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(java.time.Instant.ofEpochMilli(rs.getLong(1)))
                  : Optional.<java.time.Instant>empty();
            }
          }
        });
  }

  /**
   * A mark of what the notebook holds saved, for a reader that follows another process's saves (a
   * read-only window): the number of talks and events and when each last changed, one cheap query.
   * Two marks differ when a talk or event was added, changed or deleted in between.
   */
  public record SavedMark(long talks, long talkChanged, long events, long eventChanged) {}

  /** The notebook's {@link SavedMark} now. */
  public SavedMark savedMark() {
    return db.read(
        "check the notebook for changes",
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT (SELECT count(*) FROM talk), (SELECT coalesce(max(updated_at), 0)"
                          + " FROM talk), (SELECT count(*) FROM event),"
                          + " (SELECT coalesce(max(updated_at), 0) FROM event)");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new SavedMark(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
          }
        });
  }

  /** The talk with this id, or a {@link NotFoundException} that says so. */
  public Talk get(long id) {
    return find(id).orElseThrow(() -> notFound(id));
  }

  static NotFoundException notFound(long id) {
    return new NotFoundException("There is no talk with id " + id + ".");
  }

  static Optional<Talk> find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE t.id = ?")) {
      ps.setLong(1, id);
      return readAll(ps).stream().findFirst();
    }
  }

  /**
   * Talks whose title contains {@code text} (ignoring case, in any script); an exact title match
   * alone when there is one. For finding a talk by name on the command line.
   */
  public List<Talk> findByTitle(String text) {
    String needle = text.strip().toLowerCase(Locale.ROOT);
    return db.read(
        "look up talks by title",
        c -> {
          // SQLite's lower() knows only ASCII, so titles are compared here, in Java.
          List<Long> contains = new ArrayList<>();
          List<Long> exact = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT id, title FROM talk ORDER BY event_id, position");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              String title = rs.getString(2).toLowerCase(Locale.ROOT);
              if (title.equals(needle)) {
                exact.add(rs.getLong(1));
              } else if (title.contains(needle)) {
                contains.add(rs.getLong(1));
              }
            }
          }
          List<Talk> found = new ArrayList<>();
          for (long id : exact.isEmpty() ? contains : exact) {
            find(c, id).ifPresent(found::add);
          }
          return found;
        });
  }

  /** Adds a talk at the end of an event. */
  public Talk create(long eventId, Talk.Details details, String body) {
    return create(eventId, details, body, Programme.NONE);
  }

  /** Adds a talk at the end of an event, with what its programme says about it. */
  public Talk create(long eventId, Talk.Details details, String body, Programme programme) {
    String notes = checkBody(body);
    return db.write(
        "create the talk",
        c -> {
          EventStore.find(c, eventId).orElseThrow(() -> EventStore.notFound(eventId));
          long now = clock.millis();
          List<String> tags = canonicalTags(c, details.tags());
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO talk (event_id, position, title, speakers, starts_at, room,"
                      + " slides_url, video_url, tags, body, created_at, updated_at, abstract,"
                      + " subtitle, duration_minutes, language, track, programme_uid,"
                      + " programme_source, removed_at)"
                      + " VALUES (?, (SELECT count(*) FROM talk WHERE event_id = ?),"
                      + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, eventId);
            ps.setLong(2, eventId);
            bindDetails(ps, 3, details);
            ps.setString(9, Rows.lines(tags));
            ps.setString(10, notes);
            ps.setLong(11, now);
            ps.setLong(12, now);
            bindProgramme(ps, 13, programme);
            ps.executeUpdate();
          }
          long id = EventStore.lastId(c);
          linkTags(c, id, tags);
          return find(c, id).orElseThrow();
        });
  }

  /** A talk to add, for {@link #createAll(List)}. */
  public record NewTalk(
      long eventId, Talk.Details details, String body, Programme programme, boolean starred) {
    public NewTalk {
      programme = programme == null ? Programme.NONE : programme;
    }

    /** Not starred. */
    public NewTalk(long eventId, Talk.Details details, String body, Programme programme) {
      this(eventId, details, body, programme, false);
    }
  }

  /**
   * Adds many talks at once, each at the end of its event, in order; returns their ids. The same as
   * {@link #create} for each, in one transaction, with each statement prepared once and nothing
   * read back: for imports (with {@link Notebook#inBulk}).
   */
  public List<Long> createAll(List<NewTalk> talks) {
    List<String> notes = new ArrayList<>(talks.size());
    for (NewTalk t : talks) {
      notes.add(checkBody(t.body()));
    }
    return db.write(
        "create the talks",
        c -> {
          List<Long> ids = new ArrayList<>(talks.size());
          Map<Long, Integer> nextPosition = new HashMap<>();
          Map<String, String> spelled = spellings(c); // a tag as first written, by Tags.key
          try (PreparedStatement count =
                  c.prepareStatement("SELECT count(*) FROM talk WHERE event_id = ?");
              PreparedStatement insert =
                  c.prepareStatement(
                      "INSERT INTO talk (event_id, position, title, speakers, starts_at, room,"
                          + " slides_url, video_url, tags, body, created_at, updated_at, abstract,"
                          + " subtitle, duration_minutes, language, track, programme_uid,"
                          + " programme_source, removed_at, starred)"
                          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
              PreparedStatement lastId = c.prepareStatement("SELECT last_insert_rowid()");
              PreparedStatement addTag =
                  c.prepareStatement(
                      "INSERT INTO tag (name) VALUES (?) ON CONFLICT (name) DO NOTHING");
              PreparedStatement link =
                  c.prepareStatement(
                      "INSERT INTO talk_tag (talk_id, tag_id, position)"
                          + " SELECT ?, id, ? FROM tag WHERE name = ?")) {
            for (int i = 0; i < talks.size(); i++) {
              NewTalk t = talks.get(i);
              Integer position = nextPosition.get(t.eventId());
              if (position == null) {
                EventStore.find(c, t.eventId()).orElseThrow(() -> EventStore.notFound(t.eventId()));
                count.setLong(1, t.eventId());
                try (ResultSet rs = count.executeQuery()) {
                  position = rs.getInt(1);
                }
              }
              nextPosition.put(t.eventId(), position + 1);
              List<String> tags = new ArrayList<>(t.details().tags().size());
              for (String tag : t.details().tags()) {
                tags.add(spelled.computeIfAbsent(Tags.key(tag), k -> tag));
              }
              long now = clock.millis();
              insert.setLong(1, t.eventId());
              insert.setInt(2, position);
              bindDetails(insert, 3, t.details());
              insert.setString(9, Rows.lines(tags));
              insert.setString(10, notes.get(i));
              insert.setLong(11, now);
              insert.setLong(12, now);
              bindProgramme(insert, 13, t.programme());
              insert.setBoolean(21, t.starred());
              insert.executeUpdate();
              long id;
              try (ResultSet rs = lastId.executeQuery()) {
                id = rs.getLong(1);
              }
              for (int n = 0; n < tags.size(); n++) {
                addTag.setString(1, tags.get(n));
                addTag.executeUpdate();
                link.setLong(1, id);
                link.setInt(2, n);
                link.setString(3, tags.get(n));
                link.executeUpdate();
              }
              ids.add(id);
            }
          }
          return ids;
        });
  }

  /**
   * Saves a talk's details (title, speakers, time, room, links, tags). A tag the talk has, given
   * spelled otherwise ({@link Tags#key} alike: "kotlin" as "Kotlin"), is respelled so on every talk
   * that has it: a tag is one spelling in the whole notebook, and the user asked for this one. A
   * tag the talk did not have keeps the notebook's spelling of it ({@link #canonicalTags}). For the
   * user's own edits only: an import saves with {@link #update(long, Talk.Details, Programme)}.
   */
  public Talk update(long id, Talk.Details details) {
    return db.write("save the talk", c -> saveDetails(c, id, details, true));
  }

  /**
   * Saves the details, the tags respelled on every talk first when {@code respell}, else in the
   * notebook's spelling.
   */
  private Talk saveDetails(Connection c, long id, Talk.Details details, boolean respell)
      throws SQLException {
    if (respell) {
      respell(c, id, details.tags());
    }
    List<String> tags = canonicalTags(c, details.tags());
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE talk SET title = ?, speakers = ?, starts_at = ?, room = ?,"
                + " slides_url = ?, video_url = ?, tags = ?, updated_at = ? WHERE id = ?")) {
      bindDetails(ps, 1, details);
      ps.setString(7, Rows.lines(tags));
      ps.setLong(8, clock.millis());
      ps.setLong(9, id);
      if (ps.executeUpdate() == 0) {
        throw notFound(id);
      }
    }
    linkTags(c, id, tags);
    deleteUnusedTags(c);
    return find(c, id).orElseThrow();
  }

  /**
   * Saves a talk's details together with what its programme says about it (a re-import). The notes
   * and the star are left as they are. The tags keep the notebook's spelling: a programme or a file
   * that spells a tag otherwise ("kotlin" for the user's "Kotlin") does not respell it.
   */
  public Talk update(long id, Talk.Details details, Programme programme) {
    return db.write(
        "save the talk",
        c -> {
          saveDetails(c, id, details, false);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE talk SET abstract = ?, subtitle = ?, duration_minutes = ?, language = ?,"
                      + " track = ?, programme_uid = ?, programme_source = ?, removed_at = ?"
                      + " WHERE id = ?")) {
            bindProgramme(ps, 1, programme);
            ps.setLong(9, id);
            ps.executeUpdate();
          }
          return find(c, id).orElseThrow();
        });
  }

  /** Puts a talk on the attendee's agenda, or takes it off. Not a change of the talk itself. */
  public Talk star(long id, boolean starred) {
    return db.write(
        starred ? "star the talk" : "unstar the talk",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE talk SET starred = ? WHERE id = ?")) {
            ps.setBoolean(1, starred);
            ps.setLong(2, id);
            if (ps.executeUpdate() == 0) {
              throw notFound(id);
            }
          }
          return find(c, id).orElseThrow();
        });
  }

  /**
   * Whether the attendee never did anything with the talk: no notes, no star, no kept revision, no
   * attachment. A programme may drop such a talk without losing anything of theirs.
   */
  public boolean untouched(long id) {
    return db.read(
        "read a talk",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT trim(body) = '' AND starred = 0"
                      + " AND NOT EXISTS (SELECT 1 FROM revision WHERE talk_id = talk.id)"
                      + " AND NOT EXISTS (SELECT 1 FROM talk_attachment WHERE talk_id = talk.id)"
                      + " FROM talk WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw notFound(id);
              }
              return rs.getBoolean(1);
            }
          }
        });
  }

  /** Every talk with a time, without notes: what an agenda (now and next) is made from. */
  public List<TimetableEntry> timetable() {
    return db.read(
        "read the timetable",
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT id, event_id, title, speakers, starts_at, duration_minutes, room,"
                          + " starred, removed_at IS NOT NULL FROM talk"
                          + " WHERE starts_at IS NOT NULL ORDER BY starts_at, room, id");
              ResultSet rs = ps.executeQuery()) {
            List<TimetableEntry> entries = new ArrayList<>();
            while (rs.next()) {
              long minutes = rs.getLong(6);
              entries.add(
                  new TimetableEntry(
                      rs.getLong(1),
                      rs.getLong(2),
                      rs.getString(3),
                      Rows.lines(rs.getString(4)),
                      Rows.dateTime(rs, "starts_at"),
                      rs.wasNull() || minutes <= 0 ? null : Duration.ofMinutes(minutes),
                      rs.getString(7),
                      rs.getBoolean(8),
                      rs.getBoolean(9)));
            }
            return entries;
          }
        });
  }

  /**
   * Which programme sessions each event holds: event id → the GUIDs/UIDs of its talks that came
   * from a programme. For finding the event a re-import belongs to.
   */
  public java.util.Map<Long, java.util.Set<String>> programmeUidsByEvent() {
    return db.read(
        "read the programme ids",
        c -> {
          java.util.Map<Long, java.util.Set<String>> byEvent = new java.util.HashMap<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT event_id, programme_uid FROM talk WHERE programme_uid IS NOT NULL");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              byEvent
                  .computeIfAbsent(rs.getLong(1), k -> new java.util.HashSet<>())
                  .add(rs.getString(2));
            }
          }
          return byEvent;
        });
  }

  /**
   * What a programme said of a talk at its last import: the values {@code ScheduleImporter} set (or
   * would have set), kept so that a re-import applies only what the programme changed since and
   * keeps what the attendee edited.
   */
  public record ProgrammeSaid(
      String title, List<String> speakers, java.time.LocalDateTime startsAt, String room) {
    public ProgrammeSaid {
      speakers = List.copyOf(speakers);
    }

    public static ProgrammeSaid of(Talk.Details d) {
      return new ProgrammeSaid(d.title(), d.speakers(), d.startsAt(), d.room());
    }
  }

  /**
   * What the programme said at its last import of each of the event's talks that has a record of it
   * (talk id → values); a talk imported before format 10, or typed in by hand, has none.
   */
  public Map<Long, ProgrammeSaid> programmeSaid(long eventId) {
    return db.read(
        "read what the programme said",
        c -> {
          Map<Long, ProgrammeSaid> said = new HashMap<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'programme_said'");
              ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              return said; // a read-only open of a notebook before format 10: nothing kept yet
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT p.talk_id, p.title, p.speakers, p.starts_at, p.room"
                      + " FROM programme_said p JOIN talk t ON t.id = p.talk_id"
                      + " WHERE t.event_id = ?")) {
            ps.setLong(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                String at = rs.getString(4);
                said.put(
                    rs.getLong(1),
                    new ProgrammeSaid(
                        rs.getString(2),
                        Rows.lines(rs.getString(3)),
                        at == null ? null : Rows.dateTime(at),
                        rs.getString(5)));
              }
            }
          }
          return said;
        });
  }

  /** Keeps what the programme said of each talk (talk id → values), replacing what was kept. */
  public void saveProgrammeSaid(Map<Long, ProgrammeSaid> said) {
    if (said.isEmpty()) {
      return;
    }
    db.write(
        "keep what the programme said",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT OR REPLACE INTO programme_said (talk_id, title, speakers, starts_at,"
                      + " room) VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<Long, ProgrammeSaid> e : said.entrySet()) {
              ProgrammeSaid p = e.getValue();
              ps.setLong(1, e.getKey());
              ps.setString(2, p.title());
              ps.setString(3, Rows.lines(p.speakers()));
              Rows.setText(ps, 4, p.startsAt());
              Rows.setText(ps, 5, p.room());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  /** The starred talks of the notebook, by time. */
  public List<Talk> starred() {
    return db.read(
        "list the starred talks",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  SELECT
                      + " WHERE t.starred = 1 ORDER BY t.starts_at IS NULL, t.starts_at, t.id")) {
            return readAll(ps);
          }
        });
  }

  public Talk rename(long id, String title) {
    return update(id, get(id).details().withTitle(title));
  }

  /**
   * Autosave: stores the talk's notes if they changed. Before overwriting, the previous text is
   * kept as a revision when the newest revision is older than the policy's interval. Returns
   * whether anything was written.
   */
  public boolean saveBody(long id, String body) {
    String notes = checkBody(body);
    return db.write(
        "save the notes",
        c -> {
          String current;
          long updatedAt;
          try (PreparedStatement ps =
              c.prepareStatement("SELECT body, updated_at FROM talk WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw notFound(id);
              }
              current = rs.getString(1);
              updatedAt = rs.getLong(2);
            }
          }
          if (current.equals(notes)) {
            return false;
          }
          revisions.keepBeforeAutosave(c, id, current, updatedAt);
          writeBody(c, id, notes, clock.millis());
          revisions.markChanged(id);
          return true;
        });
  }

  static void writeBody(Connection c, long id, String body, long now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE talk SET body = ?, updated_at = ? WHERE id = ?")) {
      ps.setString(1, body);
      ps.setLong(2, now);
      ps.setLong(3, id);
      ps.executeUpdate();
    }
  }

  /**
   * The user leaves the talk (switches to another, closes the window): keep its current notes as a
   * revision if they are not kept yet, at most one such revision per interval ({@link
   * RevisionStore#leave}).
   */
  public void leave(long id) {
    revisions.leave(id);
  }

  /**
   * Moves a talk to {@code position} (from 0, clamped) within {@code eventId}, which may be its own
   * event (reordering) or another one.
   */
  public Talk move(long id, long eventId, int position) {
    return db.write(
        "move the talk",
        c -> {
          Talk talk = find(c, id).orElseThrow(() -> notFound(id));
          EventStore.find(c, eventId).orElseThrow(() -> EventStore.notFound(eventId));
          List<Long> source = idsOf(c, talk.eventId());
          source.remove(Long.valueOf(id));
          List<Long> target = talk.eventId() == eventId ? source : idsOf(c, eventId);
          target.add(Math.max(0, Math.min(position, target.size())), id);
          if (talk.eventId() != eventId) {
            try (PreparedStatement ps =
                c.prepareStatement("UPDATE talk SET event_id = ? WHERE id = ?")) {
              ps.setLong(1, eventId);
              ps.setLong(2, id);
              ps.executeUpdate();
            }
            renumber(c, source);
          }
          renumber(c, target);
          return find(c, id).orElseThrow();
        });
  }

  /**
   * Puts an event's talks in the order given, in one statement per talk whose place changes: for an
   * import that places many talks at once ({@link #move} for each reads and renumbers the whole
   * event, which made placing 9,000 sessions take many minutes). {@code ids} must be exactly the
   * event's talks, each once.
   */
  public void reorder(long eventId, List<Long> ids) {
    db.write(
        "put the talks in order",
        c -> {
          List<Long> now = idsOf(c, eventId);
          // each of the event's talks once: [a, a, b] is not [a, b, c]
          if (now.size() != ids.size()
              || new java.util.HashSet<>(ids).size() != ids.size()
              || !new java.util.HashSet<>(now).containsAll(ids)) {
            throw new IllegalArgumentException(
                "the order given is not the event's talks ("
                    + ids.size()
                    + " for "
                    + now.size()
                    + ")");
          }
          renumber(c, ids);
          return null;
        });
  }

  /**
   * Deletes a talk with its revisions, and the attachments no other talk uses. Returns what was
   * deleted, for {@link #undelete}.
   */
  public DeletedTalk delete(long id) {
    return db.write(
        "delete the talk",
        c -> {
          DeletedTalk deleted = snapshot(c, id);
          Talk talk = deleted.talk();
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM talk WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
          }
          renumber(c, idsOf(c, talk.eventId()));
          deleteUnusedTags(c);
          attachments.deleteOrphans(c);
          revisions.forget(id);
          return deleted;
        });
  }

  /** What deleting the talk would take with it, read inside the caller's transaction. */
  DeletedTalk snapshot(Connection c, long id) throws SQLException {
    Talk talk = find(c, id).orElseThrow(() -> notFound(id));
    return new DeletedTalk(talk, revisions.all(c, id), attachments.filesOf(c, id));
  }

  /** The ids of an event's talks, in order. */
  static List<Long> talkIds(Connection c, long eventId) throws SQLException {
    return idsOf(c, eventId);
  }

  /**
   * Undoes {@link #delete}: the talk comes back under its id, at its place in its event, with its
   * notes, tags, revisions and attachments. Its event must still exist.
   */
  public Talk undelete(DeletedTalk deleted) {
    Talk t = deleted.talk();
    return db.write(
        "bring the talk back",
        c -> {
          EventStore.find(c, t.eventId())
              .orElseThrow(
                  () ->
                      new NotFoundException(
                          "The talk \"" + t.title() + "\" cannot come back: its event is gone."));
          if (find(c, t.id()).isPresent()) {
            return find(c, t.id()).orElseThrow(); // already back
          }
          List<String> tags = canonicalTags(c, t.tags());
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO talk (id, event_id, position, title, speakers, starts_at, room,"
                      + " slides_url, video_url, tags, body, created_at, updated_at, abstract,"
                      + " subtitle, duration_minutes, language, track, programme_uid,"
                      + " programme_source, removed_at, starred)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, t.id());
            ps.setLong(2, t.eventId());
            ps.setInt(3, Integer.MAX_VALUE);
            bindDetails(ps, 4, t.details());
            ps.setString(10, Rows.lines(tags));
            ps.setString(11, t.body());
            ps.setLong(12, t.createdAt().toEpochMilli());
            ps.setLong(13, t.updatedAt().toEpochMilli());
            bindProgramme(ps, 14, t.programme());
            ps.setBoolean(22, t.starred());
            ps.executeUpdate();
          }
          linkTags(c, t.id(), tags);
          List<Long> order = idsOf(c, t.eventId());
          order.remove(Long.valueOf(t.id()));
          order.add(Math.min(t.position(), order.size()), t.id());
          renumber(c, order);
          revisions.putBack(c, deleted.revisions());
          attachments.putBack(c, t.id(), deleted.attachments());
          return find(c, t.id()).orElseThrow();
        });
  }

  /** Every tag in the notebook with the number of talks carrying it, most used first. */
  public List<TagCount> tags() {
    return db.read(
        "list the tags",
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT g.name, count(tt.talk_id) FROM tag g JOIN talk_tag tt"
                          + " ON tt.tag_id = g.id GROUP BY g.id ORDER BY count(tt.talk_id) DESC,"
                          + " g.name COLLATE NOCASE");
              ResultSet rs = ps.executeQuery()) {
            // one tag spelled two ways (a notebook from before Tags.key) is one, as on the site
            Map<String, String> spelled = new HashMap<>();
            Map<String, Integer> counts = new java.util.LinkedHashMap<>();
            while (rs.next()) {
              String name = Rows.line(rs.getString(1));
              String key = Tags.key(name);
              spelled.merge(key, name, Tags::spelling);
              counts.merge(key, rs.getInt(2), Integer::sum);
            }
            List<TagCount> tags = new ArrayList<>(counts.size());
            counts.forEach((key, n) -> tags.add(new TagCount(spelled.get(key), n)));
            tags.sort(
                java.util.Comparator.comparingInt(TagCount::talks)
                    .reversed()
                    .thenComparing(TagCount::name, String.CASE_INSENSITIVE_ORDER));
            return tags;
          }
        });
  }

  /**
   * Renames the tag {@code from} ({@link Tags#key} alike: any case) to {@code to} on every talk
   * that carries it, in one step. A {@code to} that another tag already is merges the two, in that
   * tag's spelling; the same letters in another case respell it. Returns what was done, with what
   * {@link #undo(TagRename)} needs to take it back.
   */
  public TagRename renameTag(String from, String to) {
    List<String> cleaned = Tags.clean(List.of(to == null ? "" : to));
    if (cleaned.size() != 1) {
      throw new NotebookException("A tag needs a name: give the new name of \"" + from + "\".");
    }
    String wanted = cleaned.get(0);
    String fromName = from == null ? "" : from.strip();
    String fromKey = Tags.key(fromName);
    return db.write(
        "rename the tag",
        c -> {
          Map<String, String> spelled = spellings(c);
          String had = spelled.get(fromKey);
          if (had == null) {
            throw new NotebookException(
                "No talk has the tag \"" + fromName + "\"."); // the CLI adds where the tags are
          }
          String toKey = Tags.key(wanted);
          boolean merged = !toKey.equals(fromKey) && spelled.containsKey(toKey);
          String target = merged ? spelled.get(toKey) : wanted;
          if (target.equals(had)) {
            throw new NotebookException("The tag is called \"" + had + "\" already.");
          }
          Map<Long, List<String>> before = new java.util.LinkedHashMap<>();
          Map<Long, List<String>> after = new java.util.LinkedHashMap<>();
          try (var s = c.createStatement();
              ResultSet rs =
                  s.executeQuery("SELECT id, tags FROM talk WHERE tags <> '' ORDER BY id")) {
            while (rs.next()) {
              List<String> tags = Rows.lines(rs.getString(2));
              List<String> now = new ArrayList<>(tags.size());
              boolean carries = false;
              for (String tag : tags) {
                String key = Tags.key(tag);
                carries |= key.equals(fromKey);
                String name = key.equals(fromKey) ? target : tag;
                if (now.stream().noneMatch(t -> Tags.key(t).equals(Tags.key(name)))) {
                  now.add(name); // a talk that had both tags of a merge has the one once
                }
              }
              if (carries) {
                before.put(rs.getLong(1), tags);
                after.put(rs.getLong(1), now);
              }
            }
          }
          writeTags(c, after);
          return new TagRename(had, target, merged, before, after);
        });
  }

  /**
   * Takes a {@link #renameTag} back: each of its talks still there and not edited since gets the
   * tags it had before, spelled as they were; a talk whose tags changed since keeps them, with only
   * the renamed tag given back (in a merge, the two it had). After a rename in case only ("gc" →
   * "GC"), talks that got "GC" since are respelled "gc" too: one tag has one spelling.
   */
  public void undo(TagRename rename) {
    String fromKey = Tags.key(rename.from());
    String toKey = Tags.key(rename.to());
    db.write(
        "undo the tag's rename",
        c -> {
          Map<Long, List<String>> back = new java.util.LinkedHashMap<>();
          try (var s = c.createStatement();
              ResultSet rs =
                  s.executeQuery("SELECT id, tags FROM talk WHERE tags <> '' ORDER BY id")) {
            while (rs.next()) {
              long id = rs.getLong(1);
              List<String> now = Rows.lines(rs.getString(2));
              List<String> before = rename.before().get(id);
              if (before != null && now.equals(rename.after().get(id))) {
                back.put(id, before);
              } else if (before != null) {
                // edited since: the renamed tag (where it still is) back to what it replaced
                List<String> was =
                    before.stream()
                        .filter(t -> Tags.key(t).equals(fromKey) || Tags.key(t).equals(toKey))
                        .toList();
                List<String> tags = swapped(now, toKey, was);
                if (!tags.equals(now)) {
                  back.put(id, tags);
                }
              } else if (fromKey.equals(toKey)) {
                List<String> tags = swapped(now, toKey, List.of(rename.from()));
                if (!tags.equals(now)) {
                  back.put(id, tags);
                }
              }
            }
          }
          writeTags(c, back);
          return null;
        });
  }

  /** {@code tags} with the one whose key is {@code key} replaced by {@code with}, none twice. */
  private static List<String> swapped(List<String> tags, String key, List<String> with) {
    List<String> out = new ArrayList<>(tags.size() + with.size());
    for (String tag : tags) {
      for (String name : Tags.key(tag).equals(key) ? with : List.of(tag)) {
        if (out.stream().noneMatch(t -> Tags.key(t).equals(Tags.key(name)))) {
          out.add(name);
        }
      }
    }
    return out;
  }

  /** Writes each talk's tags as given (a change of the talk), then drops tags no talk has. */
  private void writeTags(Connection c, Map<Long, List<String>> tags) throws SQLException {
    long now = clock.millis();
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE talk SET tags = ?, updated_at = ? WHERE id = ?")) {
      for (Map.Entry<Long, List<String>> e : tags.entrySet()) {
        ps.setString(1, Rows.lines(e.getValue()));
        ps.setLong(2, now);
        ps.setLong(3, e.getKey());
        ps.executeUpdate();
      }
    }
    // unlinked first, so that a tag row spelled otherwise (a case-only rename) can go before the
    // new spelling's row is made
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM talk_tag WHERE talk_id = ?")) {
      for (Long id : tags.keySet()) {
        ps.setLong(1, id);
        ps.executeUpdate();
      }
    }
    deleteUnusedTags(c);
    for (Map.Entry<Long, List<String>> e : tags.entrySet()) {
      linkTags(c, e.getKey(), e.getValue());
    }
  }

  /**
   * The largest id of a talk in the notebook, or 0 when it has none. A talk added later has a
   * larger id (ids are never reused), so this tells the talks there now from those added after.
   */
  public long lastId() {
    return db.read(
        "read the last talk id",
        c -> {
          try (var s = c.createStatement();
              ResultSet rs = s.executeQuery("SELECT coalesce(max(id), 0) FROM talk")) {
            return rs.getLong(1);
          }
        });
  }

  /** The number of talks in the notebook. */
  public int count() {
    return db.read(
        "count the talks",
        c -> {
          try (var s = c.createStatement();
              ResultSet rs = s.executeQuery("SELECT count(*) FROM talk")) {
            return rs.getInt(1);
          }
        });
  }

  static String checkBody(String body) {
    String notes = body == null ? "" : body;
    if (notes.length() > MAX_BODY_CHARS) {
      throw new NotebookException(
          "These notes are "
              + notes.length() / 1_000_000
              + " million characters long; a talk's notes can hold at most "
              + MAX_BODY_CHARS / 1_000_000
              + " million. Split them across talks or attach the large part as a file.");
    }
    if (notes.indexOf('\0') >= 0) {
      return notes.replace("\0", "");
    }
    return notes;
  }

  private static void bindDetails(PreparedStatement ps, int from, Talk.Details d)
      throws SQLException {
    ps.setString(from, d.title());
    ps.setString(from + 1, Rows.lines(d.speakers()));
    Rows.setText(ps, from + 2, d.startsAt());
    Rows.setText(ps, from + 3, d.room());
    Rows.setText(ps, from + 4, d.slidesUrl());
    Rows.setText(ps, from + 5, d.videoUrl());
  }

  private static void bindProgramme(PreparedStatement ps, int from, Programme p)
      throws SQLException {
    ps.setString(from, p.abstractText());
    Rows.setText(ps, from + 1, p.subtitle());
    if (p.duration() == null) {
      ps.setNull(from + 2, java.sql.Types.INTEGER);
    } else {
      ps.setLong(from + 2, Math.max(1, p.duration().toMinutes()));
    }
    Rows.setText(ps, from + 3, p.language());
    Rows.setText(ps, from + 4, p.track());
    Rows.setText(ps, from + 5, p.uid());
    Rows.setText(ps, from + 6, p.source());
    if (p.removedAt() == null) {
      ps.setNull(from + 7, java.sql.Types.INTEGER);
    } else {
      ps.setLong(from + 7, p.removedAt().toEpochMilli());
    }
  }

  /**
   * The tags as the notebook already spells them ("Java" stays "Java" when a talk adds "java",
   * "Café crème" when one adds "CAFÉ CRÈME": {@link Tags#key}), so that every talk shows one tag
   * the same way.
   */
  private static List<String> canonicalTags(Connection c, List<String> tags) throws SQLException {
    if (tags.isEmpty()) {
      return tags;
    }
    Map<String, String> spelled = spellings(c);
    List<String> canonical = new ArrayList<>(tags.size());
    for (String tag : tags) {
      canonical.add(spelled.getOrDefault(Tags.key(tag), tag));
    }
    return canonical;
  }

  /**
   * Renames each tag talk {@code id} has that {@code wanted} spells otherwise (same {@link
   * Tags#key}) to that spelling, on every talk that has it.
   */
  private static void respell(Connection c, long id, List<String> wanted) throws SQLException {
    if (wanted.isEmpty()) {
      return;
    }
    Map<String, String> has = new HashMap<>();
    for (String tag : tagsOf(c, id)) {
      has.put(Tags.key(tag), tag);
    }
    Map<String, String> respelled = new HashMap<>();
    for (String tag : wanted) {
      String before = has.get(Tags.key(tag));
      if (before != null && !before.equals(tag)) {
        respelled.put(Tags.key(tag), tag);
      }
    }
    if (respelled.isEmpty()) {
      return;
    }
    // the tag rows of these tags, every spelling: one is renamed (unless one is spelled so
    // already), the talks are linked to it again, and the others go as unused
    try (var s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, name FROM tag");
        PreparedStatement rename = c.prepareStatement("UPDATE tag SET name = ? WHERE id = ?")) {
      Map<String, Long> renamed = new HashMap<>();
      Map<String, Long> first = new HashMap<>();
      while (rs.next()) {
        String key = Tags.key(rs.getString(2));
        if (respelled.containsKey(key)) {
          first.putIfAbsent(key, rs.getLong(1));
          if (rs.getString(2).equals(respelled.get(key))) {
            renamed.put(key, rs.getLong(1));
          }
        }
      }
      for (Map.Entry<String, Long> e : first.entrySet()) {
        if (!renamed.containsKey(e.getKey())) {
          rename.setString(1, respelled.get(e.getKey()));
          rename.setLong(2, e.getValue());
          rename.executeUpdate();
        }
      }
    }
    List<Long> talks = new ArrayList<>();
    List<List<String>> tagLists = new ArrayList<>();
    try (var s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, tags FROM talk WHERE tags <> ''")) {
      while (rs.next()) {
        List<String> tags = Rows.lines(rs.getString(2));
        List<String> now = new ArrayList<>(tags.size());
        for (String tag : tags) {
          now.add(respelled.getOrDefault(Tags.key(tag), tag));
        }
        if (!now.equals(tags)) {
          talks.add(rs.getLong(1));
          tagLists.add(now);
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE talk SET tags = ? WHERE id = ?")) {
      for (int k = 0; k < talks.size(); k++) {
        ps.setString(1, Rows.lines(tagLists.get(k)));
        ps.setLong(2, talks.get(k));
        ps.executeUpdate();
        linkTags(c, talks.get(k), tagLists.get(k));
      }
    }
    deleteUnusedTags(c); // a second spelling's row, which no talk is linked to now
  }

  /** The tags of talk {@code id} as its row holds them. */
  private static List<String> tagsOf(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT tags FROM talk WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Rows.lines(rs.getString(1)) : List.of();
      }
    }
  }

  /**
   * Each tag's spelling in the notebook by its {@link Tags#key}. SQLite's NOCASE, which the tag
   * table's names are unique by, knows only ASCII: a notebook from before tags were compared in
   * every script may hold one tag in two spellings, of which {@link Tags#spelling} is the one.
   */
  private static Map<String, String> spellings(Connection c) throws SQLException {
    Map<String, String> spelled = new HashMap<>();
    try (var s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name FROM tag")) {
      while (rs.next()) {
        String name = rs.getString(1);
        spelled.merge(Tags.key(name), name, Tags::spelling);
      }
    }
    return spelled;
  }

  /** Makes the talk_tag rows match {@code tags} (already written to talk.tags). */
  private static void linkTags(Connection c, long talkId, List<String> tags) throws SQLException {
    List<String> current = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT g.name FROM talk_tag tt JOIN tag g ON g.id = tt.tag_id WHERE tt.talk_id = ?"
                + " ORDER BY tt.position")) {
      ps.setLong(1, talkId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          current.add(rs.getString(1));
        }
      }
    }
    if (current.equals(tags)) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM talk_tag WHERE talk_id = ?")) {
      ps.setLong(1, talkId);
      ps.executeUpdate();
    }
    try (PreparedStatement addTag =
            c.prepareStatement("INSERT INTO tag (name) VALUES (?) ON CONFLICT (name) DO NOTHING");
        PreparedStatement link =
            c.prepareStatement(
                "INSERT INTO talk_tag (talk_id, tag_id, position)"
                    + " SELECT ?, id, ? FROM tag WHERE name = ?")) {
      int position = 0;
      for (String tag : tags) {
        addTag.setString(1, tag);
        addTag.executeUpdate();
        link.setLong(1, talkId);
        link.setInt(2, position++);
        link.setString(3, tag);
        link.executeUpdate();
      }
    }
  }

  static void deleteUnusedTags(Connection c) throws SQLException {
    try (var s = c.createStatement()) {
      s.executeUpdate(
          "DELETE FROM tag WHERE NOT EXISTS (SELECT 1 FROM talk_tag WHERE tag_id = tag.id)");
    }
  }

  private static List<Long> idsOf(Connection c, long eventId) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id FROM talk WHERE event_id = ? ORDER BY position, id")) {
      ps.setLong(1, eventId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }

  private static void renumber(Connection c, List<Long> ids) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE talk SET position = ? WHERE id = ? AND position <> ?")) {
      for (int i = 0; i < ids.size(); i++) {
        ps.setInt(1, i);
        ps.setLong(2, ids.get(i));
        ps.setInt(3, i);
        ps.executeUpdate();
      }
    }
  }

  private static List<Talk> readAll(PreparedStatement ps) throws SQLException {
    List<Talk> talks = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        talks.add(
            new Talk(
                rs.getLong(ID),
                rs.getLong(EVENT_ID),
                rs.getInt(POSITION),
                details(rs),
                rs.getString(BODY),
                Instant.ofEpochMilli(rs.getLong(CREATED_AT)),
                Instant.ofEpochMilli(rs.getLong(UPDATED_AT)),
                programme(rs),
                rs.getBoolean(STARRED)));
      }
    }
    return talks;
  }

  private static Talk.Details details(ResultSet rs) throws SQLException {
    String startsAt = rs.getString(STARTS_AT);
    return new Talk.Details(
        Rows.title(rs.getString(TITLE)),
        Rows.lines(rs.getString(SPEAKERS)),
        startsAt == null ? null : Rows.dateTime(startsAt),
        Rows.line(rs.getString(ROOM)),
        rs.getString(SLIDES_URL),
        rs.getString(VIDEO_URL),
        Rows.lines(rs.getString(TAGS)));
  }

  /** A length read as minutes, null when the column was NULL (no length). */
  private static Duration minutes(long minutes, boolean wasNull) {
    return wasNull || minutes <= 0 ? null : Duration.ofMinutes(minutes);
  }

  private static Programme programme(ResultSet rs) throws SQLException {
    if (rs.getInt(NO_PROGRAMME) == 1) {
      return Programme.NONE;
    }
    long minutes = rs.getLong(DURATION_MINUTES);
    Duration duration = rs.wasNull() ? null : Duration.ofMinutes(minutes);
    long removed = rs.getLong(REMOVED_AT);
    Instant removedAt = rs.wasNull() ? null : Instant.ofEpochMilli(removed);
    return new Programme(
        rs.getString(ABSTRACT),
        rs.getString(SUBTITLE),
        duration,
        rs.getString(LANGUAGE),
        rs.getString(TRACK),
        rs.getString(PROGRAMME_UID),
        rs.getString(PROGRAMME_SOURCE),
        removedAt);
  }
}
